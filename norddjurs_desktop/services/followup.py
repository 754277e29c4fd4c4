"""The follow-up meeting: a screening that builds on the unit's latest and reviews its plan.

Starting one copies the forum and the participants and links the two
screenings. Each action of the previous plan is then reviewed in the new one:
its status (kept on the action itself, so the previous plan shows it too),
"Virkede det?" and a comment; an open action can be carried into the new plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.followup import (
    FollowUpReport,
    ReviewedAction,
    is_open,
    validate_effect,
)
from norddjurs_desktop.domain.plan import ACTION_STATUSES
from norddjurs_desktop.services.actions import action_data, list_actions, restore_action
from norddjurs_desktop.services.changes import Changed, Changes, Kind, NewId
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.screenings import create_screening, touch
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import (
    Action,
    ActionReview,
    FollowUp,
    Participant,
    Screening,
    Unit,
)


@dataclass(frozen=True)
class ReviewData:
    """One action of the previous plan and what the follow-up said about it."""

    action: ActionData
    effect: str
    comment: str
    carried_action_id: int | None

    @property
    def carried_over(self) -> bool:
        return self.carried_action_id is not None


def latest_screening_of(db: Database, unit_id: int) -> int | None:
    """The unit's newest screening by date (ties: the one created last)."""
    with db.session() as session:
        row = session.exec(
            select(Screening.id)
            .where(Screening.unit_id == unit_id)
            .order_by(col(Screening.date).desc(), col(Screening.id).desc())
        ).first()
        return row


def start_follow_up(db: Database, unit_id: int, *, on: date) -> NewId:
    """Create the follow-up of the unit's latest screening; returns the new screening's id.

    One transaction: a follow-up is never left without its participants or its link.
    """
    with db.session() as session:
        previous_id = latest_screening_of(db, unit_id)
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Enheden findes ikke længere.")
        if previous_id is None:
            raise ValidationError(
                f"'{unit.name}' har ingen screening endnu, så der er intet at følge op på."
            )
        previous = session.get(Screening, previous_id)
        assert previous is not None
        if on < previous.date:
            raise ValidationError(
                f"Opfølgningen ({danish_date(on)}) kan ikke ligge før den screening, den "
                f"følger op på ({danish_date(previous.date)})."
            )
        forum = previous.forum
        people = [
            (p.name, p.role)
            for p in session.exec(
                select(Participant)
                .where(Participant.screening_id == previous_id)
                .order_by(col(Participant.position), col(Participant.id))
            )
        ]
        purpose = f"Opfølgning på screeningen {danish_date(previous.date)}."
        new_id = create_screening(db, unit_id, on=on, forum=forum, purpose=purpose)
        for position, (name, role) in enumerate(people):
            session.add(Participant(screening_id=new_id, name=name, role=role,
                                    position=position))
        session.add(FollowUp(screening_id=new_id, previous_id=previous_id))
    return new_id


def previous_screening(db: Database, screening_id: int) -> int | None:
    """The screening this one follows up, or None for a first screening."""
    with db.session() as session:
        row = session.exec(
            select(FollowUp.previous_id).where(FollowUp.screening_id == screening_id)
        ).first()
        return row


def _previous_or_refuse(db: Database, screening_id: int) -> int:
    previous = previous_screening(db, screening_id)
    if previous is None:
        raise ValidationError("Screeningen er ikke en opfølgning på en tidligere screening.")
    return previous


def list_reviews(db: Database, screening_id: int) -> list[ReviewData]:
    """Every action of the previous plan in its order, with this meeting's review."""
    with db.session() as session:  # one snapshot: the actions and their reviews together
        previous = previous_screening(db, screening_id)
        if previous is None:
            return []
        rows = {
            r.action_id: r
            for r in session.exec(
                select(ActionReview).where(ActionReview.screening_id == screening_id)
            )
        }
        result = []
        for action in list_actions(db, previous):
            row = rows.get(action.id or 0)
            result.append(ReviewData(
                action=action,
                effect=row.effect if row else "",
                comment=row.comment if row else "",
                carried_action_id=row.carried_action_id if row else None,
            ))
        return result


def _review_row(session: Session, screening_id: int, previous: int, action_id: int
                ) -> tuple[ActionReview, Action]:
    action = session.get(Action, action_id)
    if action is None or action.screening_id != previous:
        raise NotFoundError("Handlingen hører ikke til den plan, der følges op på.")
    row = session.exec(
        select(ActionReview).where(
            ActionReview.screening_id == screening_id, ActionReview.action_id == action_id
        )
    ).first()
    if row is None:
        row = ActionReview(screening_id=screening_id, action_id=action_id,
                           position=action.position)
    return row, action


