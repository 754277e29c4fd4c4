"""Reading a staff list and an absence export into validated domain records.

All or nothing: both files are read and every row checked before anything
is returned, so the caller can store the result in one transaction and a bad
file changes nothing. The first problem is raised as one
:class:`ImportFileError` (with the number of further problems in the same
file), CPR-like values and unreadable files before anything else.

Keys are pseudonyms, compared without regard to case or Unicode composition
(``K002`` and ``k002`` are one person, :func:`key_identity`); each person is
stored under the spelling of their key in the staff list, and absence rows
take that spelling. A key column holding names is refused like a CPR column.
Dates are checked for plausibility after parsing (:mod:`.plausible`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from ..domain.absence import AbsenceRow, StaffMember, normalise_reason
from .cpr import check_no_cpr, looks_like_name, refuse_names
from .errors import ImportFileError
from .mapping import ColumnMapping, resolve_mapping
from .plausible import EARLIEST, check_date, check_group_name, latest_plausible
from .tables import Cell, RawTable, read_table
from .values import parse_age, parse_date, parse_grade, parse_text

__all__ = ["ImportedData", "key_identity", "read_absences", "read_export", "read_staff"]


def key_identity(key: str) -> str:
    """What makes two keys the same person: NFC, case folded (``K002`` = ``k002``)."""
    return unicodedata.normalize("NFC", key).casefold()

T = TypeVar("T")
_latest = lru_cache(maxsize=4)(latest_plausible)


@dataclass(frozen=True)
class ImportedData:
    """A fully validated pair of files.

    ``period_from`` is the earliest Fra and ``period_to`` the latest Fra or
    Til in the absence rows: the span the export covers. ``staff_rows`` and
    ``absence_rows`` count the non-blank data rows read.
    """

    staff: tuple[StaffMember, ...]
    absences: tuple[AbsenceRow, ...]
    period_from: date
    period_to: date
    staff_rows: int
    absence_rows: int


class _Problems:
    """Collects row problems so the whole file is checked before one error is raised."""

    def __init__(self, table: RawTable) -> None:
        self.table = table
        self.found: list[tuple[int, str, str]] = []

    def add(self, row: int, column: str, message: str) -> None:
        self.found.append((row, column, message))

    def parse(self, parser: Callable[[Cell], T], cell: Cell, row: int, column: str) -> T | None:
        try:
            return parser(cell)
        except ValueError as error:
            self.add(row, column, str(error))
            return None

    def date(
        self, cell: Cell, row: int, column: str, today: date, *, may_be_open: bool = False
    ) -> date | None:
        """A parsed, plausible date; None if empty, open (31-12-9999) or wrong (noted)."""
        day = self.parse(parse_date, cell, row, column)
        if day is None:
            return None
        if EARLIEST <= day <= _latest(today):  # the common case, cheap for 150,000 rows
            return day
        try:
            return check_date(day, column, today, may_be_open=may_be_open)
        except ValueError as error:
            self.add(row, column, str(error))
            return None

    def group_name(self, cell: Cell, column: str, row: int) -> str:
        """A team or job-group name short enough for a chart label; "" if too long (noted)."""
        try:
            return check_group_name(parse_text(cell), column)
        except ValueError as error:
            self.add(row, column, str(error))
            return ""

    def raise_first(self) -> None:
        if self.found:
            row, column, message = self.found[0]
            raise ImportFileError(
                self.table.file, message, row=row, column=column,
                further_errors=len(self.found) - 1,
            )


def _load(
    path: str | Path, kind: str, mapping: ColumnMapping | None
) -> tuple[RawTable, dict[str, int]]:
    table = read_table(path)
    check_no_cpr(table)  # before anything could echo a value
    columns = resolve_mapping(table, "staff" if kind == "staff" else "absence", mapping)
    return table, columns


def _picker(
    table: RawTable, columns: dict[str, int]
) -> Callable[[list[Cell], str], tuple[Cell, str]]:
    """Returns get(cells, canonical) → (cell or None, the column's header in the file)."""

    def get(cells: list[Cell], name: str) -> tuple[Cell, str]:
        index = columns.get(name)
        if index is None:
            return None, name
        header = table.headers[index] or name
        return (cells[index] if index < len(cells) else None), header

    return get


def read_staff(
    path: str | Path, mapping: ColumnMapping | None = None, today: date | None = None
) -> list[StaffMember]:
    """The staff list: one row per person, keyed by the pseudonymous Medarbejder."""
    today = today or date.today()
    table, columns = _load(path, "staff", mapping)
    get = _picker(table, columns)
    problems = _Problems(table)
    staff: list[StaffMember] = []
    seen: dict[str, tuple[int, str]] = {}
    for row, cells in table.rows:
        cell, key_column = get(cells, "Medarbejder")
        key = parse_text(cell)
        if looks_like_name(key):
            raise refuse_names(table.file, row, key_column)
        identity = key_identity(key)
        if not key:
            problems.add(row, key_column, "Medarbejder mangler. Forventede en medarbejdernøgle.")
        elif identity in seen:
            first_row, first_key = seen[identity]
            same = "" if first_key == key else (
                f" (som '{first_key}'; store og små bogstaver tæller ikke som forskel)"
            )
            problems.add(
                row, key_column,
                f"Medarbejder '{key}' står også i række {first_row}{same}. "
                "Hver nøgle må kun stå én gang.",
            )
        else:
            seen[identity] = (row, key)
        cell, column = get(cells, "Beskæftigelsesgrad")
        grade = problems.parse(parse_grade, cell, row, column)
        cell, column = get(cells, "Alder")
        age = problems.parse(parse_age, cell, row, column)
        cell, from_column = get(cells, "Ansat fra")
        employed_from = problems.date(cell, row, from_column, today)
        cell, to_column = get(cells, "Ansat til")
        employed_to = problems.date(cell, row, to_column, today, may_be_open=True)
        if employed_from and employed_to and employed_to < employed_from:
            problems.add(
                row, to_column,
                "Ansat til ligger før Ansat fra. Forventede en dato på eller efter Ansat fra.",
            )
        staff.append(
            StaffMember(
                key=key,
                team=problems.group_name(*get(cells, "Team"), row),
                job_group=problems.group_name(*get(cells, "Faggruppe"), row),
                age=age,
                grade=1.0 if grade is None else grade,
                employed_from=employed_from,
                employed_to=employed_to,
            )
        )
    problems.raise_first()
    if not staff:
        raise ImportFileError(
            table.file, "Medarbejderlisten har ingen rækker under kolonnenavnene."
        )
    return staff


def read_absences(
    path: str | Path,
    staff_keys: Collection[str],
    mapping: ColumnMapping | None = None,
    today: date | None = None,
) -> list[AbsenceRow]:
    """The absence rows; every key must be a key of ``staff_keys`` (the staff list read first).

    A key that differs from the staff list's only in case is that person, and the row is
    stored under the staff list's spelling.
    """
    today = today or date.today()
    spelling = {key_identity(key): key for key in staff_keys}
    known: dict[str, str | None] = {}  # the file's key → the staff list's spelling (memo)
    table, columns = _load(path, "absence", mapping)
    problems = _Problems(table)
    # Direct indexes rather than a lookup per cell: this loop runs 150,000 times.
    names = ("Medarbejder", "Fraværsårsag", "Fra", "Til")
    width = max(columns.values()) + 2
    k, r, f, t = (columns.get(name, width - 1) for name in names)
    key_column, from_column, to_column = (
        (table.headers[columns[n]] or n) if n in columns else n
        for n in ("Medarbejder", "Fra", "Til")
    )
    rows: list[AbsenceRow] = []
    for row, cells in table.rows:
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        key = parse_text(cells[k])
        if key not in known:
            if looks_like_name(key):
                raise refuse_names(table.file, row, key_column)
            known[key] = spelling.get(key_identity(key))
        stored = known[key]
        if not key:
            problems.add(row, key_column, "Medarbejder mangler. Forventede en medarbejdernøgle.")
        elif stored is None:
            problems.add(
                row, key_column,
                f"Medarbejder '{key}' findes ikke i medarbejderlisten. "
                "Forventede en nøgle, der også står i medarbejderlisten.",
            )
        before = len(problems.found)
        start = problems.date(cells[f], row, from_column, today)
        if start is None and len(problems.found) == before:
            problems.add(row, from_column, "Fra mangler. Forventede den første fraværsdag.")
        end = problems.date(cells[t], row, to_column, today, may_be_open=True)
        if start is None:
            continue
        if end is not None and end < start:
            problems.add(
                row, to_column,
                "Til ligger før Fra. Forventede den sidste fraværsdag, på eller efter Fra.",
            )
            continue
        reason = normalise_reason(parse_text(cells[r]))
        rows.append(AbsenceRow(key=stored or key, reason=reason, start=start, end=end))
    problems.raise_first()
    if not rows:
        raise ImportFileError(table.file, "Fraværsfilen har ingen rækker under kolonnenavnene.")
    return rows


def read_export(
    staff_path: str | Path,
    absence_path: str | Path,
    staff_mapping: ColumnMapping | None = None,
    absence_mapping: ColumnMapping | None = None,
    today: date | None = None,
) -> ImportedData:
    """Read and validate both files; return everything or raise :class:`ImportFileError`.

    The staff list is read first, since the absence rows are checked against
    its keys. Columns the mappings do not use are never kept.
    """
    staff = read_staff(staff_path, staff_mapping, today)
    absences = read_absences(absence_path, [m.key for m in staff], absence_mapping, today)
    period_from = min(a.start for a in absences)
    period_to = max(a.start if a.end is None else a.end for a in absences)
    return ImportedData(
        staff=tuple(staff),
        absences=tuple(absences),
        period_from=period_from,
        period_to=period_to,
        staff_rows=len(staff),
        absence_rows=len(absences),
    )
