"""Which source column feeds which of our columns, and a safe preview to choose it from.

Exports from different HR systems name their columns differently. The
importer knows a fixed set of canonical columns; a mapping says, for each,
which header of the file holds it. :func:`propose_mapping` fills in the exact
(case- and space-insensitive) matches and the GUI lets the user fix the rest
from a :func:`preview_file`. Columns no mapping uses are dropped on import,
so names and other personal data never reach the database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from norddjurs_desktop.domain.dates import danish_date

from .column_table import ColumnTable
from .cpr import cpr_cells
from .errors import ImportFileError
from .tables import Cell, RawTable, read_table

__all__ = [
    "ABSENCE_COLUMNS",
    "STAFF_COLUMNS",
    "ColumnMapping",
    "FileKind",
    "TablePreview",
    "normalise_header",
    "preview_file",
    "propose_mapping",
    "resolve_mapping",
]

FileKind = Literal["staff", "absence"]
#: canonical column → header in the file; None means "do not use".
ColumnMapping = Mapping[str, str | None]

#: (canonical name, required) for the staff list.
STAFF_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("Medarbejder", True),
    ("Team", False),
    ("Faggruppe", False),
    ("Alder", False),
    ("Beskæftigelsesgrad", False),
    ("Ansat fra", False),
    ("Ansat til", False),
)

#: (canonical name, required) for the absence rows.
ABSENCE_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("Medarbejder", True),
    ("Fraværsårsag", True),
    ("Fra", True),
    ("Til", False),
)

_HIDDEN_CPR = "[CPR-nummer skjult]"


def _columns(kind: FileKind) -> tuple[tuple[str, bool], ...]:
    return STAFF_COLUMNS if kind == "staff" else ABSENCE_COLUMNS


def normalise_header(text: str) -> str:
    """Headers compare without case, surrounding spaces or Unicode composition differences."""
    return unicodedata.normalize("NFC", text).replace("\ufeff", "").strip().casefold()


def propose_mapping(headers: Sequence[str], kind: FileKind) -> dict[str, str]:
    """Canonical column → the file's header, for every header that matches exactly."""
    by_name: dict[str, str] = {}
    for header in headers:
        by_name.setdefault(normalise_header(header), header)
    proposal: dict[str, str] = {}
    for name, _required in _columns(kind):
        found = by_name.get(normalise_header(name))
        if found is not None:
            proposal[name] = found
    return proposal


def resolve_mapping(
    table: RawTable | ColumnTable, kind: FileKind, mapping: ColumnMapping | None
) -> dict[str, int]:
    """Canonical column → cell index in ``table``; raise for a missing required column.

    An explicit ``mapping`` overrides the proposal column by column (None
    leaves a column out); canonical names it does not mention are still
    matched by name.
    """
    known = {name for name, _ in _columns(kind)}
    chosen: dict[str, str | None] = dict(propose_mapping(table.headers, kind))
    if mapping:
        unknown = set(mapping) - known
        if unknown:
            raise ValueError(f"Ukendte kolonner i tilknytningen: {sorted(unknown)}")
        chosen.update(mapping)
    index_of: dict[str, int] = {}
    for i, header in enumerate(table.headers):
        index_of.setdefault(normalise_header(header), i)
    resolved: dict[str, int] = {}
    for name, required in _columns(kind):
        source = chosen.get(name)
        if source is not None and normalise_header(source) in index_of:
            resolved[name] = index_of[normalise_header(source)]
            continue
        if source is not None:
            raise ImportFileError(
                table.file,
                f"Kolonnen '{source}', som skulle bruges som '{name}', findes ikke i filen.",
                row=table.header_row,
                column=source,
            )
        if required:
            raise ImportFileError(
                table.file,
                f"Der mangler en kolonne '{name}'. Første række skal være kolonnenavne; "
                f"fundet: {', '.join(repr(h) for h in table.headers if h) or 'ingen'}.",
                row=table.header_row,
                column=name,
            )
    return resolved


@dataclass(frozen=True)
class TablePreview:
    """The header and first rows of a file as display text, for the mapping dialog.

    Cells that look like CPR numbers are replaced by a notice and their
    columns listed in ``cpr_columns`` so the dialog can warn before import.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    cpr_columns: tuple[str, ...]
    proposed_staff: dict[str, str]
    proposed_absence: dict[str, str]


def _display(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        return danish_date(cell)
    return str(cell)


def preview_file(path: str | Path, rows: int = 5) -> TablePreview:
    """Read only the header and the first ``rows`` rows; raise :class:`ImportFileError`."""
    table = read_table(path, max_rows=rows)
    shown: list[tuple[str, ...]] = []
    cpr: list[str] = []
    for _number, cells in table.rows[:rows]:
        hits = set(cpr_cells(table.headers, cells))
        shown.append(tuple(_HIDDEN_CPR if i in hits else _display(c) for i, c in enumerate(cells)))
        for i in sorted(hits):
            label = table.headers[i] if i < len(table.headers) else f"kolonne {i + 1}"
            if label not in cpr:
                cpr.append(label)
    headers = tuple(
        _HIDDEN_CPR if cpr_cells(table.headers, [h]) else h for h in table.headers
    )
    return TablePreview(
        headers=headers,
        rows=tuple(shown),
        cpr_columns=tuple(cpr),
        proposed_staff=propose_mapping(table.headers, "staff"),
        proposed_absence=propose_mapping(table.headers, "absence"),
    )
