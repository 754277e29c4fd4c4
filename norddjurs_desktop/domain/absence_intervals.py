"""Interval arithmetic on date ordinals over absence records (internal).

The data view's figures run on columns (:mod:`.absence_kernels`); this
record-at-a-time form serves :mod:`.contact_milestones` and states the rules
the kernels vectorise.

Per person the rows of one reason become merged ordinal intervals; the working
days they cover are two lookups in a :class:`WorkdayCounter` prefix array. This
keeps a municipality-sized computation free of per-day loops.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from .absence_records import (
    EGEN_SYGDOM,
    REASONS,
    SICK_REASONS,
    UNAVAILABLE_REASONS,
    AbsenceRow,
    StaffMember,
    normalise_reason,
    team_label,
)
from .workdays import WorkdayCounter

REASON_INDEX: dict[str, int] = {name: i for i, name in enumerate(REASONS)}
SICK_INDEXES = frozenset(REASON_INDEX[r] for r in SICK_REASONS)
UNAVAILABLE_INDEXES = frozenset(REASON_INDEX[r] for r in UNAVAILABLE_REASONS)
EGEN_INDEX = REASON_INDEX[EGEN_SYGDOM]
OPEN = date.max.toordinal()

Interval = tuple[int, int]


def merge_intervals(intervals: list[Interval]) -> list[Interval]:
    """Union of inclusive ordinal intervals, sorted; overlapping or touching ones joined."""
    if len(intervals) <= 1:
        return intervals
    intervals.sort()
    merged: list[Interval] = []
    cur_s, cur_e = intervals[0]
    for s, e in intervals[1:]:
        if s <= cur_e + 1:
            if e > cur_e:
                cur_e = e
        else:
            merged.append((cur_s, cur_e))
            cur_s, cur_e = s, e
    merged.append((cur_s, cur_e))
    return merged


@dataclass
class Person:
    """One counted person during a scan: the window E and their rows by reason index."""

    member: StaffMember
    first: int  # first ordinal of E (employment ∩ period)
    last: int
    employed_days: int  # |E| in working days
    rows: list[list[Interval]]  # per reason index, clipped to E and not yet merged
    sick_rows: list[tuple[int, int, bool]]  # Egen sygdom rows, unclipped, with "open" flag


def ordinal_or(day: date | None, default: int) -> int:
    return default if day is None else day.toordinal()


def scan(
    staff: Iterable[StaffMember],
    absences: Iterable[AbsenceRow],
    period_from: date,
    period_to: date,
    team: str | None,
    data_end: date | None,
) -> tuple[list[Person], WorkdayCounter]:
    """Select the counted persons and give each their rows, in one pass over the data.

    Open rows are resolved here: for day counting they end at the period end
    (or at ``data_end`` if that is earlier); for spells they keep an "open" flag
    so the spell can be placed in the period it ends in.
    """
    p0, p1 = period_from.toordinal(), period_to.toordinal()
    wanted_team = None if team is None else team_label(team)
    candidates = [
        m for m in staff if wanted_team is None or team_label(m.team) == wanted_team
    ]
    lo, hi = p0, p1
    for row in absences:  # the counter must cover every gap a spell may bridge
        s = row.start.toordinal()
        if s < lo:
            lo = s
        e = s if row.end is None else row.end.toordinal()
        if e > hi:
            hi = e
    counter = WorkdayCounter(date.fromordinal(lo), date.fromordinal(hi))
    count = counter.count
    people: dict[str, Person] = {}
    for member in candidates:
        first = max(p0, ordinal_or(member.employed_from, p0))
        last = min(p1, ordinal_or(member.employed_to, p1))
        employed = count(first, last)
        if employed > 0:
            people[member.key] = Person(
                member, first, last, employed, [[] for _ in REASONS], []
            )
    open_day_end = p1 if data_end is None else min(p1, data_end.toordinal())
    get = people.get
    reason_index = REASON_INDEX
    for row in absences:
        person = get(row.key)
        if person is None:
            continue
        s = row.start.toordinal()
        is_open = row.end is None
        e = open_day_end if row.end is None else row.end.toordinal()
        idx = reason_index.get(row.reason)
        if idx is None:  # not normalised by the caller ("Sygdom", "§ 56", …)
            idx = reason_index[normalise_reason(row.reason)]
        if idx == EGEN_INDEX:
            person.sick_rows.append((s, OPEN if is_open else e, is_open))
        if s < person.first:
            s = person.first
        if e > person.last:
            e = person.last
        if s <= e:
            person.rows[idx].append((s, e))
    return list(people.values()), counter


def covered(intervals: Sequence[Interval], prefix: list[int], offset: int) -> int:
    """Working days covered by merged intervals that already lie inside the counter's span."""
    total = 0
    for s, e in intervals:
        total += prefix[e - offset + 1] - prefix[s - offset]
    return total


def merge_spells(
    rows: list[tuple[int, int, bool]], counter: WorkdayCounter
) -> Iterator[tuple[int, int, bool]]:
    """Merge Egen sygdom rows into spells: overlap, touch or only non-working days between."""
    rows.sort()
    cur_s, cur_e, cur_open = rows[0]
    for s, e, is_open in rows[1:]:
        if cur_open:
            continue  # an open row absorbs everything after it
        if s <= cur_e + 1 or counter.count(cur_e + 1, s - 1) == 0:
            if e > cur_e:
                cur_e = e
            cur_open = is_open
        else:
            yield cur_s, cur_e, cur_open
            cur_s, cur_e, cur_open = s, e, is_open
    yield cur_s, cur_e, cur_open



def month_key(day: date) -> int:
    """A running month number (year × 12 + month − 1), so months sort and subtract."""
    return day.year * 12 + day.month - 1


def month_table(p0: int, p1: int) -> tuple[list[int], list[int]]:
    """For each ordinal of p0..p1: its :func:`month_key` and the ordinal its month ends on."""
    keys: list[int] = []
    month_ends: list[int] = []
    day = date.fromordinal(p0)
    while day.toordinal() <= p1:
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        span = min(nxt.toordinal() - 1, p1) - day.toordinal() + 1
        keys.extend([month_key(day)] * span)
        month_ends.extend([nxt.toordinal() - 1] * span)
        day = nxt
    return keys, month_ends


def split_by_month(
    intervals: Iterable[Interval],
    weight: float,
    counter: WorkdayCounter,
    table: tuple[list[int], list[int]],
    table_start: int,
    into: dict[int, float],
) -> None:
    """Add ``weight`` × working days of each interval to ``into[month_key]``.

    The intervals must lie inside the table's range; cutting at month ends
    keeps this one step per month touched, not one per day.
    """
    keys, month_ends = table
    prefix, offset = counter.prefix, counter.first_ordinal
    for s, e in intervals:
        while s <= e:
            cut = min(e, month_ends[s - table_start])
            key = keys[s - table_start]
            into[key] = into.get(key, 0.0) + weight * (
                prefix[cut - offset + 1] - prefix[s - offset]
            )
            s = cut + 1
