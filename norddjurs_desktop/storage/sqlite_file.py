"""Looking at a SQLite file without writing to it: its revision, its health, its journal mode.

These run before the file is opened for work (see :func:`database.open_database`)
and on backups (``services.backups``), always through a read-only connection.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from norddjurs_desktop.storage.errors import (
    DAMAGED_MESSAGE,
    DamagedDatabaseError,
    NotADatabaseError,
)

log = logging.getLogger("norddjurs_desktop.storage.database")


def read_only_uri(path: Path) -> str:
    """A URI that opens the file for reading only (works for any characters in the name)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError(
                        f"{path.name} er ikke en database fra Fremmødepaletten."
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error):
            raise DamagedDatabaseError(DAMAGED_MESSAGE) from error
        raise NotADatabaseError(f"{path.name} er ikke en database-fil ({error}).") from error
    return row[0] if row else None


def check_file(path: Path) -> None:
    """``PRAGMA quick_check``: a damaged file raises :class:`DamagedDatabaseError`."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        log.error("quick_check of %s failed: %s", path, error)
        raise DamagedDatabaseError(DAMAGED_MESSAGE) from error
    if problems != ["ok"]:
        log.error("quick_check of %s: %s", path, "; ".join(problems))
        raise DamagedDatabaseError(DAMAGED_MESSAGE)


def is_writable(path: Path) -> bool:
    """Can the file (and the journal beside it) be written? Checked before opening."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def uses_wal(path: Path) -> bool:
    """WAL mode is written in the header (bytes 18 and 19 are 2); no connection needed."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2
