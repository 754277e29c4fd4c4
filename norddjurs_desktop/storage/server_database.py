"""The shared database on a PostgreSQL server: same tables, same migrations, same services.

What the SQLite file needs and a server does not is left out: pragmas, the
one-writer lock file (PostgreSQL lets many people write at once and keeps each
transaction whole), ``quick_check`` and WAL conversion (the server looks after
its own files) and the automatic backup copies (IT backs the server up with
``pg_dump``). Concurrent edits of one screening are caught by its version
(:func:`norddjurs_desktop.services.screenings.check_version`).

The fast read path (:meth:`PostgresDatabase.reader`) keeps the callers' SQL and
rows as they are with SQLite: ``?`` placeholders are rewritten to psycopg's, and
dates and timestamps come back as ISO text, as SQLite stores them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.errors import NewerDatabaseError, NotADatabaseError
from norddjurs_desktop.storage.faults import is_storage_fault
from norddjurs_desktop.storage.location import ServerLocation
from norddjurs_desktop.storage.migration import alembic_config, known_revisions, migrate
from norddjurs_desktop.storage.schema import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

# Types read as text on the fast path, so callers parse them as they do SQLite's.
_TEXT_TYPES = ("date", "timestamp", "timestamptz", "time")
CONNECT_TIMEOUT_S = 10


@lru_cache(maxsize=256)
def portable_sql(sql: str) -> str:
    """SQLite's ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled).

    The app's fast-path SQL has no ``?`` inside string literals.
    """
    return sql.replace("%", "%%").replace("?", "%s")


class ServerReader:
    """The sqlite3-like face of one read-only snapshot on the server: ``execute`` → rows."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(portable_sql(sql), tuple(parameters))


class PostgresDatabase(Database):
    """A database on a PostgreSQL server; ``path`` is only a name (for caches and logs)."""

    is_server = True

    def __init__(self, where: ServerLocation, password: str | None = None) -> None:
        super().__init__(Path(where.url))
        self.server = where
        self._password = password  # in memory only: never written anywhere

    @property
    def name(self) -> str:
        return self.server.name

    @property
    def location(self) -> str:
        return self.server.url

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy import URL, create_engine, event

                where = self.server
                query = dict(where.query)
                url = URL.create(
                    "postgresql+psycopg", username=where.user, host=where.host,
                    port=where.port, database=where.database, query=query,
                )
                connect_args: dict[str, object] = {
                    "application_name": APP_NAME, "connect_timeout": CONNECT_TIMEOUT_S,
                }
                if self._password is not None:
                    connect_args["password"] = self._password
                engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)

                @event.listens_for(engine, "commit")
                def _on_commit(_conn):  # type: ignore[no-untyped-def]
                    self.generation += 1

                self._engine = engine
            return self._engine

    @contextmanager
    def reader(self) -> Iterator[Any]:  # type: ignore[override]
        """One read-only snapshot (REPEATABLE READ) on a pooled connection."""
        from psycopg.types.string import TextLoader

        try:
            raw = self.engine.raw_connection()
        except Exception as error:
            raise self._fault(error) from error
        try:
            connection = raw.driver_connection
            assert connection is not None
            with connection.cursor() as cursor:
                for name in _TEXT_TYPES:
                    cursor.adapters.register_loader(name, TextLoader)
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                try:
                    yield ServerReader(cursor)
                finally:
                    connection.rollback()
        except Exception as error:
            if is_storage_fault(error):
                raise self._fault(error) from error
            raise
        finally:
            raw.close()

    def backup_before(self, reason: str) -> Path | None:
        """Nothing to copy: the server's backups are IT's (``pg_dump``)."""
        return None

    def stored_revision(self) -> str | None:
        """The schema revision on the server, None for an empty database."""
        try:
            with self.reader() as connection:
                tables = {
                    row[0] for row in connection.execute(
                        "SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = current_schema()"
                    ).fetchall()
                }
                if "alembic_version" not in tables:
                    if tables:
                        raise NotADatabaseError(
                            f"Databasen {self.name} indeholder andre tabeller og er ikke "
                            "fra Fremmødepaletten."
                        )
                    return None
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except Exception:
            self.close()
            raise
        return row[0] if row else None


def open_server_database(where: ServerLocation, password: str | None = None) -> Database:
    """Connect, check the schema version, and migrate an empty or older database.

    A database from a newer app version is refused and left untouched. There is no
    backup copy before an upgrade: the migration runs in one transaction, and the
    server's own backups (``pg_dump``) are IT's.
    """
    database = PostgresDatabase(where, password)
    current = database.stored_revision()
    if current is not None and current != HEAD_REVISION and current not in known_revisions():
        database.close()
        raise NewerDatabaseError(
            f"Databasen {where.name} er lavet af en nyere version af Fremmødepaletten. "
            "Opdatér programmet for at åbne den."
        )
    if current != HEAD_REVISION:
        log.info("Migrating %s from %s", where.url, current)
        migrate(database, current)
    return database


# Any fixed number: every copy of the app that migrates the shared database takes it.
_MIGRATION_LOCK_KEY = 727_0005


def upgrade_server(database: Database, revision: str) -> None:
    """Alembic on PostgreSQL: one transaction (DDL is transactional there), no pragmas.

    Two people starting a new version at once must not both migrate: an advisory
    lock makes the second wait, and it then finds the schema already at head.
    """
    from alembic import command

    with database.engine.connect() as connection, connection.begin():
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
