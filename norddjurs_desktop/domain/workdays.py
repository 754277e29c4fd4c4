"""The working-day calendar that every absence figure is measured in.

A working day is Monday–Friday and not a Danish public holiday as the
``holidays`` package lists them in its default ("public") category. That
category deliberately leaves out 1 May, Grundlovsdag (5 June), 24 and
31 December: they are ordinary working days for most municipal staff unless a
local agreement says otherwise, and the municipality's data portal counts
them as such. Store Bededag is a holiday up to 2023 and a working day from
2024, which the package handles.

The rules are written out here (Easter and the days that hang on it) rather
than asked of the package at run time: importing its calendar machinery costs
more than a fresh `stats` process spends on all its figures. A test holds the
rules equal to the package's list for every year from 1990 to 2060.

The absence metrics count working days inside tens of thousands of intervals,
so counting must be O(1): each year's calendar is computed once and cached as
a prefix sum over its days, and :class:`WorkdayCounter` glues those years into
one flat prefix array indexed by date ordinals for the hot loops.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "WorkdayCounter",
    "prefix_array",
    "easter_sunday",
    "holidays_in_year",
    "is_working_day",
    "working_days_between",
    "working_days_in_year",
]


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm, "Meeus/Jones/Butcher")."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


#: Days after Easter Sunday: Skærtorsdag, Langfredag, påskedag, 2. påskedag,
#: Kristi himmelfartsdag, pinsedag, 2. pinsedag.
_EASTER_OFFSETS = (-3, -2, 0, 1, 39, 49, 50)
_STORE_BEDEDAG = 26  # the fourth Friday after Easter; a working day from 2024
_LAST_STORE_BEDEDAG = 2023


@lru_cache(maxsize=256)
def holidays_in_year(year: int) -> frozenset[date]:
    """The Danish public holidays of ``year`` (the ``holidays`` package's default category)."""
    easter = easter_sunday(year)
    offsets = _EASTER_OFFSETS + ((_STORE_BEDEDAG,) if year <= _LAST_STORE_BEDEDAG else ())
    return frozenset(
        [date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)]
        + [easter + timedelta(days=offset) for offset in offsets]
    )


@lru_cache(maxsize=256)
def _year_prefix(year: int) -> tuple[int, ...]:
    """prefix[i] = working days among the first i days of ``year`` (len = days + 1).

    Cached per year so that any interval count is two lookups.
    """
    first = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - first).days
    off = holidays_in_year(year)
    prefix = [0] * (days + 1)
    running = 0
    weekday = first.weekday()
    for i in range(days):
        if weekday < 5 and (first + timedelta(days=i)) not in off:
            running += 1
        prefix[i + 1] = running
        weekday = (weekday + 1) % 7
    return tuple(prefix)


@lru_cache(maxsize=16)
def prefix_array(first_year: int, last_year: int) -> np.ndarray:
    """The flat prefix of :class:`WorkdayCounter` as a read-only int64 numpy array.

    ``result[o - date(first_year, 1, 1).toordinal()]`` = working days before ordinal
    ``o`` counted from 1 January of ``first_year``; one longer than the days of the
    years, so ``result[e + 1 - base] - result[s - base]`` counts ``s..e``. Cached:
    the column figures index it with whole arrays of ordinals at once.
    """
    import numpy as np  # lazily: the calendar's other users need no numpy

    parts = [np.zeros(1, dtype=np.int64)]
    base = 0
    for year in range(first_year, last_year + 1):
        year_prefix = np.asarray(_year_prefix(year)[1:], dtype=np.int64)
        parts.append(year_prefix + base)
        base += int(year_prefix[-1])
    result = np.concatenate(parts)
    result.flags.writeable = False
    return result


def working_days_in_year(year: int) -> int:
    return _year_prefix(year)[-1]


def is_working_day(day: date) -> bool:
    """Monday–Friday and not a Danish public holiday."""
    return day.weekday() < 5 and day not in holidays_in_year(day.year)


def _working_days_before(day: date) -> int:
    """Working days from 1 January of ``day``'s year up to, not including, ``day``."""
    return _year_prefix(day.year)[day.timetuple().tm_yday - 1]


def working_days_between(start: date, end: date) -> int:
    """Working days in ``start``..``end`` inclusive; 0 when ``end`` is before ``start``."""
    if end < start:
        return 0
    total = -_working_days_before(start)
    for year in range(start.year, end.year):
        total += working_days_in_year(year)
    return total + _year_prefix(end.year)[end.timetuple().tm_yday]


class WorkdayCounter:
    """O(1) working-day counts over date ordinals in a fixed span of whole years.

    Built once per computation from the cached year prefixes. ``count(a, b)``
    takes ``date.toordinal()`` values so the metric loops never build ``date``
    objects. Ordinals outside the span are clamped to it, so callers must make
    the span cover every interval whose count matters (the metrics clip their
    intervals to the period first).
    """

    __slots__ = ("first_ordinal", "last_ordinal", "prefix")

    def __init__(self, first: date, last: date) -> None:
        if last < first:
            last = first
        start = date(first.year, 1, 1)
        self.first_ordinal = start.toordinal()
        flat: list[int] = [0]
        for year in range(first.year, last.year + 1):
            base = flat[-1]
            flat.extend(base + value for value in _year_prefix(year)[1:])
        self.last_ordinal = self.first_ordinal + len(flat) - 2
        # prefix[i] = working days among ordinals first_ordinal .. first_ordinal + i - 1
        self.prefix: list[int] = flat

    def count(self, first_ordinal: int, last_ordinal: int) -> int:
        """Working days in the inclusive ordinal range; 0 when it is empty."""
        lo = max(first_ordinal, self.first_ordinal)
        hi = min(last_ordinal, self.last_ordinal)
        if hi < lo:
            return 0
        return self.prefix[hi - self.first_ordinal + 1] - self.prefix[lo - self.first_ordinal]

    def count_dates(self, first: date, last: date) -> int:
        return self.count(first.toordinal(), last.toordinal())
