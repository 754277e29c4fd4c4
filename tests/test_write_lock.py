"""One writer per file, whoever it is: the window and every writing command share one lock,
keyed on the file itself, so a hard link or a second path is the same file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from norddjurs_desktop.services.bootstrap import open_app_database, open_for_command
from norddjurs_desktop.services.demo import create_demo
from norddjurs_desktop.storage.errors import DatabaseInUseError, StorageError
from norddjurs_desktop.storage.write_lock import WriteLock
from norddjurs_desktop.ui.app import acquire_lock

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "norddjurs_desktop", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    db = open_app_database(db_path)
    try:
        create_demo(db)
    finally:
        db.close()
    return db_path


def test_a_hard_link_and_a_symlink_are_the_same_file_to_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "a" / "fremmoede.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"")
    (tmp_path / "b").mkdir()
    hard = tmp_path / "b" / "samme.sqlite"
    os.link(path, hard)
    soft = tmp_path / "b" / "genvej.sqlite"
    soft.symlink_to(path)
    held = WriteLock.try_acquire(path, "Fremmødepaletten-vinduet")
    assert held is not None
    try:
        assert WriteLock.try_acquire(hard, "en kommando") is None
        assert WriteLock.try_acquire(soft, "en kommando") is None
        assert WriteLock.try_acquire(tmp_path / "a" / ".." / "a" / "fremmoede.sqlite", "x") is None
    finally:
        held.release()
    again = WriteLock.try_acquire(hard, "en kommando")
    assert again is not None
    again.release()


def test_writing_commands_are_refused_while_the_window_has_the_file(
    demo_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "kopi.sqlite"
    assert run_cli("backup", "--db", str(demo_db), "--out", str(copy)).returncode == 0
    lock = acquire_lock(demo_db)
    assert lock is not None
    try:
        before = demo_db.read_bytes()
        demo = run_cli("demo", "--db", str(demo_db))
        imported = run_cli(
            "import-absence", "--db", str(demo_db), "--unit", "Ny enhed",
            "--staff", str(DEMO / "medarbejdere.csv"), "--absence", str(DEMO / "fravaer.csv"),
        )
        restore = run_cli("restore", "--db", str(demo_db), "--from", str(copy))
        after = demo_db.read_bytes()
    finally:
        lock.release()
    for result in (demo, imported, restore):
        assert result.returncode == 2, result.stdout
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "bruges allerede af Fremmødepaletten-vinduet" in result.stderr
    assert after == before
    # Once the window is gone, the same import goes through.
    assert run_cli(
        "import-absence", "--db", str(demo_db), "--unit", "Ny enhed",
        "--staff", str(DEMO / "medarbejdere.csv"), "--absence", str(DEMO / "fravaer.csv"),
    ).returncode == 0


def test_reading_commands_work_while_the_window_has_the_file(
    demo_db: Path, tmp_path: Path
) -> None:
    lock = acquire_lock(demo_db)
    assert lock is not None
    try:
        listed = run_cli("list", "--db", str(demo_db))
        plan = run_cli(
            "export-plan", "--db", str(demo_db), "--screening", "latest",
            "--out", str(tmp_path / "plan.pdf"),
        )
        decks = run_cli("decks", "--db", str(demo_db))
        board = run_cli("board", "--db", str(demo_db), "--out", str(tmp_path / "plade.pdf"))
        copy = run_cli("backup", "--db", str(demo_db), "--out", str(tmp_path / "kopi.sqlite"))
    finally:
        lock.release()
    for result in (listed, plan, decks, board, copy):
        assert result.returncode == 0, result.stderr
    assert "Enhed 1" in listed.stdout
    assert (tmp_path / "plan.pdf").stat().st_size > 0
    assert (tmp_path / "kopi.sqlite").stat().st_size > 0


def test_a_writing_service_refuses_on_a_file_opened_while_another_writes(demo_db: Path) -> None:
    from norddjurs_desktop.services import units

    lock = acquire_lock(demo_db)
    assert lock is not None
    try:
        db = open_for_command(demo_db, "kommandoen 'test'")
        try:
            assert db.read_only
            with pytest.raises(StorageError) as caught:
                units.create_unit(db, "Skrives ikke")
            assert "bruges allerede af Fremmødepaletten-vinduet" in str(caught.value)
        finally:
            db.close()
        with pytest.raises(DatabaseInUseError):
            open_for_command(demo_db, "kommandoen 'test'", write=True)
    finally:
        lock.release()


def test_a_killed_writer_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "fremmoede.sqlite"
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from norddjurs_desktop.storage.write_lock import WriteLock\n"
        f"lock = WriteLock.acquire(Path({str(path)!r}), 'kommandoen demo')\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseInUseError, match="kommandoen demo"):
            WriteLock.acquire(path, "Fremmødepaletten-vinduet")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    lock = WriteLock.acquire(path, "Fremmødepaletten-vinduet")
    lock.release()
