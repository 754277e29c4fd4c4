"""What is due across all units, for the home's "Det næste".

Read with plain queries through the standard library (``Database.read``), like
the rest of the home, so the first window needs no SQLAlchemy. The calendar
export (``action_exports.due_items``) applies the same rules with the ORM:
open actions only, an action carried into a newer plan stands there, and each
unit's next meeting comes from its latest screening.
"""

from __future__ import annotations

from datetime import date

from norddjurs_desktop.domain.due import KIND_DEADLINE, KIND_FOLLOW_UP, KIND_MEETING, DueItem
from norddjurs_desktop.domain.open_actions import counts_as_open
from norddjurs_desktop.storage.database import Database

# Every dated action with whether it was carried on; counts_as_open decides which are open.
_ACTIONS = """
    SELECT a.id, a.screening_id, a.action, a.deadline, a.follow_up, u.name, a.status,
           a.id IN (SELECT r.action_id FROM action_review r
                    WHERE r.carried_action_id IS NOT NULL)
    FROM action a JOIN screening s ON s.id = a.screening_id JOIN unit u ON u.id = s.unit_id
    WHERE a.deadline IS NOT NULL OR a.follow_up IS NOT NULL
"""
_MEETINGS = """
    SELECT s.id, s.next_follow_up, u.name
    FROM screening s JOIN unit u ON u.id = s.unit_id
    WHERE s.next_follow_up IS NOT NULL
      AND s.id = (SELECT s2.id FROM screening s2 WHERE s2.unit_id = s.unit_id
                  ORDER BY s2.date DESC, s2.id DESC LIMIT 1)
"""


def due_overview(db: Database) -> list[DueItem]:
    """Deadlines, follow-up dates and next meetings of every unit, by date."""
    items: list[DueItem] = []
    for action_id, screening_id, text, deadline, follow_up, unit, status, carried in db.read(
        _ACTIONS
    ):
        if not counts_as_open(status, bool(carried)):
            continue
        for kind, day in ((KIND_DEADLINE, deadline), (KIND_FOLLOW_UP, follow_up)):
            if day:
                items.append(DueItem(kind, date.fromisoformat(day), unit, screening_id,
                                     action_id, text))
    for screening_id, day, unit in db.read(_MEETINGS):
        items.append(DueItem(KIND_MEETING, date.fromisoformat(day), unit, screening_id,
                             None, unit))
    return sorted(items, key=lambda i: (i.day, i.unit_name, i.kind, i.action_id or 0))
