"""Faults in words: a locked file, a full disk, a read-only file or folder, a damaged file
and a failed migration each give one short Danish message, and nothing is half-written."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import pytest

from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.errors import StorageError
from norddjurs_desktop.services.overview import list_units
from norddjurs_desktop.storage.database import open_database, stored_revision, upgrade_to
from norddjurs_desktop.storage.errors import (
    BUSY_MESSAGE,
    DISK_FULL_MESSAGE,
    READ_ONLY_MESSAGE,
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    MigrationFailedError,
    ReadOnlyError,
)

ROOT = Path(__file__).resolve().parents[1]


def _with_screening(path: Path) -> int:
    db = open_app_database(path)
    try:
        unit_id = units.create_unit(db, "Hjemmeplejen Nord")
        return screenings.create_screening(db, unit_id, on=date(2025, 3, 4))
    finally:
        db.close()


def _challenges(path: Path, screening_id: int) -> str:
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute(
            "SELECT challenges FROM theme_assessment WHERE screening_id=? AND theme_key='handling'",
            (screening_id,),
        ).fetchone()
    return row[0] if row else ""


def run_cli(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "norddjurs_desktop", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )


def test_a_write_waits_for_a_locked_file_then_says_so_in_danish(db_path: Path) -> None:
    screening_id = _with_screening(db_path)
    db = open_database(db_path, busy_timeout_ms=300)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program is in the middle of a write
        with pytest.raises(DatabaseBusyError) as caught:
            screenings.set_notes(db, screening_id, "handling", challenges="Vagtplanen")
        assert str(caught.value) == BUSY_MESSAGE
        other.execute("ROLLBACK")
        # The cause is gone: the same edit now goes through.
        screenings.set_notes(db, screening_id, "handling", challenges="Vagtplanen")
    finally:
        other.close()
        db.close()
    assert _challenges(db_path, screening_id) == "Vagtplanen"


def test_two_writers_at_once_wait_for_each_other_instead_of_failing(db_path: Path) -> None:
    """BEGIN IMMEDIATE: a writer that finds the file busy waits (busy_timeout) and succeeds."""
    screening_id = _with_screening(db_path)
    code = (
        "import sys, time, sqlite3\n"
        f"c = sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(1.0)\n"
        "c.execute('ROLLBACK')\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        db = open_database(db_path)  # the normal 5 s timeout outlasts the other's 1 s
        try:
            screenings.set_notes(db, screening_id, "handling", challenges="Ventede pænt")
        finally:
            db.close()
    finally:
        holder.wait(timeout=30)
    assert _challenges(db_path, screening_id) == "Ventede pænt"


def test_a_full_disk_refuses_the_edit_and_keeps_the_file_whole(db_path: Path) -> None:
    from sqlalchemy import event

    screening_id = _with_screening(db_path)
    db = open_database(db_path)
    with db.reader() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    # The file may not grow by a single page: as good as a full disk.
    event.listen(db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages}"))
    try:
        with pytest.raises(DiskFullError) as caught:
            screenings.set_notes(db, screening_id, "handling", challenges="x" * 200_000)
        assert str(caught.value) == DISK_FULL_MESSAGE
    finally:
        db.close()
    assert _challenges(db_path, screening_id) == ""
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_cli_says_disk_full_in_one_line(db_path: Path, capsys) -> None:
    """The same translation reaches the command line: one Danish line, exit 2."""
    from sqlalchemy import event

    from norddjurs_desktop.cli import main
    from norddjurs_desktop.storage import database as storage_database

    _with_screening(db_path)
    original = storage_database._configure_connection

    def limited(engine, database):  # type: ignore[no-untyped-def]
        original(engine, database)
        event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA max_page_count=1"))

    storage_database._configure_connection = limited  # type: ignore[assignment]
    try:
        code = main(["demo", "--db", str(db_path)])
    finally:
        storage_database._configure_connection = original
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"Fejl: {DISK_FULL_MESSAGE}"


@contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """A file the user may not write. As root chmod does not stop writes; chattr +i does."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield
        path.chmod(0o644)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_file_opens_read_only_and_refuses_edits_in_danish(db_path: Path) -> None:
    screening_id = _with_screening(db_path)
    with _immutable(db_path):
        db = open_app_database(db_path)
        try:
            assert db.read_only
            assert [u.name for u in list_units(db)] == ["Hjemmeplejen Nord"]
            assert screenings.get_screening(db, screening_id).forum == "TRIO"
            with pytest.raises(ReadOnlyError) as caught:
                screenings.set_notes(db, screening_id, "handling", challenges="Kan ikke gemmes")
            assert str(caught.value) == READ_ONLY_MESSAGE
        finally:
            db.close()
        listed = run_cli("list", "--db", str(db_path))
        refused = run_cli("demo", "--db", str(db_path))
    assert listed.returncode == 0 and "Hjemmeplejen Nord" in listed.stdout
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"Fejl: {READ_ONLY_MESSAGE}"


