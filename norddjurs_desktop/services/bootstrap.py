"""Opening the app's database the same way for the GUI, the CLI and the tests.

Two steps, so the GUI can show the home view between them: opening the file
(create, upgrade, or nothing but a version check) needs no SQLAlchemy when the
file is up to date; bringing the shipped decks in does.
"""

from __future__ import annotations

from pathlib import Path

from norddjurs_desktop.paths import DECKS
from norddjurs_desktop.storage.database import Database, open_database

__all__ = ["Database", "bring_in_shipped_decks", "open_app_database", "open_file"]


def open_file(path: Path) -> Database:
    """Open (create, upgrade) the file; the decks come in with :func:`bring_in_shipped_decks`."""
    return open_database(path)


def bring_in_shipped_decks(db: Database, decks_folder: Path = DECKS) -> None:
    from norddjurs_desktop.services.decks.library import sync_shipped_decks

    sync_shipped_decks(db, decks_folder)


def open_app_database(path: Path, decks_folder: Path = DECKS) -> Database:
    """Both steps at once: the file opened and the shipped decks brought in."""
    db = open_file(path)
    try:
        bring_in_shipped_decks(db, decks_folder)
    except Exception:
        db.close()
        raise
    return db
