"""The reveal: all themes on one screen, each with its dots, median, spread and shared score.

The agreed score goes through the undo stack like any score set on the theme
page; the individual votes are left as they are, so both are kept.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.domain.rounds import (
    agreement_words,
    disagreement,
    spread_summary,
    suggested_score,
)
from norddjurs_desktop.domain.scoring import SCORE_LEVELS, score_label
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.rounds import ThemeRound
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.common.theme import as_card, set_role
from norddjurs_desktop.ui.rounds.ballot_page import band_style
from norddjurs_desktop.ui.rounds.round_store import RoundStore
from norddjurs_desktop.ui.rounds.score_dots import ScoreDots
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_commands import SetScoreCommand
from norddjurs_desktop.ui.screening.undo_guard import push_guarded
from norddjurs_desktop.ui.widgets.elided_label import ElidedLabel
from norddjurs_desktop.ui.widgets.plain_text import plain


def _big(label: QLabel, points: float, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    return label


class ThemeReveal(QFrame):
    """One theme's result on one row: title, dots, the numbers in words, and the shared score.

    A row, not a page: all eight themes fit one screen at 1366×768, so the group
    sees where it agrees and where it does not before talking about any of them.
    """

    agreedHere = Signal(str)  # theme key: the group chose a shared score on this row

    def __init__(
        self,
        result: ThemeRound,
        store: ScreeningStore,
        undo_stack: QUndoStack,
        deck: Deck,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        key = result.theme_key
        self.setObjectName(f"reveal_{key}")
        as_card(self)
        self.result, self.store, self.undo_stack = result, store, undo_stack
        theme = deck.theme(key)
        title = _big(plain(QLabel(theme.title)), 12.5, bold=True)
        title.setStyleSheet(band_style(theme.colour))
        title.setWordWrap(True)
        title.setFixedWidth(170)
        self.dots = named(ScoreDots(), f"dots_{key}")
        if result.names_shown:
            named_scores = sorted((v.score, v.name) for v in result.voters if v.score is not None)
            self.dots.set_round(
                [s for s, _ in named_scores], result.median, [n for _, n in named_scores]
            )
        else:
            self.dots.set_round(list(result.scores), result.median, [])
        spread = result.score_spread
        self.summary = named(QLabel(), f"revealSummary_{key}")
        text = f"<b>{agreement_words(spread)}</b> · {spread_summary(spread)}"
        if result.by_facilitator:
            text += f" · {result.by_facilitator} indtastet af facilitator"
        self.summary.setText(text)
        self.summary.setWordWrap(True)
        set_role(self.summary, "small")
        # names in words under the dots (never beside them, where neighbours overlapped)
        self.passes = set_role(named(ElidedLabel(), f"revealPasses_{key}"), "small")
        words: list[str] = []
        if result.names_shown:
            for score, labels in self.dots.stacks().items():
                words.append(f"{score}: {', '.join(labels)}")
            passed = [v.name for v in result.voters if v.score is None]
            if passed:
                words.append("Ved ikke: " + ", ".join(passed))
        self.passes.set_full_text(" · ".join(words))
        self.passes.setVisible(bool(words))

        self.agreed = named(QLabel(), f"agreed_{key}")
        self.agreed.setStyleSheet("font-weight: bold;")
        self.proposal = suggested_score(spread)
        self.use_median = named(QPushButton(), f"useMedian_{key}")
        if self.proposal is None:
            self.use_median.setText("Ingen median")
            self.use_median.setEnabled(False)
        else:
            proposal = self.proposal
            self.use_median.setText(f"Median ({proposal})")
            self.use_median.setToolTip(f"Brug medianen som fælles score: {score_label(proposal)}")
            self.use_median.clicked.connect(lambda: self.agree(proposal))
        self.score_buttons: dict[int, QPushButton] = {}
        choose = QHBoxLayout()
        choose.setSpacing(4)
        choose.addWidget(self.use_median)
        for level in SCORE_LEVELS:
            button = named(QPushButton(str(level.value)), f"agree_{key}_{level.value}")
            button.setToolTip(f"Fælles score {score_label(level.value)}")
            button.setAccessibleName(f"{theme.title}: fælles score {score_label(level.value)}")
            ink = ink_for(level.colour)
            button.setStyleSheet(
                f"QPushButton {{ background: {level.colour}; color: {ink}; font-weight: bold; }}"
                " QPushButton:checked { border: 3px solid palette(text); }"
            )
            button.setCheckable(True)
            button.setFixedWidth(40)
            button.clicked.connect(lambda _c=False, v=level.value: self.agree(v))
            self.score_buttons[level.value] = button
            choose.addWidget(button)

        middle = QVBoxLayout()
        middle.setSpacing(2)
        middle.addWidget(self.dots)
        middle.addWidget(self.passes)
        words_box = QVBoxLayout()
        words_box.setSpacing(2)
        words_box.addWidget(self.agreed)
        words_box.addWidget(self.summary)
        words_widget = QWidget()
        words_widget.setLayout(words_box)
        words_widget.setFixedWidth(290)
        words_box.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(title)
        layout.addLayout(middle, 1)
        layout.addWidget(words_widget)
        layout.addLayout(choose)
        on_change(self, self._on_change)
        self.refresh_agreed()

    def agree(self, score: int) -> None:
        """Record the group's shared score (undoable); the votes stay as they are."""
        key = self.result.theme_key
        if self.store.data.assessment(key).score != score:
            push_guarded(self.undo_stack, SetScoreCommand(self.store, key, score), self.store)
        self.agreedHere.emit(key)
        self.refresh_agreed()

    def refresh_agreed(self) -> None:
        score = self.store.data.assessment(self.result.theme_key).score
        for value, button in self.score_buttons.items():
            button.setChecked(value == score)
        self.agreed.setText(
            "Fælles score: ikke valgt endnu"
            if score is None
            else f"Fælles score: {score_label(score)}"
        )

    def _on_change(self, changes: Changes) -> None:
        if self.store.concerns(changes, Kind.ASSESSMENTS):
            self.refresh_agreed()


