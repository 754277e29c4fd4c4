"""The eight theme symbols drawn with QPainter, the same shapes as on the printed cards."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from norddjurs_desktop.domain.symbol_shapes import (
    CIRCLE_RADIUS,
    RING_INNER,
    RING_OUTER,
    symbol_points,
)


def symbol_path(symbol: str, rect: QRectF) -> QPainterPath:
    centre = rect.center()
    size = min(rect.width(), rect.height())
    r = size / 2
    path = QPainterPath()
    if symbol == "circle":
        path.addEllipse(centre, r * CIRCLE_RADIUS, r * CIRCLE_RADIUS)
    elif symbol == "ring":  # odd-even fill (the default) leaves the middle open
        path.addEllipse(centre, r * RING_OUTER, r * RING_OUTER)
        path.addEllipse(centre, r * RING_INNER, r * RING_INNER)
    else:
        points = symbol_points(symbol, centre.x(), centre.y(), size, y_down=True)
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path


def paint_symbol(painter: QPainter, symbol: str, rect: QRectF, fill: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#1a1a1a"), 1.4))
    painter.setBrush(fill)
    painter.drawPath(symbol_path(symbol, rect))
    painter.restore()
