"""Typing the data portal's key figures month by month: absence %, sick days, FTE.

A row is saved as soon as it is complete and valid (there is no Save
button); a bad value gets a Danish message naming the row and is not saved.
Numbers take a Danish decimal comma (``7,2``), thousands dots (``1.234,5``)
and an optional % sign.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import format_number
from norddjurs_desktop.services import key_figures as key_figure_service
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.services.key_figures import KeyFigureRow
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import change_hub
from norddjurs_desktop.ui.common.theme import current_colours

HEADERS = ("Måned (mm-åååå)", "Fravær %", "Sygedage", "Årsværk")
_MONTH = re.compile(r"^(\d{1,2})\s*[-./ ]\s*(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_month(text: str) -> date:
    """'03-2025', '3.2025' or '2025-03' → 1 March 2025; ValueError (Danish) otherwise."""
    cleaned = text.strip()
    match = _MONTH.match(cleaned)
    if match:
        month, year = int(match.group(1)), int(match.group(2))
    elif (iso := _ISO_MONTH.match(cleaned)) is not None:
        year, month = int(iso.group(1)), int(iso.group(2))
    else:
        raise ValueError(f"'{cleaned}' er ikke en måned. Skriv den som mm-åååå, fx 03-2025.")
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ValueError(f"'{cleaned}' er ikke en gyldig måned. Skriv den som mm-åååå, fx 03-2025.")
    return date(year, month, 1)


def parse_number(text: str) -> float | None:
    """Danish number text → float; '' → None; ValueError (Danish) for anything else."""
    cleaned = text.replace("%", "").replace("\u00a0", "").replace(" ", "").strip()
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(f"'{text.strip()}' er ikke et tal. Brug decimalkomma, fx 7,2.") from None


def _number_text(value: float | None, decimals: int) -> str:
    return "" if value is None else format_number(value, decimals)


class KeyFiguresEditor(QWidget):

    def __init__(self, db: Database, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFiguresEditor")
        self.db, self.unit_id = db, unit_id
        self._stored: dict[int, date] = {}  # table row → the month stored for it
        self.table = named(QTableWidget(0, len(HEADERS)), "keyFiguresTable")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._changed)
        self.message = named(QLabel(), "keyFiguresMessage")
        self.message.setWordWrap(True)
        self.delete_button = named(QPushButton("Slet måned"), "deleteKeyFigureButton")
        self.delete_button.clicked.connect(self.delete_selected)
        help_text = QLabel(
            "Skriv tallene fra dataportalen, én måned pr. række. En række gemmes, så snart "
            "måneden og mindst ét tal er udfyldt. Brug decimalkomma, fx 7,2."
        )
        help_text.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        rows = key_figure_service.list_key_figures(self.db, self.unit_id)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._stored.clear()
        for number, row in enumerate(rows):
            self.table.insertRow(number)
            self._fill(number, row)
            self._stored[number] = row.month
        self.table.blockSignals(False)
        self._ensure_blank_row()

    def _fill(self, number: int, row: KeyFigureRow) -> None:
        texts = (
            f"{row.month:%m-%Y}",
            _number_text(row.absence_pct, 1),
            _number_text(row.sick_days, 1),
            _number_text(row.fte, 1),
        )
        for column, text in enumerate(texts):
            self.table.setItem(number, column, QTableWidgetItem(text))

    def _ensure_blank_row(self) -> None:
        last = self.table.rowCount() - 1
        if last >= 0 and not any(self.cell(last, c) for c in range(len(HEADERS))):
            return
        self.table.blockSignals(True)
        self.table.insertRow(last + 1)
        for column in range(len(HEADERS)):
            self.table.setItem(last + 1, column, QTableWidgetItem(""))
        self.table.blockSignals(False)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_row(self, row: int, month: str, pct: str = "", days: str = "", fte: str = "") -> None:
        """Type a whole row as a user would (the last cell's change saves it)."""
        for column, text in enumerate((month, pct, days, fte)):
            item = self.table.item(row, column)
            if item is None:
                self.table.setItem(row, column, QTableWidgetItem(text))
            else:
                item.setText(text)

    def _changed(self, item: QTableWidgetItem) -> None:
        self.save_row(item.row())

    def save_row(self, row: int) -> bool:
        texts = [self.cell(row, c) for c in range(len(HEADERS))]
        if not texts[0] or not any(texts[1:]):
            return False  # still being typed
        try:
            month = parse_month(texts[0])
            values = [parse_number(t) for t in texts[1:]]
            figure = KeyFigureRow(month, values[0], values[1], values[2])
            changes = key_figure_service.save_key_figure(self.db, self.unit_id, figure)
            old = self._stored.get(row)
            if old is not None and old != month:
                changes |= key_figure_service.delete_key_figure(self.db, self.unit_id, old)
        except (ValueError, UserFacingError) as error:
            self._say(f"⚠ Række {row + 1} er ikke gemt: {error}", error=True)
            return False
        self._stored[row] = month
        self._say(f"Gemt: {month:%m-%Y}.")
        self._ensure_blank_row()
        change_hub().announce(changes)
        return True

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        month = self._stored.get(rows[0].row())
        if month is not None:
            try:
                changes = key_figure_service.delete_key_figure(self.db, self.unit_id, month)
            except UserFacingError as error:
                self._say(f"⚠ {error}", error=True)
                return
            self._say(f"Slettet: {month:%m-%Y}.")
            change_hub().announce(changes)
        self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {current_colours().danger};" if error else "")


class KeyFiguresDialog(QDialog):
    def __init__(self, db: Database, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFiguresDialog")
        self.setWindowTitle("Nøgletal fra dataportalen")
        self.resize(620, 460)
        self.editor = KeyFiguresEditor(db, unit_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