def _read_only_mount_works() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount --bind -o ro /tmp /tmp"], capture_output=True
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _read_only_mount_works(), reason="needs root and mount namespaces")
def test_a_read_only_folder_opens_read_only_for_list_and_stats(tmp_path: Path) -> None:
    """The folder is bind-mounted read-only in a private mount namespace (EROFS, even as root)."""
    folder = tmp_path / "drev"
    folder.mkdir()
    path = folder / "fremmoede.sqlite"
    _with_screening(path)
    before = path.read_bytes()
    ro = ("unshare", "-m", "sh", "-c", f"mount --bind -o ro {folder} {folder} && exec \"$@\"", "-")
    listed = run_cli("list", "--db", str(path), prefix=ro)
    refused = run_cli("demo", "--db", str(path), prefix=ro)
    assert listed.returncode == 0, listed.stderr
    assert "Hjemmeplejen Nord" in listed.stdout
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"Fejl: {READ_ONLY_MESSAGE}"
    assert path.read_bytes() == before


def _damage_an_index_page(path: Path) -> None:
    """Overwrite the b-tree header of the page that holds an index with crafted bytes."""
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='index' AND rootpage > 1 "
            "ORDER BY rootpage LIMIT 1"
        ).fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes([0x0A, 0xFF, 0xFF, 0x7F, 0xFF, 0x00, 0x00, 0xFF]) * 8)


def test_a_damaged_file_is_refused_on_opening_and_never_written(db_path: Path) -> None:
    _with_screening(db_path)
    _damage_an_index_page(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError, match="beskadiget"):
        open_app_database(db_path)
    result = run_cli("demo", "--db", str(db_path))
    assert result.returncode == 2
    assert "beskadiget" in result.stderr and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


def test_a_failed_migration_is_one_danish_line_with_details_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "gammel.sqlite"
    upgrade_to(path, "0001")
    with closing(sqlite3.connect(path)) as conn:
        # A table in the way of the next migration: it will fail with a long SQL error.
        conn.execute("CREATE TABLE vote (id INTEGER PRIMARY KEY, noget TEXT)")
        conn.commit()
    with caplog.at_level(logging.ERROR), pytest.raises(MigrationFailedError) as caught:
        open_database(path)
    message = str(caught.value)
    assert "\n" not in message and "CREATE TABLE" not in message
    assert "kunne ikke opdateres" in message and "uændret" in message
    assert any("CREATE TABLE" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    assert stored_revision(path) == "0001"


def test_a_wal_file_is_converted_and_then_whole_on_its_own(db_path: Path, tmp_path: Path) -> None:
    screening_id = _with_screening(db_path)
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    db = open_database(db_path)
    try:
        screenings.set_notes(db, screening_id, "handling", challenges="Efter skiftet")
        copy = tmp_path / "kopi.sqlite"
        shutil.copyfile(db_path, copy)  # the .sqlite alone, while the app is open
    finally:
        db.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert _challenges(copy, screening_id) == "Efter skiftet"
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_every_storage_fault_is_a_storage_error() -> None:
    """Front ends catch one type (services.errors re-exports it)."""
    for kind in (DatabaseBusyError, DiskFullError, ReadOnlyError, DamagedDatabaseError,
                 MigrationFailedError):
        assert issubclass(kind, StorageError)


def test_a_file_cut_off_in_the_middle_of_a_write_opens_and_is_rolled_back(db_path: Path) -> None:
    """kill -9 inside a transaction leaves a hot journal; the next opening rolls it back."""
    screening_id = _with_screening(db_path)
    code = (
        "import os, signal, sqlite3\n"
        f"c = sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1')\n"  # make SQLite write into the file before COMMIT
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE theme_assessment SET challenges = 'halvt skrevet'\")\n"
        "for i in range(3000): c.execute('INSERT INTO unit (name, uid, created_at) "
        "VALUES (?, ?, ?)', (f'enhed {i}' * 20, f'uid{i}', '2025-01-01'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert db_path.with_name(db_path.name + "-journal").stat().st_size > 0
    db = open_app_database(db_path)
    try:
        assert [u.name for u in list_units(db)] == ["Hjemmeplejen Nord"]
        screenings.set_notes(db, screening_id, "handling", challenges="Efter nedbruddet")
    finally:
        db.close()
    assert _challenges(db_path, screening_id) == "Efter nedbruddet"
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

