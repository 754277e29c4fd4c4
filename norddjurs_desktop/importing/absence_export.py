"""Reading a staff list and an absence export into validated domain records.

All or nothing: both files are read and every row checked before anything
is returned, so the caller can store the result in one transaction and a bad
file changes nothing. Every problem in both files is collected and raised as
one :class:`ImportFileError` listing them (:func:`.errors.problems_error`);
CPR-like values, a key column holding names and unreadable files stop the
reading at once. When the only problems are absence rows that cannot be used
(an impossible date, Til before Fra, an unknown person), ``skip_bad_rows``
imports the rest and reports those rows as skipped.

Keys are pseudonyms, compared without regard to case or Unicode composition
(``K002`` and ``k002`` are one person, :func:`key_identity`); each person is
stored under the spelling of their key in the staff list, and absence rows
take that spelling. A key column holding names is refused like a CPR column.
Dates are checked for plausibility after parsing (:mod:`.plausible`). Both
files are read by column (:mod:`.column_table`; a plain CSV split by numpy,
:mod:`.plain_csv`), and every check and parse visits each distinct cell once
(:mod:`.columns`): the cost is a few numpy passes over the rows, and Python
work only per distinct key, date and reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import compress
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from ..domain.absence import AbsenceRow, StaffMember, normalise_reason
from ..domain.absence_columns import OPEN
from .column_table import Column, ColumnTable, read_columns
from .columns import (
    Parsed,
    bulk_work,
    date_parser,
    parse_column,
    plausible_span,
    spread_parsed,
)
from .cpr import check_columns_no_cpr, looks_like_name, refuse_names
from .errors import ImportFileError, Problem, problems_error
from .mapping import ColumnMapping, resolve_mapping
from .plausible import check_group_name
from .tables import Cell
from .values import parse_age, parse_grade, parse_text

__all__ = [
    "AbsenceColumns", "ImportedData", "key_identity", "read_absences", "read_export",
    "read_staff",
]


def key_identity(key: str) -> str:
    """What makes two keys the same person: NFC, case folded (``K002`` = ``k002``)."""
    return unicodedata.normalize("NFC", key).casefold()


def _identities(keys: list[str]) -> list[str]:
    """:func:`key_identity` of each key; for ASCII keys (the usual) one ``lower`` of them all."""
    joined = "\n".join(keys)
    if joined.isascii():  # NFC leaves ASCII alone, and casefold is lower for it
        lowered = joined.lower().split("\n")
        if len(lowered) == len(keys):  # no key held a line break
            return lowered
    return list(map(key_identity, keys))


_SPACE = re.compile(r"\s")


def _names(texts: list[str]) -> list[int]:
    """Indexes of the texts that look like names; stripped texts without a space are none."""
    if not _SPACE.search("\x00".join(texts)):  # one search over them all: the usual answer
        return []
    return [i for i, text in enumerate(texts) if looks_like_name(text)]


def _texts(column: Column) -> list[str]:
    """:func:`parse_text` of each distinct cell (text cells are only stripped)."""
    if set(map(type, column.distinct)) == {str}:
        return list(map(str.strip, column.distinct))  # type: ignore[arg-type]
    return list(map(parse_text, column.distinct))

T = TypeVar("T")
#: The ordinal of an open end (no Til) in :attr:`AbsenceColumns.end_ordinals`.
OPEN_END = OPEN  # the figures' own number for an open end: no translation when stored


@dataclass(frozen=True)
class AbsenceColumns:
    """The usable absence rows as four parallel columns (no object per row)."""

    keys: list[str]
    reasons: list[str]
    starts: list[date]
    ends: list[date | None]
    #: ``starts`` as day ordinals (int64), when the reader made them (it always does).
    start_ordinals: npt.NDArray[np.int64] | None = field(default=None, compare=False, repr=False)
    #: ``ends`` as day ordinals; an open end is :data:`OPEN_END`.
    end_ordinals: npt.NDArray[np.int64] | None = field(default=None, compare=False, repr=False)
    #: ``keys`` and ``reasons`` as (texts, per row the index of its text), when the reader
    #: made them: storing needs no look-up per row. A text may belong to no row.
    key_table: tuple[list[str], npt.NDArray[np.intp]] | None = field(
        default=None, compare=False, repr=False)
    reason_table: tuple[list[str], npt.NDArray[np.intp]] | None = field(
        default=None, compare=False, repr=False)

    def rows(self) -> tuple[AbsenceRow, ...]:
        return tuple(map(AbsenceRow, self.keys, self.reasons, self.starts, self.ends))


@dataclass(frozen=True)
class ImportedData:
    """A fully validated pair of files.

    ``period_from`` is the earliest Fra and ``period_to`` the latest Fra or
    Til in the absence rows: the span the export covers. ``staff_rows`` and
    ``absence_rows`` count the rows kept; ``skipped`` holds the absence rows
    left out on request (``skip_bad_rows``), each with its problem.
    """

    staff: tuple[StaffMember, ...]
    columns: AbsenceColumns
    period_from: date
    period_to: date
    staff_rows: int
    absence_rows: int
    skipped: tuple[Problem, ...] = field(default=())

    @cached_property
    def absences(self) -> tuple[AbsenceRow, ...]:
        """The absence rows as domain records (built on first use; storing needs none)."""
        return self.columns.rows()


def _load(
    path: str | Path, kind: str, mapping: ColumnMapping | None
) -> tuple[ColumnTable, dict[str, int]]:
    table = read_columns(path)
    check_columns_no_cpr(table)  # before anything could echo a value
    columns = resolve_mapping(table, "staff" if kind == "staff" else "absence", mapping)
    return table, columns


def _header(table: ColumnTable, columns: dict[str, int], name: str) -> str:
    """The column's header as written in the file (the canonical name if unmapped)."""
    return (table.headers[columns[name]] or name) if name in columns else name


