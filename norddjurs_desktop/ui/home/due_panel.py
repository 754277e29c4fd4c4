""""Det næste" on the home: deadlines, follow-up dates and meetings across all units.

Overdue items say so in words and with a warning sign, not by colour alone;
activating an item opens its screening.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.due import KIND_WORDS, is_overdue, is_soon, when_words
from norddjurs_desktop.services.due_overview import due_overview
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.home.card_delegate import FACE_ROLE, CardFace, card_list

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import Database

_SCREENING_ROLE = Qt.ItemDataRole.UserRole
_ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


class DuePanel(QWidget):
    """A list by date; the caller refreshes it whenever the home refreshes."""

    openItem = Signal(int, int)  # screening id, action id (0 for a meeting)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = date.today  # a function, so a test can set the day
        self.summary = named(QLabel(), "dueSummary")
        self.summary.setWordWrap(True)
        self.tree = named(QTreeWidget(), "dueTree")
        self.tree.setHeaderLabels(["Dato", "Hvornår", "Hvad", "Enhed"])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, 150)
        self.tree.itemActivated.connect(self._activated)
        card_list(self.tree, "Frister, opfølgninger og møder efter dato", inset=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<h2>Det næste</h2>"))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        today = self.today()
        items = due_overview(self.db)
        self.tree.clear()
        overdue = soon = 0
        for item in items:
            late = is_overdue(item.day, today)
            overdue += late
            soon += is_soon(item.day, today)
            words = ("⚠ " if late else "") + when_words(item.day, today)
            row = QTreeWidgetItem([
                danish_date(item.day), words,
                f"{KIND_WORDS[item.kind]}: {' '.join(item.text.split())}", item.unit_name,
            ])
            row.setData(0, _SCREENING_ROLE, item.screening_id)
            row.setData(0, _ACTION_ROLE, item.action_id or 0)
            row.setToolTip(2, row.text(2))
            row.setToolTip(3, item.unit_name)
            if late:
                for column in range(4):
                    font = row.font(column)
                    font.setBold(True)
                    row.setFont(column, font)
            row.setData(0, FACE_ROLE, CardFace(
                f"{KIND_WORDS[item.kind]}: {' '.join(item.text.split())}",
                f"{danish_date(item.day)} · {item.unit_name}",
                chip=words,
                chip_tone="danger" if late else ("accent" if is_soon(item.day, today) else "quiet"),
                warning=late,
            ))
            self.tree.addTopLevelItem(row)
            row.setFirstColumnSpanned(True)
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)
        if not items:
            self.summary.setText("Intet med dato endnu.")
        else:
            self.summary.setText(
                f"{overdue} forfaldne · {soon} inden for 14 dage · {len(items)} i alt"
            )

    def _activated(self, item: QTreeWidgetItem) -> None:
        screening_id = item.data(0, _SCREENING_ROLE)
        if screening_id is not None:
            self.openItem.emit(int(screening_id), int(item.data(0, _ACTION_ROLE) or 0))


def show_action(window: QWidget, screening_id: int, action_id: int) -> None:
    """Once the window shows the screening, go to its plan with the action selected."""
    page = getattr(window, "screening_page", None)
    if page is None or page.store.screening_id != screening_id or not action_id:
        return
    page.go_to_step(page.steps.indexOf(page.action_step))
    page.action_step.select_action(action_id)
