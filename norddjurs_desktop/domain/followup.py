"""The follow-up meeting: reviewing the last plan and seeing what changed since.

Plain rules and values, shared by the services (which store a review), the
plan PDF (which prints it) and the front ends (which show the arrows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# "Virkede det?" — the answers a group gives about a reviewed action; "" = not answered.
EFFECTS: tuple[str, ...] = ("ja", "delvist", "nej", "for tidligt at sige")
OPEN_STATUSES: tuple[str, ...] = ("ikke startet", "i gang")
DONE_STATUS = "gennemført"


def is_open(status: str) -> bool:
    """An action still to be done: not finished and not given up."""
    return status in OPEN_STATUSES


def carried_text(origin: date) -> str:
    """The words beside an action that came from an earlier plan."""
    return f"videreført fra {origin.strftime('%d-%m-%Y')}"


@dataclass(frozen=True)
class ScoreChange:
    """One theme's agreed score last time and now; either may be missing."""

    key: str
    title: str
    previous: int | None
    current: int | None

    @property
    def arrow(self) -> str:
        """↑, ↓ or =; empty when there is nothing to compare."""
        if self.previous is None or self.current is None:
            return ""
        if self.current > self.previous:
            return "↑"
        if self.current < self.previous:
            return "↓"
        return "="

    @property
    def words(self) -> str:
        """The change said in words, so that no one has to read an arrow or a colour."""
        if self.previous is None and self.current is None:
            return "ikke scoret"
        if self.previous is None:
            return "ny score"
        if self.current is None:
            return "ikke scoret nu"
        return {"↑": "bedre", "↓": "dårligere", "=": "uændret"}[self.arrow]

    def as_text(self) -> str:
        """'2 → 3 ↑ bedre' (a dash stands for no score)."""
        before = "–" if self.previous is None else str(self.previous)
        now = "–" if self.current is None else str(self.current)
        return f"{before} → {now} {self.arrow} {self.words}".replace("  ", " ")


@dataclass(frozen=True)
class ReviewedAction:
    """One action of the previous plan as the follow-up meeting saw it."""

    theme_title: str
    action: str
    owner: str
    status: str
    effect: str
    comment: str
    carried_over: bool = False


@dataclass(frozen=True)
class FollowUpReport:
    """What a follow-up's plan prints before today's plan."""

    previous_date: date
    reviews: tuple[ReviewedAction, ...]
    changes: tuple[ScoreChange, ...]


def validate_effect(effect: str) -> str:
    """The effect as stored; raises ValueError in Danish for anything else."""
    cleaned = effect.strip()
    if cleaned and cleaned not in EFFECTS:
        raise ValueError(f"'Virkede det?' skal være en af: {', '.join(EFFECTS)}.")
    return cleaned
