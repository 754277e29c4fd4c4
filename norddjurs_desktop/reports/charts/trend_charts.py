"""The charts of absence over time: rolling 12 months, calendar years, typed key figures.

Each is drawn against the dashed ambition line, and a stretch with less than
a full period behind it (a rolling point before 12 months of data, a year
not yet over) is drawn open or dotted rather than left out, so a reader sees
that the figure is partial.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from norddjurs_desktop.domain.absence import AbsenceStats, PeriodFigure
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.reports.charts.drawing import (
    BLUE,
    GREY,
    GRID,
    HIDDEN_LABEL,
    INK,
    LABEL_BOX,
    PARTIAL_HATCH,
    SCREEN_DPI,
    ambition_line,
    empty,
    finish,
    legend,
    month_label,
    new_figure,
    pct_axis,
    pct_text,
    plain,
    year_label,
)
from norddjurs_desktop.reports.charts.inputs import (
    AMBITION_PCT,
    ChartExtra,
    visible_pct,
    visible_points,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@plain
def rolling_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    """Rolling 12-month absence % at each month end with the dashed ambition line."""
    fig, ax = new_figure(dpi)
    points = visible_points(extra.rolling)
    if not any(p.absence_pct is not None for p in points):
        return empty(fig, ax, "Der er ikke data nok til en tendens endnu.")
    xs = list(range(len(points)))
    ys = [p.absence_pct if p.absence_pct is not None else float("nan") for p in points]
    ax.plot(xs, ys, color=BLUE, linewidth=2, zorder=3)
    full = [(x, y) for x, y, p in zip(xs, ys, points, strict=True) if p.complete]
    part = [(x, y) for x, y, p in zip(xs, ys, points, strict=True) if not p.complete]
    if full:
        ax.plot(
            *zip(*full, strict=True),
            "o",
            color=BLUE,
            markersize=5,
            zorder=4,
            label="Fravær, rullende 12 mdr.",
        )
    if part:
        ax.plot(
            *zip(*part, strict=True),
            "o",
            markerfacecolor="white",
            color=BLUE,
            markersize=5,
            zorder=4,
            label="Under 12 måneders data",
        )
    ambition_line(ax, extra.ambition)
    _mark_screenings(ax, points, extra)
    valid = [(x, y) for x, y in zip(xs, ys, strict=True) if y == y]
    marked = {
        valid[0][0],
        valid[-1][0],
        max(valid, key=lambda v: v[1])[0],
        min(valid, key=lambda v: v[1])[0],
    }
    for x, y in valid:
        if x in marked:
            _value_label(ax, x, y, fontsize=9, bbox=True)
    step = 3 if len(points) > 12 else 1
    ax.set_xticks(xs[::step], [month_label(p.period_to) for p in points][::step])
    top = max(max(y for _, y in valid), extra.ambition)
    ax.set_ylim(0, top * 1.25)
    ax.set_xlim(-0.6, len(points) - 0.4)
    _pct_value_axis(ax, "Sygefravær, seneste 12 mdr.", "Måned (12 måneder til og med)")
    ax.legend(loc="lower left", fontsize=8, frameon=False, ncol=3)
    return finish(fig)


def _mark_screenings(ax: Axes, points: list[PeriodFigure], extra: ChartExtra) -> None:
    """A dotted line, named in words, at the month of each screening in the chart."""
    months = [(p.period_to.year, p.period_to.month) for p in points]
    for when in extra.screenings:
        if (when.year, when.month) not in months:
            continue
        x = months.index((when.year, when.month))
        ax.axvline(x, color=INK, linestyle=":", linewidth=1.2, zorder=2)
        ax.text(x, 1.0, f" Screening {danish_date(when)}", transform=ax.get_xaxis_transform(),
                rotation=90, va="top", ha="right", fontsize=8, color=INK, zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
    change = extra.before_after
    if change is not None:
        ax.set_title(
            f"12 mdr. før screeningen {danish_date(change.screening)}: "
            f"{pct_text(change.before_pct)} · de {change.months_after} mdr. siden: "
            f"{pct_text(change.after_pct)}",
            fontsize=9, loc="left", color=INK,
        )


@plain
def yearly_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = new_figure(dpi)
    years = list(extra.yearly)
    if not years:
        return empty(fig, ax, "Ingen år i data.")
    values = [visible_pct(y) for y in years]
    top = max([v for v in values if v is not None] + [extra.ambition]) * 1.25
    for x, (year, value) in enumerate(zip(years, values, strict=True)):
        if value is None:
            ax.bar(x, top * 0.8, width=0.6, facecolor="none", edgecolor=GREY, linestyle="--")
            ax.text(x, top * 0.4, HIDDEN_LABEL, ha="center", fontsize=9, style="italic")
            continue
        bar = ax.bar(
            x,
            value,
            width=0.6,
            color=BLUE if year.complete else "white",
            edgecolor=BLUE if not year.complete else INK,
            linewidth=0.9,
            hatch=None if year.complete else PARTIAL_HATCH,
        )
        ax.bar_label(bar, labels=[pct_text(value)], padding=2, fontsize=9)
    ax.set_xticks(range(len(years)), [year_label(y) for y in years])
    ax.set_ylim(0, top)
    ambition_line(ax, extra.ambition)
    _pct_value_axis(ax, "Sygefravær", "Kalenderår")
    if not all(y.complete for y in years):
        legend(ax, [(BLUE, "", "Helt år"), ("white", PARTIAL_HATCH, "Del af år")], loc="upper left")
    return finish(fig)


@plain
def key_figures_chart(
    points: Sequence[tuple[date, float]], ambition: float = AMBITION_PCT, dpi: int = SCREEN_DPI
) -> Figure:
    """Typed monthly key figures (month, absence %) against the ambition, oldest first."""
    fig, ax = new_figure(dpi)
    ordered = sorted(points)
    if not ordered:
        return empty(fig, ax, "Ingen nøgletal indtastet endnu.")
    xs = list(range(len(ordered)))
    ys = [value for _, value in ordered]
    ax.plot(xs, ys, "o-", color=BLUE, linewidth=2, markersize=5, label="Fravær pr. måned")
    for x, y in zip(xs, ys, strict=True):
        if len(ordered) <= 18 or x % 2 == len(ordered) % 2 or x == xs[-1]:
            _value_label(ax, x, y, fontsize=8, bbox=False)
    ambition_line(ax, ambition)
    step = 1 if len(ordered) <= 12 else 3
    ax.set_xticks(xs[::step], [month_label(m) for m, _ in ordered][::step])
    ax.set_xlim(-0.6, len(ordered) - 0.4)
    ax.set_ylim(0, max([*ys, ambition]) * 1.25)
    _pct_value_axis(ax, "Sygefravær", "Måned (indtastede nøgletal)")
    return finish(fig)


def _value_label(ax: Axes, x: float, y: float, fontsize: int, bbox: bool) -> None:
    """The point's % written just above it."""
    ax.annotate(
        pct_text(y),
        (x, y),
        xytext=(0, 7),
        textcoords="offset points",
        ha="center",
        fontsize=fontsize,
        color=INK,
        bbox=LABEL_BOX if bbox else None,
    )


def _pct_value_axis(ax: Axes, ylabel: str, xlabel: str) -> None:
    """A % value axis with grid lines, and both axes labelled."""
    pct_axis(ax)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_ylabel(ylabel, fontsize=9)
    ax.set_xlabel(xlabel, fontsize=9)
