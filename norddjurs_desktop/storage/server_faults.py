"""What psycopg (PostgreSQL) raises, said in Danish — the server's half of :mod:`faults`.

A shared database fails differently from a file: the server is not there, it
refuses the user or the password, the database has not been created, or the
connection breaks in the middle of a change. Each becomes one short Danish
:class:`StorageError`; the full text goes to the log. psycopg is never imported
here: errors are recognised by their module, so the SQLite path stays light.
"""

from __future__ import annotations

from norddjurs_desktop.storage.errors import (
    SERVER_AUTH_MESSAGE,
    SERVER_BUSY_MESSAGE,
    SERVER_DISK_FULL_MESSAGE,
    SERVER_LOST_MESSAGE,
    SERVER_MISSING_DATABASE_MESSAGE,
    SERVER_PASSWORD_MESSAGE,
    SERVER_PERMISSION_MESSAGE,
    SERVER_UNREACHABLE_MESSAGE,
    DatabaseBusyError,
    DiskFullError,
    PasswordRequiredError,
    ReadOnlyError,
    ServerConnectionLostError,
    ServerError,
    StorageError,
)

# SQLSTATE codes (PostgreSQL appendix A) that are faults of the server, not bugs.
_BY_STATE: dict[str, tuple[type[StorageError], str]] = {
    "28P01": (ServerError, SERVER_AUTH_MESSAGE),
    "28000": (ServerError, SERVER_AUTH_MESSAGE),
    "3D000": (ServerError, SERVER_MISSING_DATABASE_MESSAGE),
    "42501": (ReadOnlyError, SERVER_PERMISSION_MESSAGE),
    "25006": (ReadOnlyError, SERVER_PERMISSION_MESSAGE),
    "53100": (DiskFullError, SERVER_DISK_FULL_MESSAGE),
    "40001": (DatabaseBusyError, SERVER_BUSY_MESSAGE),
    "40P01": (DatabaseBusyError, SERVER_BUSY_MESSAGE),
    "55P03": (DatabaseBusyError, SERVER_BUSY_MESSAGE),
    "57P01": (ServerConnectionLostError, SERVER_LOST_MESSAGE),
    "57P02": (ServerConnectionLostError, SERVER_LOST_MESSAGE),
    "57P03": (ServerError, SERVER_UNREACHABLE_MESSAGE),
}

# Connection failures often carry no SQLSTATE (libpq reports them as text).
_BY_TEXT: tuple[tuple[str, type[StorageError], str], ...] = (
    ("no password supplied", PasswordRequiredError, SERVER_PASSWORD_MESSAGE),
    ("password authentication failed", ServerError, SERVER_AUTH_MESSAGE),
    ("authentication failed", ServerError, SERVER_AUTH_MESSAGE),
    ("role \"", ServerError, SERVER_AUTH_MESSAGE),
    ("database \"", ServerError, SERVER_MISSING_DATABASE_MESSAGE),
    ("server closed the connection", ServerConnectionLostError, SERVER_LOST_MESSAGE),
    ("terminating connection", ServerConnectionLostError, SERVER_LOST_MESSAGE),
    ("connection is closed", ServerConnectionLostError, SERVER_LOST_MESSAGE),
    ("connection is lost", ServerConnectionLostError, SERVER_LOST_MESSAGE),
    ("consuming input failed", ServerConnectionLostError, SERVER_LOST_MESSAGE),
    ("ssl syscall", ServerConnectionLostError, SERVER_LOST_MESSAGE),
    ("connection refused", ServerError, SERVER_UNREACHABLE_MESSAGE),
    ("could not translate host name", ServerError, SERVER_UNREACHABLE_MESSAGE),
    ("name or service not known", ServerError, SERVER_UNREACHABLE_MESSAGE),
    ("no route to host", ServerError, SERVER_UNREACHABLE_MESSAGE),
    ("timeout expired", ServerError, SERVER_UNREACHABLE_MESSAGE),
    ("no such file or directory", ServerError, SERVER_UNREACHABLE_MESSAGE),
    ("connection failed", ServerError, SERVER_UNREACHABLE_MESSAGE),
)

_NOT_FAULTS = ("IntegrityError", "ProgrammingError", "DataError", "NotSupportedError")


def psycopg_error(error: BaseException) -> BaseException | None:
    """The psycopg error itself, also when SQLAlchemy has wrapped it."""
    for candidate in (error, getattr(error, "orig", None)):
        if candidate is not None and type(candidate).__module__.startswith("psycopg"):
            return candidate
    return None


def _bases(error: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(error).__mro__}


def is_server_fault(error: BaseException) -> bool:
    """True for failures of the server or the connection; False for bugs and constraints."""
    found = psycopg_error(error)
    if found is None:
        return False
    state = getattr(found, "sqlstate", None)
    if state in _BY_STATE:
        return True
    names = _bases(found)
    return "OperationalError" in names or (
        "DatabaseError" in names and not names & set(_NOT_FAULTS)
    )


def translate_server(error: BaseException) -> StorageError | None:
    """The Danish error for a psycopg failure, None when ``error`` is not one."""
    found = psycopg_error(error)
    if found is None:
        return None
    state = getattr(found, "sqlstate", None)
    if state in _BY_STATE:
        kind, message = _BY_STATE[state]
        return kind(message)
    text = str(found).lower()
    for needle, kind, message in _BY_TEXT:
        if needle in text and (needle != "database \"" or "does not exist" in text):
            return kind(message)
    if "OperationalError" in _bases(found):
        return ServerConnectionLostError(SERVER_LOST_MESSAGE)
    return None
