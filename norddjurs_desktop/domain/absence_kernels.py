"""Vectorised interval arithmetic on :class:`.absence_columns.AbsenceColumns` (internal).

The same rules as :mod:`.absence_intervals`, phrased for whole arrays: rows of
one group (a person and a reason, or a person and a class of reasons) are
unioned by a running maximum of their ends, so each row contributes only the
days no earlier row of its group covered; working days are two look-ups in the
calendar's prefix array. No Python loop runs per row or per person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .absence_columns import EGEN, OPEN, AbsenceColumns
from .workdays import prefix_array

__all__ = ["Calendar", "Selection", "month_starts", "select", "spells", "split_months",
           "union_days"]

_SHIFT = 1 << 22  # above every ordinal including OPEN, so group * _SHIFT + day sorts by group


@dataclass(frozen=True)
class Calendar:
    """Working days before each ordinal from ``base`` on: ``days(s, e)`` for whole arrays."""

    prefix: np.ndarray
    base: int

    @classmethod
    def covering(cls, first: int, last: int) -> Calendar:
        """Whole years from ``first``'s to ``last``'s (ordinals)."""
        y0, y1 = date.fromordinal(first).year, date.fromordinal(last).year
        return cls(prefix_array(y0, y1), date(y0, 1, 1).toordinal())

    @property
    def last(self) -> int:
        return self.base + len(self.prefix) - 2

    def before(self, ordinals: np.ndarray) -> np.ndarray:
        """Working days before each ordinal, clamped to the calendar's span."""
        index = np.minimum(np.maximum(ordinals - self.base, 0), len(self.prefix) - 1)
        return self.prefix[index]  # type: ignore[no-any-return]

    def days(self, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        """Working days in each inclusive range; 0 where it is empty."""
        return np.maximum(self.before(last + 1) - self.before(first), 0)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Selection:
    """The counted persons of one period and team, with their window E = employment ∩ period.

    ``persons``/``rows`` are the slices of the columns the selection lives in:
    for one team they are that team's persons and rows only.
    """

    persons: slice
    rows: slice
    counted: np.ndarray  # bool per person of the slice
    first: np.ndarray  # per person of the slice: E's first and last ordinal
    last: np.ndarray
    employed: np.ndarray  # working days of E


def calendar_for(cols: AbsenceColumns, p0: int, p1: int) -> Calendar:
    """A calendar over the period and every row (the gaps a spell may bridge lie in it)."""
    lo, hi = (p0, p1) if cols.span is None else (min(p0, cols.span[0]), max(p1, cols.span[1]))
    return Calendar.covering(lo, hi)


def select(cols: AbsenceColumns, cal: Calendar, p0: int, p1: int, team: str | None) -> Selection:
    """Who counts: in the team, and employed on at least one working day of the period."""
    persons = cols.team_persons(team)
    first = np.maximum(cols.employed_from[persons], p0)
    last = np.minimum(cols.employed_to[persons], p1)
    employed = cal.days(np.minimum(first, p1 + 1), np.maximum(last, p0 - 1))
    counted = (employed > 0) & cols.counts[persons]
    return Selection(persons, cols.rows_of(persons), counted, first, last, employed)


def union_days(
    group: np.ndarray, starts: np.ndarray, ends: np.ndarray, cal: Calendar
) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the first day no earlier row of its group covers, and the working days from there.

    Rows must be sorted by (group, start). Summed per group, the days are the
    working days of the union of the group's intervals (overlaps count once);
    ``(new_first[i], ends[i])`` are disjoint pieces of that union.
    """
    if len(group) == 0:
        return starts, np.zeros(0, dtype=np.int64)
    offset = group * _SHIFT
    running = np.maximum.accumulate(offset + ends)
    before = np.empty_like(running)
    before[0] = -1
    before[1:] = running[:-1] - offset[1:]  # negative where the previous row is another group's
    new_first = np.minimum(np.maximum(starts, before + 1), ends + 1)
    return new_first, cal.before(ends + 1) - cal.before(new_first)


def month_starts(p0: int, p1: int) -> np.ndarray:
    """The first ordinal of every month touching p0..p1, then the first after p1's month."""
    day = date.fromordinal(p0)
    key0 = day.year * 12 + day.month - 1
    end = date.fromordinal(p1)
    key1 = end.year * 12 + end.month
    return np.array(
        [date(k // 12, k % 12 + 1, 1).toordinal() for k in range(key0, key1 + 1)], dtype=np.int64
    )


def split_months(
    firsts: np.ndarray, lasts: np.ndarray, weights: np.ndarray, starts: np.ndarray, cal: Calendar
) -> np.ndarray:
    """Weighted working days of intervals per month (index into ``starts``); empty ones add 0.

    ``starts`` comes from :func:`month_starts` and must cover the intervals. An
    interval's first and last month get their own days; the whole months between
    add its weight to a running sum, so a three-year employment costs three
    steps, not thirty-six.
    """
    months = len(starts) - 1
    keep = firsts <= lasts
    firsts, lasts, weights = firsts[keep], lasts[keep], weights[keep]
    month_of_day = np.repeat(np.arange(months), np.diff(starts))  # a look-up, not a search
    m0 = month_of_day[firsts - starts[0]]
    m1 = month_of_day[lasts - starts[0]]
    cross = m0 != m1
    head_end = np.where(cross, starts[np.minimum(m0 + 1, months)], lasts + 1)
    result = np.bincount(m0, weights=weights * (cal.before(head_end) - cal.before(firsts)),
                         minlength=months)
    if cross.any():
        t_first, t_last, t_weight = starts[m1[cross]], lasts[cross], weights[cross]
        result += np.bincount(m1[cross], minlength=months,
                              weights=t_weight * (cal.before(t_last + 1) - cal.before(t_first)))
        running = np.bincount(m0[cross] + 1, weights=t_weight, minlength=months + 1)
        running -= np.bincount(m1[cross], weights=t_weight, minlength=months + 1)
        month_days = cal.before(starts[1:]) - cal.before(starts[:-1])
        result += np.cumsum(running)[:months] * month_days
    return result  # type: ignore[no-any-return]


def spells(
    cols: AbsenceColumns, sel: Selection, cal: Calendar
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Egen sygdom spells of the counted persons: (person in slice, first day, last day, open).

    Rows join a spell when they overlap it, touch it, or only non-working days
    lie between (as :func:`.absence_intervals.merge_spells`); an open row ends
    its spell at :data:`OPEN`, absorbing every later row of the person.
    """
    rows = sel.rows
    person = cols.row_person[rows] - sel.persons.start
    pick = (cols.row_reason[rows] == EGEN) & sel.counted[person]
    person = person[pick]
    starts = cols.row_start[rows][pick]
    ends = cols.row_end[rows][pick]  # OPEN stays OPEN: it absorbs what follows
    if len(person) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros(0, dtype=bool)
    offset = person * _SHIFT
    running = np.maximum.accumulate(offset + ends)
    before = np.empty_like(running)
    before[0] = -1
    before[1:] = running[:-1] - offset[1:]
    gap = starts > before + 1
    safe_before = np.where(gap & (before >= 0), before, starts - 1)
    bridged = cal.days(safe_before + 1, starts - 1) == 0
    new = (before < 0) | (gap & ~bridged)
    heads = np.flatnonzero(new)
    last = np.maximum.reduceat(ends, heads)
    return person[heads], starts[heads], last, last == OPEN
