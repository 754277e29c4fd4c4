"""The palette overview as a picture: eight themes, their scores and spreads.

One row per theme: colour band with the theme's symbol, title and priority,
a 1–5 bar in the score colour with the number on it, and the score in words.
Where a scoring round was held the individual scores are drawn as dots with
the median as a black bar. Nothing depends on colour alone: the number, the
words, the bar length, the symbol and "Prioritet n" are all printed.

matplotlib is imported inside the function (Agg, no pyplot state) so that
importing this module costs nothing at start-up.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from norddjurs_desktop.domain.plan import PlanTheme, ScoreSpread
from norddjurs_desktop.domain.rounds import decimal_text
from norddjurs_desktop.domain.scoring import SCORE_LEVELS, SCORE_MAX, score_colour, score_label
from norddjurs_desktop.reports.charts.drawing import elide, plain_text
from norddjurs_desktop.reports.mpl_loading import load_matplotlib

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

# Layout in inches; the axes fill the figure with one data unit per inch.
WIDTH = 6.7
ROW = 0.52
TOP = 0.42
BOTTOM = 0.34
BAND_X, BAND_W = 0.04, 0.30
TITLE_X = 0.46
SCALE_X, CELL = 2.58, 0.44  # left edge of score cell 1 and the width of one cell
LABEL_X = SCALE_X + SCORE_MAX * CELL + 0.14
TITLE_CHARS = 32  # what fits before the score cells; a longer title ends in "…"
DEFAULT_DPI = 200

# Theme symbol → matplotlib marker (the shapes of domain.decks.SYMBOLS).
MARKERS = {
    "circle": "o",
    "square": "s",
    "triangle": "^",
    "diamond": "D",
    "star": "*",
    "hexagon": "h",
    "cross": "P",
    "ring": "o",
}
INK = "#1a1a1a"
GRID = "#b8b8b8"
# Score colours dark enough for white text on top of them.
_DARK_SCORE_COLOURS = {SCORE_LEVELS[0].colour, SCORE_LEVELS[-1].colour}


def figure_height(rows: int) -> float:
    return TOP + rows * ROW + BOTTOM


def _cell_centre(score: float) -> float:
    return SCALE_X + (score - 0.5) * CELL


def spread_text(spread: ScoreSpread) -> str:
    """'median 3,5 · 2–5 · 6 stemmer · 1 pas' — the short form beside the dots."""
    parts = []
    if spread.median is not None:
        parts.append(f"median {decimal_text(spread.median)}")
        parts.append(f"{min(spread.scores)}–{max(spread.scores)}")
    votes = len(spread.scores)
    parts.append(f"{votes} {'stemme' if votes == 1 else 'stemmer'}")
    if spread.passes:
        parts.append(f"{spread.passes} pas")
    return " · ".join(parts)


def round_summary(spread: ScoreSpread) -> str:
    """The hidden round in one sentence, without names: median, range, votes, passes."""
    passes = f"{spread.passes} meldte pas"
    if not spread.scores or spread.median is None:
        return f"Den skjulte runde: ingen stemmer, {passes}."
    votes = len(spread.scores)
    return (f"Den skjulte runde: median {decimal_text(spread.median)}, "
            f"laveste–højeste {min(spread.scores)}–{max(spread.scores)}, "
            f"{votes} {'stemme' if votes == 1 else 'stemmer'}, {passes}.")


def _draw_scale(ax: Any, rows: int) -> None:
    from matplotlib.patches import Rectangle

    bottom = TOP + rows * ROW
    for level in SCORE_LEVELS:
        x = _cell_centre(level.value)
        ax.text(x, TOP - 0.12, str(level.value), ha="center", va="bottom",
                fontsize=8.5, fontweight="bold", color=INK)
    ax.text(SCALE_X, TOP - 0.30, "udfordring", ha="left", va="bottom", fontsize=6.5, color=INK)
    ax.text(SCALE_X + SCORE_MAX * CELL, TOP - 0.30, "ressource", ha="right", va="bottom",
            fontsize=6.5, color=INK)
    ax.text(TITLE_X, TOP - 0.12, "Tema", ha="left", va="bottom", fontsize=8.5,
            fontweight="bold", color=INK)
    ax.text(LABEL_X, TOP - 0.12, "Fælles score", ha="left", va="bottom", fontsize=8.5,
            fontweight="bold", color=INK)
    for edge in range(SCORE_MAX + 1):
        x = SCALE_X + edge * CELL
        ax.plot([x, x], [TOP, bottom], color=GRID, linewidth=0.5, zorder=1)
    ax.add_patch(Rectangle((0, TOP), WIDTH, rows * ROW, fill=False, edgecolor=GRID,
                           linewidth=0.6))


def _draw_row(ax: Any, index: int, theme: PlanTheme) -> None:
    from matplotlib.patches import Rectangle

    top = TOP + index * ROW
    centre = top + ROW / 2
    if index:
        ax.plot([0, WIDTH], [top, top], color=GRID, linewidth=0.5, zorder=1)
    if theme.priority is not None:
        ax.add_patch(Rectangle((0, top), WIDTH, ROW, facecolor="#f0f0f0", edgecolor="none",
                               zorder=0))

    # Colour band and symbol (white with dark edge: visible on any band colour).
    ax.add_patch(Rectangle((BAND_X, top + 0.05), BAND_W, ROW - 0.10, facecolor=theme.colour,
                           edgecolor=INK, linewidth=0.5, zorder=2))
    ring = theme.symbol == "ring"
    ax.plot([BAND_X + BAND_W / 2], [centre], marker=MARKERS.get(theme.symbol, "o"),
            markersize=11 if theme.symbol == "star" else 9,
            markerfacecolor="none" if ring else "white",
            markeredgecolor="white" if ring else INK,
            markeredgewidth=2.4 if ring else 0.8, linestyle="none", zorder=3)

    # Title, and the priority in words under it.
    has_priority = theme.priority is not None
    ax.text(TITLE_X, centre - (0.08 if has_priority else 0), elide(theme.title, TITLE_CHARS),
            ha="left",
            va="center", fontsize=9, fontweight="bold", color=INK)
    if has_priority:
        ax.text(TITLE_X, centre + 0.13, f"► Prioritet {theme.priority}", ha="left",
                va="center", fontsize=7.5, fontweight="bold", color=INK)

    spread = theme.spread if theme.spread and theme.spread.scores else None
    bar_centre = centre - (0.08 if spread else 0)
    if theme.score is not None:
        colour = score_colour(theme.score)
        ax.add_patch(Rectangle((SCALE_X, bar_centre - 0.09), theme.score * CELL, 0.18,
                               facecolor=colour, edgecolor=INK, linewidth=0.6, zorder=2))
        text_colour = "white" if colour in _DARK_SCORE_COLOURS else INK
        ax.text(SCALE_X + theme.score * CELL - 0.06, bar_centre, str(theme.score),
                ha="right", va="center", fontsize=8.5, fontweight="bold", color=text_colour,
                zorder=4)
        ax.text(LABEL_X, bar_centre, score_label(theme.score), ha="left", va="center",
                fontsize=8.5, color=INK)
    else:
        ax.add_patch(Rectangle((SCALE_X, bar_centre - 0.09), SCORE_MAX * CELL, 0.18,
                               facecolor="none", edgecolor=GRID, linewidth=0.6,
                               linestyle=(0, (3, 2)), zorder=2))
        ax.text(LABEL_X, bar_centre, score_label(None), ha="left", va="center",
                fontsize=8.5, style="italic", color="#555555")

    if spread:
        _draw_spread(ax, spread, centre + 0.15)


DOT_STEP = 0.085  # inches between dot centres: a 3,8 pt ring and a clear gap


def spread_positions(scores: Sequence[int], y: float) -> list[tuple[float, float]]:
    """Where each vote's ring goes: equal votes side by side, then a second row above.

    The rings of equal votes used to be squeezed into one cell until they
    touched; now they never come closer than a ring's width.
    """
    positions: list[tuple[float, float]] = []
    per_row_max = int(CELL * 0.9 // DOT_STEP)
    for score, count in sorted(Counter(scores).items()):
        per_row = max(per_row_max, -(-count // 2))
        step = min(DOT_STEP, CELL * 0.95 / per_row)
        for k in range(count):
            row, column = divmod(k, per_row)
            in_row = min(per_row, count - row * per_row)
            x = _cell_centre(score) + (column - (in_row - 1) / 2) * step
            positions.append((x, y - row * DOT_STEP))
    return positions


def _draw_spread(ax: Any, spread: ScoreSpread, y: float) -> None:
    positions = spread_positions(spread.scores, y)
    ax.plot([x for x, _ in positions], [y for _, y in positions], marker="o", markersize=3.8,
            markerfacecolor="white", markeredgecolor=INK, markeredgewidth=0.8,
            linestyle="none", zorder=4)
    if spread.median is not None:  # under the rings, so it never hides one
        ax.plot([_cell_centre(spread.median)], [y + 0.075], marker="^", markersize=4.5,
                color=INK, linestyle="none", zorder=5)
    ax.text(LABEL_X, y, spread_text(spread), ha="left", va="center", fontsize=6.5,
            color="#333333")


def _draw_legend(ax: Any, rows: int, any_spread: bool) -> None:
    y = TOP + rows * ROW + 0.18
    text = "Søjlens længde og tallet viser gruppens fælles score (1–5)."
    if any_spread:
        text += "  ○ enkeltes score i den skjulte runde   ▲ median"
    ax.text(0.04, y, text, ha="left", va="center", fontsize=7, color="#333333")


def palette_figure_png(themes: Sequence[PlanTheme], dpi: int = DEFAULT_DPI) -> bytes:
    """The palette overview as PNG bytes, WIDTH inches wide at ``dpi``.

    The PNG is opaque RGB (no alpha channel) and lightly compressed: reportlab
    embeds it without a soft mask, which keeps the plan export fast.
    """
    load_matplotlib()
    from matplotlib import rc_context
    from PIL import Image

    rows = len(themes)
    height = figure_height(rows)
    with rc_context({"text.parse_math": False}):  # a title "$x$" is text, not mathtext
        canvas = _draw(themes, rows, height, dpi)
    plain_text(canvas.figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=3, dpi=(dpi, dpi))
    return buffer.getvalue()


def _draw(themes: Sequence[PlanTheme], rows: int, height: float, dpi: int) -> FigureCanvasAgg:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, height), dpi=dpi, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(height, 0)
    ax.axis("off")
    _draw_scale(ax, rows)
    for index, theme in enumerate(themes):
        _draw_row(ax, index, theme)
    _draw_legend(ax, rows, any(t.spread and t.spread.scores for t in themes))
    return canvas
