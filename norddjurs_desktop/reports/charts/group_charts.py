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
    from matplotlib.figure import Figure


@plain
def group_chart(
    groups: Mapping[str, float | None],
    axis_label: str,
    ambition: float,
    dpi: int,
    protecting: Collection[str] = (),
) -> Figure:
    """One row per group (None: hidden, too few persons) against the ambition line.

    Group names are the unit's own words: shown literally (see :func:`plain`) and
    cut to :data:`LABEL_CHARS` characters. Groups in ``protecting`` have five or more
    persons but are hidden to protect a smaller one, and say so.
    """
    keys = list(groups)
    labels = [elide(label) for label in keys]
    fig, ax = new_figure(dpi, height=1.35 + 0.27 * max(len(labels), 2))
    if not labels:
        return empty(fig, ax, "Ingen grupper i perioden.")
    values = [groups[key] for key in keys]
    shown = [v for v in values if v is not None]
    top = max([*shown, ambition]) * 1.22
    ys = list(range(len(labels)))[::-1]
    widths = [top if v is None else v for v in values]
    over = [v is not None and v > ambition for v in values]
    bars = ax.barh(
        ys,
        widths,
        height=0.66,
        linewidth=0.6,
        edgecolor=INK,
        color=[RED if o else BLUE for o in over],
    )
    # Labels as plain texts rather than ticks: 40 teams would otherwise cost 40 Tick objects.
    names = ax.get_yaxis_transform()
    rows = zip(ys, bars, keys, labels, values, over, strict=True)
    for y, bar, key, label, value, is_over in rows:
        ax.text(-0.012, y, label, transform=names, ha="right", va="center", fontsize=9, color=INK)
        if value is None:  # hidden group: an empty dashed outline across the axis
            bar.set_facecolor("none")
            bar.set_edgecolor(GREY)
            bar.set_linestyle("--")
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
        if is_over:
            bar.set_hatch(OVER_HATCH)
        ax.text(
            value + top * 0.008, y, pct_text(value), va="center", ha="left", fontsize=9, color=INK
        )
    ax.set_yticks([])
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_xlim(0, top)
    ambition_line(ax, ambition, horizontal=False)
    pct_axis(ax, "x")
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_xlabel(f"Sygefravær efter {axis_label}", fontsize=9)
    entries = [(RED, OVER_HATCH, "Over ambitionen"), (BLUE, "", "Ved eller under ambitionen")]
    if None in values:
        hidden_words = "Skjult (privatliv)" if protecting else (
            f"Skjult: {HIDDEN_LABEL} personer"
        )
        entries.append(("none", "", hidden_words))
    longest = max(len(label) for label in labels)
    finish(fig, left=0.25 + longest * 0.075, bottom=1.0, top=0.3)
    legend(ax, entries, below=True)  # after the margins: placed in inches below the axes
    return fig


def protecting(stats: AbsenceStats, breakdown: str) -> frozenset[str]:
    """The groups of a breakdown hidden only to protect a smaller hidden group."""
    hidden = stats.hidden_groups.get(breakdown, {})
    return frozenset(label for label, reason in hidden.items() if reason in (COMPLEMENT, FILTERED))


@plain
def teams_chart(stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    return group_chart(stats.by_team, "team", extra.ambition, dpi, protecting(stats, TEAM))


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
