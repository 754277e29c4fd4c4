"""Storing a staff list and an absence export for a unit: all or nothing.

Both files are read and every row checked (:func:`read_export`) before a
session is opened, so a bad file raises :class:`ImportFileError` and the
database is never touched. Then the import row, the staff list and the
absence rows (one block each, see :mod:`norddjurs_desktop.storage.absence_block`
and :mod:`~norddjurs_desktop.storage.staff_block`) go in in one transaction.
Importing files with the same two names again for the same unit replaces the
earlier import in that same transaction, so figures are never doubled. An
import that creates its unit (:func:`import_absence_for_unit`, the command
line's `import-absence`) creates it in that same transaction too, so a failed
import leaves no empty unit behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
from sqlalchemy import delete
from sqlmodel import Session, select

from norddjurs_desktop.importing.absence_export import OPEN_END, AbsenceColumns, read_export
from norddjurs_desktop.importing.columns import bulk_work
from norddjurs_desktop.importing.errors import Problem
from norddjurs_desktop.importing.mapping import normalise_header
from norddjurs_desktop.importing.tables import read_table
from norddjurs_desktop.services.absence_stats import ImportInfo, forget_dataset
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import NotFoundError
from norddjurs_desktop.services.units import add_unit
from norddjurs_desktop.storage.absence_block import FORMAT_VERSION, Coded, encode_rows
from norddjurs_desktop.storage.absence_models import (
    AbsenceBlock,
    AbsenceImport,
    ColumnMapping,
    StaffBlock,
)
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Unit
from norddjurs_desktop.storage.staff_block import encode_staff

__all__ = [
    "delete_import",
    "import_absence_files",
    "import_absence_for_unit",
    "remembered_mapping",
    "skipped_rows",
]

@dataclass(frozen=True, eq=False)
class StoredImport(ImportInfo):
    """The import just stored, with what storing it changed (for the views)."""

    changes: Changes = field(default_factory=Changes)


def to_info(row: AbsenceImport) -> ImportInfo:
    assert row.id is not None
    return ImportInfo(
        id=row.id,
        unit_id=row.unit_id,
        imported_at=row.imported_at,
        staff_file=row.staff_file,
        absence_file=row.absence_file,
        period_from=row.period_from,
        period_to=row.period_to,
        staff_rows=row.staff_rows,
        absence_rows=row.absence_rows,
    )


Progress = Callable[[int, str], None]
FILE_KINDS = ("staff", "absence")


def _headers_key(headers: Sequence[str]) -> str:
    return "\t".join(normalise_header(h) for h in headers)


def _file_headers(path: Path) -> list[str]:
    return read_table(path, max_rows=1).headers


def _remember(session: Session, kind: str, headers: Sequence[str], mapping: Mapping) -> None:
    key = _headers_key(headers)
    text = json.dumps(dict(mapping), ensure_ascii=False, sort_keys=True)
    row = session.exec(
        select(ColumnMapping).where(ColumnMapping.kind == kind, ColumnMapping.headers == key)
    ).first()
    if row is None:
        row = ColumnMapping(kind=kind, headers=key, mapping=text)
    else:
        row.mapping = text
    session.add(row)


def import_absence_for_unit(
    db: Database,
    unit_name: str,
    staff_path: Path,
    absence_path: Path,
    *,
    progress: Progress | None = None,
    skip_bad_rows: bool = False,
) -> tuple[ImportInfo, bool]:
    """Import into the unit with this name, creating it if needed; returns (info, created).

    The unit is created in the import's own transaction: if anything fails
    (a bad file, a full disk, a kill), there is neither an import nor a unit.
    ``skip_bad_rows``: see :func:`import_absence_files`.
    """
    return _import(db, unit_name, staff_path, absence_path, None, None, progress,
                   skip_bad_rows)


def import_absence_files(
    db: Database,
    unit_id: int,
    staff_path: Path,
    absence_path: Path,
    *,
    staff_mapping: Mapping[str, str | None] | None = None,
    absence_mapping: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    skip_bad_rows: bool = False,
) -> StoredImport:
    """Check both files, then store them for the unit in one transaction.

    With ``skip_bad_rows``, absence rows that cannot be used (an impossible
    date, Til before Fra, an unknown person) are left out when they are the
    only problems; which rows, and why, is kept with the import
    (:func:`skipped_rows`). Anything else still stops the whole import.

    Raises :class:`ImportFileError` (nothing stored) for any problem in the
    files and :class:`NotFoundError` when the unit is gone. A mapping given
    is remembered for files with the same headers (see
    :func:`remembered_mapping`). ``progress(percent, text)`` may be called
    from a worker thread; it is only ever called, never anything else.
    """
    info, _created = _import(
        db, unit_id, staff_path, absence_path, staff_mapping, absence_mapping, progress,
        skip_bad_rows,
    )
    return StoredImport(**{f.name: getattr(info, f.name) for f in fields(ImportInfo)},
                        changes=Changes.of(Kind.ABSENCE, unit_id=info.unit_id))


def _import(
    db: Database,
    unit: int | str,
    staff_path: Path,
    absence_path: Path,
    staff_mapping: Mapping[str, str | None] | None,
    absence_mapping: Mapping[str, str | None] | None,
    progress: Progress | None,
    skip_bad_rows: bool = False,
) -> tuple[ImportInfo, bool]:
    """Check, then store; ``unit`` is an id, or a name to find or create in the same transaction."""
    db.backup_before("foer-fravaersimport")  # a copy to go back to (issue 7)
    report: Progress = progress or (lambda _percent, _text: None)
    staff_path, absence_path = Path(staff_path), Path(absence_path)
    report(0, "Læser og kontrollerer medarbejderlisten og fraværsfilen …")
    data = read_export(staff_path, absence_path, staff_mapping, absence_mapping,
                       skip_bad_rows=skip_bad_rows)
    remember = [
        (kind, _file_headers(path), mapping)
        for kind, path, mapping in (
            ("staff", staff_path, staff_mapping),
            ("absence", absence_path, absence_mapping),
        )
        if mapping
    ]
    report(
        50,
        f"Gemmer {data.staff_rows} medarbejdere og {data.absence_rows} fraværsrækker …",
    )
    created = False
    with bulk_work(), db.session() as session:
        if isinstance(unit, str):
            found = session.exec(select(Unit.id).where(Unit.name == " ".join(unit.split()))).first()
            created = found is None
            unit_id = add_unit(session, unit) if found is None else found
        else:
            unit_id = unit
            if session.get(Unit, unit_id) is None:
                raise NotFoundError("Enheden findes ikke længere.")
        replaced = session.exec(
            select(AbsenceImport.id).where(
                AbsenceImport.unit_id == unit_id,
                AbsenceImport.staff_file == staff_path.name,
                AbsenceImport.absence_file == absence_path.name,
            )
        ).all()
        if replaced:
            # ON DELETE CASCADE removes the blocks with the import.
            session.execute(delete(AbsenceImport).where(AbsenceImport.id.in_(replaced)))  # type: ignore[union-attr]
        row = AbsenceImport(
            unit_id=unit_id,
            staff_file=staff_path.name,
            absence_file=absence_path.name,
            period_from=data.period_from,
            period_to=data.period_to,
            staff_rows=data.staff_rows,
            absence_rows=data.absence_rows,
            skipped_rows=_skipped_json(data.skipped),
        )
        session.add(row)
        session.flush()
        import_id = row.id
        assert import_id is not None
        staff = data.staff
        session.add(StaffBlock(
            import_id=import_id, format_version=FORMAT_VERSION, row_count=len(staff),
            data=encode_staff(
                [m.key for m in staff], [m.team for m in staff], [m.job_group for m in staff],
                [m.age for m in staff], [m.grade for m in staff],
                [m.employed_from for m in staff], [m.employed_to for m in staff],
            ),
        ))
        report(70, "Gemmer fraværsrækkerne …")
        columns = data.columns
        session.add(AbsenceBlock(
            import_id=import_id, format_version=FORMAT_VERSION,
            row_count=len(columns.keys),
            data=encode_rows(columns.keys, columns.reasons, columns.starts, columns.ends,
                             ordinals=_ordinals(columns), coded=_coded(columns)),
        ))
        session.flush()
        for kind, headers, mapping in remember:
            _remember(session, kind, headers, mapping)
        info = to_info(row)
        report(95, "Afslutter …")
    for old in replaced:
        forget_dataset(db, old)
    forget_dataset(db, info.id)
    report(100, "Importen er færdig.")
    return info, created


def _ordinals(columns: AbsenceColumns) -> tuple[np.ndarray, np.ndarray, int] | None:
    """The reader's day numbers of the rows, when it made them (it does for every file)."""
    if columns.start_ordinals is None or columns.end_ordinals is None:
        return None
    return columns.start_ordinals, columns.end_ordinals, OPEN_END


