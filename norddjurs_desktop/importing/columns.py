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

from .column_table import Column, spread
from .plausible import EARLIEST, check_date, latest_plausible
from .tables import Cell
from .values import parse_date

__all__ = ["Parsed", "bulk_work", "date_parser", "parse_column", "spread_parsed"]

T = TypeVar("T")
#: A parsed cell: the value, or the Danish reason it could not be used (value then unused).
Parsed = tuple[T, str | None]


def parse_column(
    column: Column, parse: Callable[[Cell], Parsed[T]]
) -> tuple[list[T], list[tuple[int, str]], list[T]]:
    """``parse`` of every cell of ``column``, computed once per distinct cell.

    Returns the values (one per row), the problems as (row index, reason) in
    row order, and the value of each distinct cell (for figures over the
    column that need no row, such as its earliest date).
    """
    return spread_parsed(column, list(map(parse, column.distinct)))


def spread_parsed(
    column: Column, results: list[Parsed[T]]
) -> tuple[list[T], list[tuple[int, str]], list[T]]:
    """:func:`parse_column` from the results of each distinct cell, parsed by the caller."""
    distinct_values = [value for value, _error in results]
    values = spread(distinct_values, column.codes)
    wrong = {code: error for code, (_value, error) in enumerate(results) if error is not None}
    if not wrong:
        return values, [], distinct_values
    rows = np.flatnonzero(np.isin(column.codes, np.fromiter(wrong, dtype=np.intp)))
    codes = column.codes[rows].tolist()
    return values, [(i, wrong[code]) for i, code in zip(rows.tolist(), codes, strict=True)], \
        distinct_values


def date_parser(column_name: str, today: date, *, may_be_open: bool = False,
                missing: str | None = None) -> Callable[[Cell], Parsed[date | None]]:
    """A parser giving a plausible date, None (empty or open end) or the reason why not.

    ``missing``: the reason given for an empty cell (None: empty is allowed).
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
