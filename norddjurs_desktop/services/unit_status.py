"""Where a unit stands, for the home: its latest screening's palette and what is due.

Plain queries through the standard library (``Database.read``), like the rest
of the home, so showing it needs no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from norddjurs_desktop.domain.due import KIND_MEETING, is_overdue, is_soon
from norddjurs_desktop.domain.open_actions import counts_as_open
from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY, PALETTE_THEMES
from norddjurs_desktop.services.due_overview import due_overview
from norddjurs_desktop.storage.database import Database


@dataclass(frozen=True)
class TileState:
    key: str
    title: str
    colour: str
    symbol: str
    score: int | None


@dataclass(frozen=True)
class UnitStatus:
    unit_id: int
    unit_name: str
    latest_id: int | None
    latest_date: date | None
    next_follow_up: date | None
    tiles: tuple[TileState, ...]
    open_actions: int
    overdue_actions: int
    soon_actions: int


def _look(db: Database) -> dict[str, tuple[str, str, str]]:
    rows = db.read(
        "SELECT t.key, t.title, t.colour, t.symbol FROM deck_theme t "
        "JOIN deck d ON d.id = t.deck_id WHERE d.key = ?", (PALETTE_DECK_KEY,))
    return {key: (title, colour, symbol) for key, title, colour, symbol in rows}


def unit_status(db: Database, unit_id: int, today: date) -> UnitStatus | None:
    units = db.read("SELECT name FROM unit WHERE id = ?", (unit_id,))
    if not units:
        return None
    latest = db.read(
        "SELECT id, date, next_follow_up FROM screening WHERE unit_id = ? "
        "ORDER BY date DESC, id DESC LIMIT 1", (unit_id,))
    look = _look(db)
    scores: dict[str, int | None] = {}
    latest_id = latest_date = follow_up = None
    if latest:
        latest_id, day, follow = latest[0]
        latest_date = date.fromisoformat(day)
        follow_up = date.fromisoformat(follow) if follow else None
        scores = dict(db.read(
            "SELECT theme_key, score FROM theme_assessment WHERE screening_id = ?",
            (latest_id,)))
    tiles = tuple(
        TileState(key, look.get(key, (title, "#808080", "circle"))[0],
                  look.get(key, ("", "#808080", "circle"))[1],
                  look.get(key, ("", "#808080", "circle"))[2], scores.get(key))
        for key, title in PALETTE_THEMES
    )
    name = units[0][0]
    open_ids = {
        action_id for action_id, status, carried in db.read(
            "SELECT a.id, a.status, EXISTS (SELECT 1 FROM action_review r "
            "WHERE r.action_id = a.id AND r.carried_action_id IS NOT NULL) "
            "FROM action a JOIN screening s ON s.id = a.screening_id "
            "WHERE s.unit_id = ?", (unit_id,))
        if counts_as_open(status, bool(carried))
    }
    mine = [i for i in due_overview(db) if i.kind != KIND_MEETING and i.action_id in open_ids]
    overdue = {i.action_id for i in mine if i.kind == "deadline" and is_overdue(i.day, today)}
    soon = {i.action_id for i in mine if i.kind == "deadline" and is_soon(i.day, today)}
    return UnitStatus(unit_id, name, latest_id, latest_date, follow_up, tiles,
                      len(open_ids), len(overdue), len(soon))
