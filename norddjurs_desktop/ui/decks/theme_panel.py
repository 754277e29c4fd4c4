"""One theme's name, description, colour and symbol; each saved when it is changed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.decks import SYMBOLS, Deck, Theme
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.decks import editing
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit
from norddjurs_desktop.ui.widgets.symbols import paint_symbol

SYMBOL_NAMES = {
    "circle": "Cirkel",
    "square": "Firkant",
    "triangle": "Trekant",
    "diamond": "Rombe",
    "star": "Stjerne",
    "hexagon": "Sekskant",
    "cross": "Kryds",
    "ring": "Ring",
}


def symbol_icon(symbol: str, colour: str) -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    paint_symbol(painter, symbol, QRectF(3, 3, 18, 18), QColor(colour))
    painter.end()
    return QIcon(pixmap)


class ThemePanel(QWidget):
    changed = Signal()  # title, colour or symbol changed: lists show them
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.deck: Deck | None = None
        self.theme: Theme | None = None
        self.title = named(QLineEdit(), "editorThemeTitle")
        self.title.editingFinished.connect(self._save_title)
        self.description = NoteEdit(self._save_description)
        self.description.setObjectName("editorThemeDescription")
        self.description.setMaximumHeight(110)
        self.colour = named(QPushButton(), "editorThemeColour")
        self.colour.clicked.connect(self._choose_colour)
        self.symbol = named(QComboBox(), "editorThemeSymbol")
        self.symbol.activated.connect(
            lambda _i: self._save(symbol=self.symbol.currentData(), reload=True)
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Navn:", self.title)
        form.addRow("Beskrivelse:", self.description)
        form.addRow("Farve:", self.colour)
        form.addRow("Symbol:", self.symbol)
        self.set_theme(None, None)

    def set_theme(self, deck: Deck | None, theme: Theme | None) -> None:
        self.description.flush()
        self.deck, self.theme = deck, theme
        for widget in (self.title, self.description, self.colour, self.symbol):
            widget.setEnabled(theme is not None)
        self.title.setText(theme.title if theme else "")
        self.description.set_saved_text(theme.description if theme else "")
        colour = theme.colour if theme else "#cccccc"
        # The colour itself on the button, never its hex code; a click opens the picker.
        self.colour.setText("Vælg farve …")
        self.colour.setAccessibleName("Temaets farve – vælg en anden")
        self.colour.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: {ink_for(colour)}; padding: 4px 16px; }}"
        )
        self.symbol.clear()
        for symbol in SYMBOLS:
            self.symbol.addItem(symbol_icon(symbol, colour), SYMBOL_NAMES[symbol], symbol)
        if theme is not None:
            self.symbol.setCurrentIndex(SYMBOLS.index(theme.symbol))

    def _save(self, reload: bool = False, **fields: str) -> bool:
        if self.deck is None or self.theme is None:
            return False
        try:
            editing.edit_theme(self.db, self.deck.key, self.theme.key, **fields)
        except UserFacingError as error:
            self.failed.emit(str(error))
            return False
        for name, value in fields.items():
            setattr(self.theme, name, value.strip() if name != "colour" else value.lower())
        if reload:
            self.changed.emit()
        return True

    def _save_description(self, text: str) -> None:
        self._save(description=text)

    def _save_title(self) -> None:
        if self.theme is None or self.title.text().strip() == self.theme.title:
            return
        if not self._save(title=self.title.text(), reload=True):
            self.title.setText(self.theme.title)

    def _choose_colour(self) -> None:
        if self.theme is None:
            return
        chosen = QColorDialog.getColor(QColor(self.theme.colour), self, "Temaets farve")
        if chosen.isValid():
            self._save(colour=chosen.name(), reload=True)

    def flush(self) -> None:
        self.description.flush()
