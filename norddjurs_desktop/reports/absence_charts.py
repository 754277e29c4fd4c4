"""The data view's charts as matplotlib figures, and each chart's figure as a Danish sentence.

One builder per chart takes an :class:`AbsenceStats` (plus the trends in a
:class:`ChartExtra`) and returns a fresh :class:`matplotlib.figure.Figure`;
the GUI embeds it, a test or a report can render it with Agg. Nothing relies
on colour alone: every bar carries its value (Danish decimal comma), series
that differ also differ in hatching, and hidden groups are drawn as an empty
outline labelled "færre end 5".

matplotlib is imported inside the functions so that importing this module at
start-up costs nothing. Figures are kept light (low dpi, no constrained
layout solver) because the data view redraws one after every filter change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

from norddjurs_desktop.domain.absence import (
    BRADFORD_BANDS,
    DURATION_BANDS,
    MIN_GROUP_SIZE,
    SICK_REASONS,
    WEEKDAYS,
    AbsenceStats,
    PeriodFigure,
)
from norddjurs_desktop.domain.dates import format_number, format_percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "AMBITION_PCT",
    "CHARTS",
    "HIDDEN_LABEL",
    "MONTHS",
    "SCREEN_DPI",
    "ChartExtra",
    "ChartSpec",
    "build_chart",
    "chart_by_key",
    "headline",
    "key_figures_chart",
]

AMBITION_PCT = 5.0
HIDDEN_LABEL = f"færre end {MIN_GROUP_SIZE}"
SCREEN_DPI = 80
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTH_NAMES = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)
#: Reasons left out of the reasons chart: planned leave is not absence to act on.
LEAVE_REASONS = ("Ferie", "Feriefridag")

# Okabe–Ito colours (safe for colour-blind readers), plus ink and grid.
BLUE = "#0072b2"
ORANGE = "#e69f00"
RED = "#d55e00"
GREY = "#8c8c8c"
INK = "#1a1a1a"
GRID = "#d0d0d0"
OVER_HATCH = "///"
PARTIAL_HATCH = ".."


@dataclass(frozen=True)
class ChartExtra:
    """What some charts need besides one period's figures: the trends over time."""

    rolling: Sequence[PeriodFigure] = ()
    yearly: Sequence[PeriodFigure] = ()
    ambition: float = AMBITION_PCT


Builder = Callable[[AbsenceStats, ChartExtra, int], "Figure"]


class ChartSpec(NamedTuple):
    key: str
    title: str
    builder: Builder


# -- formatting ---------------------------------------------------------------------------
def pct_text(value: float) -> str:
    return format_percent(value, 1)


def days_text(value: float) -> str:
    if value == 0:
        return "0"
    return format_number(value, 0 if abs(value) >= 100 else 1)


def _share(part: float, whole: float) -> str:
    return format_percent(100.0 * part / whole, 0) if whole else "0 %"


def _pct_axis(ax: Axes, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    def fmt(value: float, _pos: int) -> str:
        return format_percent(value, 0 if float(value).is_integer() else 1)

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(FuncFormatter(fmt))


def _number_axis(ax: Axes, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins=6, integer=True))
    target.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, 0)))


# -- figure scaffolding ----------------------------------------------------------------------
def _figure(dpi: int, height: float = 3.6, width: float = 7.6) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=dpi, facecolor="white")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(colors=INK, labelsize=9)
    ax.set_axisbelow(True)
    return fig, ax


def _finish(
    fig: Figure, left: float = 0.75, bottom: float = 0.6, top: float = 0.25, right: float = 0.2
) -> Figure:
    """Fixed margins in inches (cheaper than a layout engine, and stable between redraws).

    The margins are applied again whenever the canvas is resized (an embedded
    chart follows its window), so labels keep their room at any width.
    """

    def apply(_event: object = None) -> None:
        width, height = fig.get_size_inches()
        fig.subplots_adjust(left=min(left / width, 0.6), right=1 - right / width,
                            top=1 - top / height, bottom=min(bottom / height, 0.6))

    apply()
    fig.canvas.mpl_connect("resize_event", apply)
    return fig


