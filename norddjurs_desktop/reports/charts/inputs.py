"""What a chart builder gets besides one period's figures, and which points it may show.

The trends over time (rolling 12 months, calendar years) come from other
queries than the period's :class:`AbsenceStats`, so they travel in a
:class:`ChartExtra`. A point with fewer than ``MIN_GROUP_SIZE`` persons is
never shown as a number, in a chart or in a headline: :func:`visible_pct`
is the one place that decides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from norddjurs_desktop.domain.absence import MIN_GROUP_SIZE, PeriodFigure

AMBITION_PCT = 5.0


@dataclass(frozen=True)
class ChartExtra:
    """What some charts need besides one period's figures: the trends over time."""

    rolling: Sequence[PeriodFigure] = ()
    yearly: Sequence[PeriodFigure] = ()
    ambition: float = AMBITION_PCT
    # The unit's screenings, marked on the rolling trend, and the absence % of the
    # 12 months before the latest one beside the months since (None: not shown).
    screenings: Sequence[date] = ()
    before_after: BeforeAfter | None = None


@dataclass(frozen=True)
class BeforeAfter:
    """The absence % in the 12 months before a screening and in the months since."""

    screening: date
    before_pct: float
    after_pct: float
    months_after: int


def visible_pct(point: PeriodFigure) -> float | None:
    """The point's absence %, or None when too few persons stand behind it."""
    return point.absence_pct if point.persons >= MIN_GROUP_SIZE else None


def visible_points(points: Sequence[PeriodFigure]) -> list[PeriodFigure]:
    """The points with the absence % of too small groups blanked out."""
    return [p if visible_pct(p) is not None else replace(p, absence_pct=None) for p in points]
