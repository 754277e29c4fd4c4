"""The charts that compare groups of staff: absence % by team, job group and age group.

A group with fewer than ``MIN_GROUP_SIZE`` persons is never shown as a number
(its members could be recognised): it is drawn as an empty dashed outline
labelled "færre end 5". Bars over the ambition are red *and* hatched, so the
chart reads without colour. The three charts differ only in which grouping
they draw, so they share :func:`group_chart`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from norddjurs_desktop.domain.absence import AGE_GROUP, JOB_GROUP, TEAM, AbsenceStats
from norddjurs_desktop.domain.absence_privacy import COMPLEMENT, FILTERED
from norddjurs_desktop.reports.charts.drawing import (
    BLUE,
    GREY,
    GRID,
    HIDDEN_LABEL,
    INK,
    OVER_HATCH,
    PROTECTING_LABEL,
    RED,
    SCREEN_DPI,
    ambition_line,
    elide,
    empty,
    finish,
    legend,
    new_figure,
    pct_axis,
    pct_text,
    plain,
)
from norddjurs_desktop.reports.charts.inputs import ChartExtra

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@plain
def group_chart(
    groups: Mapping[str, float | None],
    axis_label: str,
    ambition: float,
    dpi: int,
    protecting: Collection[str] = (),
    *,
    rest: str = "",
    split: int = 0,
) -> Figure:
    """One row per group (None: hidden, too few persons) against the ambition line.

    Group names are the unit's own words: shown literally (see :func:`plain`) and
    cut to :data:`LABEL_CHARS` characters. Groups in ``protecting`` have five or more
    persons but are hidden to protect a smaller one, and say so. With ``rest``, a
    gap after the first ``split`` rows holds that line in words (the groups between
    the highest and the lowest).
    """
    keys = list(groups)
    labels = [elide(label) for label in keys]
    rows = len(labels) + (1 if rest else 0)
    fig, ax = new_figure(dpi, height=1.35 + 0.27 * max(rows, 2))
    if not labels:
        return empty(fig, ax, "Ingen grupper i perioden.")
    values = [groups[key] for key in keys]
    shown = [v for v in values if v is not None]
    top = max([*shown, ambition]) * 1.22
    positions = list(range(rows))[::-1]
    if rest:
        gap = positions.pop(split)
        ax.text(top * 0.015, gap, f"… {rest}", va="center", ha="left", fontsize=9,
                color=INK, style="italic", zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ys = positions
    over = [v is not None and v > ambition for v in values]
    _bars(ax, ys, values, over, top)
    # Labels as plain texts rather than ticks: 40 teams would otherwise cost 40 Tick objects.
    names = ax.get_yaxis_transform()
    # A long list (``rest``) puts each figure beside its name: one text per row, not two,
    # as every text costs a shaping and a drawing of its own (the 358-team chart's time).
    beside = bool(rest)
    for y, key, label, value in zip(ys, keys, labels, values, strict=True):
        name = f"{label}   {pct_text(value)}" if beside and value is not None else label
        ax.text(-0.012, y, name, transform=names, ha="right", va="center", fontsize=9, color=INK)
        if beside and value is not None:
            continue
        if value is None:  # hidden group: an empty dashed outline across the axis
            ax.text(
                top * 0.015,
                y,
                PROTECTING_LABEL if key in protecting else HIDDEN_LABEL,
                va="center",
                ha="left",
                fontsize=9,
                color=INK,
                style="italic",
            )
            continue
        ax.text(
            value + top * 0.008, y, pct_text(value), va="center", ha="left", fontsize=9, color=INK
        )
    ax.set_yticks([])
    ax.set_ylim(-0.6, rows - 0.4)
    ax.set_xlim(0, top)
    ambition_line(ax, ambition, horizontal=False)
    pct_axis(ax, "x")
    if beside:  # a long list: five gridlines are enough to read it by, and draw faster
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_xlabel(f"Sygefravær efter {axis_label}", fontsize=9)
    entries = [(RED, OVER_HATCH, "Over ambitionen"), (BLUE, "", "Ved eller under ambitionen")]
    if None in values:
        hidden_words = "Skjult (privatliv)" if protecting else (
            f"Skjult: {HIDDEN_LABEL} personer"
        )
        entries.append(("none", "", hidden_words))
    longest = max(len(label) for label in labels) + (8 if beside else 0)
    finish(fig, left=0.25 + longest * 0.075, bottom=1.0, top=0.3)
    legend(ax, entries, below=True)  # after the margins: placed in inches below the axes
    return fig


def _bars(
    ax: Axes, ys: list[int], values: list[float | None], over: list[bool], top: float
) -> None:
    """All bars as at most three collections (over, at or under, hidden) instead of patches.

    One collection per look draws in one call and skips the per-patch bookkeeping
    of ``barh``: a chart of 20 teams then costs three artists, not twenty.
    """
    from matplotlib.collections import PolyCollection

    half = 0.33

    def boxes(chosen: list[tuple[int, float]]) -> list[list[tuple[float, float]]]:
        return [[(0, y - half), (0, y + half), (w, y + half), (w, y - half)] for y, w in chosen]

    looks = (
        ([(y, v) for y, v, o in zip(ys, values, over, strict=True) if v is not None and o],
         {"facecolors": RED, "edgecolors": INK, "hatch": OVER_HATCH}),
        ([(y, v) for y, v, o in zip(ys, values, over, strict=True) if v is not None and not o],
         {"facecolors": BLUE, "edgecolors": INK}),
        ([(y, top) for y, v in zip(ys, values, strict=True) if v is None],
         {"facecolors": "none", "edgecolors": GREY, "linestyles": "--"}),
    )
    for chosen, look in looks:
        if chosen:
            ax.add_collection(
                PolyCollection(boxes(chosen), linewidths=0.6, **look),  # type: ignore[arg-type]
                autolim=False,
            )


SHOWN_AT_EACH_END = 10  # a long team list: the 10 highest and the 10 lowest, the rest in words
LONG_LIST = 2 * SHOWN_AT_EACH_END + 4


def summarised_groups(
    groups: Mapping[str, float | None], each_end: int = SHOWN_AT_EACH_END
) -> tuple[dict[str, float | None], str]:
    """The highest and lowest groups of a long list, and a line about the ones between.

    358 teams drawn as 358 bars took 2,4 s and could not be read; the table in
    the data view lists them all. Hidden groups (fewer than five persons) are
    only counted, and the line gives the median of the shown groups' own
    figures, which tells nothing about a hidden one.
    """
    if len(groups) <= LONG_LIST:
        return dict(groups), ""
    shown = sorted(
        ((label, value) for label, value in groups.items() if value is not None),
        key=lambda item: item[1],
        reverse=True,
    )
    top, bottom = shown[:each_end], shown[-each_end:] if len(shown) > each_end else []
    middle = shown[each_end : len(shown) - each_end] if len(shown) > 2 * each_end else []
    hidden = len(groups) - len(shown)
    rest = len(middle) + hidden
    parts = [f"{rest} teams mere"]
    if middle:
        values = sorted(v for _, v in middle)
        mid = len(values) // 2
        median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
        parts.append(f"median {pct_text(median)}")
    if hidden:
        parts.append(f"{hidden} med {HIDDEN_LABEL} personer")
    return dict(top + bottom), " · ".join(parts) + " – alle står i tabellen"


def protecting(stats: AbsenceStats, breakdown: str) -> frozenset[str]:
    """The groups of a breakdown hidden only to protect a smaller hidden group."""
    hidden = stats.hidden_groups.get(breakdown, {})
    return frozenset(label for label, reason in hidden.items() if reason in (COMPLEMENT, FILTERED))


@plain
def teams_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    groups, rest = summarised_groups(stats.by_team)
    return group_chart(
        groups, "team", extra.ambition, dpi, protecting(stats, TEAM),
        rest=rest, split=SHOWN_AT_EACH_END,
    )


@plain
def job_groups_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return group_chart(
        stats.by_job_group, "faggruppe", extra.ambition, dpi, protecting(stats, JOB_GROUP)
    )


@plain
def age_groups_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return group_chart(
        stats.by_age_group, "aldersgruppe", extra.ambition, dpi, protecting(stats, AGE_GROUP)
    )
