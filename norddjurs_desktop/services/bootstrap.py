"""Opening the app's database the same way for the GUI, the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from norddjurs_desktop.paths import DECKS
from norddjurs_desktop.services.decks import sync_shipped_decks
from norddjurs_desktop.storage.database import Database, open_database

__all__ = ["Database", "open_app_database"]


def open_app_database(path: Path, decks_folder: Path = DECKS) -> Database:
    """Open (create, upgrade) the file and bring the shipped decks in."""
    db = open_database(path)
    try:
        sync_shipped_decks(db, decks_folder)
    except Exception:
        db.close()
        raise
    return db
