"""Backup copies of the database file, made with SQLite's backup API.

They live in a folder beside the database (``<name>-sikkerhedskopier``), named
``<name>-<yyyy-mm-dd_HHMMSS>-<reason>.sqlite`` so that the folder sorts by
time and the reason can be read without opening the file. The backup API
copies a consistent snapshot even while another connection writes; each copy
is written to a temporary name first and renamed when complete, so a crash
never leaves half a backup that looks whole.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from norddjurs_desktop.domain.retention import backups_to_keep

if TYPE_CHECKING:
    from norddjurs_desktop.storage.database import Database

log = logging.getLogger(__name__)

FOLDER_SUFFIX = "-sikkerhedskopier"
MANUAL = "manuel"  # kept until the user deletes it; every other reason is pruned
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2}_\d{6})(?:-(\d+))?-([a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created: datetime
    reason: str


def backup_folder(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}{FOLDER_SUFFIX}")


def parse_backup(path: Path, db_stem: str) -> BackupFile | None:
    """The time and reason in a backup's name; None for any other file."""
    if not path.name.startswith(f"{db_stem}-"):
        return None
    match = _NAME.search(path.name[len(db_stem) :])
    if match is None:
        return None
    created = datetime.strptime(match.group(1), _STAMP)
    return BackupFile(path, created, match.group(3))


def backups_in_folder(db_path: Path) -> list[BackupFile]:
    """Every backup of this database in its folder, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [parse_backup(p, db_path.stem) for p in folder.glob("*.sqlite")]
    return sorted((b for b in found if b is not None), key=lambda b: b.path.name, reverse=True)


def copy_database(source: Path | str, target: Path, *, source_uri: bool = False) -> None:
    """A consistent copy of ``source`` at ``target`` (written beside it, then renamed)."""
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(source, uri=source_uri, timeout=5)) as src,
            closing(sqlite3.connect(temporary)) as dest,
        ):
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # the copy is whole on its own too
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_backup(db_path: Path, reason: str, when: datetime | None = None) -> Path:
    """A new backup in the folder beside the database; returns its path."""
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (when or datetime.now()).strftime(_STAMP)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    number = 2
    while target.exists():
        target = folder / f"{db_path.stem}-{stamp}-{number}-{reason}.sqlite"
        number += 1
    copy_database(db_path, target)
    return target


def prune(db_path: Path) -> list[Path]:
    """Delete the automatic backups the retention rule does not keep; returns them."""
    automatic = [b for b in backups_in_folder(db_path) if b.reason != MANUAL]
    keep = backups_to_keep(b.created for b in automatic)
    removed = []
    for backup in automatic:
        if backup.created not in keep:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError as error:
                log.warning("Could not remove old backup %s: %s", backup.path, error)
    return removed


def automatic_backup(db: Database, reason: str) -> Path:
    """A backup now (before an import, on closing, once a day), then the old ones pruned."""
    generation = db.generation
    path = write_backup(db.path, reason)
    db.backed_up_generation = generation
    prune(db.path)
    return path


def counts(path: Path) -> tuple[int | None, int | None]:
    """Units and screenings in a backup (None where the file cannot tell)."""
    from norddjurs_desktop.storage.database import read_only_uri

    result: list[int | None] = []
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            for table in ("unit", "screening"):
                try:
                    result.append(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                except sqlite3.Error:
                    result.append(None)
    except sqlite3.Error:
        return None, None
    return result[0], result[1]


def restore_into(db_path: Path, backup: Path) -> None:
    """Copy the backup's pages into the database file in one transaction.

    Written into the existing file (not renamed over it), so the file keeps its
    identity — the write lock, which is keyed on it, stays valid.
    """
    from norddjurs_desktop.storage.database import read_only_uri

    with (
        closing(sqlite3.connect(read_only_uri(backup), uri=True)) as src,
        closing(sqlite3.connect(db_path, timeout=5)) as dest,
    ):
        dest.execute("PRAGMA secure_delete=ON")
        src.backup(dest)
        if dest.execute("PRAGMA journal_mode").fetchone()[0] != "delete":
            dest.execute("PRAGMA journal_mode=DELETE")
