"""One theme in the mapping step: description, dialogue cards, score and notes."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.decks import Deck, Theme
from norddjurs_desktop.domain.scoring import SCORE_LEVELS
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.rounds.round_buttons import RoundButtons
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_commands import SetNotesCommand, SetScoreCommand
from norddjurs_desktop.ui.screening.undo_guard import push_guarded
from norddjurs_desktop.ui.shell.action_registry import add_page_shortcut, shortcut_text
from norddjurs_desktop.ui.widgets.card_viewer import CardViewer
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit
from norddjurs_desktop.ui.widgets.plain_text import plain
from norddjurs_desktop.ui.widgets.theme_tile import readable_text_colour

HANDLING_KEY = "handling"


class ThemeView(QWidget):
    backRequested = Signal()
    moveRequested = Signal(int)  # -1 previous theme, +1 next theme

    def __init__(
        self,
        store: ScreeningStore,
        undo_stack: QUndoStack,
        deck: Deck,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.deck = store, undo_stack, deck
        self.theme: Theme | None = None
        self.header = named(QLabel(), "themeHeader")
        self.header.setMinimumHeight(44)
        self.description = plain(named(QLabel(), "themeDescription"))
        self.description.setWordWrap(True)
        self.cards = CardViewer()
        self.cards.discussedToggled.connect(self._card_discussed)
        self.cards.noteEdited.connect(self._card_note)
        self.presenter: object | None = None  # the running big-screen session, if any

        self.score_group = QButtonGroup(self)
        self.score_group.setExclusive(False)
        scores = QHBoxLayout()
        for level in SCORE_LEVELS:
            button = named(QPushButton(f"{level.value}\n{level.label}"), f"score{level.value}")
            button.setCheckable(True)
            button.setMinimumHeight(52)
            # the chosen score in its colour, with ink that reads on it (white on the red 1)
            ink = ink_for(level.colour)
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {level.colour}; color: {ink};"
                " font-weight: bold; border: 3px solid palette(text); }"
            )
            key = shortcut_text(f"score_{level.value}")
            button.setToolTip(f"Score {level.value}: {level.label} ({key})")
            self.score_group.addButton(button, level.value)
            scores.addWidget(button)
            add_page_shortcut(self, f"score_{level.value}", partial(self._score, level.value))
        self.score_group.idClicked.connect(self._score)
        score_box = QGroupBox("Hvor står vi? Score 1–5")
        score_box.setLayout(scores)

        self.resources = NoteEdit(lambda text: self._notes("resources", text))
        self.resources.setObjectName("resourcesEdit")
        self.resources.setPlaceholderText("Det der virker hos os …")
        self.challenges = NoteEdit(lambda text: self._notes("challenges", text))
        self.challenges.setObjectName("challengesEdit")
        self.challenges.setPlaceholderText("Det der ikke virker endnu …")
        notes = QGridLayout()
        notes.addWidget(QLabel("<b>Ressourcer</b> – det der virker"), 0, 0)
        notes.addWidget(QLabel("<b>Udfordringer</b> – det der ikke virker"), 0, 1)
        notes.addWidget(self.resources, 1, 0)
        notes.addWidget(self.challenges, 1, 1)

        back = named(QPushButton("◀ Til paletten (Esc)"), "backToPalette")
        back.clicked.connect(self.backRequested)
        previous = named(QPushButton("Forrige tema"), "previousTheme")
        previous.clicked.connect(lambda: self.moveRequested.emit(-1))
        following = named(QPushButton("Næste tema"), "nextTheme")
        following.clicked.connect(lambda: self.moveRequested.emit(1))
        add_page_shortcut(self, "theme_back", self.backRequested.emit)
        add_page_shortcut(self, "theme_next", lambda: self.moveRequested.emit(1))
        add_page_shortcut(self, "theme_previous", lambda: self.moveRequested.emit(-1))
        previous.setToolTip(shortcut_text("theme_previous"))
        following.setToolTip(shortcut_text("theme_next"))
        nav = QHBoxLayout()
        nav.addWidget(back)
        present = named(QPushButton("Vis på storskærm (F5)"), "presentButton")
        present.setToolTip("Vis temaets kort ét ad gangen i stor skrift, fx på en projektor")
        present.clicked.connect(self.present)
        add_page_shortcut(self, "present", self.present)
        nav.addWidget(present)
        # Håndtering only: the contact plan of the 1-3-10 model (issue 10)
        self.contact_plan_button = named(QPushButton("Kontaktplan …"), "contactPlanButton")
        self.contact_plan_button.setToolTip("Datoer for kontakt og adviser ud fra første sygedag")
        self.contact_plan_button.clicked.connect(self.open_contact_plan)
        self.contact_plan_button.hide()
        nav.addWidget(self.contact_plan_button)
        nav.addStretch()
        # the hidden round for this theme only
        self.round_buttons = RoundButtons(
            store, undo_stack, deck, lambda: [self.theme.key] if self.theme else []
        )
        nav.addWidget(self.round_buttons)
        nav.addSpacing(24)
        nav.addWidget(previous)
        nav.addWidget(following)

        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.header)
        layout.addWidget(self.description)
        layout.addWidget(self.cards, 2)
        layout.addWidget(score_box)
        layout.addLayout(notes, 2)
        on_change(self, self._on_change)

    def set_deck(self, deck: Deck) -> None:
        """The edited deck; the theme on screen is shown again from it."""
        self.deck = deck
        self.round_buttons.deck = deck
        if self.theme is not None:
            self.show_theme(self.theme.key)

    def show_theme(self, key: str) -> None:
        self.flush()
        self.theme = self.deck.theme(key)
        colour = self.theme.colour
        text = readable_text_colour_name(colour)
        self.header.setText(
            f"<span style='font-size:16pt; font-weight:bold'>{escape(self.theme.title)}</span>"
        )
        self.header.setStyleSheet(
            f"background: {colour}; color: {text}; padding: 6px 12px; border-radius: 6px;"
        )
        self.description.setText(self.theme.description)
        self.contact_plan_button.setVisible(key == HANDLING_KEY)
        notes = self.store.card_notes(self.deck.key)
        discussed = {card_id for card_id, note in notes.items() if note.discussed}
        self.cards.set_cards(
            self.theme.cards, discussed, colour, {key: n.note for key, n in notes.items()}
        )
        self._load_assessment()
        self.round_buttons.refresh()
        self.cards.setFocus()

    def _load_assessment(self) -> None:
        if self.theme is None:
            return
        assessment = self.store.data.assessment(self.theme.key)
        for button in self.score_group.buttons():
            button.setChecked(self.score_group.id(button) == assessment.score)
        self.resources.set_saved_text(assessment.resources)
        self.challenges.set_saved_text(assessment.challenges)

    def _on_change(self, changes: Changes) -> None:
        if self.store.concerns(changes, Kind.ASSESSMENTS):
            self._load_assessment()
        if self.store.concerns(changes, Kind.CARD_NOTES):
            self._card_notes_changed()

    def _score(self, value: int) -> None:
        if self.theme is None:
            return
        current = self.store.data.assessment(self.theme.key).score
        new = None if current == value else value  # clicking the chosen score clears it
        command = SetScoreCommand(self.store, self.theme.key, new)
        if not push_guarded(self.undo_stack, command, self.store):
            self._load_assessment()  # the clicked button shows the stored score again

    def _notes(self, field: str, text: str) -> bool:
        if self.theme is None:
            return True
        command = SetNotesCommand(self.store, self.theme.key, field, text)
        return push_guarded(self.undo_stack, command, self.store)

    def _card_discussed(self, card_id: str, discussed: bool) -> None:
        self.store.set_card_note(self.deck.key, card_id, discussed=discussed)

    def _card_note(self, card_id: str, text: str) -> None:
        self.store.set_card_note(self.deck.key, card_id, note=text)

    def _card_notes_changed(self) -> None:
        if self.theme is not None:
            notes = self.store.card_notes(self.deck.key)
            discussed = {key for key, note in notes.items() if note.discussed}
            self.cards.set_notes(discussed, {key: n.note for key, n in notes.items()})

    def present(self) -> None:
        """The cards on the big screen, from the card shown here (deck and themes can change)."""
        from norddjurs_desktop.ui.presenter.setup_dialog import present

        if not self.isVisible():
            return
        self.cards.flush()
        card = self.cards.current()
        self.presenter = present(
            self,
            self.store,
            self.deck.key,
            self.theme.key if self.theme is not None else None,
            card.id if card is not None else None,
        )

    def open_contact_plan(self) -> QWidget:
        from norddjurs_desktop.ui.tools.contact_plan_dialog import open_contact_plan

        return open_contact_plan(self, self.store.db)

    def flush(self) -> None:
        self.cards.flush()
        self.resources.flush()
        self.challenges.flush()


def readable_text_colour_name(colour: str) -> str:
    from PySide6.QtGui import QColor

    return readable_text_colour(QColor(colour)).name()
