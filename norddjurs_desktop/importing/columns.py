"""Reading a table by column: each distinct value parsed and checked once.

An absence export of 150,000 rows holds a few thousand keys, a thousand
dates and ten reasons, each repeated a hundred times. Parsing a column's
distinct cells once (:class:`.column_table.Column`) and spreading the results
to the rows with one numpy gather makes the cost of an import that of the
file's rows in C rather than in per-cell Python calls, and keeps it linear
in the rows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from .column_table import Column, spread
from .plausible import EARLIEST, check_date, latest_plausible
from .tables import Cell
from .values import parse_date

__all__ = [
    "Parsed", "bulk_work", "date_parser", "parse_column", "plain_days", "plausible_span",
    "spread_parsed",
]

T = TypeVar("T")
#: A parsed cell: the value, or the Danish reason it could not be used (value then unused).
Parsed = tuple[T, str | None]


def parse_column(
    column: Column, parse: Callable[[Cell], Parsed[T]], *,
    dates: tuple[date, date] | None = None,
) -> tuple[list[T], list[tuple[int, str]], list[T]]:
    """``parse`` of every cell of ``column``, computed once per distinct cell.

    Returns the values (one per row), the problems as (row index, reason) in
    row order, and the value of each distinct cell (for figures over the
    column that need no row, such as its earliest date). ``dates``: the
    column holds dates, ``parse`` takes a date for its text (as
    :func:`date_parser` does) and accepts every day of this span as it is
    (:func:`plausible_span`), so the plain forms are read first, all at once.
    """
    if dates is None:
        return spread_parsed(column, list(map(parse, column.distinct)))
    first, last = dates
    results: list[Parsed[T]] = [
        (cell, None) if type(cell) is date and first <= cell <= last  # type: ignore[misc]
        else parse(cell)  # (a date in the span is what parse gives for it)
        for cell in plain_days(column.distinct)
    ]
    return spread_parsed(column, results)


def plausible_span(today: date) -> tuple[date, date]:
    """The days :func:`date_parser` accepts as they are (others it checks or explains)."""
    return EARLIEST, latest_plausible(today)


_DAY_FIRST = [0, 1, 3, 4, 6, 7, 8, 9]  # digit places in dd-mm-åååå (also . or /)
_YEAR_FIRST = [0, 1, 2, 3, 5, 6, 8, 9]  # and in åååå-mm-dd
_SEPARATORS = np.frombuffer(b"-./", dtype=np.uint8)
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def plain_days(cells: list[Cell]) -> list[Cell]:
    """``cells`` with each text in a plain ten-character date form replaced by its date.

    The forms (dd-mm-åååå, dd.mm.åååå, dd/mm/åååå, åååå-mm-dd) are read as
    the app's one date reading (:func:`.values.parse_date`) reads them, for a
    column's thousands of distinct dates in a few numpy passes instead of two
    regular expressions each. Texts that are not a real date in such a form
    are left as they are, for the parser to read or explain.
    """
    places = [i for i, cell in enumerate(cells) if type(cell) is str and len(cell) == 10]
    if not places:
        return cells
    texts = "".join([cells[i] for i in places])  # type: ignore[misc]  # str, checked above
    raw = np.frombuffer(texts.encode("ascii", "replace"), dtype=np.uint8).reshape(-1, 10)
    digits = raw.astype(np.int64) - 48
    is_digit = (digits >= 0) & (digits <= 9)
    day_first = (is_digit[:, _DAY_FIRST].all(axis=1) & (raw[:, 2] == raw[:, 5])
                 & np.isin(raw[:, 2], _SEPARATORS))
    year_first = is_digit[:, _YEAR_FIRST].all(axis=1) & (raw[:, 4] == 45) & (raw[:, 7] == 45)

    def number(at: list[int]) -> npt.NDArray[np.int64]:
        value = np.zeros(len(raw), dtype=np.int64)
        for place in at:
            value = value * 10 + digits[:, place]
        return value

    day = np.where(day_first, number([0, 1]), number([8, 9]))
    month = np.where(day_first, number([3, 4]), number([5, 6]))
    year = np.where(day_first, number([6, 7, 8, 9]), number([0, 1, 2, 3]))
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    real = (day_first | year_first) & (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1)
    real &= day <= _MONTH_DAYS[np.clip(month, 0, 12)] + (leap & (month == 2))
    found = np.flatnonzero(real)
    if not found.size:
        return cells
    result = list(cells)
    read = map(date, year[found].tolist(), month[found].tolist(), day[found].tolist())
    for place, value in zip([places[i] for i in found.tolist()], read, strict=True):
        result[place] = value
    return result


def spread_parsed(
    column: Column, results: list[Parsed[T]]
) -> tuple[list[T], list[tuple[int, str]], list[T]]:
    """:func:`parse_column` from the results of each distinct cell, parsed by the caller."""
    distinct_values = [value for value, _error in results]
    values = spread(distinct_values, column.codes)
    errors = [error for _value, error in results]
    if errors.count(None) == len(errors):  # the usual case, without a Python loop
        return values, [], distinct_values
    wrong = {code: error for code, error in enumerate(errors) if error is not None}
    rows = np.flatnonzero(np.isin(column.codes, np.fromiter(wrong, dtype=np.intp)))
    codes = column.codes[rows].tolist()
    return values, [(i, wrong[code]) for i, code in zip(rows.tolist(), codes, strict=True)], \
        distinct_values


def date_parser(column_name: str, today: date, *, may_be_open: bool = False,
                missing: str | None = None) -> Callable[[Cell], Parsed[date | None]]:
    """A parser giving a plausible date, None (empty or open end) or the reason why not.

    ``missing``: the reason given for an empty cell (None: empty is allowed).
    A date given instead of its text is checked the same way.
    """
    latest = latest_plausible(today)

    def parse(cell: Cell) -> Parsed[date | None]:
        try:
            day = parse_date(cell)
            if day is None:
                return None, missing
            if EARLIEST <= day <= latest:
                return day, None
            return check_date(day, column_name, today, may_be_open=may_be_open), None
        except ValueError as error:
            return None, str(error)

    return parse


@contextmanager
def bulk_work() -> Iterator[None]:
    """No garbage collection while an import builds its hundreds of thousands of objects.

    None of them form cycles, so the collector would only walk them over and
    over (a fifth of the import's time, more at 20,000 staff). The collector
    is switched back on afterwards, as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
