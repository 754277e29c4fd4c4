"""The charts of how one period's absence is spread: by reason, length, weekday, month, Bradford.

All of them count or sum within the period chosen in the data view. The three
"how many in each band" charts (durations, weekdays, Bradford) share
:func:`_band_chart`, so their bars read alike: the count and its share of all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from norddjurs_desktop.domain.absence import (
    BRADFORD_BANDS,
    DURATION_BANDS,
    SICK_REASONS,
    WEEKDAYS,
    AbsenceStats,
)
from norddjurs_desktop.domain.dates import format_number
from norddjurs_desktop.reports.charts.drawing import (
    GREY,
    GRID,
    INK,
    MONTHS,
    OVER_HATCH,
    RED,
    SCREEN_DPI,
    days_text,
    finish,
    legend,
    new_figure,
    number_axis,
    plain,
    share,
    vertical_bars,
)
from norddjurs_desktop.reports.charts.inputs import ChartExtra

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Reasons left out of the reasons chart: planned leave is not absence to act on.
LEAVE_REASONS = ("Ferie", "Feriefridag")


@plain
def reasons_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    """Days per absence reason, each on its own row; sick reasons hatched."""
    reasons = [r for r in stats.days_by_type if r not in LEAVE_REASONS]
    fig, ax = new_figure(dpi, height=0.9 + 0.3 * len(reasons))
    values = [stats.days_by_type[r] for r in reasons]
    ys = range(len(reasons))[::-1]
    sick = [r in SICK_REASONS for r in reasons]
    bars = ax.barh(
        list(ys),
        values,
        height=0.66,
        edgecolor=INK,
        linewidth=0.6,
        color=[RED if s else GREY for s in sick],
        hatch=None,
    )
    for bar, is_sick in zip(bars, sick, strict=True):
        if is_sick:
            bar.set_hatch(OVER_HATCH)
    ax.bar_label(bars, labels=[days_text(v) for v in values], padding=3, fontsize=9)
    ax.set_yticks(list(ys), reasons)
    top = max(values, default=0)
    ax.set_xlim(0, top * 1.15 if top > 0 else 1)
    number_axis(ax, "x")
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_xlabel("Fraværsdage (arbejdsdage × beskæftigelsesgrad; ferie ikke vist)", fontsize=9)
    legend(ax, [(RED, OVER_HATCH, "Tæller som sygefravær"), (GREY, "", "Andet fravær")])
    return finish(fig, left=1.25)


@plain
def durations_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return _band_chart(
        stats.duration_bands,
        DURATION_BANDS,
        [f"{b} dage" for b in DURATION_BANDS],
        "Sygeforløbets længde (kalenderdage)",
        "Antal forløb",
        dpi,
    )


@plain
def weekdays_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return _band_chart(
        stats.weekday_starts,
        WEEKDAYS,
        list(WEEKDAYS),
        "Ugedag for første sygedag",
        "Antal sygeforløb",
        dpi,
    )


@plain
def months_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    fig, ax = new_figure(dpi)
    values = [stats.sick_days_by_month.get(m, 0.0) for m in range(1, 13)]
    vertical_bars(ax, list(MONTHS), values, [days_text(v) for v in values])
    number_axis(ax)
    ax.set_xlabel("Måned", fontsize=9)
    ax.set_ylabel("Sygedage", fontsize=9)
    return finish(fig)


@plain
def bradford_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return _band_chart(
        stats.bradford_bands,
        BRADFORD_BANDS,
        list(BRADFORD_BANDS),
        "Bradford-faktor (antal forløb² × sygedage i forløbene)",
        "Antal personer",
        dpi,
    )


def _band_chart(
    counts: Mapping[str, int],
    bands: Sequence[str],
    ticks: Sequence[str],
    xlabel: str,
    ylabel: str,
    dpi: int,
) -> Figure:
    """One bar per band, each labelled with its count and its share of all."""
    fig, ax = new_figure(dpi)
    values = [counts.get(band, 0) for band in bands]
    total = sum(values)
    texts = [f"{format_number(v, 0)} ({share(v, total)})" for v in values]
    vertical_bars(ax, ticks, values, texts)
    number_axis(ax)
    ax.set_xlabel(xlabel, fontsize=9)
    ax.set_ylabel(ylabel, fontsize=9)
    return finish(fig)