def _group_parser(column_name: str) -> Callable[[Cell], Parsed[str]]:
    def parse(cell: Cell) -> Parsed[str]:
        try:
            return check_group_name(parse_text(cell), column_name), None
        except ValueError as error:
            return "", str(error)
    return parse


def _value_parser(
    parser: Callable[[Cell], T], wrong: T | None = None
) -> Callable[[Cell], Parsed[T | None]]:
    def parse(cell: Cell) -> Parsed[T | None]:
        try:
            return parser(cell), None
        except ValueError as error:
            return wrong, str(error)
    return parse


def read_staff(
    path: str | Path, mapping: ColumnMapping | None = None, today: date | None = None
) -> list[StaffMember]:
    """The staff list: one row per person, keyed by the pseudonymous Medarbejder."""
    staff, problems = _read_staff(path, mapping, today)
    if problems:
        raise problems_error(problems)
    return staff


def _read_staff(
    path: str | Path, mapping: ColumnMapping | None, today: date | None
) -> tuple[list[StaffMember], list[Problem]]:
    """The staff list and every problem in it (a broken file still raises at once)."""
    today = today or date.today()
    table, columns = _load(path, "staff", mapping)
    names = {n: _header(table, columns, n) for n in (
        "Medarbejder", "Beskæftigelsesgrad", "Alder", "Ansat fra", "Ansat til", "Team",
        "Faggruppe")}
    # In the order a row's problems are told.
    parsers: dict[str, Callable[[Cell], Parsed[object]]] = {
        "Beskæftigelsesgrad": _value_parser(parse_grade, 1.0),
        "Alder": _value_parser(parse_age),
        "Ansat fra": date_parser(names["Ansat fra"], today),
        "Ansat til": date_parser(names["Ansat til"], today, may_be_open=True),
        "Team": _group_parser(names["Team"]),
        "Faggruppe": _group_parser(names["Faggruppe"]),
    }
    found: list[tuple[int, int, str, str]] = []  # (index, order in the row, column, message)
    values: dict[str, list[object]] = {}
    ordinals: dict[str, npt.NDArray[np.int64]] = {}
    for order, (name, parse) in enumerate(parsers.items(), 1):
        cells = table.column(columns.get(name))
        span = plausible_span(today) if name.startswith("Ansat") else None
        values[name], bad, distinct = parse_column(cells, parse, dates=span)
        found.extend([(i, order, names[name], message) for i, message in bad])
        if name.startswith("Ansat"):  # an unknown start sorts before, an open end after, any day
            missing = 0 if name == "Ansat fra" else OPEN_END
            ordinals[name] = _ordinals(distinct, missing)[cells.codes]  # type: ignore[arg-type]
    key_column, to_column = names["Medarbejder"], names["Ansat til"]
    key_cells = table.column(columns.get("Medarbejder"))
    keys = spread_parsed(key_cells, [(text, None) for text in _texts(key_cells)])[0]
    found.extend(_key_problems(table, keys, key_column))
    found.extend([
        (i, 4, to_column,
         "Ansat til ligger før Ansat fra. Forventede en dato på eller efter Ansat fra.")
        for i in np.flatnonzero(ordinals["Ansat til"] < ordinals["Ansat fra"]).tolist()
    ])
    found.sort(key=lambda f: (f[0], f[1]))
    staff = list(map(
        StaffMember, keys, values["Team"], values["Faggruppe"], values["Alder"],
        values["Beskæftigelsesgrad"], values["Ansat fra"], values["Ansat til"],
    ))
    if not staff:
        raise ImportFileError(
            table.file, "Medarbejderlisten har ingen rækker under kolonnenavnene."
        )
    return staff, [Problem(table.file, table.row(i), name, message)
                   for i, _order, name, message in found]


