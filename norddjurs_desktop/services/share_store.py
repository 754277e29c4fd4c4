"""Writing a checked share file's screenings and months into the caller's transaction.

Split from :mod:`.share_import` (which decides added / updated / kept) so each
module reads on its own. Nothing here commits: the import's one session does.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, delete, select

from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.domain.share_format import SCORES, month_from_key
from norddjurs_desktop.storage.models import (
    Action,
    ActionReview,
    CardNote,
    FollowUp,
    Participant,
    Screening,
    ThemeAssessment,
)
from norddjurs_desktop.storage.round_models import Vote
from norddjurs_desktop.storage.share_models import SharedAbsenceMonth

__all__ = ["store_months", "store_screening"]

# The names of a shared screening's participants never leave their unit.
PARTICIPANT_NAME = "Deltager {number}"


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _aware(moment: datetime) -> datetime:
    """The time in UTC with its zone (a time without one is taken to be UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _utc(text: str) -> datetime:
    return _aware(datetime.fromisoformat(text))


def _actions(session: Session, screening_id: int) -> list[Action]:
    return list(session.exec(
        select(Action).where(Action.screening_id == screening_id)
        .order_by(col(Action.position), col(Action.id))
    ).all())


def _padding(score: int | None) -> int:
    """Same-size vote rows, as services.rounds writes anonymous votes (see its docstring)."""
    return 2 if score is None or score in (0, 1) else 0


def _clear(session: Session, screening_id: int) -> None:
    """The children that the file's copy replaces wholesale (actions are rewritten in place)."""
    for table in (Participant, ThemeAssessment, Vote, CardNote, ActionReview, FollowUp):
        column = col(table.screening_id)  # type: ignore[attr-defined]
        session.exec(delete(table).where(column == screening_id))


def store_screening(
    session: Session,
    unit_id: int,
    here: Screening | None,
    record: dict[str, Any],
    *,
    ids: dict[str, int] | None = None,
    links_only: bool = False,
) -> int:
    """Add or replace one screening from the file; returns its id here.

    With ``links_only`` only the follow-up link and the reviews are written —
    they point at other screenings of the file, which must all be stored first.
    """
    if links_only:
        assert ids is not None
        _store_links(session, ids, record)
        return ids[record["uid"]]
    screening = here or Screening(unit_id=unit_id, uid=record["uid"], date=date.today())
    screening.date = date.fromisoformat(record["date"])
    screening.forum = record["forum"]
    screening.purpose = record["purpose"]
    screening.status = record["status"]
    screening.summary = record["summary"]
    screening.next_follow_up = _day(record["next_follow_up"])
    screening.anonymity = "anonym"  # the copy has no names to show
    screening.version = record["version"]
    screening.updated_at = _utc(record["updated_at"])
    session.add(screening)
    session.flush()
    sid = screening.id
    assert sid is not None
    if here is not None:
        _clear(session, sid)
    for number, role in enumerate(record["participant_roles"], start=1):
        session.add(Participant(screening_id=sid, name=PARTICIPANT_NAME.format(number=number),
                                role=role, position=number - 1))
    themes = {theme["key"]: theme for theme in record["themes"]}
    for key in PALETTE_KEYS:
        theme = themes.get(key, {})
        session.add(ThemeAssessment(
            screening_id=sid, theme_key=key, score=theme.get("score"),
            resources=theme.get("resources", ""), challenges=theme.get("challenges", ""),
            priority=theme.get("priority"),
        ))
    stamp = datetime.combine(screening.date, datetime.min.time(), tzinfo=UTC)
    for shared_round in record["rounds"]:
        scores: list[int | None] = [
            int(score) for score in SCORES for _ in range(shared_round["counts"][score])
        ]
        scores += [None] * shared_round["passes"]
        for score in scores:
            session.add(Vote(screening_id=sid, theme_key=shared_round["theme"], voter="",
                             voter_role="", position=_padding(score), score=score,
                             created_at=stamp))
    _store_actions(session, sid, record["actions"])
    session.flush()
    return sid


def _store_actions(session: Session, sid: int, records: list[dict[str, Any]]) -> None:
    """The file's actions, written over the existing ones in order (their ids stay)."""
    existing = _actions(session, sid)
    for index, shared in enumerate(records):
        action = existing[index] if index < len(existing) else Action(screening_id=sid)
        action.theme_key = shared["theme"]
        action.problem = shared["problem"]
        action.action = shared["action"]
        action.owner = shared["owner"]
        action.deadline = _day(shared["deadline"])
        action.follow_up = _day(shared["follow_up"])
        action.status = shared["status"]
        action.success = shared["success"]
        reference = shared["data_reference"]
        action.data_reference = (
            json.dumps(reference, ensure_ascii=False) if reference is not None else None
        )
        action.position = index
        session.add(action)
    for extra in existing[len(records):]:
        session.delete(extra)
    session.flush()


def _store_links(session: Session, ids: dict[str, int], record: dict[str, Any]) -> None:
    sid = ids[record["uid"]]
    if record["follows"] is not None and record["follows"] in ids:
        session.add(FollowUp(screening_id=sid, previous_id=ids[record["follows"]]))
    own = _actions(session, sid)
    lists: dict[int, list[Action]] = {}
    seen: set[int] = set()
    for position, review in enumerate(record["reviews"]):
        previous = ids.get(review["screening"])
        if previous is None:
            continue
        if previous not in lists:
            lists[previous] = _actions(session, previous)
        if review["action"] >= len(lists[previous]):
            continue  # the earlier plan here has fewer actions than the file's
        action_id = lists[previous][review["action"]].id
        if action_id is None or action_id in seen:
            continue
        seen.add(action_id)
        carried = review["carried_to"]
        session.add(ActionReview(
            screening_id=sid, action_id=action_id, effect=review["effect"],
            comment=review["comment"],
            carried_action_id=own[carried].id if carried is not None else None,
            position=position,
        ))
    session.flush()


def store_months(
    session: Session, unit_id: int, months: list[dict[str, Any]], shared_at: datetime
) -> int:
    """Store the file's months; an older file never overwrites a newer one. Returns how many
    months were added or got other figures."""
    made = _aware(shared_at)
    rows = {
        row.month: row
        for row in session.exec(
            select(SharedAbsenceMonth).where(SharedAbsenceMonth.unit_id == unit_id)
        ).all()
    }
    changed = 0
    for shared in months:
        month = month_from_key(shared["month"])
        row = rows.get(month)
        figures = (shared["absence_pct"], shared["sick_days"], shared["fte"], shared["spells"],
                   shared["source"])
        if row is None:
            row = SharedAbsenceMonth(unit_id=unit_id, month=month, absence_pct=0.0)
        elif _aware(row.shared_at) >= made:
            continue  # what is here came from a file made at the same time or later
        before = (row.absence_pct, row.sick_days, row.fte, row.spells, row.source)
        changed += row.id is None or before != figures
        (row.absence_pct, row.sick_days, row.fte, row.spells, row.source) = figures
        row.shared_at = made
        session.add(row)
    session.flush()
    return changed
