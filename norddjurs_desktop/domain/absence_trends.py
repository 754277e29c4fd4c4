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

import numpy as np

from .absence_columns import OPEN, OTHER, REASON_CLASS, SICK, AbsenceColumns, columns_from_records
from .absence_intervals import month_key
from .absence_kernels import Calendar, calendar_for, month_starts, select, split_months, union_days
from .absence_records import AbsenceRow, StaffMember, data_range

__all__ = [
    "MonthlyAbsence",
    "PeriodFigure",
    "monthly_absence",
    "rolling_absence",
    "rolling_from",
    "yearly_absence",
    "yearly_from",
]


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


@dataclass(frozen=True)
class MonthlyAbsence:
    """One monthly pass: weighted sick and possible days per month, and each person's E.

    Computed once per (data, team) and shared by the rolling trend and year-on-year.
    """

    first: date
    last: date
    month_start: np.ndarray  # first ordinal of each month of first..last, then one more
    sick: np.ndarray  # per month
    possible: np.ndarray
    employed_first: np.ndarray  # E of each counted person
    employed_last: np.ndarray
    calendar: Calendar

    def figures(self, windows: Sequence[tuple[date, date, bool]]) -> list[PeriodFigure]:
        """Each window's absence % from the months it spans (whole months of the pass).

        ``windows`` are (from, to, complete); the persons of all windows are
        counted in one array operation.
        """
        if not windows:
            return []
        a = np.array([w[0].toordinal() for w in windows])[:, None]
        b = np.array([w[1].toordinal() for w in windows])[:, None]
        worked = self.calendar.days(np.maximum(self.employed_first, a),
                                    np.minimum(self.employed_last, b))
        persons = np.count_nonzero(worked, axis=1).tolist()
        months, key0 = len(self.sick), month_key(self.first)
        result = []
        for (window_from, window_to, complete), count in zip(windows, persons, strict=True):
            lo = min(max(month_key(window_from) - key0, 0), months)
            hi = min(max(month_key(window_to) - key0 + 1, 0), months)
            sick_days = float(self.sick[lo:hi].sum())
            possible_days = float(self.possible[lo:hi].sum())
            result.append(PeriodFigure(
                period_from=window_from,
                period_to=window_to,
                persons=count,
                possible_days=possible_days,
                sick_days=sick_days,
                absence_pct=100.0 * sick_days / possible_days if possible_days > 0 else None,
                complete=complete,
            ))
        return result


def monthly_absence(
    cols: AbsenceColumns, first: date, last: date, team: str | None
) -> MonthlyAbsence:
    """The monthly pass over first..last (open rows end at ``last``), one team or all."""
    p0, p1 = first.toordinal(), last.toordinal()
    cal = calendar_for(cols, p0, p1)
    sel = select(cols, cal, p0, p1, team)
    grade = cols.grade[sel.persons]
    month_start = month_starts(p0, p1)
    rows = sel.rows
    order = cols.class_order[rows]
    person = cols.row_person[order] - sel.persons.start
    ends = np.where(cols.row_end[order] == OPEN, p1, cols.row_end[order])
    starts = np.maximum(cols.row_start[order], sel.first[person])
    ends = np.minimum(ends, sel.last[person])
    klass = REASON_CLASS[cols.row_reason[order]]
    keep = sel.counted[person] & (starts <= ends) & (klass != OTHER)
    person, starts, ends, klass = person[keep], starts[keep], ends[keep], klass[keep]
    new_first, _ = union_days(person * 3 + klass, starts, ends, cal)
    weight = np.where(klass == SICK, grade[person], -grade[person])
    is_sick = klass == SICK
    counted = sel.counted
    sick = split_months(new_first[is_sick], ends[is_sick], weight[is_sick], month_start, cal)
    possible = split_months(sel.first[counted], sel.last[counted], grade[counted], month_start,
                            cal)
    possible = possible + split_months(new_first[~is_sick], ends[~is_sick], weight[~is_sick],
                                       month_start, cal)
    return MonthlyAbsence(first, last, month_start, sick, possible, sel.first[counted],
                          sel.last[counted], cal)


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
    cols = columns_from_records(staff if isinstance(staff, Sequence) else list(staff), rows)
    return rolling_from(monthly_absence(cols, span[0], span[1], team), months)


def rolling_from(monthly: MonthlyAbsence, months: int = 24) -> list[PeriodFigure]:
    """:func:`rolling_absence` from a monthly pass (shared with :func:`yearly_from`)."""
    first, last = monthly.first, monthly.last
    end_key = month_key(last + timedelta(days=1)) - 1  # last month that ends by `last`
    if end_key < month_key(first):
        return []
    windows: list[tuple[date, date, bool]] = []
    for key in range(end_key - months + 1, end_key + 1):
        start_key = key - 11
        window_from = date(start_key // 12, start_key % 12 + 1, 1)
        window_to = date((key + 1) // 12, (key + 1) % 12 + 1, 1) - timedelta(days=1)
        if window_to < first:
            continue
        windows.append((max(window_from, first), window_to, window_from >= first))
    return monthly.figures(windows)


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
    cols = columns_from_records(staff if isinstance(staff, Sequence) else list(staff), rows)
    return yearly_from(monthly_absence(cols, span[0], span[1], team))


def yearly_from(monthly: MonthlyAbsence) -> list[PeriodFigure]:
    """:func:`yearly_absence` from a monthly pass (shared with :func:`rolling_from`)."""
    first, last = monthly.first, monthly.last
    windows = []
    for year in range(first.year, last.year + 1):
        start, end = date(year, 1, 1), date(year, 12, 31)
        windows.append((max(start, first), min(end, last), first <= start and end <= last))
    return monthly.figures(windows)
