"""What is due: deadlines, follow-up dates and follow-up meetings, and when they are late.

Shared by the calendar file, the home's "Det næste" and the CLI, so "overdue"
and "within 14 days" mean the same everywhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

SOON_DAYS = 14
KIND_DEADLINE, KIND_FOLLOW_UP, KIND_MEETING = "deadline", "opfølgning", "møde"
KIND_WORDS = {
    KIND_DEADLINE: "Deadline",
    KIND_FOLLOW_UP: "Opfølgning",
    KIND_MEETING: "Opfølgningsmøde",
}


@dataclass(frozen=True)
class DueItem:
    """One dated thing to do: an action's deadline or follow-up, or the next meeting."""

    kind: str
    day: date
    unit_name: str
    screening_id: int
    action_id: int | None
    text: str  # the action as typed, or the unit for a meeting
    details: str = ""
    uid: str = ""  # see stable_uid
    changed: datetime | None = None  # when the plan behind it last changed

    @property
    def summary(self) -> str:
        """'Deadline: Fast plan for dækning …' — what a calendar shows."""
        return f"{KIND_WORDS[self.kind]}: {' '.join(self.text.split())}"


def days_left(day: date, today: date) -> int:
    return (day - today).days


def is_overdue(day: date | None, today: date) -> bool:
    return day is not None and day < today


def is_soon(day: date | None, today: date, days: int = SOON_DAYS) -> bool:
    """Due today or within the next ``days`` days (not overdue)."""
    return day is not None and 0 <= (day - today).days <= days


def when_words(day: date, today: date) -> str:
    """'forfalden for 3 dage siden', 'i dag', 'om 5 dage' — said, not only coloured."""
    left = days_left(day, today)
    if left < 0:
        return f"forfalden for {-left} {'dag' if left == -1 else 'dage'} siden"
    if left == 0:
        return "i dag"
    return f"om {left} {'dag' if left == 1 else 'dage'}"


def stable_uid(unit_key: str, screening_id: int, action_id: int | None, kind: str) -> str:
    """A calendar UID that stays the same export after export, so importing again
    updates the event instead of adding a second one."""
    source = f"{unit_key}|{screening_id}|{action_id or 0}|{kind}"
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:24]
    return f"{digest}@fremmoedepaletten"


def calendar_stamp(changed: datetime) -> datetime:
    """DTSTAMP: the time the plan last changed, not the time of export, so two
    exports of an unchanged plan are the same file byte for byte."""
    return changed.replace(microsecond=0)
