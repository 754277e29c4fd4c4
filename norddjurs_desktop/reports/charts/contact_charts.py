""""Kontaktmodellen i tal": how many spells reached each step of the contact model.

One horizontal bar per step, each labelled with its count and its share of
the spells, so the chart reads without colour. The sentences beside it (and in
an action's data reference) come from :func:`milestone_sentence` and
:func:`milestones_headline`, so screen and plan say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from norddjurs_desktop.domain.contact_milestones import ContactMilestones
from norddjurs_desktop.domain.dates import format_number
from norddjurs_desktop.reports.charts.drawing import (
    BLUE,
    GRID,
    INK,
    SCREEN_DPI,
    empty,
    finish,
    new_figure,
    number_axis,
    share,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Kontaktmodellen i tal"


def _spells(count: int) -> str:
    return f"{format_number(count, 0)} forløb"


def milestone_sentence(milestones: ContactMilestones, label: str) -> str:
    """'23 forløb nåede dag 28 — 9 % af forløbene'."""
    count = milestones.reached[label]
    return (
        f"{_spells(count)} nåede {label} — {share(count, milestones.spells)} af forløbene"
    )


def milestones_headline(milestones: ContactMilestones) -> str:
    """All steps in one line, for an action's data reference."""
    if not milestones.spells:
        return "Ingen sygeforløb sluttede i perioden"
    parts = [
        f"{label}: {format_number(count, 0)} ({share(count, milestones.spells)})"
        for label, count in milestones.reached.items()
    ]
    return f"{_spells(milestones.spells)} sluttede i perioden; nåede {', '.join(parts)}"


def milestones_chart(milestones: ContactMilestones, dpi: int = SCREEN_DPI) -> Figure:
    labels = list(milestones.reached)
    fig, ax = new_figure(dpi, height=0.8 + 0.34 * max(len(labels), 1))
    if not milestones.spells:
        return empty(fig, ax, "Ingen sygeforløb sluttede i perioden")
    values = [milestones.reached[label] for label in labels]
    ys = list(range(len(labels)))[::-1]
    bars = ax.barh(ys, values, height=0.62, color=BLUE, edgecolor=INK, linewidth=0.6)
    ax.bar_label(
        bars,
        labels=[f"{format_number(v, 0)} ({share(v, milestones.spells)})" for v in values],
        padding=3, fontsize=9, color=INK,
    )
    ax.set_yticks(ys, [f"Nåede {label}" for label in labels])
    top = max(values, default=0)
    ax.set_xlim(0, top * 1.25 if top > 0 else 1)
    number_axis(ax, "x")
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_xlabel(
        f"Antal sygeforløb (af {format_number(milestones.spells, 0)} der sluttede i perioden)",
        fontsize=9,
    )
    return finish(fig, left=1.35)
