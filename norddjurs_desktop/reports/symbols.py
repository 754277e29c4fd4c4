"""Theme symbols drawn on a reportlab canvas.

Every theme has a colour *and* a shape, so a card or a board printed in
grayscale (or read by someone who cannot tell red from green) still shows which
theme it belongs to. The shapes are the ones named in ``domain.decks.SYMBOLS``.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.decks import SYMBOLS
from norddjurs_desktop.domain.symbol_shapes import (
    CIRCLE_RADIUS,
    RING_INNER,
    RING_OUTER,
    symbol_points,
)


def to_colour(value: str | Color) -> Color:
    """A reportlab colour from ``#rrggbb`` or an existing colour."""
    return HexColor(value) if isinstance(value, str) else value


def ink_on(background: str | Color) -> Color:
    """White or near-black, whichever reads better on the background (as on screen)."""
    colour = background if isinstance(background, str) else background.hexval()[2:]
    return HexColor(ink_for(f"#{colour.lstrip('#')}"))


def tint(colour: str | Color, amount: float) -> Color:
    """Mix a colour with white; ``amount`` 0 keeps the colour, 1 gives white."""
    c = to_colour(colour)
    return Color(
        c.red + (1 - c.red) * amount,
        c.green + (1 - c.green) * amount,
        c.blue + (1 - c.blue) * amount,
    )


def draw_symbol(
    canvas: Canvas,
    symbol: str,
    x: float,
    y: float,
    size: float,
    fill: str | Color | None = "#000000",
    stroke: str | Color | None = None,
    line_width: float = 0.8,
) -> None:
    """Draw ``symbol`` centred on (x, y), fitting a ``size`` × ``size`` box.

    ``fill`` and ``stroke`` are ``#rrggbb`` strings or reportlab colours; ``None``
    leaves that part out. Raises ``ValueError`` for a symbol that is not one of
    ``domain.decks.SYMBOLS``.
    """
    if symbol not in SYMBOLS:
        raise ValueError(f"Ukendt symbol '{symbol}'.")
    canvas.saveState()
    do_fill = fill is not None
    do_stroke = stroke is not None
    if fill is not None:
        canvas.setFillColor(to_colour(fill))
    if stroke is not None:
        canvas.setStrokeColor(to_colour(stroke))
        canvas.setLineWidth(line_width)
        canvas.setLineJoin(1)
    r = size / 2
    path = canvas.beginPath()
    if symbol == "circle":
        path.circle(x, y, r * CIRCLE_RADIUS)
    elif symbol == "ring":
        # An annulus: outer and inner circle filled with the even-odd rule.
        path.circle(x, y, r * RING_OUTER)
        path.circle(x, y, r * RING_INNER)
    else:
        points = symbol_points(symbol, x, y, size)
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
    canvas.drawPath(path, stroke=int(do_stroke), fill=int(do_fill), fillMode=0)
    canvas.restoreState()
