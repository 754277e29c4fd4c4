"""Backups without thinking: made before imports and on closing, pruned to 7 daily, 4 weekly
and 6 monthly, listed with what they hold, and restored with the current file kept first."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from norddjurs_desktop.domain.retention import backups_to_keep
from norddjurs_desktop.services import units
from norddjurs_desktop.services.backups import (
    backup_after_changes,
    backup_if_due,
    create_backup,
    list_backups,
    restore_backup,
)
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.demo import create_demo
from norddjurs_desktop.services.errors import DatabaseInUseError, ValidationError
from norddjurs_desktop.storage import backup_files
from norddjurs_desktop.storage.write_lock import WriteLock

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"


# -- the retention rule ---------------------------------------------------------------


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_and_6_months() -> None:
    start = datetime(2025, 1, 1, 16, 0)
    stamps = [start + timedelta(days=n) for n in range(365)]
    kept = backups_to_keep(stamps)
    newest = stamps[-1]
    assert {newest - timedelta(days=n) for n in range(7)} <= kept  # the last 7 days
    weeks = {s.isocalendar()[:2] for s in kept}
    months = {(s.year, s.month) for s in kept}
    assert len(months) == 6 and (2025, 12) in months and (2025, 7) in months
    assert len(weeks) >= 4
    assert len(kept) <= 7 + 4 + 6
    # Each month is represented by its newest copy, so a month's last day is the one kept.
    assert datetime(2025, 9, 30, 16, 0) in kept
    assert datetime(2025, 9, 29, 16, 0) not in kept


def test_every_copy_of_the_newest_day_is_kept_so_the_one_before_an_import_survives() -> None:
    day = datetime(2025, 3, 10)
    stamps = [day.replace(hour=9), day.replace(hour=11), day.replace(hour=15)]
    stamps += [day - timedelta(days=n, hours=-8) for n in range(1, 30)]
    kept = backups_to_keep(stamps)
    assert {day.replace(hour=9), day.replace(hour=11), day.replace(hour=15)} <= kept


def test_older_days_keep_only_their_newest_copy_and_nothing_is_kept_of_nothing() -> None:
    day = datetime(2025, 3, 3)
    stamps = [day.replace(hour=8), day.replace(hour=17), datetime(2025, 3, 10, 9)]
    kept = backups_to_keep(stamps)
    assert day.replace(hour=17) in kept and day.replace(hour=8) not in kept
    assert backups_to_keep([]) == set()


# -- making, listing, restoring -----------------------------------------------------


def _unit_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM unit ORDER BY name")]


def test_a_backup_is_listed_with_its_size_units_and_screenings(db, db_path: Path) -> None:
    create_demo(db)
    path = create_backup(db)
    assert path.parent == db_path.with_name(f"{db_path.stem}-sikkerhedskopier")
    (backup,) = [b for b in list_backups(db_path) if b.reason == "manuel"]
    assert backup.path == path
    assert backup.units == 1 and backup.screenings == 2  # the demo: a screening and its follow-up
    assert backup.size_bytes == path.stat().st_size > 0
    assert backup.created.date() == datetime.now().date()
    # The copy is a whole database on its own, not in WAL mode.
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_an_absence_import_and_a_deck_import_are_preceded_by_a_backup(db, db_path: Path) -> None:
    from norddjurs_desktop.services.absence import import_absence_files
    from norddjurs_desktop.services.decks.files import export_deck_toml, import_deck_toml

    unit_id = units.create_unit(db, "Børnehuset Lyngen")
    import_absence_files(db, unit_id, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    import_deck_toml(db, export_deck_toml(db, "palette"))
    reasons = [b.reason for b in list_backups(db_path)]
    assert reasons.count("foer-fravaersimport") == 1
    assert reasons.count("foer-kortsaetimport") == 1
    before_import = next(b for b in list_backups(db_path) if b.reason == "foer-fravaersimport")
    with closing(sqlite3.connect(before_import.path)) as conn:
        assert conn.execute("SELECT count(*) FROM absence_import").fetchone()[0] == 0


def test_closing_after_changes_makes_one_copy_and_at_most_one_a_day(db, db_path: Path) -> None:
    assert backup_after_changes(db) is None  # nothing written since opening
    units.create_unit(db, "Skolen")
    assert backup_if_due(db) is not None  # changes, and no copy today yet
    units.create_unit(db, "Skolen 2")
    assert backup_if_due(db) is None  # already one today
    closing_copy = backup_after_changes(db)
    assert closing_copy is not None and _unit_names(closing_copy) == ["Skolen", "Skolen 2"]
    assert backup_after_changes(db) is None  # nothing new since


def test_old_automatic_backups_are_pruned_and_manual_ones_kept(db, db_path: Path) -> None:
    units.create_unit(db, "Plejehjemmet")
    now = datetime.now()
    for days in range(1, 60):
        backup_files.write_backup(db_path, "dagligt", now - timedelta(days=days))
    backup_files.write_backup(db_path, "manuel", now - timedelta(days=400))
    create_backup(db, "dagligt")  # an automatic copy prunes
    backups = list_backups(db_path)
    assert len([b for b in backups if b.reason == "dagligt"]) <= 7 + 4 + 6
    assert any(b.reason == "manuel" for b in backups)


def test_restoring_brings_the_old_contents_back_and_keeps_the_current_file(
    db_path: Path,
) -> None:
    db = open_app_database(db_path)
    units.create_unit(db, "Før")
    old = create_backup(db)
    units.create_unit(db, "Efter")
    db.close()
    safety = restore_backup(db_path, old)
    assert _unit_names(db_path) == ["Før"]
    assert safety is not None and _unit_names(safety) == ["Efter", "Før"]
    db = open_app_database(db_path)  # the restored file opens and works
    try:
        units.create_unit(db, "Igen")
    finally:
        db.close()
    assert _unit_names(db_path) == ["Før", "Igen"]


def test_restoring_is_refused_while_another_writer_holds_the_file(db, db_path: Path) -> None:
    old = create_backup(db)
    db.close()
    lock = WriteLock.acquire(db_path, "Fremmødepaletten-vinduet")
    try:
        with pytest.raises(DatabaseInUseError, match="Fremmødepaletten-vinduet"):
            restore_backup(db_path, old)
    finally:
        lock.release()


def test_a_file_that_is_not_a_backup_is_refused(db_path: Path, tmp_path: Path) -> None:
    open_app_database(db_path).close()
    other = tmp_path / "noter.sqlite"
    other.write_text("ikke en database" * 200)
    with pytest.raises(ValidationError, match="ikke en sikkerhedskopi"):
        restore_backup(db_path, other)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "norddjurs_desktop", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )


def test_backup_and_restore_on_the_command_line(db, db_path: Path, tmp_path: Path) -> None:
    units.create_unit(db, "Kommandolinjen")
    db.close()
    out = tmp_path / "usb" / "kopi.sqlite"
    out.parent.mkdir()
    made = run_cli("backup", "--db", str(db_path), "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert _unit_names(out) == ["Kommandolinjen"]
    beside = run_cli("backup", "--db", str(db_path))
    assert beside.returncode == 0 and "sikkerhedskopier" in beside.stdout
    db = open_app_database(db_path)
    units.delete_unit(db, units.find_unit(db, "Kommandolinjen") or 0)
    db.close()
    restored = run_cli("restore", "--db", str(db_path), "--from", str(out))
    assert restored.returncode == 0, restored.stderr
    assert _unit_names(db_path) == ["Kommandolinjen"]
    missing = run_cli("restore", "--db", str(db_path), "--from", str(tmp_path / "findes-ikke"))
    assert missing.returncode == 2 and missing.stderr.startswith("Fejl: ")
    assert "Traceback" not in missing.stderr