def review_action(
    db: Database,
    screening_id: int,
    action_id: int,
    *,
    status: str | None = None,
    effect: str | None = None,
    comment: str | None = None,
) -> Changed[ReviewData]:
    """Record the meeting's view of one previous action; the status goes on the action,
    so the change touches the actions of both plans."""
    if status is not None and status not in ACTION_STATUSES:
        raise ValidationError(f"Status skal være en af: {', '.join(ACTION_STATUSES)}.")
    try:
        cleaned_effect = validate_effect(effect) if effect is not None else None
    except ValueError as error:
        raise ValidationError(str(error)) from error
    with db.session() as session:
        previous = _previous_or_refuse(db, screening_id)
        screening = touch(session, screening_id)
        row, action = _review_row(session, screening_id, previous, action_id)
        if status is not None:
            action.status = status
            session.add(action)
        if cleaned_effect is not None:
            row.effect = cleaned_effect
        if comment is not None:
            row.comment = comment.strip()
        session.add(row)
        session.flush()
        review = next(r for r in list_reviews(db, screening_id) if r.action.id == action_id)
    changes = Changes.of(Kind.ACTIONS, screening_id=screening_id, unit_id=screening.unit_id)
    if status is not None:  # the previous plan's action itself changed
        changes |= Changes.of(Kind.ACTIONS, screening_id=previous, unit_id=screening.unit_id)
    return Changed(review, changes)


def carry_over(
    db: Database, screening_id: int, action_id: int, *, as_before: ActionData | None = None
) -> Changed[ActionData]:
    """Put an open action of the previous plan into this plan, linked to its origin.

    The copy keeps theme, why, what, owner and success; its dates are agreed
    anew. Carrying the same action twice returns the copy already made.
    ``as_before`` (undo of taking it out again) puts back the very copy that was
    removed, under its id and with what was written in it since.
    """
    with db.session() as session:
        previous = _previous_or_refuse(db, screening_id)
        screening = touch(session, screening_id)
        row, origin = _review_row(session, screening_id, previous, action_id)
        copy = session.get(Action, row.carried_action_id) if row.carried_action_id else None
        if copy is None:
            if not is_open(origin.status):
                raise ValidationError(
                    f"Handlingen er {origin.status} og kan ikke videreføres; kun åbne "
                    "handlinger føres med over i den nye plan."
                )
            if as_before is not None:
                copy_id = restore_action(db, screening_id, as_before).value.id
            else:
                copy_id = _copy_into(session, screening_id, origin)
            row.carried_action_id = copy_id
        else:
            copy_id = copy.id
        session.add(row)
        session.flush()
        stored = next(a for a in list_actions(db, screening_id) if a.id == copy_id)
    return Changed(stored, Changes.of(Kind.ACTIONS, screening_id=screening_id,
                                      unit_id=screening.unit_id))


def _copy_into(session: Session, screening_id: int, origin: Action) -> int:
    positions = session.exec(
        select(Action.position).where(Action.screening_id == screening_id)
    ).all()
    copy = Action(
        screening_id=screening_id, position=max(positions, default=-1) + 1,
        theme_key=origin.theme_key, problem=origin.problem, action=origin.action,
        owner=origin.owner, success=origin.success,
        status="i gang" if origin.status == "i gang" else "ikke startet",
        data_reference=origin.data_reference,
    )
    session.add(copy)
    session.flush()
    assert copy.id is not None
    return copy.id


def undo_carry_over(
    db: Database, screening_id: int, action_id: int
) -> Changed[ActionData | None]:
    """Take a carried action out of the new plan again (the origin stays as it is);
    the removed copy comes back as it was, so undo can put it back."""
    with db.session() as session:
        previous = _previous_or_refuse(db, screening_id)
        screening = touch(session, screening_id)
        row, _origin = _review_row(session, screening_id, previous, action_id)
        removed = None
        if row.carried_action_id is not None:
            copy = session.get(Action, row.carried_action_id)
            if copy is not None:
                removed = action_data(copy)
                session.delete(copy)
            row.carried_action_id = None
            session.add(row)
    return Changed(removed, Changes.of(Kind.ACTIONS, screening_id=screening_id,
                                       unit_id=screening.unit_id))


def carried_origins(db: Database, screening_id: int) -> dict[int, date]:
    """Action id in this plan → the date of the plan it was carried over from."""
    with db.session() as session:
        rows = session.exec(
            select(col(ActionReview.carried_action_id), col(Screening.date))
            .join(Action, col(Action.id) == col(ActionReview.action_id))
            .join(Screening, col(Screening.id) == col(Action.screening_id))
            .where(
                ActionReview.screening_id == screening_id,
                col(ActionReview.carried_action_id).is_not(None),
            )
        ).all()
        return {carried: day for carried, day in rows if carried is not None}


def follow_up_report(db: Database, screening_id: int) -> FollowUpReport | None:
    """What the plan of a follow-up prints about the last plan and the change since."""
    with db.session():  # one snapshot of the review and the scores
        return _follow_up_report(db, screening_id)


def _follow_up_report(db: Database, screening_id: int) -> FollowUpReport | None:
    previous = previous_screening(db, screening_id)
    if previous is None:
        return None
    from norddjurs_desktop.services.history import score_changes
    from norddjurs_desktop.services.plan import palette_look

    look = palette_look(db)
    with db.session() as session:
        previous_row = session.get(Screening, previous)
        assert previous_row is not None
        previous_date = previous_row.date
    reviews = tuple(
        ReviewedAction(
            theme_title=look.get(r.action.theme_key, ("",))[0] if r.action.theme_key else "",
            action=r.action.action,
            owner=r.action.owner,
            status=r.action.status,
            effect=r.effect,
            comment=r.comment,
            carried_over=r.carried_over,
        )
        for r in list_reviews(db, screening_id)
    )
    return FollowUpReport(previous_date, reviews, tuple(score_changes(db, screening_id)))
