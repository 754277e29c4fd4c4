"""Interval arithmetic on date ordinals over absence records (internal).

The data view's figures run on columns (:mod:`.absence_kernels`); this
record-at-a-time form serves :mod:`.contact_milestones` and states the rules
the kernels vectorise.

Per person the rows of one reason become merged ordinal intervals; the working
days they cover are two lookups in a :class:`WorkdayCounter` prefix array. This
keeps a municipality-sized computation free of per-day loops.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .absence_records import (
    EGEN_SYGDOM,
    REASONS,
    AbsenceRow,
    StaffMember,
    normalise_reason,
    team_label,
)
from .workdays import WorkdayCounter

REASON_INDEX: dict[str, int] = {name: i for i, name in enumerate(REASONS)}
EGEN_INDEX = REASON_INDEX[EGEN_SYGDOM]
OPEN = date.max.toordinal()

Interval = tuple[int, int]


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
