"""A file's data as columns of distinct cells, the shape the import checks and parses.

Checking and parsing an export cell by cell costs a Python call per cell;
its 150,000 rows hold a few thousand keys, a thousand dates and ten reasons.
A :class:`Column` holds each distinct cell once and, per row, the index of
its cell (``codes``, a numpy array), so a check or a parse visits each
distinct value once and spreads its result to the rows in one numpy step.

The common CSV file is split straight into that shape (:mod:`.plain_csv`);
any other CSV goes through the csv module and every XLSX through calamine
(:mod:`.tables`), and their rows are turned into the same shape here. Either
way the cells, blank rows and row numbers are those :func:`.tables.read_table`
gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from .plain_csv import split_plain
from .tables import (
    Cell,
    RawTable,
    csv_text,
    header_text,
    read_table,
    split_csv,
    table_from_records,
    table_source,
)

__all__ = ["Column", "ColumnTable", "column_of", "read_columns", "spread"]

T = TypeVar("T")
_NUMBERS = (bool, int, float)


def spread(values: Sequence[T], codes: npt.NDArray[np.intp]) -> list[T]:
    """``[values[c] for c in codes]`` in one numpy gather (no Python call per row)."""
    objects = np.empty(len(values), dtype=object)
    objects[:] = values
    return objects[codes].tolist()  # type: ignore[no-any-return]


@dataclass(frozen=True, eq=False)
class Column:
    """One column: its distinct cells and, per row, the index of the row's cell among them.

    A distinct cell may belong to no row (it stood only in rows left out as blank).
    """

    distinct: list[Cell]
    codes: npt.NDArray[np.intp]

    def cells(self) -> list[Cell]:
        return spread(self.distinct, self.codes)

    def first_row(self, wanted: Sequence[int]) -> int | None:
        """The first row (index) whose cell is one of the distinct cells ``wanted``."""
        hits = np.flatnonzero(np.isin(self.codes, np.asarray(wanted, dtype=np.intp)))
        return int(hits[0]) if hits.size else None


def column_of(cells: Sequence[Cell], text_only: bool) -> Column:
    """The column of ``cells``; cells that compare equal share one entry.

    A column mixing number types (1, 1.0 and True from an XLSX compare equal
    but read differently) keeps every cell as its own entry, as if parsed cell
    by cell.
    """
    if not text_only and len(set(map(type, cells)).intersection(_NUMBERS)) > 1:
        return Column(list(cells), np.arange(len(cells), dtype=np.intp))
    index = dict.fromkeys(cells, 0)
    for code, cell in enumerate(index):
        index[cell] = code
    codes = np.fromiter(map(index.__getitem__, cells), dtype=np.intp, count=len(cells))
    return Column(list(index), codes)


@dataclass(frozen=True, eq=False)
class ColumnTable:
    """Header and data of a file by column; ``numbers`` are the rows' 1-based file rows."""

    file: str
    headers: list[str]
    header_row: int
    numbers: npt.NDArray[np.int64]
    columns: list[Column]
    #: Every cell is a str or None (a CSV file): no cell needs its type asked.
    text_only: bool

    def __len__(self) -> int:
        return len(self.numbers)

    def row(self, index: int) -> int:
        """The file's row number of data row ``index``."""
        return int(self.numbers[index])

    def column(self, index: int | None) -> Column:
        """The column at ``index``; all None when unmapped or beyond every row."""
        if index is None or index >= len(self.columns):
            return Column([None], np.zeros(len(self), dtype=np.intp))
        return self.columns[index]


def from_table(table: RawTable) -> ColumnTable:
    """The columns of a table read row by row; a short row's missing cells are None."""
    rows = [cells for _number, cells in table.rows]
    width = max(map(len, rows), default=0)
    if any(len(cells) != width for cells in rows):
        padding: list[Cell] = [None] * width
        rows = [cells + padding[len(cells):] for cells in rows]
    columns = [column_of(cells, table.text_only) for cells in zip(*rows, strict=True)]
    numbers = np.array([number for number, _cells in table.rows], dtype=np.int64)
    return ColumnTable(table.file, table.headers, table.header_row, numbers, columns,
                       table.text_only)


def read_columns(path: str | Path) -> ColumnTable:
    """The file's table by column (see the module); raises :class:`.ImportFileError`."""
    file, source, xlsx = table_source(path)
    if xlsx:
        return from_table(read_table(path))
    text, delimiter, skipped_line = csv_text(source, file)
    plain = split_plain(text, delimiter, 2 if skipped_line else 1)
    if plain is None:
        records = split_csv(text, delimiter, file, None, skipped_line)
        return from_table(table_from_records(file, records, xlsx=False))
    columns = [Column(list[Cell](distinct), codes) for distinct, codes in plain.columns]
    return ColumnTable(file, [header_text(cell) for cell in plain.headers], plain.header_row,
                       plain.numbers, columns, text_only=True)
