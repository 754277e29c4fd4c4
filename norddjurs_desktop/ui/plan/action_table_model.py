"""The action plan as a table: one row per action, in the plan's order, and its view.

Sorting happens in a QSortFilterProxyModel over :data:`SORT_ROLE`, so dates
sort as dates and statuses in their natural order, not alphabetically.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.plan import ACTION_STATUSES
from norddjurs_desktop.services.dto import ActionData

SORT_ROLE = Qt.ItemDataRole.UserRole
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = (
    "Tema",
    "Problem",
    "Handling",
    "Ansvarlig",
    "Deadline",
    "Opfølgning",
    "Status",
    "Succeskriterium",
    "Baggrund i data",
)
(
    COL_THEME,
    COL_PROBLEM,
    COL_ACTION,
    COL_OWNER,
    COL_DEADLINE,
    COL_FOLLOW_UP,
    COL_STATUS,
    COL_SUCCESS,
    COL_REFERENCE,
) = range(len(COLUMNS))

COLUMN_WIDTHS = (120, 0, 0, 90, 88, 92, 110, 0, 0)  # 0: the column stretches
WRAPPING_COLUMNS = (COL_PROBLEM, COL_ACTION, COL_SUCCESS, COL_REFERENCE)

# A sign before each status, so the column reads without colour (and in greyscale print).
STATUS_SIGNS = {
    "ikke startet": "○",
    "i gang": "◐",
    "gennemført": "✔",
    "opgivet": "✕",
}

ELIDE_CHARS = 160  # about four wrapped lines in a stretched column at 1366 px

_NO_DATE = date.max.toordinal() + 1  # empty dates sort after every real date

Index = QModelIndex | QPersistentModelIndex


def status_text(status: str) -> str:
    """'◐ I gang': a sign and the word, never colour alone."""
    sign = STATUS_SIGNS.get(status, "•")
    return f"{sign} {status[:1].upper()}{status[1:]}"


def elided(text: str, limit: int = 0) -> str:
    """A long text cut at a word after about ``limit`` characters, with "…" after it.

    One 2.000-character action would otherwise fill the whole table; the whole
    text is in the tooltip and in the detail pane under the table.
    """
    limit = limit or ELIDE_CHARS
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


def theme_title(theme_key: str) -> str:
    return PALETTE_TITLES.get(theme_key, theme_key) if theme_key else ""


class ActionTableModel(QAbstractTableModel):
    """Read-only rows of :class:`ActionData`; edits go through the dialog and undo commands."""

    def __init__(self, actions: list[ActionData] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._actions: list[ActionData] = list(actions or [])

    # -- contents ------------------------------------------------------------------
    def set_actions(self, actions: list[ActionData]) -> None:
        self.beginResetModel()
        self._actions = list(actions)
        self.endResetModel()

    def actions(self) -> list[ActionData]:
        return list(self._actions)

    def action_at(self, row: int) -> ActionData:
        return self._actions[row]

    def row_of(self, action_id: int | None) -> int | None:
        for row, action in enumerate(self._actions):
            if action.id == action_id:
                return row
        return None

    # -- Qt's model interface ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return str(section + 1)  # the plan's own numbering

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        action = self._actions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return elided(self._display(action, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(action, column)
        if role == SORT_ROLE:
            return self._sort_key(action, column)
        if role == ACTION_ROLE:
            return action
        if role == Qt.ItemDataRole.TextAlignmentRole:  # long texts wrap downwards
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    # -- the cells --------------------------------------------------------------------
    @staticmethod
    def _display(action: ActionData, column: int) -> str:
        if column == COL_THEME:
            return theme_title(action.theme_key)
        if column == COL_PROBLEM:
            return action.problem
        if column == COL_ACTION:
            return action.action
        if column == COL_OWNER:
            return action.owner
        if column == COL_DEADLINE:
            return danish_date(action.deadline)
        if column == COL_FOLLOW_UP:
            return danish_date(action.follow_up)
        if column == COL_STATUS:
            return status_text(action.status)
        if column == COL_SUCCESS:
            return action.success
        if column == COL_REFERENCE:
            return action.data_reference.as_text(action.problem) if action.data_reference else ""
        return ""

    def _tooltip(self, action: ActionData, column: int) -> str | None:
        text = self._display(action, column)
        if column == COL_DEADLINE:
            return f"Deadline: {text}" if text else "Ingen deadline"
        if column == COL_FOLLOW_UP:
            return f"Opfølgning: {text}" if text else "Ingen opfølgningsdato"
        if column == COL_STATUS:
            return f"Status: {action.status}"
        return f"{COLUMNS[column]}: {elided(text, 1200)}" if text else None

    @staticmethod
    def _sort_key(action: ActionData, column: int) -> Any:
        if column == COL_THEME:
            # Palette order, then actions without a theme last.
            key = action.theme_key
            return PALETTE_KEYS.index(key) if key in PALETTE_KEYS else len(PALETTE_KEYS)
        if column in (COL_DEADLINE, COL_FOLLOW_UP):
            value = action.deadline if column == COL_DEADLINE else action.follow_up
            return value.toordinal() if value else _NO_DATE
        if column == COL_STATUS:
            status = action.status
            return ACTION_STATUSES.index(status) if status in ACTION_STATUSES else 99
        return ActionTableModel._display(action, column).casefold()


class _PaddedDelegate(QStyledItemDelegate):
    """A little air above and below each cell's text, so wrapped rows stay apart."""

    PAD = 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return super().sizeHint(option, index) + QSize(0, 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(option.rect, option.palette.highlight())  # type: ignore[attr-defined]
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(0, self.PAD, 0, -self.PAD)  # type: ignore[attr-defined]
        super().paint(painter, inner, index)


class ActionTableView(QTableView):
    """Read-only rows whose height follows their wrapped text; click a header to sort.

    A third click on a header clears the sort and shows the plan's own order.
    """

    def __init__(self, model: QAbstractItemModel) -> None:
        super().__init__()
        self.setAccessibleName("Handlinger")
        # Tab leaves the table for the next control; arrow keys move between rows.
        self.setTabKeyNavigation(False)
        self.setModel(model)
        self.setItemDelegate(_PaddedDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)  # readable on a projector too
        self.setFont(font)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column in range(len(COLUMNS)):  # the long texts share the width and wrap
            stretch = column in WRAPPING_COLUMNS
            mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
            if not stretch:
                header.resizeSection(column, COLUMN_WIDTHS[column])
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().hide()  # row numbers mean nothing to the group
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # long Danish words wrap, never "…"
        # Row heights are fitted once the column widths have settled.
        self._fit = QTimer(self, singleShot=True, interval=40)
        self._fit.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit.start())

    def fit_rows(self) -> None:
        self.resizeRowsToContents()
        self._fit.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit.start()
