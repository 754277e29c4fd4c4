"""The hidden round on the one shared laptop: setup → (hand-over → own scores) × voters → reveal.

Each voter's answers are saved the moment they press "Gem mine svar" and the
sheet is emptied before the next hand-over, so no one can scroll back to an
earlier answer, and a crash loses at most the sheet being filled in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.rounds.ballot_page import BallotPage, HandoverPage, sized
from norddjurs_desktop.ui.rounds.reveal_view import RevealView
from norddjurs_desktop.ui.rounds.round_setup import RoundSetup, Voter
from norddjurs_desktop.ui.rounds.round_store import RoundStore
from norddjurs_desktop.ui.widgets.plain_text import plain_message


class RoundDialog(QDialog):
    def __init__(
        self,
        rounds: RoundStore,
        undo_stack: QUndoStack,
        deck: Deck,
        theme_keys: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roundDialog")
        self.setWindowTitle("Skjult runde")
        self.rounds, self.undo_stack, self.deck = rounds, undo_stack, deck
        self.anonymous = rounds.anonymity() == "anonym"
        self.themes: list[str] = []
        self.voters: list[Voter] = []
        self.current = 0
        self.by_facilitator = False
        self.round_started = False
        self.reveal: RevealView | None = None

        held = {r.theme_key for r in rounds.results()}
        self.setup = RoundSetup(deck, rounds.participants, theme_keys, rounds.anonymity(), held)
        self.setup.started.connect(self._begin)
        self.handover = HandoverPage()
        self.handover.start.connect(self._open_ballot)
        self.ballot = BallotPage(deck)
        self.ballot.saved.connect(self._save_ballot)
        self.done_page = self._make_done_page()
        self.pages = QStackedWidget()
        for page in (self.setup, self.handover, self.ballot, self.done_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        if parent is not None:
            window = parent.window()
            self.resize(max(900, window.width() * 19 // 20), max(640, window.height() * 19 // 20))
        else:
            fit_to_screen(self, 1200, 800)

    def _make_done_page(self) -> QWidget:
        page = QWidget()
        label = QLabel("Alle har svaret.\nVend skærmen, så alle kan se den.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sized(label, 32, bold=True)
        show = named(QPushButton("Vis resultatet"), "showRevealButton")
        sized(show, 26, bold=True)
        show.setMinimumSize(420, 90)
        show.clicked.connect(self.show_reveal)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addSpacing(30)
        layout.addWidget(show, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    # -- the round --------------------------------------------------------------------
    def _begin(self, theme_keys: list[str], voters: list[Voter]) -> None:
        self.themes, self.voters, self.current = list(theme_keys), list(voters), 0
        self._show_handover()

    def _show_handover(self) -> None:
        voter = self.voters[self.current]
        self.handover.show_voter(
            self.current + 1, len(self.voters), voter.name, voter.role, self.anonymous
        )
        self.pages.setCurrentWidget(self.handover)

    def _open_ballot(self, by_facilitator: bool) -> None:
        self.by_facilitator = by_facilitator
        voter = self.voters[self.current]
        who = "deltageren" if self.anonymous else f"{voter.name} ({voter.role})"
        if by_facilitator:
            header = f"Facilitatoren indtaster scoren for {who}"
        elif self.anonymous:
            header = "Din egen score – ingen ser den, før alle har svaret"
        else:
            header = f"{voter.name}: din egen score – ingen ser den, før alle har svaret"
        self.ballot.start(self.themes, header)
        self.pages.setCurrentWidget(self.ballot)

    def _save_ballot(self, answers: dict[str, int | None]) -> None:
        voter = self.voters[self.current]
        try:
            if not self.round_started:  # a new round replaces these themes' earlier votes
                self.rounds.start_round(self.themes)
                self.round_started = True
            self.rounds.record_votes(
                voter.name, voter.role, answers, by_facilitator=self.by_facilitator
            )
        except UserFacingError as error:
            QMessageBox.warning(self, "Skjult runde", plain_message(str(error)))
            return
        self.ballot.start([], "")  # wipe the sheet before anyone else sees the screen
        self.current += 1
        if self.current < len(self.voters):
            self._show_handover()
        else:
            self.pages.setCurrentWidget(self.done_page)

    def show_reveal(self) -> None:
        if self.reveal is None:
            self.reveal = RevealView(self.rounds, self.undo_stack, self.deck, self.themes)
            page = QWidget()
            close = named(QPushButton("Luk"), "closeRoundButton")
            sized(close, 14)
            close.clicked.connect(self.accept)
            row = QHBoxLayout()
            row.addStretch()
            row.addWidget(close)
            layout = QVBoxLayout(page)
            layout.addWidget(self.reveal, 1)
            layout.addLayout(row)
            self.pages.addWidget(page)
        self.pages.setCurrentIndex(self.pages.count() - 1)

    def in_progress(self) -> bool:
        return self.pages.currentWidget() in (self.handover, self.ballot)

    def reject(self) -> None:
        """Esc or the close box in the middle of a round asks first; saved answers stay."""
        if self.in_progress():
            answer = QMessageBox.question(
                self,
                "Skjult runde",
                "Runden er ikke færdig. Vil du stoppe den? De svar, der er gemt, bliver gemt.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
