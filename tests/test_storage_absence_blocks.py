"""Migration 0008: an import's absence rows and staff list move into blocks; every figure stays.

A database made at 0007 (rows in ``absence_record``) with imports that hold
what older versions let through — an open end, a key on no staff list, odd
spellings of reasons, an import without absence rows — is opened by this
version: the figures, the rows (order and spelling) and the staff are exactly
what they were, on a SQLite file and on a PostgreSQL server. Going back to
0007 rebuilds the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from stored_blocks import stored_rows, stored_staff

from norddjurs_desktop.domain.absence import compute_stats, default_period
from norddjurs_desktop.domain.absence_records import AbsenceRow
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.paths import DEMO
from norddjurs_desktop.services import units
from norddjurs_desktop.services.absence import list_imports, load_dataset, unit_stats
from norddjurs_desktop.storage.absence_models import AbsenceImport
from norddjurs_desktop.storage.database import Database, open_database
from norddjurs_desktop.storage.migration import alembic_config, upgrade

RECORDS = sa.table(
    "absence_record",
    sa.column("import_id", sa.Integer()),
    sa.column("key", sa.String()),
    sa.column("reason", sa.String()),
    sa.column("start", sa.Date()),
    sa.column("end", sa.Date()),
)
STAFF_RECORDS = sa.table(
    "staff_record",
    sa.column("import_id", sa.Integer()),
    sa.column("key", sa.String()),
    sa.column("team", sa.String()),
    sa.column("job_group", sa.String()),
    sa.column("age", sa.Integer()),
    sa.column("grade", sa.Float()),
    sa.column("employed_from", sa.Date()),
    sa.column("employed_to", sa.Date()),
)
STAFF, ABSENCE = DEMO / "medarbejdere.csv", DEMO / "fravaer.csv"
# What older versions let through, beside the demo rows.
EXTRA = [
    AbsenceRow("ZZ-0001", "Egen sygdom", date(2025, 3, 3), date(2025, 3, 7)),  # on no list
    AbsenceRow("AE-1018", "  EGEN   SYGDOM ", date(2025, 4, 7), date(2025, 4, 8)),
    AbsenceRow("AE-1032", "§ 56", date(2025, 5, 5), date(2025, 5, 6)),
    AbsenceRow("AE-1045", "sygdom", date(2025, 6, 2), None),  # still absent
    AbsenceRow("AE-1001", "Helt ukendt årsag", date(2025, 6, 9), date(2025, 6, 10)),
]


@dataclass
class OldDatabase:
    where: Path | str
    database: Database


def _old_sqlite(tmp_path: Path) -> Iterator[OldDatabase]:
    path = tmp_path / "0007.sqlite"
    database = Database(path)
    upgrade(database, "0007")
    yield OldDatabase(path, database)
    database.close()


def _old_server(pg_server: Any) -> Iterator[OldDatabase]:
    from norddjurs_desktop.storage.location import parse_server
    from norddjurs_desktop.storage.server_database import PostgresDatabase

    url = pg_server.empty_database()
    database = PostgresDatabase(parse_server(url)[0])
    upgrade(database, "0007")
    yield OldDatabase(url, database)
    database.close()
    pg_server.drop(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OldDatabase]:
    """A database at revision 0007, with no import yet."""
    if request.param == "sqlite":
        yield from _old_sqlite(tmp_path)
    else:
        yield from _old_server(request.getfixturevalue("pg_server"))


def _store_0007(database: Database, unit_name: str, staff: Any, rows: list[AbsenceRow],
                name: str) -> int:
    """An import as version 0007 stored it: one SQL row per absence row, ids in file order."""
    unit_id = units.find_unit(database, unit_name) or int(units.create_unit(database, unit_name))
    with database.session() as session:
        days = [d for row in rows for d in (row.start, row.end) if d is not None]
        record = AbsenceImport(
            unit_id=unit_id, staff_file=f"{name}-medarbejdere.csv",
            absence_file=f"{name}-fravaer.csv",
            period_from=min(days, default=date(2025, 1, 1)),
            period_to=max(days, default=date(2025, 1, 1)),
            staff_rows=len(staff), absence_rows=len(rows),
        )
        session.add(record)
        session.flush()
        assert record.id is not None
        session.execute(sa.insert(STAFF_RECORDS), [
            {"import_id": record.id, "key": m.key, "team": m.team, "job_group": m.job_group,
             "age": m.age, "grade": m.grade, "employed_from": m.employed_from,
             "employed_to": m.employed_to}
            for m in staff
        ])
        if rows:
            session.execute(sa.insert(RECORDS), [
                {"import_id": record.id, "key": r.key, "reason": r.reason, "start": r.start,
                 "end": r.end} for r in rows
            ])
        return record.id


def _records(database: Database) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in database.read(
        'SELECT import_id, key, reason, start, "end" FROM absence_record ORDER BY id')]


def _staff_records(database: Database) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in database.read(
        "SELECT import_id, key, team, job_group, age, grade, employed_from, employed_to"
        " FROM staff_record ORDER BY id")]


def test_the_upgrade_moves_every_row_into_blocks_and_every_figure_stays(old) -> None:
    data = read_export(STAFF, ABSENCE)
    rows = list(data.absences) + EXTRA
    # An older import of the same unit, and another unit whose import has no absence rows.
    older = _store_0007(old.database, "Børnehuset", data.staff, rows[:40], "gammel")
    newest = _store_0007(old.database, "Børnehuset", data.staff, rows, "ny")
    empty = _store_0007(old.database, "Tom enhed", data.staff[:6], [], "tom")
    before, staff_before = _records(old.database), _staff_records(old.database)
    old.database.close()

    db = open_database(old.where)  # migrates to head
    try:
        assert db.read("SELECT version_num FROM alembic_version") == [("0008",)]
        assert not {"absence_record", "staff_record"} & _tables(db)
        unit_id = units.find_unit(db, "Børnehuset")
        dataset = load_dataset(db, unit_id)
        assert dataset is not None and dataset.info.id == newest
        assert dataset.absences == tuple(rows)  # file order, spellings, the key on no list
        assert dataset.staff == data.staff
        assert [i.absence_rows for i in list_imports(db, unit_id)] == [len(rows), 40]

        period = default_period(rows)
        assert period is not None
        end = max(d for r in rows for d in (r.start, r.end) if d is not None)
        assert unit_stats(db, unit_id) == compute_stats(data.staff, rows, *period,
                                                        data_end=end)
        for team in ("Humlebien", "Mariehønen"):
            assert unit_stats(db, unit_id, period_from=date(2024, 1, 1),
                              period_to=date(2025, 12, 31), team=team) == compute_stats(
                data.staff, rows, date(2024, 1, 1), date(2025, 12, 31), team=team,
                data_end=end)
        blocks = db.read("SELECT import_id, row_count FROM absence_block ORDER BY import_id")
        assert blocks == [(older, 40), (newest, len(rows)), (empty, 0)]
        blocks = db.read("SELECT import_id, row_count FROM staff_block ORDER BY import_id")
        assert blocks == [(older, len(data.staff)), (newest, len(data.staff)), (empty, 6)]
        assert [(newest, *m) for m in stored_staff(db, newest)] == [
            m for m in staff_before if m[0] == newest
        ]
        assert [(newest, *r) for r in stored_rows(db, newest)] == [
            row for row in before if row[0] == newest
        ]
        assert unit_stats(db, units.find_unit(db, "Tom enhed")) is not None

        _downgrade(db, "0007")
        assert _records(db) == before  # the same rows, in the same order
        assert _staff_records(db) == staff_before
        assert not {"absence_block", "staff_block"} & _tables(db)
    finally:
        db.close()


def _tables(db: Database) -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def _downgrade(db: Database, revision: str) -> None:
    from alembic import command

    with db.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    db.engine.dispose()


def test_an_upgraded_file_gives_back_the_space_of_the_rows_it_moved(tmp_path: Path) -> None:
    old = next(_old_sqlite(tmp_path))
    data = read_export(STAFF, ABSENCE)
    rows = list(data.absences) * 20  # a file of a few MB, as a municipality's import makes
    _store_0007(old.database, "Børnehuset", data.staff, rows, "stor")
    old.database.close()
    size_before = Path(old.where).stat().st_size

    db = open_database(old.where)  # migrates to head, then compacts
    try:
        free = db.read("PRAGMA freelist_count")[0][0]
        assert len(load_dataset(db, units.find_unit(db, "Børnehuset")).absences) == len(rows)
    finally:
        db.close()
    assert free == 0
    assert Path(old.where).stat().st_size < size_before / 2
