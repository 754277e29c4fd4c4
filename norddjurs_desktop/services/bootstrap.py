"""Opening the app's database the same way for the GUI, the CLI and the tests.

Two steps, so the GUI can show the home view between them: opening the file
(check, create, upgrade, or nothing but a version check) needs no SQLAlchemy
when the file is up to date; bringing the shipped decks in does.

One writer per file: the GUI takes the write lock before it opens the file
(:func:`take_write_lock`), and so does every command that may write
(:func:`open_for_command`). A command that finds the lock taken may still
read — the file is then opened read-only and any write is refused.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from norddjurs_desktop import APP_NAME, APP_ORG
from norddjurs_desktop.paths import DECKS
from norddjurs_desktop.storage.database import Database, open_database
from norddjurs_desktop.storage.errors import DatabaseInUseError
from norddjurs_desktop.storage.location import ServerLocation
from norddjurs_desktop.storage.schema import HEAD_REVISION
from norddjurs_desktop.storage.write_lock import WriteLock, current_holder, in_use_message

__all__ = [
    "Database",
    "WriteLock",
    "bring_in_shipped_decks",
    "current_holder",
    "log_to_file",
    "open_app_database",
    "open_file",
    "open_for_command",
    "take_write_lock",
    "user_data_folder",
]

LOG_NAME = "fremmoedepaletten.log"


def open_file(path: Path | str | ServerLocation, password: str | None = None) -> Database:
    """Open (check, create, upgrade) the file or the server's database; the decks come
    in with :func:`bring_in_shipped_decks`."""
    return open_database(path, password=password)


def bring_in_shipped_decks(db: Database, decks_folder: Path = DECKS) -> None:
    if db.read_only:
        return  # a read-only file shows the decks it has
    from norddjurs_desktop.services.decks.library import sync_shipped_decks

    sync_shipped_decks(db, decks_folder)
    db.backed_up_generation = db.generation  # the shipped decks alone are no reason for a copy


def open_app_database(
    path: Path | str | ServerLocation, decks_folder: Path = DECKS, *, password: str | None = None
) -> Database:
    """Both steps at once: the file opened and the shipped decks brought in."""
    db = open_file(path, password)
    try:
        bring_in_shipped_decks(db, decks_folder)
    except Exception:
        db.close()
        raise
    return db


def take_write_lock(path: Path, holder: str) -> WriteLock | None:
    """The file's single-writer lock, or None when another window or command has it."""
    return WriteLock.try_acquire(Path(path).expanduser().resolve(), holder)


def open_for_command(
    path: Path | ServerLocation,
    holder: str,
    *,
    write: bool | None = None,
    password: str | None = None,
) -> Database:
    """The database for one command, with the write lock when it can be had.

    ``write=True``: the command writes, so the lock is required (else
    :class:`DatabaseInUseError`). ``write=None``: the lock is taken if free; if
    another writer has it, the file is opened read-only (reading works, a
    write is refused with who has the file). The lock goes with ``db.close()``.
    A shared database on a server needs no lock: the server lets many write.
    """
    if isinstance(path, ServerLocation):
        log_to_file()
        return open_app_database(path, password=password)
    path = Path(path).expanduser().resolve()
    log_to_file()
    lock = take_write_lock(path, holder)
    if lock is None:
        message = in_use_message(current_holder(path))
        if write:
            raise DatabaseInUseError(message)
        db = open_database(path, read_only=True, refusal=message)
        if path.stat().st_size == 0 or _revision_behind(db):
            db.close()
            raise DatabaseInUseError(message)
        return db
    try:
        db = open_app_database(path)
    except BaseException:
        lock.release()
        raise
    db.write_lock = lock
    return db


def _revision_behind(db: Database) -> bool:
    rows = db.read("SELECT version_num FROM alembic_version")
    return not rows or rows[0][0] != HEAD_REVISION


def user_data_folder() -> Path:
    """Where the app keeps its own files (the log), as Qt's AppDataLocation has it."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_ORG / APP_NAME


def log_to_file(folder: Path | None = None) -> Path | None:
    """Send the app's log (full details of faults) to a file; the user sees one line."""
    from logging.handlers import RotatingFileHandler  # only when a front end starts

    folder = folder or user_data_folder()
    logger = logging.getLogger("norddjurs_desktop")
    target = folder / LOG_NAME
    if any(getattr(h, "baseFilename", None) == str(target) for h in logger.handlers):
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return target
