"""Reading a table by column: each distinct value parsed and checked once.

An absence export of 150,000 rows holds a few thousand keys, a thousand
dates and ten reasons, each repeated a hundred times. Parsing a column's
distinct values once and spreading the results back with a dict look-up
makes the cost of an import that of the file's rows in C (csv, dict, list)
rather than in per-cell Python calls, and keeps it linear in the rows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import itemgetter
from typing import TypeVar

import numpy as np

from .column_table import Column, spread
from .plausible import EARLIEST, check_date, latest_plausible
from .tables import Cell
from .values import parse_date

__all__ = [
    "Parsed", "bulk_work", "column", "date_parser", "parse_column", "parse_distinct",
]

T = TypeVar("T")
#: A parsed cell: the value, or the Danish reason it could not be used (value then unused).
Parsed = tuple[T, str | None]

_NUMBERS = (bool, int, float)


def column(rows: Sequence[list[Cell]], index: int | None) -> list[Cell]:
    """The cells of one column; None where a row is shorter or the column is not mapped."""
    if index is None:
        return [None] * len(rows)
    try:
        return list(map(itemgetter(index), rows))
    except IndexError:  # a short row somewhere: the slower, careful way
        return [cells[index] if index < len(cells) else None for cells in rows]


def parse_distinct(
    cells: list[Cell], parse: Callable[[Cell], Parsed[T]], *, text_only: bool = False
) -> tuple[list[T], list[tuple[int, str]]]:
    """``parse`` of every cell, computed once per distinct value.

    Returns the values (one per cell) and the problems as (index, reason),
    in row order; the rows are only visited when some value is wrong.
    Values that compare equal across types (1, 1.0 and True from an XLSX)
    could share a cache entry with a different text, so a column mixing
    number types is parsed cell by cell. ``text_only``: every cell is known
    to be text (a CSV file), so that question needs no pass over the column.
    """
    if not text_only and len(set(map(type, cells)).intersection(_NUMBERS)) > 1:
        results = [parse(cell) for cell in cells]
        return ([value for value, _error in results],
                [(i, error) for i, (_value, error) in enumerate(results) if error is not None])
    cache = {value: parse(value) for value in set(cells)}
    values = {cell: value for cell, (value, _error) in cache.items()}
    wrong = {cell: error for cell, (_value, error) in cache.items() if error is not None}
    bad = [(i, wrong[cell]) for i, cell in enumerate(cells) if cell in wrong] if wrong else []
    return list(map(values.__getitem__, cells)), bad


def parse_column(
    column: Column, parse: Callable[[Cell], Parsed[T]]
) -> tuple[list[T], list[tuple[int, str]], list[T]]:
    """``parse`` of every cell of ``column``, computed once per distinct cell.

    Returns the values (one per row), the problems as (row index, reason) in
    row order, and the value of each distinct cell (for figures over the
    column that need no row, such as its earliest date).
    """
    results = list(map(parse, column.distinct))
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
