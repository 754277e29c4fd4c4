"""Opening the one SQLite file: check, version, backup, migration, journal and foreign keys.

(A ``postgresql+psycopg://`` address is handed to :mod:`server_database` instead.)

Every change is committed when it is made (see :meth:`Database.session`), so
there is nothing to save and nothing lost when the window closes.

The file is whole after every commit: SQLite's rollback journal
(``journal_mode=DELETE``) with ``synchronous=FULL`` instead of WAL, so the
``.sqlite`` file alone holds every committed change and can be copied, mailed
or kept on a network drive; ``secure_delete=ON`` overwrites what is deleted,
so names wiped from an anonymous round do not linger in free pages. A file
still in WAL mode is converted when it is opened.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from norddjurs_desktop.storage import backup_files
from norddjurs_desktop.storage.errors import (
    READ_ONLY_MESSAGE,
    NewerDatabaseError,
    ReadOnlyError,
    StorageError,
)
from norddjurs_desktop.storage.faults import is_storage_fault, translate
from norddjurs_desktop.storage.migration import head_revision as head_revision
from norddjurs_desktop.storage.migration import known_revisions as known_revisions
from norddjurs_desktop.storage.migration import migrate as _migrate
from norddjurs_desktop.storage.migration import upgrade_to as upgrade_to
from norddjurs_desktop.storage.schema import HEAD_REVISION
from norddjurs_desktop.storage.sqlite_file import (
    check_file,
    is_writable,
    read_only_uri,
    stored_revision,
    uses_wal,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from norddjurs_desktop.storage.location import ServerLocation

# How long a write waits for another program's lock before it is reported as failed.
BUSY_TIMEOUT_MS = 5000
log = logging.getLogger(__name__)


def convert_from_wal(path: Path) -> None:
    """Fold the WAL into the file and switch to the rollback journal, for good."""
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.Error as error:
        raise translate(error) from error
    if mode != "delete":  # another program has it open; converted next time
        log.warning("%s stays in %s mode for now", path, mode)


def _configure_connection(engine: Engine, database: Database) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy own transactions: pysqlite's own BEGIN handling fights it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(database.busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA secure_delete=ON")
        # Keep a transaction's pages in memory until COMMIT: a long import never writes
        # into the .sqlite half-way, so a kill leaves the file alone at its last commit.
        cursor.execute("PRAGMA cache_spill=OFF")
        if database.read_only:
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        # IMMEDIATE takes the write lock at once, so busy_timeout really waits; a
        # deferred BEGIN that later upgrades fails at once with "database is locked".
        conn.exec_driver_sql("BEGIN" if database.read_only else "BEGIN IMMEDIATE")
        conn.info["changes_at_begin"] = conn.connection.dbapi_connection.total_changes

    @event.listens_for(engine, "commit")
    def _on_commit(conn):  # type: ignore[no-untyped-def]
        before = conn.info.pop("changes_at_begin", None)
        if before is not None and conn.connection.dbapi_connection.total_changes != before:
            database.generation += 1


class Database:
    """The open database file. Services take one of these; nothing else opens sessions.

    SQLAlchemy is loaded when the first session is opened, not when the file
    is opened: the home view's overview is read with the standard library
    (:meth:`read`), so the app can show it before SQLAlchemy has loaded.

    ``read_only`` is True for a file (or folder) that cannot be written: it is
    then opened with ``mode=ro`` and every write is refused with
    ``refusal`` as the message. ``generation`` counts the write transactions
    committed since opening (the automatic backups use it to skip a file
    that did not change).

    A shared PostgreSQL database is a :class:`~norddjurs_desktop.storage.server_database.
    PostgresDatabase`: the same sessions and :meth:`read`, without the file's pragmas,
    lock and backups (``is_server`` tells the front ends).
    """

    is_server = False

    def __init__(
        self,
        path: Path,
        backup: Path | None = None,
        *,
        read_only: bool = False,
        refusal: str = READ_ONLY_MESSAGE,
        busy_timeout_ms: int | None = None,
    ) -> None:
        self.path = path
        self.backup = backup  # the copy written before an upgrade, if any
        self.read_only = read_only
        self.refusal = refusal
        # read when opened, not when defined, so one setting serves every Database
        self.busy_timeout_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        self.generation = 0
        self.backed_up_generation = 0
        self.write_lock: Any = None  # a WriteLock released by close(), when the opener passes it
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._open = threading.local()  # the session open on this thread, if any

    @property
    def name(self) -> str:
        """What the user calls this database in messages: the file's name."""
        return self.path.name

    @property
    def location(self) -> str:
        """Where it lives, as the user would type it again (``--db``): the file's path."""
        return str(self.path)

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy import create_engine

                if self.read_only:
                    uri, timeout = read_only_uri(self.path), self.busy_timeout_ms / 1000
                    self._engine = create_engine(
                        "sqlite://",
                        creator=lambda: sqlite3.connect(
                            uri, uri=True, timeout=timeout, check_same_thread=False
                        ),
                    )
                else:
                    self._engine = create_engine(f"sqlite:///{self.path}")
                _configure_connection(self._engine, self)
            return self._engine

    def _fault(self, error: BaseException) -> StorageError:
        translated = translate(error)
        if self.read_only and isinstance(translated, ReadOnlyError):
            return ReadOnlyError(self.refusal)
        return translated

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work in one transaction: committed on success, rolled back on error.

        Reentrant per thread: a ``session()`` opened while another is open on the
        same thread joins the outer one, so a use case can run several services as
        one transaction (a consistent read of several tables, a check and an edit).
        :meth:`reader` uses a connection of its own: inside an outer session it
        sees only what is committed, not the outer session's own writes.

        A failure of the file or the disk — at BEGIN, any flush or query, or the
        commit — comes out as a Danish :class:`StorageError`; nothing of the
        unit of work is stored.
        """
        from sqlmodel import Session

        outer = getattr(self._open, "session", None)
        if outer is not None:
            # A service called inside another unit of work joins it: one transaction,
            # one consistent view, committed (or rolled back) once by the outermost.
            yield outer
            return
        with Session(self.engine, expire_on_commit=False) as session:
            session.info["database"] = self  # for services that remember what they wrote
            self._open.session = session
            try:
                yield session
                session.commit()
            except BaseException as error:
                try:
                    session.rollback()
                except Exception:  # the connection may be gone with the disk
                    log.exception("Rollback failed")
                # SQLite reports its faults as sqlite3 errors; an OSError here comes from
                # other work in the block (a file the service reads) and is the caller's.
                if is_storage_fault(error) and not isinstance(error, OSError):
                    raise self._fault(error) from error
                raise
            finally:
                self._open.session = None

    def read(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only query, through the standard library's sqlite3.

        On a server (:class:`~norddjurs_desktop.storage.server_database.PostgresDatabase`)
        the same SQL runs through psycopg, with the same ``?`` placeholders and dates as
        ISO text, so callers need no second version of their query.
        """
        with self.reader() as connection:
            return connection.execute(sql, parameters).fetchall()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only sqlite3 connection whose queries all see one snapshot of the file.

        For reads that must be fast and need no ORM (the overview, 150,000 absence
        rows): plain tuples, and no SQLAlchemy to import or to process each row.
        """
        try:
            connection = sqlite3.connect(
                read_only_uri(self.path) if self.read_only else str(self.path),
                uri=self.read_only,
                isolation_level=None,
                timeout=self.busy_timeout_ms / 1000,
            )
        except sqlite3.Error as error:
            raise self._fault(error) from error
        with closing(connection):
            try:
                connection.execute("PRAGMA query_only=1")
                connection.execute("BEGIN")
                try:
                    yield connection
                finally:
                    connection.execute("ROLLBACK")
            except sqlite3.Error as error:
                if is_storage_fault(error):
                    raise self._fault(error) from error
                raise

    def backup_before(self, reason: str) -> Path | None:
        """A backup before a change that is hard to undo (an import, a deck import).

        Services call this first thing; a read-only file has nothing to protect.
        """
        if self.read_only:
            return None
        return backup_files.automatic_backup(self, reason)

    def close(self) -> None:
        with self._engine_lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
        lock, self.write_lock = self.write_lock, None
        if lock is not None:
            lock.release()


def has_hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def recover_interrupted_write(path: Path, read_only: bool) -> None:
    """Roll back a change that was cut off (a crash, kill -9) before the file is read.

    SQLite does this itself on the first read, but only on a connection that may
    write; the checks below read with ``mode=ro``, which would refuse the file.
    """
    if not has_hot_journal(path):
        return
    if read_only:
        raise ReadOnlyError(
            f"{path.name} blev afbrudt midt i en ændring og er skrivebeskyttet – gør filen "
            "skrivbar, så ændringen kan rulles tilbage."
        )
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if is_storage_fault(error):
            raise translate(error) from error
        raise


def _check_and_prepare(path: Path, read_only: bool) -> str | None:
    """The checks before anything is written: revision known, file whole, journal mode."""
    recover_interrupted_write(path, read_only)
    current = stored_revision(path)
    check_file(path)
    if current is not None and current != HEAD_REVISION and current not in known_revisions():
        raise NewerDatabaseError(
            f"{path.name} er lavet af en nyere version af Fremmødepaletten. "
            "Opdatér programmet for at åbne den."
        )
    if not read_only and uses_wal(path):
        convert_from_wal(path)
    return current


def open_database(
    path: Path | str | ServerLocation,
    *,
    read_only: bool | None = None,
    refusal: str = READ_ONLY_MESSAGE,
    busy_timeout_ms: int | None = None,
    password: str | None = None,
) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    The file is checked first (``quick_check``): a damaged one is refused and
    never written to. A file from a newer app version is refused and left
    untouched; a file from an older version is first backed up, then upgraded.
    A file or folder that cannot be written is opened read-only (or
    ``read_only=True`` asks for that): viewing works, writes are refused.

    A ``postgresql+psycopg://user@host:port/db`` address opens the shared database
    on that server instead (see :mod:`server_database`); the password comes from
    the address, ``password``, or libpq's own ``PGPASSWORD`` / ``~/.pgpass``.
    """
    from norddjurs_desktop.storage.location import ServerLocation, parse_location

    where, given = parse_location(path)
    if isinstance(where, ServerLocation):
        from norddjurs_desktop.storage.server_database import open_server_database

        return open_server_database(where, password if password is not None else given)
    path = where.expanduser().resolve()
    if path.is_dir():
        raise StorageError(f"{path} er en mappe, ikke en databasefil.")
    if read_only is None:
        read_only = not is_writable(path)
    current = _check_and_prepare(path, read_only)

    def make(backup: Path | None = None) -> Database:
        return Database(
            path, backup, read_only=read_only, refusal=refusal, busy_timeout_ms=busy_timeout_ms
        )

    if current == HEAD_REVISION:
        return make()  # up to date: nothing to migrate, no Alembic to load
    if read_only:
        if not path.exists():
            raise ReadOnlyError(f"Kan ikke oprette databasen {path.name}: {READ_ONLY_MESSAGE}")
        raise ReadOnlyError(
            f"{path.name} skal opdateres til denne version, men filen er skrivebeskyttet – "
            "gør den skrivbar, og prøv igen."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"Kan ikke oprette mappen {path.parent}: {error.strerror}") from error
    backup = None
    if current is not None:
        try:
            backup = backup_files.write_backup(path, f"foer-opdatering-{current}")
        except (OSError, sqlite3.Error) as error:
            raise translate(error) from error
    database = make(backup)
    _migrate(database, current)
    return database
