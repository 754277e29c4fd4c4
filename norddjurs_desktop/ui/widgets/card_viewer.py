"""Dialogue cards of one theme, one at a time: arrow keys move, a tick marks it talked about."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Card
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit
from norddjurs_desktop.ui.widgets.plain_text import plain

KIND_LABELS = {
    "spørgsmål": "Spørgsmål",
    "dilemma": "Dilemma",
    "refleksion": "Refleksion",
    "start": "Start – gør mere",
    "stop": "Stop – gør mindre",
}


class CardViewer(QFrame):
    discussedToggled = Signal(str, bool)  # card id, discussed
    noteEdited = Signal(str, str)  # card id, the note's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardViewer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.cards: list[Card] = []
        self.discussed: set[str] = set()
        self.index = 0
        self.notes: dict[str, str] = {}
        self._note_card: str | None = None  # the card the note field belongs to
        self.kind = named(QLabel(), "cardKind")
        self.counter = named(QLabel(), "cardCounter")
        self.text = plain(named(QLabel(), "cardText"))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        self.text.setFont(font)
        self.text.setMinimumHeight(90)
        self.previous = named(QPushButton("◀ Forrige kort"), "previousCard")
        self.next = named(QPushButton("Næste kort ▶"), "nextCard")
        self.check = named(QCheckBox("Vi har talt om dette kort"), "discussedCheck")
        self.previous.clicked.connect(self.show_previous)
        self.next.clicked.connect(self.show_next)
        self.check.toggled.connect(self._toggled)
        self.note = NoteEdit(self._note_saved)
        self.note.setObjectName("cardNoteEdit")
        self.note.setPlaceholderText("Noter til kortet – gemmes af sig selv")
        self.note.setMaximumHeight(64)
        for button in (self.previous, self.next):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addStretch()
        top.addWidget(self.counter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous)
        bottom.addWidget(self.check)
        bottom.addStretch()
        bottom.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)
        note_label = QLabel("Noter til kortet")
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)

    def set_cards(
        self,
        cards: list[Card],
        discussed: set[str],
        colour: str,
        notes: dict[str, str] | None = None,
    ) -> None:
        self.note.flush()
        self._note_card = None
        self.cards, self.discussed, self.index = cards, set(discussed), 0
        self.notes = dict(notes or {})
        self.setStyleSheet(
            # The surface and its ink both come from the palette: a dark system palette
            # gives a dark card with light text, never light text on white.
            f"#cardViewer {{ border: 3px solid {colour}; border-radius: 10px;"
            " background: palette(base); color: palette(text); }"
        )
        self._show()

    def set_notes(self, discussed: set[str], notes: dict[str, str]) -> None:
        """Marks and notes changed elsewhere (the big screen's panel); stay on the same card."""
        self.discussed, self.notes = set(discussed), dict(notes)
        self._show()

    def flush(self) -> None:
        self.note.flush()

    def _note_saved(self, text: str) -> None:
        if self._note_card is not None:
            self.notes[self._note_card] = text
            self.noteEdited.emit(self._note_card, text)

    def current(self) -> Card | None:
        return self.cards[self.index] if self.cards else None

    def _show(self) -> None:
        card = self.current()
        if card is None or card.id != self._note_card:
            self.note.flush()
            self._note_card = card.id if card is not None else None
        self.note.set_saved_text(self.notes.get(card.id, "") if card is not None else "")
        self.note.setEnabled(card is not None)
        if card is None:
            self.kind.setText("")
            self.counter.setText("")
            self.text.setText("Temaet har ingen dialogkort.")
        else:
            self.kind.setText(f"<b>{KIND_LABELS.get(card.kind, card.kind)}</b>")
            talked = sum(1 for c in self.cards if c.id in self.discussed)
            self.counter.setText(f"Kort {self.index + 1} af {len(self.cards)} · {talked} talt om")
            self.text.setText(card.text)
        self.check.blockSignals(True)
        self.check.setChecked(card is not None and card.id in self.discussed)
        self.check.setEnabled(card is not None)
        self.check.blockSignals(False)
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.cards) - 1)

    def show_next(self) -> None:
        if self.index < len(self.cards) - 1:
            self.index += 1
            self._show()

    def show_previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def _toggled(self, checked: bool) -> None:
        card = self.current()
        if card is None:
            return
        if checked:
            self.discussed.add(card.id)
        else:
            self.discussed.discard(card.id)
        self._show()
        self.discussedToggled.emit(card.id, checked)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Right:
            self.show_next()
        elif event.key() == Qt.Key.Key_Left:
            self.show_previous()
        elif event.key() == Qt.Key.Key_Space:
            self.check.toggle()
        else:
            super().keyPressEvent(event)
