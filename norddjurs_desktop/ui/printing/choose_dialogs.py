"""What to print: decks and themes for a card set, deck and paper size for the board."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.decks.library import get_deck, list_decks
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons


class CardSetDialog(QDialog):
    """A tree of decks with their themes; checking a deck checks all its themes."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kort til print")
        self.decks: dict[str, Deck] = {info.key: get_deck(db, info.key) for info in list_decks(db)}
        self.tree = named(QTreeWidget(), "cardSetTree")
        self.tree.setHeaderLabels(["Kortsæt og temaer", "Kort"])
        self.tree.setColumnWidth(0, 360)
        for deck in self.decks.values():
            top = QTreeWidgetItem([deck.title, ""])
            top.setData(0, Qt.ItemDataRole.UserRole, deck.key)
            top.setFlags(
                top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            for theme in deck.themes:
                visible = sum(1 for card in theme.cards if not card.hidden)
                child = QTreeWidgetItem([theme.title, str(visible)])
                child.setData(0, Qt.ItemDataRole.UserRole, theme.key)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = deck.key == PALETTE_DECK_KEY
                child.setCheckState(
                    0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(deck.key == PALETTE_DECK_KEY)
        note = QLabel(
            "A4 med 8 kort pr. ark, forsider og bagsider skiftevis. Skjulte kort kommer ikke med."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(ok_cancel_buttons(self, "Lav PDF"))
        self.resize(520, 520)

    def selection(self) -> list[Deck]:
        """The decks with at least one chosen theme, holding only their chosen themes.

        Filtering per deck (not by a set of theme keys) matters: theme keys are
        unique within a deck, not across decks.
        """
        decks: list[Deck] = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            if top is None:
                continue
            children = [top.child(i) for i in range(top.childCount())]
            chosen = {
                child.data(0, Qt.ItemDataRole.UserRole)
                for child in children
                if child is not None and child.checkState(0) == Qt.CheckState.Checked
            }
            if chosen:
                deck = self.decks[top.data(0, Qt.ItemDataRole.UserRole)]
                decks.append(_only_themes(deck, chosen))
        return decks

    def accept(self) -> None:
        decks = self.selection()
        if not any(card for deck in decks for _t, card in deck.all_cards() if not card.hidden):
            QMessageBox.information(self, "Ingen kort", "Vælg mindst ét tema med synlige kort.")
            return
        super().accept()


def _only_themes(deck: Deck, keys: set[str]) -> Deck:
    themes = [theme for theme in deck.themes if theme.key in keys]
    return Deck(deck.key, deck.title, deck.description, deck.version, themes)


class BoardDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Spilleplade")
        self.db = db
        self.deck_combo = named(QComboBox(), "boardDeckCombo")
        for info in list_decks(db):
            self.deck_combo.addItem(info.title, info.key)
        self.deck_combo.setCurrentIndex(max(0, self.deck_combo.findData(PALETTE_DECK_KEY)))
        self.a3 = named(QRadioButton("A3 – til mødebordet"), "boardA3")
        self.a4 = named(QRadioButton("A4 – som uddeling"), "boardA4")
        self.a3.setChecked(True)
        sizes = QVBoxLayout()
        sizes.addWidget(self.a3)
        sizes.addWidget(self.a4)
        form = QFormLayout()
        form.addRow("Kortsæt:", self.deck_combo)
        form.addRow("Papir (liggende):", sizes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel_buttons(self, "Lav PDF"))

    def paper_size(self) -> str:
        return "A3" if self.a3.isChecked() else "A4"

    def deck(self) -> Deck:
        return get_deck(self.db, self.deck_combo.currentData())
