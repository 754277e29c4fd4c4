"""The look every chart shares: colours, hatches, Danish number labels, figure margins.

Nothing relies on colour alone: every bar carries its value (Danish decimal
comma), series that differ also differ in hatching, and hidden groups are
drawn as an empty outline labelled "færre end 5". Keeping these helpers in one
place keeps the charts alike.

matplotlib is imported inside the functions so that importing the charts at
start-up costs nothing. Figures are kept light (low dpi, no constrained
layout solver) because the data view redraws one after every filter change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal, ParamSpec

from norddjurs_desktop.domain.absence import MIN_GROUP_SIZE, PeriodFigure
from norddjurs_desktop.domain.dates import format_number, format_percent
from norddjurs_desktop.reports.mpl_loading import load_matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

P = ParamSpec("P")
HIDDEN_LABEL = f"færre end {MIN_GROUP_SIZE}"
#: A group of five or more hidden so that a smaller hidden one cannot be worked out.
PROTECTING_LABEL = "skjult for at beskytte en mindre gruppe"
#: Longer group names are cut with "…" on a chart: the axis would otherwise give its
#: width to the label, and laying out 100,000 characters took seconds on every redraw.
LABEL_CHARS = 40
SCREEN_DPI = 80
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTH_NAMES = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip

# Okabe–Ito colours (safe for colour-blind readers), plus ink and grid.
BLUE = "#0072b2"
ORANGE = "#e69f00"
RED = "#d55e00"
GREY = "#8c8c8c"
INK = "#1a1a1a"
GRID = "#d0d0d0"
OVER_HATCH = "///"
PARTIAL_HATCH = ".."
#: The white box behind a value written on a line, so the line does not cross it.
LABEL_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"}


# -- formatting ---------------------------------------------------------------------------
def pct_text(value: float) -> str:
    return format_percent(value, 1)


def days_text(value: float) -> str:
    if value == 0:
        return "0"
    return format_number(value, 0 if abs(value) >= 100 else 1)


def share(part: float, whole: float) -> str:
    return format_percent(100.0 * part / whole, 0) if whole else "0 %"


def month_label(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year % 100:02d}"


def year_label(point: PeriodFigure) -> str:
    if point.complete:
        return str(point.period_from.year)
    a, b = point.period_from, point.period_to
    return f"{a.year}\n({MONTHS[a.month - 1]}–{MONTHS[b.month - 1]})"


# -- axes -----------------------------------------------------------------------------------
def pct_axis(ax: Axes, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    def fmt(value: float, _pos: int) -> str:
        return format_percent(value, 0 if float(value).is_integer() else 1)

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(FuncFormatter(fmt))


def number_axis(ax: Axes, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins=6, integer=True))
    target.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, 0)))


def ambition_line(ax: Axes, ambition: float, horizontal: bool = True) -> None:
    label = f"Ambition {format_number(ambition, 0 if ambition.is_integer() else 1)} %"
    if horizontal:
        ax.axhline(ambition, color=INK, linestyle="--", linewidth=1.2, label=label)
        ax.annotate(
            label,
            (1.0, ambition),
            xycoords=("axes fraction", "data"),
            xytext=(-2, 3),
            textcoords="offset points",
            ha="right",
            va="bottom",
            fontsize=9,
            color=INK,
            bbox=LABEL_BOX,
        )
    else:
        ax.axvline(ambition, color=INK, linestyle="--", linewidth=1.2, label=label)
        ax.annotate(
            label,
            (ambition, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
            color=INK,
        )


# -- user text is text ----------------------------------------------------------------------
def elide(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" at the end."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def plain_text(fig: Figure) -> Figure:
    """Never read any text of ``fig`` as mathtext: a team "$x$" shows its dollars."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def plain(builder: Callable[P, Figure]) -> Callable[P, Figure]:
    """Decorate a figure builder so no text it draws is taken as markup.

    matplotlib reads ``$…$`` as mathtext, so a team named ``$\\frac{1}{0$`` broke
    the chart. Texts are created with ``text.parse_math`` off (scoped to the
    builder, so nothing else in the process changes) and every text of the
    finished figure is switched off again, in case the setting changed in
    between on another thread.
    """

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> Figure:
        load_matplotlib()
        import matplotlib

        with matplotlib.rc_context({"text.parse_math": False}):
            fig = builder(*args, **kwargs)
        return plain_text(fig)

    return build


# -- figure scaffolding ----------------------------------------------------------------------
def new_figure(dpi: int, height: float = 3.6, width: float = 7.6) -> tuple[Figure, Axes]:
    load_matplotlib()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=dpi, facecolor="white")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(colors=INK, labelsize=9)
    ax.set_axisbelow(True)
    return fig, ax


def finish(
    fig: Figure, left: float = 0.75, bottom: float = 0.6, top: float = 0.25, right: float = 0.2
) -> Figure:
    """Fixed margins in inches (cheaper than a layout engine, and stable between redraws).

    The margins are applied again whenever the canvas is resized (an embedded
    chart follows its window), so labels keep their room at any width.
    """

    def apply(_event: object = None) -> None:
        width, height = fig.get_size_inches()
        fig.subplots_adjust(
            left=min(left / width, 0.6),
            right=1 - right / width,
            top=1 - top / height,
            bottom=min(bottom / height, 0.6),
        )

    apply()
    fig.canvas.mpl_connect("resize_event", apply)
    return fig


def empty(fig: Figure, ax: Axes, text: str) -> Figure:
    ax.set_axis_off()
    ax.text(
        0.5, 0.5, text, ha="center", va="center", fontsize=11, color=INK, transform=ax.transAxes
    )
    return fig


def vertical_bars(
    ax: Axes,
    labels: Sequence[str],
    values: Sequence[float],
    texts: Sequence[str],
    colour: str = BLUE,
) -> None:
    bars = ax.bar(range(len(values)), values, color=colour, edgecolor=INK, linewidth=0.6, width=0.7)
    ax.bar_label(bars, labels=list(texts), padding=2, fontsize=9, color=INK)
    ax.set_xticks(range(len(labels)), list(labels))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    top = max(values, default=0)
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)


def legend(
    ax: Axes,
    entries: Sequence[tuple[str, str, str]],
    below: bool = False,
    loc: Literal["lower right", "upper left"] = "lower right",
) -> None:
    """A legend of (colour, hatch, label) patches; colour "none" is a hidden group's outline."""
    from matplotlib.patches import Patch

    handles = [
        Patch(
            facecolor=colour,
            edgecolor=GREY if colour == "none" else INK,
            hatch=hatch or None,
            linestyle="--" if colour == "none" else "-",
            label=label,
        )
        for colour, hatch, label in entries
    ]
    if below:
        from matplotlib.transforms import ScaledTranslation

        fig = ax.get_figure()
        assert fig is not None
        half_inch_down = ax.transAxes + ScaledTranslation(0, -0.5, fig.dpi_scale_trans)
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0),
            bbox_transform=half_inch_down,
            ncol=len(handles),
            fontsize=8,
            frameon=False,
        )
    else:
        ax.legend(handles=handles, loc=loc, fontsize=8, frameon=True, framealpha=0.9)
