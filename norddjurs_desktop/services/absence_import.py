"""Storing a staff list and an absence export for a unit: all or nothing.

Both files are read and every row checked (:func:`read_export`) before a
session is opened, so a bad file raises :class:`ImportFileError` and the
database is never touched. Then the import row, the staff and the absence
rows go in with bulk inserts in one transaction. Importing files with the
same two names again for the same unit replaces the earlier import in that
same transaction, so figures are never doubled. An import that creates its
unit (:func:`import_absence_for_unit`, the command line's `import-absence`)
creates it in that same transaction too, so a failed import leaves no empty
unit behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, select

from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.mapping import normalise_header
from norddjurs_desktop.importing.tables import read_table
from norddjurs_desktop.services.absence_stats import ImportInfo, forget_dataset
from norddjurs_desktop.services.errors import NotFoundError
from norddjurs_desktop.services.units import add_unit
from norddjurs_desktop.storage.absence_models import (
    AbsenceImport,
    AbsenceRecord,
    ColumnMapping,
    StaffRecord,
)
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Unit

__all__ = [
    "delete_import",
    "import_absence_files",
    "import_absence_for_unit",
    "remembered_mapping",
]

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


_STAFF_COLUMNS = (
    "import_id", "key", "team", "job_group", "age", "grade", "employed_from", "employed_to",
)
_ABSENCE_COLUMNS = ("import_id", "key", "reason", "start", "end")


def _iso(day: date | None) -> str | None:
    """Dates as SQLAlchemy's SQLite Date type stores them (ISO text)."""
    return None if day is None else day.isoformat()


def _bulk_insert(
    session: Session, model: type, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """A Core INSERT run as one DB-API executemany of tuples, in the session's transaction.

    For 150,000 rows this is several times faster than passing dicts through
    SQLAlchemy, which converts every value in Python first. The values must
    already be in stored form (dates as ISO text).
    """
    connection = session.connection()
    statement = insert(model.__table__)  # type: ignore[attr-defined]
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(columns))
    assert compiled.positiontup == list(columns), compiled.positiontup
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(str(compiled), rows)  # type: ignore[arg-type]  # any iterable
    finally:
        cursor.close()


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
) -> tuple[ImportInfo, bool]:
    """Import into the unit with this name, creating it if needed; returns (info, created).

    The unit is created in the import's own transaction: if anything fails
    (a bad file, a full disk, a kill), there is neither an import nor a unit.
    """
    return _import(db, unit_name, staff_path, absence_path, None, None, progress)


def import_absence_files(
    db: Database,
    unit_id: int,
    staff_path: Path,
    absence_path: Path,
    *,
    staff_mapping: Mapping[str, str | None] | None = None,
    absence_mapping: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
) -> ImportInfo:
    """Check both files, then store them for the unit in one transaction.

    Raises :class:`ImportFileError` (nothing stored) for any problem in the
    files and :class:`NotFoundError` when the unit is gone. A mapping given
    is remembered for files with the same headers (see
    :func:`remembered_mapping`). ``progress(percent, text)`` may be called
    from a worker thread; it is only ever called, never anything else.
    """
    info, _created = _import(
        db, unit_id, staff_path, absence_path, staff_mapping, absence_mapping, progress
    )
    return info


def _import(
    db: Database,
    unit: int | str,
    staff_path: Path,
    absence_path: Path,
    staff_mapping: Mapping[str, str | None] | None,
    absence_mapping: Mapping[str, str | None] | None,
    progress: Progress | None,
) -> tuple[ImportInfo, bool]:
    """Check, then store; ``unit`` is an id, or a name to find or create in the same transaction."""
    db.backup_before("foer-fravaersimport")  # a copy to go back to (issue 7)
    report: Progress = progress or (lambda _percent, _text: None)
    staff_path, absence_path = Path(staff_path), Path(absence_path)
    report(0, "Læser og kontrollerer medarbejderlisten og fraværsfilen …")
    data = read_export(staff_path, absence_path, staff_mapping, absence_mapping)
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
    with db.session() as session:
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
            # ON DELETE CASCADE removes the staff and absence rows with the import.
            session.execute(delete(AbsenceImport).where(AbsenceImport.id.in_(replaced)))  # type: ignore[union-attr]
        row = AbsenceImport(
            unit_id=unit_id,
            staff_file=staff_path.name,
            absence_file=absence_path.name,
            period_from=data.period_from,
            period_to=data.period_to,
            staff_rows=data.staff_rows,
            absence_rows=data.absence_rows,
        )
        session.add(row)
        session.flush()
        import_id = row.id
        _bulk_insert(
            session, StaffRecord, _STAFF_COLUMNS,
            (
                (import_id, m.key, m.team, m.job_group, m.age, m.grade,
                 _iso(m.employed_from), _iso(m.employed_to))
                for m in data.staff
            ),
        )
        report(70, "Gemmer fraværsrækkerne …")
        _bulk_insert(
            session, AbsenceRecord, _ABSENCE_COLUMNS,
            ((import_id, a.key, a.reason, a.start.isoformat(), _iso(a.end)) for a in data.absences),
        )
        for kind, headers, mapping in remember:
            _remember(session, kind, headers, mapping)
        info = to_info(row)
        report(95, "Afslutter …")
    for old in replaced:
        forget_dataset(db, old)
    forget_dataset(db, info.id)
    report(100, "Importen er færdig.")
    return info, created


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


def delete_import(db: Database, import_id: int) -> None:
    """Delete an import with all its staff and absence rows."""
    with db.session() as session:
        row = session.get(AbsenceImport, import_id)
        if row is None:
            raise NotFoundError("Importen findes ikke længere.")
        session.delete(row)
    forget_dataset(db, import_id)
