"""The shared database on a real PostgreSQL server (started by the test run itself).

The same migrations make the same tables as on SQLite; the fast read path gives
the same rows; a server that is not there, a database that does not exist and a
connection that breaks mid-write each give one Danish line — never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from norddjurs_desktop.domain.due import KIND_MEETING
from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.backups import SERVER_BACKUP_MESSAGE, create_backup
from norddjurs_desktop.services.due_overview import due_overview
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.services.overview import list_units
from norddjurs_desktop.storage.database import open_database
from norddjurs_desktop.storage.errors import (
    SERVER_LOST_MESSAGE,
    SERVER_MISSING_DATABASE_MESSAGE,
    SERVER_UNREACHABLE_MESSAGE,
    NewerDatabaseError,
    StorageError,
)
from norddjurs_desktop.storage.location import parse_server, without_password
from norddjurs_desktop.storage.models import Unit
from norddjurs_desktop.storage.schema import HEAD_REVISION

pytestmark = pytest.mark.postgres

REFUSED = "postgresql+psycopg://fp@127.0.0.1:1/fremmoede"  # nothing listens on port 1


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "norddjurs_desktop", *args],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, env=env,
    )


def _schema(db) -> dict[str, list[str]]:
    from sqlalchemy import inspect

    inspector = inspect(db.engine)
    return {
        table: sorted(column["name"] for column in inspector.get_columns(table))
        for table in inspector.get_table_names()
    }


def test_an_empty_server_database_gets_the_same_tables_as_a_file(pg_server, tmp_path: Path):
    url = pg_server.empty_database()
    server_db = open_database(url)
    file_db = open_database(tmp_path / "fil.sqlite")
    try:
        assert server_db.read("SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
        assert _schema(server_db) == _schema(file_db)
        assert server_db.is_server and not file_db.is_server
    finally:
        server_db.close()
        file_db.close()
        pg_server.drop(url)


def test_the_fast_read_path_gives_the_rows_sqlite_gives(pg_server, tmp_path: Path) -> None:
    url = pg_server.fresh_database()
    dbs = [open_database(url), open_database(tmp_path / "fil.sqlite")]
    try:
        seen = []
        for db in dbs:
            unit_id = units.create_unit(db, "Ældreplejen")
            screening_id = screenings.create_screening(db, unit_id, on=date(2026, 9, 7))
            screenings.update_preparation(db, screening_id, next_follow_up=date(2027, 3, 1))
            overview = list_units(db)
            seen.append((
                [(u.name, [(s.date, s.forum, s.action_count) for s in u.screenings])
                 for u in overview],
                [(i.kind, i.day, i.unit_name) for i in due_overview(db)],
            ))
        assert seen[0] == seen[1]
        assert seen[0][1] == [(KIND_MEETING, date(2027, 3, 1), "Ældreplejen")]
    finally:
        for db in dbs:
            db.close()
        pg_server.drop(url)


def test_a_server_that_is_not_there_is_said_in_danish() -> None:
    with pytest.raises(StorageError) as caught:
        open_database(REFUSED)
    assert str(caught.value) == SERVER_UNREACHABLE_MESSAGE

    result = _cli("list", "--db", REFUSED)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Fejl: {SERVER_UNREACHABLE_MESSAGE}"


def test_a_database_missing_on_the_server_is_said_in_danish(pg_server) -> None:
    with pytest.raises(StorageError, match="findes ikke på serveren") as caught:
        open_database(pg_server.url("ingen_saadan"))
    assert str(caught.value) == SERVER_MISSING_DATABASE_MESSAGE


def test_a_connection_cut_mid_write_stores_nothing_and_says_so(pg_server) -> None:
    url = pg_server.fresh_database()
    db = open_database(url)
    name = parse_server(url)[0].database
    try:
        with pytest.raises(StorageError) as caught, db.session() as session:
            session.add(Unit(name="Halvt gemt"))
            session.flush()
            pg_server.admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            )
            session.add(Unit(name="Aldrig gemt"))
        assert str(caught.value) == SERVER_LOST_MESSAGE
        assert [u.name for u in list_units(db)] == []  # a new connection: nothing was stored
    finally:
        db.close()
        pg_server.drop(url)


def test_a_server_database_from_a_newer_version_is_left_alone(pg_server) -> None:
    url = pg_server.fresh_database()
    pg_server.admin_in(url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(NewerDatabaseError, match="nyere version"):
        open_database(url)
    pg_server.drop(url)


def test_backups_of_the_server_are_left_to_pg_dump(db_on_server) -> None:
    with pytest.raises(ValidationError, match="pg_dump") as caught:
        create_backup(db_on_server)
    assert str(caught.value) == SERVER_BACKUP_MESSAGE


def test_every_command_takes_the_server_address(db_on_server) -> None:
    units.create_unit(db_on_server, "Tandplejen")
    url = db_on_server.location

    listed = _cli("list", "--db", url)
    backup = _cli("backup", "--db", url)
    with_password = _cli("list", "--db", url.replace("postgres@", "postgres:hemmelig@"))

    assert listed.returncode == 0, listed.stderr
    assert "Tandplejen" in listed.stdout
    assert backup.returncode == 2 and "pg_dump" in backup.stderr
    assert with_password.returncode == 2 and "PGPASSWORD" in with_password.stderr
    assert "hemmelig" not in with_password.stderr


def test_the_address_kept_for_later_has_no_password() -> None:
    typed = "postgresql+psycopg://hr:hemmelig@db.kommune.dk:5433/fravaer"
    assert without_password(typed) == "postgresql+psycopg://hr@db.kommune.dk:5433/fravaer"
    where, password = parse_server(typed)
    assert (where.host, where.port, where.database, where.user, password) == (
        "db.kommune.dk", 5433, "fravaer", "hr", "hemmelig")


@pytest.fixture
def db_on_server(pg_server):
    url = pg_server.fresh_database()
    db = open_database(url)
    yield db
    db.close()
    pg_server.drop(url)
