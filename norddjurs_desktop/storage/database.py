"""Opening the one SQLite file: version check, backup, migration, WAL and foreign keys.

Every change is committed when it is made (see :meth:`Database.session`), so
there is nothing to save and nothing lost when the window closes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from norddjurs_desktop.storage.errors import NewerDatabaseError, NotADatabaseError, StorageError
from norddjurs_desktop.storage.schema import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

MIGRATIONS = Path(__file__).with_name("migrations")

# How long a write waits for another program's lock before it is reported as failed.
BUSY_TIMEOUT_MS = 5000


def _alembic_config() -> Config:
    # Alembic is imported only when a file must be created or upgraded.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError(
                        f"{path.name} er ikke en database fra Fremmødepaletten."
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise NotADatabaseError(f"{path.name} er ikke en database-fil ({error}).") from error
    return row[0] if row else None


def backup_copy(path: Path, label: str) -> Path:
    """Copy the database with SQLite's backup API (consistent even in WAL mode)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.sqlite'}")
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as dest:
        source.backup(dest)
    return target


def _configure_connection(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy own transactions: pysqlite's own BEGIN handling fights it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")


class Database:
    """The open database file. Services take one of these; nothing else opens sessions.

    SQLAlchemy is loaded when the first session is opened, not when the file
    is opened: the home view's overview is read with the standard library
    (:meth:`read`), so the app can show it before SQLAlchemy has loaded.
    """

    def __init__(self, path: Path, backup: Path | None = None) -> None:
        self.path = path
        self.backup = backup  # the copy written before an upgrade, if any
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy import create_engine

                self._engine = create_engine(f"sqlite:///{self.path}")
                _configure_connection(self._engine)
            return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work in one transaction: committed on success, rolled back on error."""
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def read(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only query, through the standard library's sqlite3."""
        with self.reader() as connection:
            return connection.execute(sql, parameters).fetchall()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only sqlite3 connection whose queries all see one snapshot of the file.

        For reads that must be fast and need no ORM (the overview, 150,000 absence
        rows): plain tuples, and no SQLAlchemy to import or to process each row.
        """
        with closing(sqlite3.connect(self.path, isolation_level=None)) as connection:
            connection.execute("PRAGMA query_only=1")
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.execute("ROLLBACK")

    def close(self) -> None:
        with self._engine_lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None


def open_database(path: Path) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    A file from a newer app version is refused and left untouched; a file from
    an older version is first copied next to itself, then upgraded.
    """
    path = path.expanduser().resolve()
    if path.is_dir():
        raise StorageError(f"{path} er en mappe, ikke en databasefil.")
    current = stored_revision(path)
    if current == HEAD_REVISION:
        return Database(path)  # up to date: nothing to migrate, no Alembic to load
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"{path.name} er lavet af en nyere version af Fremmødepaletten. "
            "Opdatér programmet for at åbne den."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"Kan ikke oprette mappen {path.parent}: {error.strerror}") from error
    backup = None
    if current is not None:
        backup = backup_copy(path, current)
    database = Database(path, backup)
    try:
        from alembic import command

        with database.engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as error:
        database.close()
        if isinstance(error, StorageError):
            raise
        raise StorageError(f"Kan ikke åbne databasen {path.name}: {error}") from error
    return database


def upgrade_to(path: Path, revision: str) -> None:
    """Migrate a file to a given revision (used by tests to make old databases)."""
    from alembic import command

    database = Database(path)
    try:
        with database.engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        database.close()
