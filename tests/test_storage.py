"""The database file: created at head, old files upgraded after a backup, newer ones refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from norddjurs_desktop.storage.database import (
    head_revision,
    open_database,
    stored_revision,
    upgrade_to,
)
from norddjurs_desktop.storage.errors import NewerDatabaseError, NotADatabaseError

FIRST_REVISION = "0001"


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_an_empty_file_is_migrated_to_head_with_a_rollback_journal_and_foreign_keys(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.sqlite"
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            # The rollback journal keeps the .sqlite alone whole after every commit.
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()
    assert stored_revision(path) == head_revision()
    assert {"unit", "screening", "participant", "theme_assessment", "action", "deck", "card"} <= (
        _tables(path)
    )
    assert db.backup is None


def test_a_database_from_the_first_migration_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    upgrade_to(path, FIRST_REVISION)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO unit (name, created_at) VALUES ('Plejecenter Åbo', '2024-01-01')")
        conn.commit()
    db = open_database(path)
    db.close()
    assert stored_revision(path) == head_revision()
    if head_revision() != FIRST_REVISION:
        assert db.backup is not None and db.backup.exists()
        assert stored_revision(db.backup) == FIRST_REVISION
        with closing(sqlite3.connect(db.backup)) as conn:
            names = [r[0] for r in conn.execute("SELECT name FROM unit")]
        assert names == ["Plejecenter Åbo"]
    with closing(sqlite3.connect(path)) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM unit")] == ["Plejecenter Åbo"]


def test_upgrading_to_stable_ids_keeps_every_screening_and_its_children(tmp_path: Path) -> None:
    """Rebuilding the unit table must not cascade into its screenings (foreign keys)."""
    path = tmp_path / "before-ids.sqlite"
    upgrade_to(path, "0004")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("INSERT INTO unit (name, created_at) VALUES ('Plejecenter Åbo', '2024-01-01')")
        for day in ("2024-03-01", "2025-03-01"):
            conn.execute(
                "INSERT INTO screening (unit_id, date, forum, purpose, status, summary,"
                " anonymity, created_at, updated_at)"
                f" VALUES (1, '{day}', 'TRIO', '', 'i gang', '', 'navne', '{day}', '{day}')"
            )
        conn.execute(
            "INSERT INTO theme_assessment (screening_id, theme_key, resources, challenges)"
            " VALUES (2, 'ledelse', 'Fælles noter', '')"
        )
        conn.commit()
    open_database(path).close()
    with closing(sqlite3.connect(path)) as conn:
        screenings = conn.execute("SELECT id, uid, version FROM screening ORDER BY id").fetchall()
        notes = conn.execute("SELECT resources FROM theme_assessment").fetchall()
        units = conn.execute("SELECT uid, area FROM unit").fetchall()
    assert [row[0] for row in screenings] == [1, 2]
    assert len({row[1] for row in screenings}) == 2 and all(len(row[1]) == 32 for row in screenings)
    assert [row[2] for row in screenings] == [1, 1]
    assert notes == [("Fælles noter",)]
    assert len(units) == 1 and units[0][1] == ""


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
        conn.commit()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="nyere version"):
        open_database(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("future-sikkerhedskopier/*"))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("dette er ikke en database" * 100)
    with pytest.raises(NotADatabaseError):
        open_database(path)


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    from norddjurs_desktop.storage.models import Unit

    db = open_database(tmp_path / "t.sqlite")
    try:
        with pytest.raises(RuntimeError), db.session() as session:
            session.add(Unit(name="Halvfærdig"))
            session.flush()
            raise RuntimeError("midt i det hele")
        with db.session() as session:
            assert session.get(Unit, 1) is None
    finally:
        db.close()


def test_the_head_constant_matches_the_migrations() -> None:
    """Opening an up-to-date file skips Alembic; that is only safe while this holds."""
    from norddjurs_desktop.storage.schema import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_the_migrations_build_exactly_the_tables_the_code_declares(tmp_path: Path) -> None:
    """A model changed without a migration (or the reverse) fails here, not on a user's file."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from norddjurs_desktop.storage import absence_models, round_models  # noqa: F401

    db = open_database(tmp_path / "compare.sqlite")
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    finally:
        db.close()
    assert diff == []


def test_a_session_inside_another_joins_it_and_commits_once(tmp_path: Path) -> None:
    """Several services in one unit of work: all stored together, or nothing."""
    from norddjurs_desktop.services.overview import list_units
    from norddjurs_desktop.services.units import create_unit

    db = open_database(tmp_path / "nested.sqlite")
    try:
        with pytest.raises(RuntimeError), db.session():
            create_unit(db, "Plejecenter Åbo")
            create_unit(db, "Hjemmeplejen Syd")
            raise RuntimeError("the use case fails after both")
        assert list_units(db) == []
        with db.session() as outer:
            create_unit(db, "Plejecenter Åbo")
            with db.session() as inner:
                assert inner is outer
        assert [unit.name for unit in list_units(db)] == ["Plejecenter Åbo"]
    finally:
        db.close()
