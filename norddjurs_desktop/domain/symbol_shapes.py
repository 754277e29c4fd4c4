"""The geometry of the eight theme symbols, shared by the screen and the printed cards.

A symbol carries a theme's identity in grayscale and for colour-blind readers,
so the tile on screen and the card on paper must show the same shape. Points
are computed here once; Qt and reportlab only draw them.
"""

from __future__ import annotations

import math

# Radii of the round symbols as a fraction of half the box.
CIRCLE_RADIUS = 0.92
RING_OUTER = 0.95
RING_INNER = 0.5


def _polygon(radius: float, corners: int, start_deg: float) -> list[tuple[float, float]]:
    return [
        (
            radius * math.cos(math.radians(start_deg + i * 360 / corners)),
            radius * math.sin(math.radians(start_deg + i * 360 / corners)),
        )
        for i in range(corners)
    ]


def _star(radius: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.radians(90 + i * 36)
        points.append((r * math.cos(angle), r * math.sin(angle)))
    return points


def _cross(radius: float) -> list[tuple[float, float]]:
    a, b = radius * 0.92, radius * 0.32  # arm length and half arm width
    return [(b, a), (b, b), (a, b), (a, -b), (b, -b), (b, -a),
            (-b, -a), (-b, -b), (-a, -b), (-a, b), (-b, b), (-b, a)]  # fmt: skip


def _outline(symbol: str, r: float) -> list[tuple[float, float]]:
    if symbol == "square":
        return _polygon(r * 0.8 * math.sqrt(2), 4, 45)
    if symbol == "triangle":
        # Centred on the bounding box rather than the centroid, so it looks centred.
        pts = _polygon(r * 1.1, 3, 90)
        shift = -(max(p[1] for p in pts) + min(p[1] for p in pts)) / 2
        return [(x, y + shift) for x, y in pts]
    if symbol == "diamond":
        return _polygon(r, 4, 90)
    if symbol == "star":
        return _star(r * 1.02)
    if symbol == "hexagon":
        return _polygon(r * 0.98, 6, 90)
    if symbol == "cross":
        return _cross(r)
    return []


def symbol_points(
    symbol: str, cx: float, cy: float, size: float, *, y_down: bool = False
) -> list[tuple[float, float]]:
    """Corner points of a polygonal symbol centred on (cx, cy) in a ``size`` box.

    Empty for the round symbols (circle, ring). ``y_down`` for screens, where y
    grows downwards (Qt); PDF pages grow upwards (reportlab).
    """
    sign = -1.0 if y_down else 1.0
    return [(cx + x, cy + sign * y) for x, y in _outline(symbol, size / 2)]
