"""The contact model's milestone counts on columns (see :mod:`.contact_milestones`).

The same rule as :func:`.contact_milestones.count_milestones` — a spell
reached day N when it lasted N calendar days, k months when it reached the
first sick day + k months — computed on the spells :mod:`.absence_kernels`
finds in one vectorised pass, so the `stats --json` of a municipality needs
no absence records at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from .absence_columns import AbsenceColumns
from .absence_kernels import calendar_for, select, spells
from .contact_milestones import DEFAULT_MILESTONES, ContactMilestones, Milestone
from .contact_model import add_months

__all__ = ["column_milestones"]


def column_milestones(
    cols: AbsenceColumns,
    period_from: date,
    period_to: date,
    milestones: Sequence[Milestone] = DEFAULT_MILESTONES,
    team: str | None = None,
    data_end: date | None = None,
) -> ContactMilestones:
    """Count the spells ending in the period that reached each milestone."""
    if period_to < period_from:
        raise ValueError("Perioden slutter før den begynder.")
    p0, p1 = period_from.toordinal(), period_to.toordinal()
    end_cap = p1 if data_end is None else min(p1, data_end.toordinal())
    cal = calendar_for(cols, p0, p1)
    sel = select(cols, cal, p0, p1, team)
    _, first, last, is_open = spells(cols, sel, cal)
    end = np.where(is_open, end_cap, last)
    inside = (p0 <= end) & (end <= p1) & (end >= first)
    first, end = first[inside], end[inside]
    length = end - first + 1
    # A month is at least 28 days: only longer spells need the calendar, one by one.
    long_first, long_end = first[length > 28].tolist(), end[length > 28].tolist()
    reached: dict[str, int] = {}
    for label, days, months in milestones:
        if days is not None:
            reached[label] = int(np.count_nonzero(length >= days))
        else:
            assert months is not None
            reached[label] = sum(
                1 for s, e in zip(long_first, long_end, strict=True)
                if e >= add_months(date.fromordinal(s), months).toordinal()
            )
    return ContactMilestones(period_from, period_to, team, int(sel.counted.sum()), len(first),
                             reached)
