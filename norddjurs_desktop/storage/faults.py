"""What SQLite, PostgreSQL and the system raise, said in Danish: one translation for all writes.

:meth:`Database.session` and :meth:`Database.reader` pass every low-level
failure through :func:`translate`, so each service is covered without a
``try`` of its own and a front end sees one :class:`StorageError` with one
short line. Constraint violations (``IntegrityError``) are not faults of the
file and are left as they are.
"""

from __future__ import annotations

import errno
import logging
import sqlite3

from norddjurs_desktop.storage.errors import (
    BUSY_MESSAGE,
    DAMAGED_MESSAGE,
    DISK_FULL_MESSAGE,
    IO_MESSAGE,
    READ_ONLY_MESSAGE,
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    ReadOnlyError,
    StorageError,
    WriteFailedError,
)
from norddjurs_desktop.storage.server_faults import is_server_fault, translate_server

GENERIC_MESSAGE = "Databasen kunne ikke udføre ændringen – den er ikke gemt (detaljer i logfilen)."


log = logging.getLogger(__name__)

# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

_BY_CODE: dict[int, tuple[type[StorageError], str]] = {
    _BUSY: (DatabaseBusyError, BUSY_MESSAGE),
    _LOCKED: (DatabaseBusyError, BUSY_MESSAGE),
    _READONLY: (ReadOnlyError, READ_ONLY_MESSAGE),
    _IOERR: (DiskIOError, IO_MESSAGE),
    _CANTOPEN: (DiskIOError, IO_MESSAGE),
    _CORRUPT: (DamagedDatabaseError, DAMAGED_MESSAGE),
    _NOTADB: (DamagedDatabaseError, DAMAGED_MESSAGE),
    _FULL: (DiskFullError, DISK_FULL_MESSAGE),
}

# Older SQLite builds or wrapped errors may carry no code: fall back on the text.
_BY_TEXT: tuple[tuple[str, int], ...] = (
    ("database is locked", _BUSY),
    ("database table is locked", _LOCKED),
    ("readonly database", _READONLY),
    ("read-only", _READONLY),
    ("disk i/o error", _IOERR),
    ("malformed", _CORRUPT),
    ("not a database", _NOTADB),
    ("database or disk is full", _FULL),
    ("unable to open database", _CANTOPEN),
)

_BY_ERRNO: dict[int, tuple[type[StorageError], str]] = {
    errno.ENOSPC: (DiskFullError, DISK_FULL_MESSAGE),
    errno.EROFS: (ReadOnlyError, READ_ONLY_MESSAGE),
    errno.EACCES: (ReadOnlyError, READ_ONLY_MESSAGE),
    errno.EPERM: (ReadOnlyError, READ_ONLY_MESSAGE),
}


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error itself, also when SQLAlchemy has wrapped it."""
    if isinstance(error, sqlite3.Error):
        return error
    orig = getattr(error, "orig", None)
    return orig if isinstance(orig, sqlite3.Error) else None


def is_storage_fault(error: BaseException) -> bool:
    """True for failures of the file or the disk; False for bugs and constraint violations."""
    if isinstance(error, StorageError):
        return False
    if isinstance(error, OSError):
        return True
    if is_server_fault(error):
        return True
    found = _sqlite_error(error)
    return isinstance(found, sqlite3.OperationalError | sqlite3.DatabaseError) and not isinstance(
        found, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    )


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(error).lower()
    return next((found for needle, found in _BY_TEXT if needle in text), None)


def translate(error: BaseException) -> StorageError:
    """The Danish :class:`StorageError` for a low-level failure (full detail goes to the log)."""
    log.warning("Storage fault: %r", error)
    if isinstance(error, OSError):
        kind, message = _BY_ERRNO.get(error.errno or 0, (DiskIOError, IO_MESSAGE))
        return kind(message)
    server = translate_server(error)
    if server is not None:
        return server
    found = _sqlite_error(error)
    code = _code(found) if found is not None else None
    kind, message = _BY_CODE.get(code or 0, (WriteFailedError, GENERIC_MESSAGE))
    return kind(message)
