"""The reveal: per theme every score as a dot, the median and the spread, and the shared score.

The agreed score goes through the undo stack like any score set on the theme
page; the individual votes are left as they are, so both are kept.
"""

from __future__ import annotations

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
from norddjurs_desktop.ui.rounds.ballot_page import band_style
from norddjurs_desktop.ui.rounds.round_store import RoundStore
from norddjurs_desktop.ui.rounds.score_dots import ScoreDots
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_commands import SetScoreCommand
from norddjurs_desktop.ui.screening.undo_guard import push_guarded
from norddjurs_desktop.ui.widgets.plain_text import plain


def _big(label: QLabel, points: float, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    return label


class ThemeReveal(QFrame):
    """One theme's result: title, dots, the numbers in words, and the shared score."""

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
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.result, self.store, self.undo_stack = result, store, undo_stack
        theme = deck.theme(key)
        title = _big(plain(QLabel(theme.title)), 20, bold=True)
        title.setStyleSheet(band_style(theme.colour))
        self.dots = named(ScoreDots(), f"dots_{key}")
        if result.names_shown:
            named_scores = sorted((v.score, v.name) for v in result.voters if v.score is not None)
            self.dots.set_round(
                [s for s, _ in named_scores], result.median, [n for _, n in named_scores]
            )
        else:
            self.dots.set_round(list(result.scores), result.median, [])
        spread = result.score_spread
        self.summary = _big(named(QLabel(), f"revealSummary_{key}"), 16)
        text = f"<b>{agreement_words(spread)}</b> · {spread_summary(spread)}"
        if result.by_facilitator:
            text += f" · {result.by_facilitator} indtastet af facilitator"
        self.summary.setText(text)
        self.summary.setWordWrap(True)
        self.passes = _big(plain(named(QLabel(), f"revealPasses_{key}")), 13)
        passed = [v.name for v in result.voters if v.score is None]
        if result.names_shown and passed:
            self.passes.setText("Ved ikke: " + ", ".join(passed))
        self.passes.setVisible(bool(self.passes.text()))

        self.agreed = _big(named(QLabel(), f"agreed_{key}"), 16, bold=True)
        proposal = suggested_score(spread)
        self.use_median = named(QPushButton(), f"useMedian_{key}")
        _big_button(self.use_median, 15)
        if proposal is None:
            self.use_median.setText("Ingen median at bruge")
            self.use_median.setEnabled(False)
        else:
            self.use_median.setText(f"Brug som fælles score ({proposal})")
            self.use_median.clicked.connect(lambda: self.agree(proposal))
        choose = QHBoxLayout()
        choose.addWidget(self.use_median)
        choose.addSpacing(16)
        choose.addWidget(_big(QLabel("eller vælg en anden:"), 13))
        for level in SCORE_LEVELS:
            button = named(QPushButton(str(level.value)), f"agree_{key}_{level.value}")
            button.setToolTip(f"Fælles score {score_label(level.value)}")
            button.setStyleSheet(f"background: {level.colour}; font-size: 15pt; padding: 4px;")
            button.setFixedWidth(48)
            button.clicked.connect(lambda _c=False, v=level.value: self.agree(v))
            choose.addWidget(button)
        choose.addStretch()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.dots)
        layout.addWidget(self.summary)
        layout.addWidget(self.passes)
        layout.addWidget(self.agreed)
        layout.addLayout(choose)
        on_change(self, self._on_change)
        self.refresh_agreed()

    def agree(self, score: int) -> None:
        """Record the group's shared score (undoable); the votes stay as they are."""
        key = self.result.theme_key
        if self.store.data.assessment(key).score != score:
            push_guarded(self.undo_stack, SetScoreCommand(self.store, key, score), self.store)

    def refresh_agreed(self) -> None:
        score = self.store.data.assessment(self.result.theme_key).score
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
        heading = _big(QLabel("Resultatet af den skjulte runde"), 22, bold=True)
        self.sort_box = named(QCheckBox("Størst uenighed først"), "sortByDisagreement")
        self.sort_box.setStyleSheet("font-size: 14pt;")
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
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
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
            self.rows[result.theme_key] = row
            self.body_layout.addWidget(row)
        self.empty = _big(QLabel("Der er ikke holdt en skjult runde endnu."), 16)
        self.empty.setVisible(not results)
        self.body_layout.addWidget(self.empty)
        self.body_layout.addStretch()

    def order(self) -> list[str]:
        return list(self.rows)


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
            self.resize(window.width() * 9 // 10, window.height() * 9 // 10)
        else:
            fit_to_screen(self, 1100, 760)