def _key_problems(
    table: ColumnTable, keys: list[str], key_column: str
) -> list[tuple[int, int, str, str]]:
    """Names refused at once; missing and repeated keys as (index, 0, column, message)."""
    distinct = list(set(keys))
    named = {distinct[i] for i in _names(distinct)}
    if named:
        first = next(i for i, key in enumerate(keys) if key in named)
        raise refuse_names(table.file, table.row(first), key_column)
    identities = _identities(keys)
    if "" not in keys and len(set(identities)) == len(identities):
        return []  # the common case: every key there, each once
    found: list[tuple[int, int, str, str]] = []
    seen: dict[str, tuple[int, str]] = {}
    for index, (key, identity) in enumerate(zip(keys, identities, strict=True)):
        if not key:
            found.append((index, 0, key_column,
                          "Medarbejder mangler. Forventede en medarbejdernøgle."))
        elif identity in seen:
            first_row, first_key = seen[identity]
            same = "" if first_key == key else (
                f" (som '{first_key}'; store og små bogstaver tæller ikke som forskel)"
            )
            found.append((
                index, 0, key_column,
                f"Medarbejder '{key}' står også i række {first_row}{same}. "
                "Hver nøgle må kun stå én gang.",
            ))
        else:
            seen[identity] = (table.row(index), key)
    return found


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
    result, problems = _read_absences(path, staff_keys, mapping, today)
    if problems:
        raise problems_error(problems)
    return list(result.rows())


def _read_absences(
    path: str | Path,
    staff_keys: Collection[str],
    mapping: ColumnMapping | None,
    today: date | None,
    *,
    skip_bad_rows: bool = False,
) -> tuple[AbsenceColumns, list[Problem]]:
    """The absence rows by column and every problem in them (each one skippable).

    With ``skip_bad_rows`` the columns hold only the rows without problems;
    otherwise they are only meaningful when there are no problems.
    """
    today = today or date.today()
    staff_list = list(staff_keys)
    spelling = dict(zip(_identities(staff_list), staff_list, strict=True))
    table, columns = _load(path, "absence", mapping)
    key_column, from_column, to_column = (
        _header(table, columns, n) for n in ("Medarbejder", "Fra", "Til"))

    raw_keys = table.column(columns.get("Medarbejder"))
    texts = _texts(raw_keys)
    named = _names(texts)
    first = raw_keys.first_row(named) if named else None
    if first is not None:
        raise refuse_names(table.file, table.row(first), key_column)
    stored = list(map(spelling.get, _identities(texts)))  # the staff list's spelling
    keys, key_bad, key_texts = spread_parsed(raw_keys, [
        (text, "Medarbejder mangler. Forventede en medarbejdernøgle.") if not text
        else (text, f"Medarbejder '{text}' findes ikke i medarbejderlisten. "
                    "Forventede en nøgle, der også står i medarbejderlisten.") if spelled is None
        else (spelled, None)
        for text, spelled in zip(texts, stored, strict=True)
    ])
    start_column, end_column = table.column(columns.get("Fra")), table.column(columns.get("Til"))
    start_days, start_bad, start_distinct = parse_column(
        start_column,
        date_parser(from_column, today, missing="Fra mangler. Forventede den første fraværsdag."),
        dates=plausible_span(today))
    end_days, end_bad, end_distinct = parse_column(
        end_column, date_parser(to_column, today, may_be_open=True), dates=plausible_span(today))
    reason_column = table.column(columns.get("Fraværsårsag"))
    reasons, _, reason_texts = parse_column(
        reason_column, lambda cell: (normalise_reason(parse_text(cell)), None))
    key_codes, reason_codes = raw_keys.codes, reason_column.codes
    # Ordinals per row in one gather; a missing Fra sorts before, an open Til after, any day.
    start_ordinals = _ordinals(start_distinct, 0)[start_column.codes]
    end_ordinals = _ordinals(end_distinct, OPEN_END)[end_column.codes]

    found = [  # (index, order in the row, column, message)
        *[(i, 0, key_column, message) for i, message in key_bad],
        *[(i, 1, from_column, message) for i, message in start_bad],
        *[(i, 2, to_column, message) for i, message in end_bad],
        *_ends_before_starts(start_ordinals, end_ordinals, to_column),
    ]
    found.sort(key=lambda f: (f[0], f[1]))
    problems = [Problem(table.file, table.row(i), name, message, True)
                for i, _order, name, message in found]
    if found and skip_bad_rows:
        keep = np.ones(len(table), dtype=bool)
        keep[[i for i, *_rest in found]] = False
        kept = keep.tolist()
        keys, reasons = list(compress(keys, kept)), list(compress(reasons, kept))
        start_days, end_days = list(compress(start_days, kept)), list(compress(end_days, kept))
        start_ordinals, end_ordinals = start_ordinals[keep], end_ordinals[keep]
        key_codes, reason_codes = key_codes[keep], reason_codes[keep]
    if not keys and not problems:
        raise ImportFileError(table.file, "Fraværsfilen har ingen rækker under kolonnenavnene.")
    result = AbsenceColumns(keys, reasons, start_days, end_days,  # type: ignore[arg-type]
                            start_ordinals, end_ordinals, (key_texts, key_codes),
                            (reason_texts, reason_codes))
    return result, problems


