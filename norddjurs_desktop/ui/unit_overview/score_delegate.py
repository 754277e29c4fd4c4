"""Score cells that keep their colour when their row is selected.

The overview's theme cells are coloured by score (red 1 … green 5). Qt's
default painting fills a selected row with the highlight colour, so the one
row HR is looking at loses exactly what they look for. Here a selected score
cell keeps its colour and shows the selection as a frame in the highlight
colour instead; every other cell paints as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

__all__ = ["ScoreCellDelegate"]

FRAME = 3  # px: wide enough to read as "selected" beside the coloured neighbours


class ScoreCellDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        if not selected or not isinstance(background, QColor):
            super().paint(painter, option, index)
            return
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, background)
        pen = QPen(option.palette.highlight().color(), FRAME)  # type: ignore[attr-defined]
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(FRAME // 2, FRAME // 2, -(FRAME + 1) // 2,
                                       -(FRAME + 1) // 2))
        ink = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(ink if isinstance(ink, QColor) else option.palette.text().color())  # type: ignore[attr-defined]
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        painter.restore()
