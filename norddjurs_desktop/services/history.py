"""A unit's screenings over time: scores per theme, actions open and done, round spreads.

What "Udvikling" shows, what `history --json` prints, and where a theme's
previous score (for the ↑ ↓ = beside today's) comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from norddjurs_desktop.domain.followup import DONE_STATUS, ScoreChange, is_open
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.plan import ScoreSpread
from norddjurs_desktop.services.errors import NotFoundError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Action, Screening, ThemeAssessment


@dataclass(frozen=True)
class HistoryEntry:
    """One screening of the unit as a point in its development."""

    id: int
    date: date
    forum: str
    scores: dict[str, int | None]  # every palette key; None = not scored
    actions_open: int
    actions_done: int
    spreads: dict[str, ScoreSpread] = field(default_factory=dict)  # where a round was held

    def as_json(self) -> dict[str, object]:
        """The shape `history --json` prints (dates ISO, scores keyed by theme)."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "forum": self.forum,
            "scores": dict(self.scores),
            "actions_open": self.actions_open,
            "actions_done": self.actions_done,
        }


def unit_history(db: Database, unit_id: int, *, with_spreads: bool = True) -> list[HistoryEntry]:
    """The unit's screenings, oldest first, read as one moment (with their rounds)."""
    with db.session():
        return _unit_history(db, unit_id, with_spreads=with_spreads)


def _unit_history(db: Database, unit_id: int, *, with_spreads: bool) -> list[HistoryEntry]:
    with db.session() as session:
        screenings = session.exec(
            select(Screening)
            .where(Screening.unit_id == unit_id)
            .order_by(col(Screening.date), col(Screening.id))
        ).all()
        ids = [s.id for s in screenings]
        scores: dict[int, dict[str, int | None]] = {i: {} for i in ids if i is not None}
        for row in session.exec(
            select(ThemeAssessment).where(col(ThemeAssessment.screening_id).in_(ids))
        ):
            scores[row.screening_id][row.theme_key] = row.score
        statuses: dict[int, list[str]] = {i: [] for i in scores}
        for screening_id, status in session.exec(
            select(Action.screening_id, Action.status).where(col(Action.screening_id).in_(ids))
        ):
            statuses[screening_id].append(status)
        facts = [(s.id, s.date, s.forum) for s in screenings if s.id is not None]
    if with_spreads:
        from norddjurs_desktop.services.rounds import spreads as round_spreads
    result = []
    for screening_id, day, forum in facts:
        spreads = {}
        if with_spreads:
            spreads = {k: v for k, v in round_spreads(db, screening_id).items() if v.scores}
        result.append(HistoryEntry(
            id=screening_id,
            date=day,
            forum=forum,
            scores={key: scores[screening_id].get(key) for key in PALETTE_KEYS},
            actions_open=sum(1 for s in statuses[screening_id] if is_open(s)),
            actions_done=sum(1 for s in statuses[screening_id] if s == DONE_STATUS),
            spreads=spreads,
        ))
    return result


def score_changes(
    db: Database, screening_id: int, previous_id: int | None = None
) -> list[ScoreChange]:
    """Each theme's score in ``previous_id`` (default: the follow-up's origin, else the
    unit's screening just before) beside its score now, read as one moment."""
    with db.session():
        return _score_changes(db, screening_id, previous_id)


def _score_changes(db: Database, screening_id: int, previous_id: int | None) -> list[ScoreChange]:
    with db.session() as session:
        screening = session.get(Screening, screening_id)
        if screening is None:
            raise NotFoundError("Screeningen findes ikke længere.")
        unit_id = screening.unit_id
    if previous_id is None:
        from norddjurs_desktop.services.followup import previous_screening

        previous_id = previous_screening(db, screening_id)
    history = unit_history(db, unit_id, with_spreads=False)
    current = next(h for h in history if h.id == screening_id)
    if previous_id is None:
        index = history.index(current)
        before = history[index - 1] if index > 0 else None
    else:
        before = next((h for h in history if h.id == previous_id), None)
    return [
        ScoreChange(key, PALETTE_TITLES[key], before.scores[key] if before else None,
                    current.scores[key])
        for key in PALETTE_KEYS
    ]