def _ordinals(days: Sequence[date | None], missing: int) -> npt.NDArray[np.int64]:
    """Day ordinals of distinct dates, ``missing`` standing in for None."""
    return np.array([missing if day is None else day.toordinal() for day in days],
                    dtype=np.int64)


def _ends_before_starts(
    starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64], to_column: str
) -> list[tuple[int, int, str, str]]:
    """Rows whose Til lies before their Fra, found in one numpy comparison."""
    message = "Til ligger før Fra. Forventede den sidste fraværsdag, på eller efter Fra."
    return [(i, 3, to_column, message) for i in np.flatnonzero(ends < starts).tolist()]


def read_export(
    staff_path: str | Path,
    absence_path: str | Path,
    staff_mapping: ColumnMapping | None = None,
    absence_mapping: ColumnMapping | None = None,
    today: date | None = None,
    *,
    skip_bad_rows: bool = False,
) -> ImportedData:
    """Read and validate both files; return everything or raise :class:`ImportFileError`.

    The staff list is read first, since the absence rows are checked against
    its keys; the absence file is checked even when the staff list has
    problems, so one message names them all. Columns the mappings do not use
    are never kept. ``skip_bad_rows`` leaves out absence rows that cannot be
    used when they are the only problems (see :attr:`ImportFileError.skippable`).
    """
    with bulk_work():
        staff, staff_problems = _read_staff(staff_path, staff_mapping, today)
        columns, absence_problems = _read_absences(
            absence_path, [m.key for m in staff], absence_mapping, today,
            skip_bad_rows=skip_bad_rows and not staff_problems,
        )
    problems = staff_problems + absence_problems
    if problems and not (skip_bad_rows and not staff_problems):
        raise problems_error(problems)
    if not columns.keys:
        rows = len({p.row for p in problems})
        raise ImportFileError(
            absence_path,
            f"Ingen af fraværsfilens {rows} rækker kan bruges, så der er intet at importere. "
            "Ret rækkerne og prøv igen.",
        )
    period_from, period_to = _period(columns)
    return ImportedData(
        staff=tuple(staff),
        columns=columns,
        period_from=period_from,
        period_to=period_to,
        staff_rows=len(staff),
        absence_rows=len(columns.starts),
        skipped=tuple(problems),
    )


def _period(columns: AbsenceColumns) -> tuple[date, date]:
    """The earliest Fra, and the latest Fra or Til (open ends aside): the export's span."""
    starts, ends = columns.start_ordinals, columns.end_ordinals
    assert starts is not None and ends is not None  # _read_absences makes them
    closed = ends[ends != OPEN_END]
    latest = int(starts.max()) if closed.size == 0 else max(int(starts.max()), int(closed.max()))
    return date.fromordinal(int(starts.min())), date.fromordinal(latest)