def _empty(fig: Figure, ax: Axes, text: str) -> Figure:
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=11, color=INK,
            transform=ax.transAxes)
    return fig


def _vertical_bars(
    ax: Axes, labels: Sequence[str], values: Sequence[float], texts: Sequence[str],
    colour: str = BLUE,
) -> None:
    bars = ax.bar(range(len(values)), values, color=colour, edgecolor=INK, linewidth=0.6,
                  width=0.7)
    ax.bar_label(bars, labels=list(texts), padding=2, fontsize=9, color=INK)
    ax.set_xticks(range(len(labels)), list(labels))
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    top = max(values, default=0)
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)


def _ambition_line(ax: Axes, ambition: float, horizontal: bool = True) -> None:
    label = f"Ambition {format_number(ambition, 0 if ambition.is_integer() else 1)} %"
    if horizontal:
        ax.axhline(ambition, color=INK, linestyle="--", linewidth=1.2, label=label)
        ax.annotate(label, (1.0, ambition), xycoords=("axes fraction", "data"),
                    xytext=(-2, 3), textcoords="offset points", ha="right", va="bottom",
                    fontsize=9, color=INK,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
    else:
        ax.axvline(ambition, color=INK, linestyle="--", linewidth=1.2, label=label)
        ax.annotate(label, (ambition, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize=9, color=INK)


# -- the charts ------------------------------------------------------------------------------
def rolling_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    """Rolling 12-month absence % at each month end with the dashed ambition line."""
    fig, ax = _figure(dpi)
    points = _visible_points(extra.rolling)
    if not any(p.absence_pct is not None for p in points):
        return _empty(fig, ax, "Der er ikke data nok til en tendens endnu.")
    xs = list(range(len(points)))
    ys = [p.absence_pct if p.absence_pct is not None else float("nan") for p in points]
    ax.plot(xs, ys, color=BLUE, linewidth=2, zorder=3)
    full = [(x, y) for x, y, p in zip(xs, ys, points, strict=True) if p.complete]
    part = [(x, y) for x, y, p in zip(xs, ys, points, strict=True) if not p.complete]
    if full:
        ax.plot(*zip(*full, strict=True), "o", color=BLUE, markersize=5, zorder=4,
                label="Fravær, rullende 12 mdr.")
    if part:
        ax.plot(*zip(*part, strict=True), "o", markerfacecolor="white", color=BLUE,
                markersize=5, zorder=4, label="Under 12 måneders data")
    _ambition_line(ax, extra.ambition)
    valid = [(x, y) for x, y in zip(xs, ys, strict=True) if y == y]
    marked = {valid[0][0], valid[-1][0], max(valid, key=lambda v: v[1])[0],
              min(valid, key=lambda v: v[1])[0]}
    for x, y in valid:
        if x in marked:
            ax.annotate(pct_text(y), (x, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", fontsize=9, color=INK,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
    step = 3 if len(points) > 12 else 1
    ax.set_xticks(xs[::step], [_month_label(p.period_to) for p in points][::step])
    top = max(max(y for _, y in valid), extra.ambition)
    ax.set_ylim(0, top * 1.25)
    ax.set_xlim(-0.6, len(points) - 0.4)
    _pct_axis(ax)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_ylabel("Sygefravær, seneste 12 mdr.", fontsize=9)
    ax.set_xlabel("Måned (12 måneder til og med)", fontsize=9)
    ax.legend(loc="lower left", fontsize=8, frameon=False, ncol=3)
    return _finish(fig)


def reasons_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    """Days per absence reason, each on its own row; sick reasons hatched."""
    reasons = [r for r in stats.days_by_type if r not in LEAVE_REASONS]
    fig, ax = _figure(dpi, height=0.9 + 0.3 * len(reasons))
    values = [stats.days_by_type[r] for r in reasons]
    ys = range(len(reasons))[::-1]
    sick = [r in SICK_REASONS for r in reasons]
    bars = ax.barh(list(ys), values, height=0.66, edgecolor=INK, linewidth=0.6,
                   color=[RED if s else GREY for s in sick],
                   hatch=None)
    for bar, is_sick in zip(bars, sick, strict=True):
        if is_sick:
            bar.set_hatch(OVER_HATCH)
    ax.bar_label(bars, labels=[days_text(v) for v in values], padding=3, fontsize=9)
    ax.set_yticks(list(ys), reasons)
    top = max(values, default=0)
    ax.set_xlim(0, top * 1.15 if top > 0 else 1)
    _number_axis(ax, "x")
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_xlabel("Fraværsdage (arbejdsdage × beskæftigelsesgrad; ferie ikke vist)", fontsize=9)
    _legend(ax, [(RED, OVER_HATCH, "Tæller som sygefravær"), (GREY, "", "Andet fravær")])
    return _finish(fig, left=1.25)


def durations_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = _figure(dpi)
    values = [stats.duration_bands.get(band, 0) for band in DURATION_BANDS]
    total = sum(values)
    texts = [f"{format_number(v, 0)} ({_share(v, total)})" for v in values]
    _vertical_bars(ax, [f"{b} dage" for b in DURATION_BANDS], values, texts)
    _number_axis(ax)
    ax.set_xlabel("Sygeforløbets længde (kalenderdage)", fontsize=9)
    ax.set_ylabel("Antal forløb", fontsize=9)
    return _finish(fig)


def weekdays_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = _figure(dpi)
    values = [stats.weekday_starts.get(day, 0) for day in WEEKDAYS]
    total = sum(values)
    texts = [f"{format_number(v, 0)} ({_share(v, total)})" for v in values]
    _vertical_bars(ax, list(WEEKDAYS), values, texts)
    _number_axis(ax)
    ax.set_xlabel("Ugedag for første sygedag", fontsize=9)
    ax.set_ylabel("Antal sygeforløb", fontsize=9)
    return _finish(fig)


def months_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = _figure(dpi)
    values = [stats.sick_days_by_month.get(m, 0.0) for m in range(1, 13)]
    _vertical_bars(ax, list(MONTHS), values, [days_text(v) for v in values])
    _number_axis(ax)
    ax.set_xlabel("Måned", fontsize=9)
    ax.set_ylabel("Sygedage", fontsize=9)
    return _finish(fig)


def _group_chart(
    groups: Mapping[str, float | None], axis_label: str, ambition: float, dpi: int
) -> Figure:
    labels = list(groups)
    fig, ax = _figure(dpi, height=1.35 + 0.27 * max(len(labels), 2))
    if not labels:
        return _empty(fig, ax, "Ingen grupper i perioden.")
    values = [groups[label] for label in labels]
    shown = [v for v in values if v is not None]
    top = max([*shown, ambition]) * 1.22
    ys = list(range(len(labels)))[::-1]
    widths = [top if v is None else v for v in values]
    over = [v is not None and v > ambition for v in values]
    bars = ax.barh(ys, widths, height=0.66, linewidth=0.6, edgecolor=INK,
                   color=[RED if o else BLUE for o in over])
    # Labels as plain texts rather than ticks: 40 teams would otherwise cost 40 Tick objects.
    names = ax.get_yaxis_transform()
    for y, bar, label, value, is_over in zip(ys, bars, labels, values, over, strict=True):
        ax.text(-0.012, y, label, transform=names, ha="right", va="center", fontsize=9,
                color=INK)
        if value is None:  # hidden group: an empty dashed outline across the axis
            bar.set_facecolor("none")
            bar.set_edgecolor(GREY)
            bar.set_linestyle("--")
            ax.text(top * 0.015, y, HIDDEN_LABEL, va="center", ha="left", fontsize=9,
                    color=INK, style="italic")
            continue
        if is_over:
            bar.set_hatch(OVER_HATCH)
        ax.text(value + top * 0.008, y, pct_text(value), va="center", ha="left", fontsize=9,
                color=INK)
    ax.set_yticks([])
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_xlim(0, top)
    _ambition_line(ax, ambition, horizontal=False)
    _pct_axis(ax, "x")
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_xlabel(f"Sygefravær efter {axis_label}", fontsize=9)
    entries = [(RED, OVER_HATCH, "Over ambitionen"), (BLUE, "", "Ved eller under ambitionen")]
    if None in values:
        entries.append(("none", "", f"Skjult: {HIDDEN_LABEL} personer"))
    longest = max(len(label) for label in labels)
    _finish(fig, left=0.25 + longest * 0.075, bottom=1.0, top=0.3)
    _legend(ax, entries, below=True)  # after the margins: placed in inches below the axes
    return fig


def teams_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return _group_chart(stats.by_team, "team", extra.ambition, dpi)


def job_groups_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return _group_chart(stats.by_job_group, "faggruppe", extra.ambition, dpi)


def age_groups_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return _group_chart(stats.by_age_group, "aldersgruppe", extra.ambition, dpi)


def bradford_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = _figure(dpi)
    values = [stats.bradford_bands.get(band, 0) for band in BRADFORD_BANDS]
    total = sum(values)
    texts = [f"{format_number(v, 0)} ({_share(v, total)})" for v in values]
    _vertical_bars(ax, list(BRADFORD_BANDS), values, texts)
    _number_axis(ax)
    ax.set_xlabel("Bradford-faktor (antal forløb² × sygedage i forløbene)", fontsize=9)
    ax.set_ylabel("Antal personer", fontsize=9)
    return _finish(fig)


def yearly_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = _figure(dpi)
    years = list(extra.yearly)
    if not years:
        return _empty(fig, ax, "Ingen år i data.")
    values = [_visible_pct(y) for y in years]
    top = max([v for v in values if v is not None] + [extra.ambition]) * 1.25
    for x, (year, value) in enumerate(zip(years, values, strict=True)):
        if value is None:
            ax.bar(x, top * 0.8, width=0.6, facecolor="none", edgecolor=GREY, linestyle="--")
            ax.text(x, top * 0.4, HIDDEN_LABEL, ha="center", fontsize=9, style="italic")
            continue
        bar = ax.bar(x, value, width=0.6, color=BLUE if year.complete else "white",
                     edgecolor=BLUE if not year.complete else INK, linewidth=0.9,
                     hatch=None if year.complete else PARTIAL_HATCH)
        ax.bar_label(bar, labels=[pct_text(value)], padding=2, fontsize=9)
    ax.set_xticks(range(len(years)), [_year_label(y) for y in years])
    ax.set_ylim(0, top)
    _ambition_line(ax, extra.ambition)
    _pct_axis(ax)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_ylabel("Sygefravær", fontsize=9)
    ax.set_xlabel("Kalenderår", fontsize=9)
    if not all(y.complete for y in years):
        _legend(ax, [(BLUE, "", "Helt år"), ("white", PARTIAL_HATCH, "Del af år")],
                loc="upper left")
    return _finish(fig)


def key_figures_chart(
    points: Sequence[tuple[date, float]], ambition: float = AMBITION_PCT, dpi: int = SCREEN_DPI
) -> Figure:
    """Typed monthly key figures (month, absence %) against the ambition, oldest first."""
    fig, ax = _figure(dpi)
    ordered = sorted(points)
    if not ordered:
        return _empty(fig, ax, "Ingen nøgletal indtastet endnu.")
    xs = list(range(len(ordered)))
    ys = [value for _, value in ordered]
    ax.plot(xs, ys, "o-", color=BLUE, linewidth=2, markersize=5, label="Fravær pr. måned")
    for x, y in zip(xs, ys, strict=True):
        if len(ordered) <= 18 or x % 2 == len(ordered) % 2 or x == xs[-1]:
            ax.annotate(pct_text(y), (x, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", fontsize=8, color=INK)
    _ambition_line(ax, ambition)
    step = 1 if len(ordered) <= 12 else 3
    ax.set_xticks(xs[::step], [_month_label(m) for m, _ in ordered][::step])
    ax.set_xlim(-0.6, len(ordered) - 0.4)
    ax.set_ylim(0, max([*ys, ambition]) * 1.25)
    _pct_axis(ax)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_ylabel("Sygefravær", fontsize=9)
    ax.set_xlabel("Måned (indtastede nøgletal)", fontsize=9)
    return _finish(fig)


# -- helpers ----------------------------------------------------------------------------------
def _legend(ax: Axes, entries: Sequence[tuple[str, str, str]], below: bool = False,
            loc: Literal["lower right", "upper left"] = "lower right") -> None:
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=colour, edgecolor=GREY if colour == "none" else INK, hatch=hatch or None,
              linestyle="--" if colour == "none" else "-", label=label)
        for colour, hatch, label in entries
    ]
    if below:
        from matplotlib.transforms import ScaledTranslation

        fig = ax.get_figure()
        assert fig is not None
        half_inch_down = ax.transAxes + ScaledTranslation(0, -0.5, fig.dpi_scale_trans)
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0),
                  bbox_transform=half_inch_down, ncol=len(handles), fontsize=8, frameon=False)
    else:
        ax.legend(handles=handles, loc=loc, fontsize=8, frameon=True, framealpha=0.9)


def _visible_pct(point: PeriodFigure) -> float | None:
    return point.absence_pct if point.persons >= MIN_GROUP_SIZE else None


def _visible_points(points: Sequence[PeriodFigure]) -> list[PeriodFigure]:
    from dataclasses import replace

    return [p if _visible_pct(p) is not None else replace(p, absence_pct=None) for p in points]


def _month_label(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year % 100:02d}"


def _year_label(point: PeriodFigure) -> str:
    if point.complete:
        return str(point.period_from.year)
    a, b = point.period_from, point.period_to
    return f"{a.year}\n({MONTHS[a.month - 1]}–{MONTHS[b.month - 1]})"


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("rolling", "Sygefravær, rullende 12 måneder", rolling_chart),
    ChartSpec("reasons", "Fraværsdage efter årsag", reasons_chart),
    ChartSpec("durations", "Sygeforløbenes længde", durations_chart),
    ChartSpec("weekdays", "Ugedag for første sygedag", weekdays_chart),
    ChartSpec("months", "Sygedage efter måned", months_chart),
    ChartSpec("teams", "Sygefravær efter team", teams_chart),
    ChartSpec("job_groups", "Sygefravær efter faggruppe", job_groups_chart),
    ChartSpec("age_groups", "Sygefravær efter aldersgruppe", age_groups_chart),
    ChartSpec("bradford", "Bradford-faktor (antal personer)", bradford_chart),
    ChartSpec("yearly", "Sygefravær år for år", yearly_chart),
)


def chart_by_key(key: str) -> ChartSpec:
    for spec in CHARTS:
        if spec.key == key:
            return spec
    raise KeyError(key)


# -- headlines ---------------------------------------------------------------------------------
def headline(chart_key: str, stats: AbsenceStats, extra: ChartExtra | None = None) -> str:
    """The chart's main figure as one Danish sentence, for an action's data reference."""
    extra = extra or ChartExtra()
    ambition = f"ambition {format_number(extra.ambition, 0)} %"
    make = _HEADLINES.get(chart_key)
    if make is None:
        raise KeyError(chart_key)
    return make(stats, extra, ambition)


def _h_rolling(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    points = [p for p in _visible_points(extra.rolling) if p.absence_pct is not None]
    if points:
        last = points[-1]
        assert last.absence_pct is not None
        return (f"Sygefravær {pct_text(last.absence_pct)} ({ambition}) i 12 måneder til "
                f"{last.period_to.strftime('%d-%m-%Y')}")
    return _h_total(stats, extra, ambition)


def _h_total(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    if stats.absence_pct is None:
        return "Intet sygefravær at beregne i perioden"
    return f"Sygefravær {pct_text(stats.absence_pct)} ({ambition})"


def _h_reasons(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    parts = [f"{r} {days_text(stats.days_by_type.get(r, 0.0))}"
             for r in ("Egen sygdom", "§56", "Arbejdsskade")]
    others = sorted(((v, r) for r, v in stats.days_by_type.items()
                     if r not in SICK_REASONS and r not in LEAVE_REASONS and v > 0), reverse=True)
    text = f"{days_text(stats.sick_days)} sygedage ({', '.join(parts)})"
    if others:
        value, reason = others[0]
        text += f"; mest andet fravær: {reason} {days_text(value)} dage"
    return text


def _h_counts(values: Mapping[str, int], unit: str, phrase: Callable[[str], str]) -> str:
    total = sum(values.values())
    if not total:
        return f"Ingen {unit} i perioden"
    label, count = max(values.items(), key=lambda item: item[1])
    return f"{_share(count, total)} af {unit} {phrase(label)} ({count} af {total})"


def _h_durations(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    return _h_counts(stats.duration_bands, "forløbene", lambda b: f"varer {b} dage")


def _h_weekdays(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    return _h_counts(stats.weekday_starts, "forløbene", lambda d: f"starter {d}")


def _h_months(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    total = sum(stats.sick_days_by_month.values())
    if not total:
        return "Ingen sygedage i perioden"
    month, days = max(stats.sick_days_by_month.items(), key=lambda item: item[1])
    return (f"Flest sygedage i {MONTH_NAMES[month - 1]}: {days_text(days)} dage "
            f"({_share(days, total)} af periodens sygedage)")


def _h_groups(groups: Mapping[str, float | None], noun: str, ambition_pct: float,
              ambition: str) -> str:
    shown = {k: v for k, v in groups.items() if v is not None}
    hidden = len(groups) - len(shown)
    if not shown:
        return f"Ingen {noun} med mindst {MIN_GROUP_SIZE} personer"
    label, value = max(shown.items(), key=lambda item: item[1])
    over = sum(1 for v in shown.values() if v > ambition_pct)
    text = (f"Højest: {label} {pct_text(value)} ({ambition}); "
            f"{over} af {len(shown)} viste {noun} over ambitionen")
    return text + (f"; {hidden} skjult ({HIDDEN_LABEL})" if hidden else "")


def _h_bradford(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    bands = stats.bradford_bands
    high = bands.get("500+", 0)
    mid = bands.get("300-499", 0)
    total = sum(bands.values())
    return (f"{high} af {total} personer har en Bradford-faktor på 500 eller mere, "
            f"{mid} mellem 300 og 499")


def _h_yearly(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    parts = []
    for point in extra.yearly:
        value = _visible_pct(point)
        label = _year_label(point).replace("\n", " ")
        parts.append(f"{label}: {pct_text(value) if value is not None else HIDDEN_LABEL}")
    return f"Sygefravær {', '.join(parts)} ({ambition})" if parts else _h_total(
        stats, extra, ambition)


_HEADLINES: dict[str, Callable[[AbsenceStats, ChartExtra, str], str]] = {
    "rolling": _h_rolling,
    "total": _h_total,
    "reasons": _h_reasons,
    "durations": _h_durations,
    "weekdays": _h_weekdays,
    "months": _h_months,
    "teams": lambda s, e, a: _h_groups(s.by_team, "teams", e.ambition, a),
    "job_groups": lambda s, e, a: _h_groups(s.by_job_group, "faggrupper", e.ambition, a),
    "age_groups": lambda s, e, a: _h_groups(s.by_age_group, "aldersgrupper", e.ambition, a),
    "bradford": _h_bradford,
    "yearly": _h_yearly,
}


def build_chart(key: str, stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI
                ) -> Figure:
    """The figure of the chart ``key`` (see :data:`CHARTS`)."""
    return chart_by_key(key).builder(stats, extra, dpi)
