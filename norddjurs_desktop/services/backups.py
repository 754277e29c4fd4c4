"""Backups without thinking: made on their own, listed with what they hold, restored safely.

Automatic copies are made before an absence or deck import
(:meth:`Database.backup_before`, called by those services), before a
migration (in storage), when the app closes after changes
(:func:`backup_after_changes`) and at most once a day while it is in use
(:func:`backup_if_due`). Retention keeps 7 daily, 4 weekly and 6 monthly
copies (:mod:`norddjurs_desktop.domain.retention`). Restoring first backs up
the current file, so a restore can itself be undone.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from norddjurs_desktop.services.errors import StorageError, ValidationError
from norddjurs_desktop.storage import backup_files
from norddjurs_desktop.storage.database import (
    Database,
    NewerDatabaseError,
    check_file,
    known_revisions,
    stored_revision,
)
from norddjurs_desktop.storage.errors import DamagedDatabaseError, NotADatabaseError
from norddjurs_desktop.storage.faults import translate
from norddjurs_desktop.storage.schema import HEAD_REVISION
from norddjurs_desktop.storage.write_lock import WriteLock

log = logging.getLogger(__name__)

REASON_LABELS = {
    "manuel": "gemt af brugeren",
    "dagligt": "daglig kopi",
    "ved-lukning": "ved lukning",
    "foer-fravaersimport": "før fraværsimport",
    "foer-kortsaetimport": "før import af kortsæt",
    "foer-gendannelse": "før gendannelse",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the list shows it."""

    path: Path
    created: datetime
    reason: str
    size_bytes: int
    units: int | None
    screenings: int | None

    @property
    def reason_label(self) -> str:
        if self.reason.startswith("foer-opdatering"):
            return "før opdatering af programmet"
        return REASON_LABELS.get(self.reason, self.reason)


SERVER_BACKUP_MESSAGE = (
    "Den fælles database på serveren sikkerhedskopieres af IT med pg_dump – "
    "programmet laver ingen kopier af den."
)


def _refuse_on_server(db: Database) -> None:
    if db.is_server:
        raise ValidationError(SERVER_BACKUP_MESSAGE)


def _write(action: str, make: object) -> Path:
    assert callable(make)
    try:
        result = make()
    except (OSError, sqlite3.Error) as error:
        fault = translate(error)
        raise type(fault)(f"Sikkerhedskopien kunne ikke {action}: {fault}") from error
    assert isinstance(result, Path)
    return result


def create_backup(db: Database, reason: str = backup_files.MANUAL) -> Path:
    """A backup in the folder beside the database; automatic ones prune the old copies."""
    _refuse_on_server(db)
    if reason == backup_files.MANUAL:
        return _write("gemmes", lambda: backup_files.write_backup(db.path, reason))
    return _write("gemmes", lambda: backup_files.automatic_backup(db, reason))


def backup_to(db: Database, target: Path) -> Path:
    """A backup at a place the user chose (``backup --out``)."""
    _refuse_on_server(db)
    target = Path(target).expanduser().resolve()
    if target == db.path:
        raise ValidationError("Sikkerhedskopien kan ikke skrives oven i selve databasen.")
    if target.is_dir():
        raise ValidationError(f"{target} er en mappe; angiv et filnavn.")

    def copy() -> Path:
        backup_files.copy_database(db.path, target)
        return target

    return _write("gemmes", copy)


def backup_if_due(db: Database, now: datetime | None = None) -> Path | None:
    """The day's backup while the app is in use: only after changes, at most once a day."""
    if db.is_server or db.read_only or db.generation == db.backed_up_generation:
        return None
    today = (now or datetime.now()).date()
    newest = backup_files.backups_in_folder(db.path)
    if any(b.created.date() == today for b in newest):
        return None
    return create_backup(db, "dagligt")


def backup_after_changes(db: Database) -> Path | None:
    """On closing: a copy if anything was written since the last one. Never raises."""
    if db.is_server or db.read_only or db.generation == db.backed_up_generation:
        return None
    try:
        return create_backup(db, "ved-lukning")
    except StorageError as error:
        log.warning("No backup on closing: %s", error)
        return None


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups beside the database, newest first, with their size and contents."""
    result = []
    for backup in backup_files.backups_in_folder(Path(db_path).expanduser().resolve()):
        try:
            size = backup.path.stat().st_size
        except OSError:
            continue
        units, screenings = backup_files.counts(backup.path)
        result.append(
            BackupInfo(backup.path, backup.created, backup.reason, size, units, screenings)
        )
    return result


def newest_backup(db_path: Path) -> BackupInfo | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def _check_backup(backup: Path) -> None:
    if not backup.is_file():
        raise ValidationError(f"Sikkerhedskopien {backup} findes ikke.")
    try:
        revision = stored_revision(backup)
        check_file(backup)
    except DamagedDatabaseError as error:
        raise DamagedDatabaseError(f"Sikkerhedskopien {backup.name} er beskadiget.") from error
    except NotADatabaseError as error:
        raise ValidationError(f"{backup.name} er ikke en sikkerhedskopi af en database.") from error
    if revision is None:
        raise ValidationError(f"{backup.name} er ikke en sikkerhedskopi af en database.")
    if revision != HEAD_REVISION and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{backup.name} er lavet af en nyere version af Fremmødepaletten."
        )


def restore_backup(
    db_path: Path, backup: Path, *, lock: WriteLock | None = None, holder: str = "gendannelsen"
) -> Path | None:
    """Put a backup's contents into the database file; the current file is backed up first.

    The database must be closed by the caller. The write lock is taken here
    unless the caller already holds it (``lock``, the app's window); another
    writer makes this refuse with a Danish message. Returns the backup of the
    file as it was (None when there was no file to keep).
    """
    db_path = Path(db_path).expanduser().resolve()
    backup = Path(backup).expanduser().resolve()
    if backup == db_path:
        raise ValidationError("Databasen kan ikke gendannes fra sig selv.")
    _check_backup(backup)
    own_lock = None if lock is not None and lock.held else WriteLock.acquire(db_path, holder)
    try:
        safety = None
        if db_path.is_file() and db_path.stat().st_size > 0:
            try:
                check_file(db_path)
                safety = _write(
                    "gemmes", lambda: backup_files.write_backup(db_path, "foer-gendannelse")
                )
            except DamagedDatabaseError:
                # A damaged file cannot be read by the backup API; keep its bytes as they are.
                safety = _write("gemmes", lambda: _keep_damaged(db_path))
        _write("gendannes", lambda: _restore(db_path, backup))
        return safety
    finally:
        if own_lock is not None:
            own_lock.release()


def _keep_damaged(db_path: Path) -> Path:
    folder = backup_files.backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{datetime.now():%Y-%m-%d_%H%M%S}-beskadiget.bin"
    target.write_bytes(db_path.read_bytes())
    return target


def _restore(db_path: Path, backup: Path) -> Path:
    try:
        backup_files.restore_into(db_path, backup)
    except sqlite3.DatabaseError:
        # The damaged file cannot take part in the backup API: replace its bytes.
        for leftover in (db_path.with_name(db_path.name + s) for s in ("-journal", "-wal", "-shm")):
            leftover.unlink(missing_ok=True)
        backup_files.copy_database(backup, db_path.with_name(db_path.name + ".gendannet"))
        data = db_path.with_name(db_path.name + ".gendannet").read_bytes()
        with open(db_path, "r+b") as handle:  # same file, same identity (the lock's key)
            handle.truncate(0)
            handle.write(data)
            handle.flush()
        db_path.with_name(db_path.name + ".gendannet").unlink()
    return db_path
