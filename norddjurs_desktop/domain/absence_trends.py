"""Absence % over time: the rolling 12-month trend and year-on-year.

Both are sums of the same monthly numbers, so the data is scanned once: for
every calendar month the grade-weighted sick days and possible days (the
numerator and denominator of the absence %, defined as in
:func:`.absence_metrics.compute_stats`). Because those day counts add up over
disjoint months, any window of whole months gives exactly what
``compute_stats`` would give for that window — 24 windows cost one scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .absence_intervals import (
    SICK_INDEXES,
    UNAVAILABLE_INDEXES,
    Interval,
    merge_intervals,
    month_key,
    month_table,
    scan,
    split_by_month,
)
from .absence_records import AbsenceRow, StaffMember, data_range
from .workdays import WorkdayCounter

__all__ = ["PeriodFigure", "rolling_absence", "yearly_absence"]


@dataclass(frozen=True)
class PeriodFigure:
    """Absence % of one window. ``complete`` is False when the window starts before the data.

    An incomplete window's figure is based on part of the window only; the
    chart should mark it. ``persons`` lets the caller hide figures for fewer
    than five persons (one small team).
    """

    period_from: date
    period_to: date
    persons: int
    possible_days: float
    sick_days: float
    absence_pct: float | None
    complete: bool


def _monthly(
    staff: Iterable[StaffMember],
    absences: Sequence[AbsenceRow],
    first: date,
    last: date,
    team: str | None,
) -> tuple[dict[int, float], dict[int, float], list[Interval], WorkdayCounter]:
    """Grade-weighted sick and possible days per month key, and each counted person's E."""
    people, counter = scan(staff, absences, first, last, team, last)
    p0 = first.toordinal()
    table = month_table(p0, last.toordinal())
    sick: dict[int, float] = {}
    possible: dict[int, float] = {}
    employment: list[Interval] = []
    for person in people:
        g = person.member.grade
        sick_iv: list[Interval] = []
        away_iv: list[Interval] = []
        for idx, rows in enumerate(person.rows):
            if idx in SICK_INDEXES:
                sick_iv.extend(rows)
            elif idx in UNAVAILABLE_INDEXES:
                away_iv.extend(rows)
        window = [(person.first, person.last)]
        split_by_month(window, g, counter, table, p0, possible)
        split_by_month(merge_intervals(away_iv), -g, counter, table, p0, possible)
        split_by_month(merge_intervals(sick_iv), g, counter, table, p0, sick)
        employment.append((person.first, person.last))
    return sick, possible, employment, counter


def _figure(
    sick: dict[int, float],
    possible: dict[int, float],
    employment: list[Interval],
    counter: WorkdayCounter,
    window_from: date,
    window_to: date,
    complete: bool,
) -> PeriodFigure:
    keys = range(month_key(window_from), month_key(window_to) + 1)
    sick_days = sum(sick.get(k, 0.0) for k in keys)
    possible_days = sum(possible.get(k, 0.0) for k in keys)
    a, b = window_from.toordinal(), window_to.toordinal()
    count = counter.count
    persons = sum(1 for s, e in employment if count(max(a, s), min(b, e)) > 0)
    return PeriodFigure(
        period_from=window_from,
        period_to=window_to,
        persons=persons,
        possible_days=possible_days,
        sick_days=sick_days,
        absence_pct=100.0 * sick_days / possible_days if possible_days > 0 else None,
        complete=complete,
    )


def _span(
    absences: Sequence[AbsenceRow], data_from: date | None, data_to: date | None
) -> tuple[date, date] | None:
    found = data_range(absences)
    if found is None and (data_from is None or data_to is None):
        return None
    first = data_from if data_from is not None else found[0]  # type: ignore[index]
    last = data_to if data_to is not None else found[1]  # type: ignore[index]
    return (first, last) if first <= last else None


def rolling_absence(
    staff: Iterable[StaffMember],
    absences: Iterable[AbsenceRow],
    team: str | None = None,
    months: int = 24,
    data_from: date | None = None,
    data_to: date | None = None,
) -> list[PeriodFigure]:
    """Rolling 12-month absence % at each month end, for the last ``months`` months.

    The last point is the last month end on or before the data's last date
    (a half month at the end is left out rather than shown as a dip). Each
    window is the twelve whole months ending there. ``data_from``/``data_to``
    default to the earliest and latest date in the rows. Oldest point first.
    """
    rows = absences if isinstance(absences, Sequence) else list(absences)
    span = _span(rows, data_from, data_to)
    if span is None:
        return []
    first, last = span
    end_key = month_key(last + timedelta(days=1)) - 1  # last month that ends by `last`
    if end_key < month_key(first):
        return []
    sick, possible, employment, counter = _monthly(staff, rows, first, last, team)
    points: list[PeriodFigure] = []
    for key in range(end_key - months + 1, end_key + 1):
        start_key = key - 11
        window_from = date(start_key // 12, start_key % 12 + 1, 1)
        window_to = date((key + 1) // 12, (key + 1) % 12 + 1, 1) - timedelta(days=1)
        if window_to < first:
            continue
        points.append(
            _figure(
                sick, possible, employment, counter,
                max(window_from, first), window_to, window_from >= first,
            )
        )
    return points


def yearly_absence(
    staff: Iterable[StaffMember],
    absences: Iterable[AbsenceRow],
    team: str | None = None,
    data_from: date | None = None,
    data_to: date | None = None,
) -> list[PeriodFigure]:
    """Absence % per calendar year present in the data (year-on-year), oldest first.

    The first and last year are cut to the data's range, so a half year is
    compared on its own days rather than diluted by months without data;
    ``complete`` tells which years are whole.
    """
    rows = absences if isinstance(absences, Sequence) else list(absences)
    span = _span(rows, data_from, data_to)
    if span is None:
        return []
    first, last = span
    sick, possible, employment, counter = _monthly(staff, rows, first, last, team)
    result: list[PeriodFigure] = []
    for year in range(first.year, last.year + 1):
        start, end = date(year, 1, 1), date(year, 12, 31)
        result.append(
            _figure(
                sick, possible, employment, counter,
                max(start, first), min(end, last), first <= start and end <= last,
            )
        )
    return result