def _big_button(button: QPushButton, points: float) -> None:
    font = QFont(button.font())
    font.setPointSizeF(points)
    button.setFont(font)
    button.setMinimumHeight(44)


class RevealView(QWidget):
    """All themes of the round; sortable so the talk starts where views differ most."""

    def __init__(
        self,
        rounds: RoundStore,
        undo_stack: QUndoStack,
        deck: Deck,
        theme_keys: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rounds, self.undo_stack, self.deck = rounds, undo_stack, deck
        self.theme_keys = theme_keys
        self.rows: dict[str, ThemeReveal] = {}
        self.agreed_here: set[str] = set()
        heading = set_role(QLabel("Resultatet af den skjulte runde"), "title")
        self.all_medians = named(QPushButton("Brug medianerne"), "useAllMedians")
        self.all_medians.setToolTip(
            "Giv hvert tema, I ikke har valgt en fælles score for her, medianen som fælles "
            "score – ret dem bagefter med ét klik. Kan fortrydes samlet."
        )
        self.all_medians.clicked.connect(self.use_medians)
        self.sort_box = named(QCheckBox("Størst uenighed først"), "sortByDisagreement")
        self.sort_box.toggled.connect(lambda _on: self.refresh())
        self.names_button = named(
            QPushButton("Vis navne (kun facilitator)"), "facilitatorNamesButton"
        )
        self.names_button.setCheckable(True)
        self.names_button.toggled.connect(lambda _on: self.refresh())
        self.empty: QLabel | None = None
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(self.names_button)
        top.addWidget(self.sort_box)
        top.addWidget(self.all_medians)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSpacing(4)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.results_scroll = scroll = named(QScrollArea(), "revealScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        on_change(self, self._on_rounds_change)
        self.refresh()

    def results(self) -> list[ThemeRound]:
        """The shown results: names only for the facilitator's view, when the mode allows."""
        show_names = self.names_button.isChecked()
        found = self.rounds.results(for_facilitator=show_names)
        if self.theme_keys is not None:
            found = [r for r in found if r.theme_key in self.theme_keys]
        if self.sort_box.isChecked():
            found.sort(key=lambda r: disagreement(r.score_spread), reverse=True)
        return found

    def _on_rounds_change(self, changes: Changes) -> None:
        if self.rounds.store.concerns(changes, Kind.ROUNDS):
            self.refresh()

    def refresh(self) -> None:
        self.names_button.setVisible(self.rounds.anonymity() == "facilitator")
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.rows = {}
        results = self.results()
        for result in results:
            row = ThemeReveal(result, self.rounds.store, self.undo_stack, self.deck)
            row.agreedHere.connect(self.agreed_here.add)
            self.rows[result.theme_key] = row
            self.body_layout.addWidget(row)
        self.empty = set_role(QLabel("Der er ikke holdt en skjult runde endnu."), "heading")
        self.empty.setVisible(not results)
        self.all_medians.setEnabled(bool(results))
        self.body_layout.addWidget(self.empty)
        self.body_layout.addStretch()

    def order(self) -> list[str]:
        return list(self.rows)

    def use_medians(self) -> None:
        """The median for every theme not yet agreed on here: one undo step for them all."""
        rows = [
            row
            for key, row in self.rows.items()
            if key not in self.agreed_here and row.proposal is not None
        ]
        if not rows:
            return
        self.undo_stack.beginMacro("Brug medianerne")
        try:
            for row in rows:
                key = row.result.theme_key
                if row.proposal != row.store.data.assessment(key).score:
                    command = SetScoreCommand(row.store, key, row.proposal)
                    push_guarded(self.undo_stack, command, row.store)
        finally:
            self.undo_stack.endMacro()
        for row in rows:
            row.refresh_agreed()


class RevealDialog(QDialog):
    """'Vis runden': the reveal again, after the round dialog was closed."""

    def __init__(
        self,
        rounds: RoundStore,
        undo_stack: QUndoStack,
        deck: Deck,
        theme_keys: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        self.setWindowTitle("Den skjulte runde")
        self.view = RevealView(rounds, undo_stack, deck, theme_keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        if parent is not None:
            window = parent.window()
            # nearly the whole window: all eight themes without scrolling at 1366×768
            self.resize(window.width() * 92 // 100, max(560, window.height() - 10))
        else:
            fit_to_screen(self, 1100, 760)
