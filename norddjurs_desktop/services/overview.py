"""The home view's overview: every unit with its screenings and their number of actions.

Read with one plain query through the standard library (``Database.read``),
so the home view can be filled at start-up before SQLAlchemy has loaded.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from norddjurs_desktop.services.dto import ScreeningSummary, UnitOverview
from norddjurs_desktop.storage.database import Database

_DANISH_LAST_LETTERS = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})

_UNITS = "SELECT id, name FROM unit"
_SCREENINGS = """
    SELECT s.id, s.unit_id, s.date, s.forum, s.status, s.updated_at,
           (SELECT count(*) FROM action a WHERE a.screening_id = s.id)
    FROM screening s
    ORDER BY s.date DESC, s.id DESC
"""


def danish_sort_key(text: str) -> str:
    """Alphabetical as in Danish: … x, y, z, æ, ø, å (case ignored)."""
    return text.casefold().translate(_DANISH_LAST_LETTERS)


def _timestamp(text: str) -> datetime:
    # Stored as UTC without an offset (SQLite has no time zone type).
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def list_units(db: Database) -> list[UnitOverview]:
    """Every unit in Danish alphabetical order, each with its screenings, newest first."""
    by_unit: dict[int, list[ScreeningSummary]] = {}
    for sid, unit_id, day, forum, status, updated, actions in db.read(_SCREENINGS):
        by_unit.setdefault(unit_id, []).append(
            ScreeningSummary(
                id=sid,
                unit_id=unit_id,
                date=date.fromisoformat(day),
                forum=forum,
                status=status,
                action_count=actions,
                updated_at=_timestamp(updated),
            )
        )
    units = sorted(db.read(_UNITS), key=lambda row: danish_sort_key(row[1]))
    return [
        UnitOverview(id=uid, name=name, screenings=tuple(by_unit.get(uid, [])))
        for uid, name in units
    ]


def find_unit_id(db: Database, name: str) -> int | None:
    """The id of the unit with this name (spaces as typed do not matter), without the ORM."""
    rows = db.read("SELECT id FROM unit WHERE name = ?", (" ".join(name.split()),))
    return rows[0][0] if rows else None
