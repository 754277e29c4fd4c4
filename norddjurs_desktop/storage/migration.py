"""Schema migrations: Alembic up to the head, in one transaction, and what revisions exist.

Kept apart from :mod:`.database` (opening, sessions, fast reads): Alembic is
loaded only when a file must be created or upgraded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from norddjurs_desktop.storage.errors import (
    MigrationFailedError,
    StorageError,
    WriteFailedError,
)
from norddjurs_desktop.storage.faults import is_storage_fault, translate

if TYPE_CHECKING:
    from alembic.config import Config

    from norddjurs_desktop.storage.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger("norddjurs_desktop.storage.database")


def alembic_config() -> Config:
    # Alembic is imported only when a file must be created or upgraded.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def migrate(database: Database, current: str | None) -> None:
    """Run the migrations in one transaction; a failure leaves the file as it was."""
    try:
        upgrade(database, "head")
    except Exception as error:
        database.close()
        if isinstance(error, StorageError):
            raise
        if is_storage_fault(error):
            fault = translate(error)
            if type(fault) is not WriteFailedError:  # a lock, a full disk …: say so
                raise fault from error
        # The full SQL error goes to the log; the user gets one line.
        log.error("Migration of %s from %s failed", database.name, current, exc_info=error)
        raise MigrationFailedError(
            f"{database.name} kunne ikke opdateres til denne version af programmet; "
            "filen er uændret (detaljer står i logfilen)."
        ) from error


def upgrade_to(path: Path, revision: str) -> None:
    """Migrate a file to a given revision (used by tests to make old databases)."""
    from norddjurs_desktop.storage.database import Database

    database = Database(path)
    try:
        upgrade(database, revision)
    finally:
        database.close()


def upgrade(database: Database, revision: str) -> None:
    """Run Alembic up to ``revision`` in one transaction, with foreign keys off.

    A batch migration rebuilds a table (copy, drop, rename). With foreign keys on,
    dropping ``unit`` would cascade and delete every screening; SQLite ignores the
    pragma inside a transaction, so it is switched off before BEGIN and the keys are
    checked before COMMIT instead.
    """
    from alembic import command

    if database.is_server:
        from norddjurs_desktop.storage.server_database import upgrade_server

        upgrade_server(database, revision)
        return
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
        compact_if_mostly_free(raw, database.name)


#: Compact when at least this share of the file is free pages, and at least this many pages.
FREE_SHARE, FREE_PAGES = 0.25, 256


def compact_if_mostly_free(raw: Any, name: str) -> bool:
    """VACUUM a SQLite file that a migration has left mostly empty; True if it did.

    Migration 0008 moves an import's 150,000 absence rows into one block and
    drops the row tables: the file kept their pages (11.7 MB where 2.9 MB is
    used). VACUUM runs after the migration has committed and is atomic itself,
    so when it cannot run (a full disk, another reader) the file is simply
    left larger, and that is logged.
    """
    free = raw.execute("PRAGMA freelist_count").fetchone()[0]
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    if free < FREE_PAGES or free < FREE_SHARE * pages:
        return False
    try:
        raw.execute("VACUUM")
    except Exception as error:  # the migrated file is whole; only the space stays taken
        log.warning("%s could not be compacted after the migration: %s", name, error)
        return False
    return True
