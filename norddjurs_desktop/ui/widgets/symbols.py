"""The eight theme symbols drawn with QPainter, matching the printed cards."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen


def _polygon(cx: float, cy: float, r: float, corners: int, start: float) -> QPainterPath:
    path = QPainterPath()
    for i in range(corners):
        angle = start + 2 * math.pi * i / corners
        point = QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def symbol_path(symbol: str, rect: QRectF) -> QPainterPath:
    cx, cy = rect.center().x(), rect.center().y()
    r = min(rect.width(), rect.height()) / 2
    path = QPainterPath()
    if symbol == "circle":
        path.addEllipse(rect.center(), r, r)
    elif symbol == "square":
        path.addRect(QRectF(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7))
    elif symbol == "triangle":
        path = _polygon(cx, cy + r * 0.15, r, 3, -math.pi / 2)
    elif symbol == "diamond":
        path = _polygon(cx, cy, r, 4, -math.pi / 2)
    elif symbol == "hexagon":
        path = _polygon(cx, cy, r, 6, 0)
    elif symbol == "star":
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.45
            angle = -math.pi / 2 + math.pi * i / 5
            point = QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            path.moveTo(point) if i == 0 else path.lineTo(point)
        path.closeSubpath()
    elif symbol == "cross":
        w = r * 0.38
        path.addRect(QRectF(cx - w, cy - r, 2 * w, 2 * r))
        path.addRect(QRectF(cx - r, cy - w, 2 * r, 2 * w))
        path.setFillRule(Qt.FillRule.WindingFill)  # union of the bars, not their XOR
        path = path.simplified()
    else:  # ring
        path.addEllipse(rect.center(), r, r)
        path.addEllipse(rect.center(), r * 0.55, r * 0.55)
    return path


def paint_symbol(painter: QPainter, symbol: str, rect: QRectF, fill: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#1a1a1a"), 1.4))
    painter.setBrush(fill)
    painter.drawPath(symbol_path(symbol, rect))
    painter.restore()
