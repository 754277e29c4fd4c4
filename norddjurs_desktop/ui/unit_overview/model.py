"""The table behind "Oversigt over enheder": one row per unit, sortable and filterable.

Every cell says its figure in text (the score number and the trend arrow, the
follow-up in words, the absence against 5 %); colour only repeats it. The sort
role gives numbers and ISO dates so a column sorts by value, and ties keep the
area grouping (area, then unit).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.scoring import score_colour, score_label
from norddjurs_desktop.domain.unit_overview import (
    UnitOverviewRow,
    above_ambition,
    absence_words,
    area_label,
    follow_up_words,
    is_follow_up_overdue,
    trend_words,
)
from norddjurs_desktop.ui.common.theme import current_colours
from norddjurs_desktop.ui.widgets.symbols import paint_symbol

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
AREA_ROLE = Qt.ItemDataRole.UserRole + 3

COL_UNIT, COL_AREA = 0, 1
FIRST_THEME = 2
COL_LATEST = FIRST_THEME + len(PALETTE_KEYS)
COL_FOLLOW_UP = COL_LATEST + 1
COL_OPEN = COL_FOLLOW_UP + 1
COL_OVERDUE = COL_OPEN + 1
COL_ABSENCE = COL_OVERDUE + 1
HEADERS = (
    "Enhed", "Område", *(PALETTE_TITLES[k] for k in PALETTE_KEYS),
    "Seneste screening", "Næste opfølgning", "Åbne handlinger", "Overskredne handlinger",
    "Fravær 12 mdr.",
)
# The same headers on two lines, so eight theme columns and the rest fit a laptop screen.
_SHORT = {
    "Organisering og ejerskab": "Organisering\nog ejerskab",
    "Koordinering af fremmøde": "Koordinering\naf fremmøde",
    "Kultur for fravær": "Kultur\nfor fravær",
    "Tilbage til arbejdet": "Tilbage til\narbejdet",
    "Tydelig ledelse": "Tydelig\nledelse",
    "Brug af data": "Brug af\ndata",
    "Seneste screening": "Seneste\nscreening",
    "Næste opfølgning": "Næste\nopfølgning",
    "Åbne handlinger": "Åbne\nhandlinger",
    "Overskredne handlinger": "Overskredne\nhandlinger",
    "Fravær 12 mdr.": "Fravær\n12 mdr.",
}
Index = QModelIndex | QPersistentModelIndex
_NO_VALUE = float("inf")  # rows without a figure sort last when ascending


def theme_icon(colour: str, symbol: str, size: int = 16) -> QIcon:
    """The theme's symbol in its colour, for the column header."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_symbol(painter, symbol, QRectF(1, 1, size - 2, size - 2), QColor(colour))
    painter.end()
    return QIcon(pixmap)


class UnitOverviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitOverviewRow] = []
        self.today = date.today()
        self.icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[UnitOverviewRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = list(rows), today
        self.endResetModel()

    def set_absence(self, rates: dict[int, float | None]) -> None:
        """Fill the absence column (computed in a second step) without resetting the view."""
        from dataclasses import replace

        self.rows = [replace(r, absence_pct=rates.get(r.unit_id)) for r in self.rows]
        if self.rows:
            self.dataChanged.emit(self.index(0, COL_ABSENCE),
                                  self.index(len(self.rows) - 1, COL_ABSENCE))

    def set_look(self, look: dict[str, tuple[str, str, str]]) -> None:
        """Theme key → (title, colour, symbol) from the palette deck: header symbols."""
        self.icons = {key: theme_icon(colour, symbol) for key, (_t, colour, symbol) in
                      look.items()}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_THEME, COL_LATEST - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _SHORT.get(HEADERS[section], HEADERS[section])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return HEADERS[section]
        if role == Qt.ItemDataRole.DecorationRole and FIRST_THEME <= section < COL_LATEST:
            return self.icons.get(PALETTE_KEYS[section - FIRST_THEME])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == UNIT_ID_ROLE:
            return row.unit_id
        if role == AREA_ROLE:
            return row.area
        if FIRST_THEME <= column < COL_LATEST:
            return self._theme(row, PALETTE_KEYS[column - FIRST_THEME], role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and self._warns(row, column):
            return QColor(current_colours().danger)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_OPEN, COL_OVERDUE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _theme(self, row: UnitOverviewRow, key: str, role: int) -> Any:
        score, previous = row.scores.get(key), row.previous_scores.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return "–" if score is None else f"{score} {row.trend(key)}".strip()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{PALETTE_TITLES[key]}: {score_label(score)}"
            if score is not None and previous is not None:
                text += f", {trend_words(previous, score)} end sidst ({previous})"
            return text
        if role == SORT_ROLE:
            return _NO_VALUE if score is None else score
        if role == Qt.ItemDataRole.BackgroundRole and score is not None:
            return QColor(score_colour(score))
        if role == Qt.ItemDataRole.ForegroundRole and score is not None:
            return QColor(ink_for(score_colour(score)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: UnitOverviewRow, column: int) -> str:
        if column == COL_UNIT:
            return row.unit
        if column == COL_AREA:
            return area_label(row.area)
        if column == COL_LATEST:
            return danish_date(row.latest_screening) or "ingen screening"
        if column == COL_FOLLOW_UP:
            if row.latest_screening is None:
                return ""
            words = follow_up_words(row.next_follow_up, self.today)
            return f"{danish_date(row.next_follow_up)} ({words})" if row.next_follow_up else words
        if column == COL_OPEN:
            return str(row.open_actions)
        if column == COL_OVERDUE:
            return str(row.overdue_actions)
        if column == COL_ABSENCE:
            return absence_words(row.absence_pct)
        return ""

    def _sort_value(self, row: UnitOverviewRow, column: int) -> Any:
        from norddjurs_desktop.services.overview import danish_sort_key

        if column == COL_UNIT:
            return danish_sort_key(row.unit)
        if column == COL_AREA:
            return (row.area == "", danish_sort_key(row.area))
        if column == COL_LATEST:
            return row.latest_screening.isoformat() if row.latest_screening else "9999"
        if column == COL_FOLLOW_UP:
            return row.next_follow_up.isoformat() if row.next_follow_up else "9999"
        if column == COL_OPEN:
            return row.open_actions
        if column == COL_OVERDUE:
            return row.overdue_actions
        if column == COL_ABSENCE:
            return _NO_VALUE if row.absence_pct is None else row.absence_pct
        return None

    def _warns(self, row: UnitOverviewRow, column: int) -> bool:
        if column == COL_FOLLOW_UP:
            return row.latest_screening is not None and is_follow_up_overdue(
                row.next_follow_up, self.today)
        if column == COL_OVERDUE:
            return row.overdue_actions > 0
        if column == COL_ABSENCE:
            return above_ambition(row.absence_pct)
        return False


class UnitOverviewFilter(QSortFilterProxyModel):
    """Text in the unit or area, and one area (None = every area); ties keep the grouping."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.area: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_area(self, area: str | None) -> None:
        self.beginFilterChange()
        self.area = area
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, UnitOverviewModel) or source_row >= len(model.rows):
            return False
        row = model.rows[source_row]
        if self.area is not None and row.area != self.area:
            return False
        return not self.text or self.text in row.unit.casefold() \
            or self.text in area_label(row.area).casefold()

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a != b:
            return bool(a < b)
        model = self.sourceModel()
        assert isinstance(model, UnitOverviewModel)
        ra, rb = model.rows[left.row()], model.rows[right.row()]
        from norddjurs_desktop.services.overview import danish_sort_key

        return (ra.area == "", danish_sort_key(ra.area), danish_sort_key(ra.unit)) < (
            rb.area == "", danish_sort_key(rb.area), danish_sort_key(rb.unit))