def _coded(columns: AbsenceColumns) -> tuple[Coded, Coded] | None:
    """The reader's keys and reasons as texts with per-row indexes (it makes them always)."""
    if columns.key_table is None or columns.reason_table is None:
        return None
    return columns.key_table, columns.reason_table


def _skipped_json(skipped: Sequence[Problem]) -> str:
    if not skipped:
        return ""
    return json.dumps([[p.row, p.column, p.message] for p in skipped], ensure_ascii=False)


def skipped_rows(db: Database, import_id: int) -> tuple[Problem, ...]:
    """The absence rows an import left out on request, each with its problem (in file order)."""
    with db.session() as session:
        row = session.get(AbsenceImport, import_id)
        if row is None:
            raise NotFoundError("Importen findes ikke længere.")
        text, file = row.skipped_rows, row.absence_file
    if not text:
        return ()
    return tuple(Problem(file, int(r), str(c), str(m), True) for r, c, m in json.loads(text))


def remembered_mapping(
    db: Database, kind: str, headers: Sequence[str]
) -> dict[str, str | None] | None:
    """The mapping last used for a ``kind`` ("staff"/"absence") file with these headers.

    Headers compare without case or surrounding spaces; None when nothing is
    remembered.
    """
    if kind not in FILE_KINDS:
        raise ValueError(f"Ukendt filtype '{kind}'; forventede 'staff' eller 'absence'.")
    with db.session() as session:
        row = session.exec(
            select(ColumnMapping).where(
                ColumnMapping.kind == kind, ColumnMapping.headers == _headers_key(headers)
            )
        ).first()
        if row is None:
            return None
        try:
            loaded = json.loads(row.mapping)
        except ValueError:
            return None
        if not isinstance(loaded, dict):
            return None
        return {str(k): (None if v is None else str(v)) for k, v in loaded.items()}


def delete_import(db: Database, import_id: int) -> Changes:
    """Delete an import with all its staff and absence rows."""
    with db.session() as session:
        row = session.get(AbsenceImport, import_id)
        if row is None:
            raise NotFoundError("Importen findes ikke længere.")
        unit_id = row.unit_id
        session.delete(row)
    forget_dataset(db, import_id)
    return Changes.of(Kind.ABSENCE, unit_id=unit_id)
