"""Every setting the app keeps between sessions, declared once with its type and default.

QSettings stores strings and bytes in a platform store (the registry on
Windows, an INI file on Linux). Each setting is read and written only through
its declaration here, so a key is never spelt twice and a value of the wrong
type (a hand-edited file) falls back to the default instead of crashing (as
Picard's ``options.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, QByteArray)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type[T]
    default: T

    def get(self) -> T:
        value = QSettings().value(self.key, self.default)
        return value if isinstance(value, self.kind) else self.default

    def set(self, value: T) -> None:
        QSettings().setValue(self.key, value)


# The folder last used for a PDF, a plan printout, a card set or a board.
EXPORT_FOLDER = Setting("export/last_folder", str, "")
# Whether the plan PDF prints the notes written beside the cards ("true"/"false"; on at first).
PRINT_CARD_NOTES = Setting("export/card_notes", str, "true")
# The folder last used to export or import a deck file.
DECK_FOLDER = Setting("decks/last_folder", str, "")
# Where the main window was, and how its bars were laid out.
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
# Shared databases opened lately, one address a line, newest first: never a password
# (storage.location.ServerLocation.url cannot hold one).
RECENT_SERVERS = Setting("database/recent_servers", str, "")
