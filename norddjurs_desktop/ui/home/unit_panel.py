"""The selected unit on the home: its latest palette as eight small tiles and what is due.

Each tile has the theme's colour and symbol and the score as a number, so the
palette reads without colour; dates and counts are said in words. The unit's
"Område" (the area HR groups units by) is shown and edited here, with one button.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.due import is_overdue, when_words
from norddjurs_desktop.domain.scoring import score_colour, score_label
from norddjurs_desktop.services.unit_area import set_unit_area, unit_area
from norddjurs_desktop.services.unit_status import TileState, unit_status
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import Done, run_op
from norddjurs_desktop.ui.common.theme import as_card
from norddjurs_desktop.ui.widgets.symbols import paint_symbol

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import Database


class MiniTile(QWidget):
    """A theme's colour band with its symbol, and the score in a coloured disc."""

    def __init__(self, state: TileState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName(f"mini_{state.key}")
        self.setFixedSize(QSize(64, 64))
        text = f"{state.title}: {score_label(state.score)}"
        self.setToolTip(text)
        self.setAccessibleName(text)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor("#8a8a8a"), 1))
        p.setBrush(QColor(self.state.colour))
        p.drawRoundedRect(r, 6, 6)
        paint_symbol(p, self.state.symbol, QRectF(r.left() + 4, r.top() + 4, 16, 16),
                     QColor("#ffffff"))
        disc = QRectF(r.center().x() - 17, r.top() + 22, 34, 34)
        p.setPen(QPen(QColor("#333333"), 1))
        p.setBrush(QColor(score_colour(self.state.score)))
        p.drawEllipse(disc)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        p.setFont(font)
        p.setPen(QColor("#111111"))
        p.drawText(disc, Qt.AlignmentFlag.AlignCenter,
                   "–" if self.state.score is None else str(self.state.score))
        p.end()


class UnitPanel(QFrame):
    """A card surface under the list: the selected unit's facts and its latest palette."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        as_card(self)
        self.db = db
        self.today = date.today
        self.unit_id: int | None = None
        self.facts = named(QLabel(), "unitFacts")
        self.facts.setWordWrap(True)
        self.area_label = named(QLabel(), "unitArea")
        self.area_button = named(QPushButton("Område …"), "unitAreaButton")
        self.area_button.setToolTip("Sæt enhedens område (forvaltning eller område), "
                                    "som HR grupperer enhederne efter")
        self.area_button.clicked.connect(self.edit_area)
        area_row = QHBoxLayout()
        area_row.addWidget(self.area_label)
        area_row.addWidget(self.area_button)
        area_row.addStretch(1)
        self.tiles = QHBoxLayout()
        self.tiles.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.facts)
        layout.addLayout(area_row)
        layout.addLayout(self.tiles)
        self._show_area()

    def _show_area(self) -> None:
        if self.unit_id is None:
            self.area_label.hide()
            self.area_button.hide()
            return
        area = unit_area(self.db, self.unit_id)
        self.area_label.setText(f"Område: {area}" if area else "Område: ikke sat")
        self.area_label.show()
        self.area_button.show()
        self.area_button.setEnabled(not self.db.read_only)

    def edit_area(self) -> None:
        """Ask for the unit's area; an empty answer removes it."""
        unit_id = self.unit_id
        if unit_id is None:
            return
        text, ok = QInputDialog.getText(
            self, "Område",
            "Enhedens område (forvaltning eller område) – lad feltet stå tomt for intet område:",
            text=unit_area(self.db, unit_id),
        )
        if ok:
            run_op(lambda: Done(None, set_unit_area(self.db, unit_id, text)), parent=self)

    def show_unit(self, unit_id: int | None) -> None:
        self.unit_id = unit_id
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        status = unit_status(self.db, unit_id, self.today()) if unit_id is not None else None
        if status is None:
            self.unit_id = None  # gone meanwhile
        self._show_area()
        if status is None or status.latest_date is None:
            self.facts.setText("" if status is None else
                               f"<b>{escape(status.unit_name)}</b>: ingen screening endnu.")
            return
        today = self.today()
        follow = "ikke aftalt"
        if status.next_follow_up is not None:
            words = when_words(status.next_follow_up, today)
            sign = "⚠ " if is_overdue(status.next_follow_up, today) else ""
            follow = f"{sign}{danish_date(status.next_follow_up)} ({words})"
        self.facts.setText(
            f"<b>{escape(status.unit_name)}</b> · seneste screening "
            f"{danish_date(status.latest_date)}"
            f"<br>Næste opfølgning: {follow}<br>"
            f"Åbne handlinger: {status.open_actions} · forfaldne: {status.overdue_actions} · "
            f"deadline inden for 14 dage: {status.soon_actions}")
        for state in status.tiles:
            self.tiles.addWidget(MiniTile(state))
        self.tiles.addStretch(1)
