"""The cards of one theme: list, text and kind, up/down, hide, new and delete.

The text saves itself a moment after typing stops, like the meeting's notes;
an empty text is refused and the saved text stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import CARD_KINDS, Card, Deck, Theme
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.decks import editing
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.card_viewer import KIND_LABELS
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit


class CardPanel(QWidget):
    changed = Signal()  # a card was added, moved, hidden or deleted: reload the deck
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.deck: Deck | None = None
        self.theme: Theme | None = None
        self.shipped = False
        self._editing: str | None = None  # the card the text field belongs to
        self._select_after: str | None = None
        self.list = named(QListWidget(), "editorCardList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._show_card)
        self.kind = named(QComboBox(), "editorCardKind")
        for kind in CARD_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.kind.activated.connect(self._kind_chosen)
        self.text = NoteEdit(self._save_text)
        self.text.setObjectName("editorCardText")
        self.text.setPlaceholderText("Kortets tekst")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, label, slot in (
            ("new", "Nyt kort", self.new_card),
            ("up", "▲ Op", lambda: self.move_card(-1)),
            ("down", "▼ Ned", lambda: self.move_card(1)),
            ("hide", "Skjul", self.toggle_hidden),
            ("delete", "Slet", self.delete),
        ):
            button = named(QPushButton(label), f"editorCard_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Kort</b>"))
        layout.addWidget(self.list, 2)
        layout.addLayout(row)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel("Type:"))
        kind_row.addWidget(self.kind, 1)
        layout.addLayout(kind_row)
        layout.addWidget(self.text, 1)
        self._update_buttons()

    def set_theme(
        self, deck: Deck | None, theme: Theme | None, shipped: bool, select: str | None = None
    ) -> None:
        self.text.flush()
        self.deck, self.theme, self.shipped = deck, theme, shipped
        self.list.blockSignals(True)
        self.list.clear()
        for card in theme.cards if theme is not None else []:
            label = f"{KIND_LABELS.get(card.kind, card.kind)}: {card.text}"
            item = QListWidgetItem(("(skjult) " if card.hidden else "") + label)
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            if card.hidden:
                item.setForeground(QColor("#888888"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [card.id for card in theme.cards] if theme is not None else []
        self.list.setCurrentRow(ids.index(select) if select in ids else (0 if ids else -1))
        self._show_card(self.list.currentRow())

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _card(self, card_id: str | None) -> Card | None:
        if self.theme is None:
            return None
        return next((card for card in self.theme.cards if card.id == card_id), None)

    def _show_card(self, _row: int) -> None:
        self.text.flush()
        card = self._card(self.current_id())
        self._editing = card.id if card is not None else None
        self.text.set_saved_text(card.text if card is not None else "")
        self.text.setEnabled(card is not None)
        self.kind.setEnabled(card is not None)
        if card is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(card.kind)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        card = self._card(self.current_id())
        row, count = self.list.currentRow(), self.list.count()
        self.buttons["new"].setEnabled(self.theme is not None)
        self.buttons["up"].setEnabled(card is not None and row > 0)
        self.buttons["down"].setEnabled(card is not None and row < count - 1)
        self.buttons["hide"].setEnabled(card is not None)
        self.buttons["hide"].setText("Vis igen" if card is not None and card.hidden else "Skjul")
        own = self.deck is not None and not self.shipped
        self.buttons["delete"].setEnabled(card is not None and own)
        self.buttons["delete"].setToolTip(
            "" if own else "Kort i de medfølgende kortsæt skjules i stedet for at blive slettet."
        )

    # -- changes --------------------------------------------------------------------
    def _run(self, action: Callable[[], object], select: str | None = None) -> bool:
        try:
            action()
        except UserFacingError as error:
            self.failed.emit(str(error))
            return False
        self._select_after = select
        self.changed.emit()
        return True

    def _save_text(self, text: str) -> None:
        card_id = self._editing
        if self.deck is None or card_id is None:
            return
        deck_key = self.deck.key
        try:
            editing.edit_card(self.db, deck_key, card_id, text=text)
        except UserFacingError as error:
            self.failed.emit(str(error))
            return
        card = self._card(card_id)
        if card is not None:
            card.text = text.strip()
            item = self.list.currentItem()
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == card_id:
                prefix = "(skjult) " if card.hidden else ""
                item.setText(f"{prefix}{KIND_LABELS.get(card.kind, card.kind)}: {card.text}")

    def _kind_chosen(self, _index: int) -> None:
        card_id = self.current_id()
        if self.deck is not None and card_id is not None:
            deck_key, kind = self.deck.key, self.kind.currentData()
            self._run(lambda: editing.edit_card(self.db, deck_key, card_id, kind=kind), card_id)

    def new_card(self) -> None:
        if self.deck is None or self.theme is None:
            return
        self.text.flush()
        deck_key, theme_key = self.deck.key, self.theme.key
        try:
            key = editing.add_card(self.db, deck_key, theme_key, "Nyt kort – skriv teksten her.")
        except UserFacingError as error:
            self.failed.emit(str(error))
            return
        self._select_after = key
        self.changed.emit()
        self.text.setFocus()
        self.text.selectAll()

    def move_card(self, step: int) -> None:
        card_id = self.current_id()
        if self.deck is not None and card_id is not None:
            self.text.flush()
            deck_key = self.deck.key
            self._run(lambda: editing.move_card(self.db, deck_key, card_id, step), card_id)

    def toggle_hidden(self) -> None:
        card = self._card(self.current_id())
        if self.deck is not None and card is not None:
            deck_key = self.deck.key
            self._run(
                lambda: editing.set_card_hidden(self.db, deck_key, card.id, not card.hidden),
                card.id,
            )

    def delete(self) -> None:
        card_id = self.current_id()
        if self.deck is not None and card_id is not None:
            self.text.flush()
            deck_key = self.deck.key
            self._run(lambda: editing.delete_card(self.db, deck_key, card_id))

    def take_selection(self) -> str | None:
        """The card to select after the deck reloads (set by the last change)."""
        select, self._select_after = self._select_after, None
        return select

    def flush(self) -> None:
        self.text.flush()
