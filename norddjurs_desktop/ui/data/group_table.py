"""Every team in a sortable table: the chart shows the highest and lowest, this shows them all."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.reports.charts.drawing import HIDDEN_LABEL, pct_text
from norddjurs_desktop.ui.common.naming import named


class _Number(QTableWidgetItem):
    """Sorts by the figure, not its text; hidden groups count as the lowest (last by default)."""

    def __init__(self, value: float | None) -> None:
        super().__init__(HIDDEN_LABEL if value is None else pct_text(value))
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        theirs = other.value if isinstance(other, _Number) else None
        mine = -1.0 if self.value is None else self.value
        return mine < (-1.0 if theirs is None else theirs)


class GroupTableDialog(QDialog):
    def __init__(
        self, title: str, groups: Mapping[str, float | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("groupTableDialog")
        self.setWindowTitle(title)
        self.resize(520, 560)
        self.table = named(QTableWidget(len(groups), 2), "groupTable")
        self.table.setHorizontalHeaderLabels(["Team", "Sygefravær"])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, (label, value) in enumerate(groups.items()):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, _Number(value))
        self.table.setSortingEnabled(True)
        self.table.sortItems(1, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel("Klik på en kolonneoverskrift for at sortere.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
