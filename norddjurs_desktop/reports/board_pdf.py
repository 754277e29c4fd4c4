"""The palette as a table board: the themes around a centre, with room to write.

One landscape page (A3 for the meeting table, A4 for a handout). Each theme
gets a box in its colour with its symbol, a short description, a 1–5 scale to
mark where the group stands and ruled lines for what works and what does not.
The centre holds the deck title and lines for the group's chosen focus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from norddjurs_desktop.domain.decks import Deck, Theme
from norddjurs_desktop.domain.scoring import SCORE_LEVELS
from norddjurs_desktop.reports.cards_pdf import fit_line, wrap_to_fit
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from norddjurs_desktop.reports.symbols import draw_symbol, ink_on, tint

PAGE_SIZES = {"A3": landscape(A3), "A4": landscape(A4)}
DARK = HexColor("#1a1a1a")
GREY = HexColor("#666666")
RULE = HexColor("#b5b5b5")


@dataclass(frozen=True)
class Span:
    """Cells of the grid: first column and row (from the top) and how many of each."""

    column: int
    row: int
    columns: int
    rows: int


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


def ring_cells(columns: int, rows: int) -> list[tuple[int, int]]:
    """The outer cells (column, row from the top), clockwise from the top-left corner."""
    cells = [(c, 0) for c in range(columns)]
    cells += [(columns - 1, r) for r in range(1, rows)]
    cells += [(c, rows - 1) for c in range(columns - 2, -1, -1)]
    cells += [(0, r) for r in range(rows - 2, 0, -1)]
    return cells


def board_grid(count: int) -> tuple[int, int, list[tuple[int, int]], Span]:
    """Grid size, the theme cells in clockwise order and the centre's cells.

    One or two themes sit beside the centre, up to 4 in the corners of
    a 3 × 2 grid, up to 6 above and below it; more go round a ring of cells.
    """
    if count == 1:
        return 2, 1, [(0, 0)], Span(1, 0, 1, 1)
    if count == 2:
        return 3, 1, [(0, 0), (2, 0)], Span(1, 0, 1, 1)
    if count <= 4:
        return 3, 2, [(0, 0), (2, 0), (2, 1), (0, 1)], Span(1, 0, 1, 2)
    if count <= 6:
        return 3, 3, [(0, 0), (1, 0), (2, 0), (2, 2), (1, 2), (0, 2)], Span(0, 1, 3, 1)
    columns, rows = 3, 3
    while 2 * columns + 2 * rows - 4 < count:
        if columns <= rows:
            columns += 1
        else:
            rows += 1
    ring = ring_cells(columns, rows)
    if len(ring) - count == rows - 2:  # the left side is empty: the centre takes it
        return columns, rows, ring[:count], Span(0, 1, columns - 1, rows - 2)
    return columns, rows, ring, Span(1, 1, columns - 2, rows - 2)


def _rules(canvas: Canvas, x: float, top: float, bottom: float, width: float, gap: float) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    y = top - gap
    while y >= bottom:
        canvas.line(x, y, x + width, y)
        y -= gap


def _scale(canvas: Canvas, x: float, y: float, unit: float) -> float:
    """'Hvor står vi?' and five numbered circles; returns the width used."""
    canvas.setFillColor(DARK)
    canvas.setFont(FONT_BOLD, unit)
    label = "Hvor står vi?"
    canvas.drawString(x, y - unit * 0.35, label)
    cx = x + canvas.stringWidth(label, FONT_BOLD, unit) + unit * 1.4
    for level in SCORE_LEVELS:
        canvas.setFillColor(tint(level.colour, 0.6))
        canvas.setStrokeColor(HexColor(level.colour))
        canvas.setLineWidth(1.2)
        canvas.circle(cx, y, unit * 0.95, stroke=1, fill=1)
        canvas.setFillColor(DARK)
        canvas.setFont(FONT_BOLD, unit * 0.9)
        canvas.drawCentredString(cx, y - unit * 0.32, str(level.value))
        cx += unit * 2.6
    return cx - x


def draw_theme_box(canvas: Canvas, box: Box, theme: Theme, unit: float) -> None:
    """One theme: coloured header with symbol, description, scale and writing lines."""
    colour = HexColor(theme.colour)
    ink = ink_on(colour)
    pad = unit * 0.9
    radius = unit * 0.8
    header = unit * 2.6
    canvas.saveState()
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(2)
    canvas.roundRect(box.x, box.y, box.width, box.height, radius, stroke=1, fill=1)
    top = box.y + box.height
    path = canvas.beginPath()  # header: rounded top corners, straight bottom edge
    path.moveTo(box.x, top - header)
    path.lineTo(box.x, top - radius)
    path.arcTo(box.x, top - 2 * radius, box.x + 2 * radius, top, startAng=180, extent=-90)
    path.lineTo(box.x + box.width - radius, top)
    path.arcTo(
        box.x + box.width - 2 * radius,
        top - 2 * radius,
        box.x + box.width,
        top,
        startAng=90,
        extent=-90,
    )
    path.lineTo(box.x + box.width, top - header)
    path.close()
    canvas.setFillColor(colour)
    canvas.drawPath(path, stroke=0, fill=1)
    symbol = header * 0.62
    mid = top - header / 2
    draw_symbol(canvas, theme.symbol, box.x + pad + symbol / 2, mid, symbol, fill=ink)
    title_x = box.x + pad + symbol + unit * 0.7
    title, size = fit_line(
        theme.title, FONT_BOLD, unit * 1.45, box.x + box.width - pad - title_x, unit * 0.9
    )
    canvas.setFillColor(ink)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawString(title_x, mid - size * 0.35, title)

    inner_w = box.width - 2 * pad
    cursor = top - header - unit * 0.6
    if theme.description:
        lines, size, _ = wrap_to_fit(
            theme.description, FONT_REGULAR, inner_w, box.height * 0.3, unit, unit * 0.75
        )
        text = canvas.beginText(box.x + pad, cursor - size)
        text.setFont(FONT_REGULAR, size, size * 1.22)
        text.setFillColor(GREY)
        text.textLines(lines)
        canvas.drawText(text)
        cursor -= len(lines) * size * 1.22 + unit * 0.5
    cursor -= unit * 1.1
    _scale(canvas, box.x + pad, cursor, unit * 0.85)
    cursor -= unit * 1.6

    bottom = box.y + pad * 0.6
    gap = unit * 1.9
    if inner_w > 70 * mm:
        columns = [
            ("Det virker", box.x + pad),
            ("Det er svært", box.x + pad + inner_w / 2 + pad / 2),
        ]
        col_w = inner_w / 2 - pad / 2
    else:
        columns, col_w = [("Noter", box.x + pad)], inner_w
    for label, x in columns:
        canvas.setFillColor(DARK)
        canvas.setFont(FONT_BOLD, unit * 0.8)
        canvas.drawString(x, cursor - unit * 0.8, label)
        _rules(canvas, x, cursor - unit * 0.9, bottom, col_w, gap)
    canvas.restoreState()


def draw_centre(canvas: Canvas, box: Box, deck: Deck, unit: float) -> None:
    """The deck title and lines for the focus the group agrees on."""
    pad = unit * 1.4
    canvas.saveState()
    canvas.setFillColor(HexColor("#f4f4f4"))
    canvas.setStrokeColor(DARK)
    canvas.setLineWidth(1.5)
    canvas.roundRect(box.x, box.y, box.width, box.height, unit * 1.2, stroke=1, fill=1)
    cx = box.x + box.width / 2
    title, size = fit_line(deck.title, FONT_BOLD, unit * 1.9, box.width - 2 * pad, unit)
    cursor = box.y + box.height - pad - size
    canvas.setFillColor(DARK)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(cx, cursor, title)
    cursor -= unit * 2.2
    canvas.setFont(FONT_BOLD, unit * 1.2)
    canvas.drawCentredString(cx, cursor, "Vores fokus")
    canvas.setFillColor(GREY)
    canvas.setFont(FONT_REGULAR, unit * 0.8)
    cursor -= unit * 1.3
    canvas.drawCentredString(cx, cursor, "Det vil vi arbejde videre med – og hvorfor")
    _rules(canvas, box.x + pad, cursor - unit * 0.4, box.y + pad, box.width - 2 * pad, unit * 2.1)
    canvas.restoreState()


def _legend(canvas: Canvas, x: float, y: float, unit: float) -> None:
    canvas.setFont(FONT_REGULAR, unit * 0.75)
    for level in SCORE_LEVELS:
        canvas.setFillColor(HexColor(level.colour))
        canvas.circle(x + unit * 0.4, y + unit * 0.25, unit * 0.4, stroke=0, fill=1)
        canvas.setFillColor(DARK)
        label = f"{level.value} {level.label}"
        canvas.drawString(x + unit * 1.1, y, label)
        x += unit * 1.1 + canvas.stringWidth(label, FONT_REGULAR, unit * 0.75) + unit * 1.2


def write_board(deck: Deck, out: Path, size: str = "A3") -> None:
    """Write ``deck`` as a one-page landscape board (``size`` "A3" or "A4") to ``out``.

    Raises ``ValueError`` with a Danish message for any other size or a deck
    without themes.
    """
    if size not in PAGE_SIZES:
        raise ValueError(f"Ukendt papirstørrelse '{size}': vælg A3 eller A4.")
    if not deck.themes:
        raise ValueError(f"Kortsættet '{deck.title}' har ingen temaer at vise på spillepladen.")
    register_fonts()
    width, height = PAGE_SIZES[size]
    scale = width / PAGE_SIZES["A3"][0]
    unit = 11 * scale  # base type size: 11 pt on A3, about 7.8 pt on A4
    margin, gap = 12 * mm * scale, 5 * mm * scale
    footer = unit * 2.2
    columns, rows, cells, centre = board_grid(len(deck.themes))
    cell_w = (width - 2 * margin - (columns - 1) * gap) / columns
    cell_h = (height - 2 * margin - footer - (rows - 1) * gap) / rows
    top = height - margin

    def cell(column: int, row: int, span_c: int = 1, span_r: int = 1) -> Box:
        x = margin + column * (cell_w + gap)
        y = top - (row + span_r) * cell_h - (row + span_r - 1) * gap
        return Box(x, y, span_c * cell_w + (span_c - 1) * gap, span_r * cell_h + (span_r - 1) * gap)

    canvas = Canvas(str(out), pagesize=(width, height))
    canvas.setTitle(f"{deck.title} – spilleplade")
    canvas.setAuthor("Fremmødepaletten")
    for (column, row), theme in zip(cells, deck.themes, strict=False):
        draw_theme_box(canvas, cell(column, row), theme, unit)
    draw_centre(canvas, cell(centre.column, centre.row, centre.columns, centre.rows), deck, unit)
    _legend(canvas, margin, margin, unit)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT_REGULAR, unit * 0.75)
    canvas.drawRightString(
        width - margin, margin, "Fremmødepaletten · kortlægning, prioritering, handlingsplan"
    )
    canvas.showPage()
    canvas.save()
