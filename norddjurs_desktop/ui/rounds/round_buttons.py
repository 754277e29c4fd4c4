"""'Skjult runde …' and 'Vis runden': the two buttons the palette and a theme page share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.rounds.reveal_view import RevealDialog
from norddjurs_desktop.ui.rounds.round_dialog import RoundDialog
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore


class RoundButtons(QWidget):
    """``theme_keys()`` says which themes the round is about (all eight, or the open one)."""

    def __init__(
        self,
        store: ScreeningStore,
        undo_stack: QUndoStack,
        deck: Deck,
        theme_keys: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rounds = store.rounds
        self.undo_stack, self.deck, self.theme_keys = undo_stack, deck, theme_keys
        self.round_dialog: RoundDialog | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.round_button = named(QPushButton("Skjult runde …"), "roundButton")
        self.round_button.setToolTip(
            "Hver deltager scorer først for sig selv, skjult for de andre; så vises spredningen."
        )
        self.round_button.clicked.connect(self.open_round)
        self.show_button = named(QPushButton("Vis runden"), "showRoundButton")
        self.show_button.clicked.connect(self.open_reveal)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.round_button)
        layout.addWidget(self.show_button)
        on_change(self, self._on_change)
        self.refresh()

    def _on_change(self, changes: Changes) -> None:
        if self.rounds.store.concerns(changes, Kind.ROUNDS):
            self.refresh()

    def refresh(self) -> None:
        held = self.rounds.has_round(self.theme_keys())
        self.show_button.setEnabled(held)
        self.show_button.setToolTip(
            "Vis resultatet af den skjulte runde igen." if held else "Der er ingen runde endnu."
        )

    def open_round(self) -> RoundDialog:
        if self.round_dialog is not None:
            self.round_dialog.deleteLater()
        self.round_dialog = RoundDialog(
            self.rounds, self.undo_stack, self.deck, self.theme_keys(), self
        )
        self.round_dialog.open()
        return self.round_dialog

    def open_reveal(self) -> RevealDialog:
        if self.reveal_dialog is not None:
            self.reveal_dialog.deleteLater()
        self.reveal_dialog = RevealDialog(
            self.rounds, self.undo_stack, self.deck, self.theme_keys(), self
        )
        self.reveal_dialog.open()
        return self.reveal_dialog
