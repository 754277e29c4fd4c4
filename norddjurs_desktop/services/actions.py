"""Actions of the action plan: validated, stored, reordered and restored for undo."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from sqlmodel import Session, col, select

from norddjurs_desktop.domain.action_rules import action_problem
from norddjurs_desktop.domain.plan import DataReference
from norddjurs_desktop.services.changes import Changed, Changes, Kind
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.screenings import changed, touch
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Action, Screening


def _reference_to_json(reference: DataReference | None) -> str | None:
    return json.dumps(asdict(reference), ensure_ascii=False) if reference else None


def _reference_from_json(text: str | None) -> DataReference | None:
    if not text:
        return None
    try:
        return DataReference(**json.loads(text))
    except (TypeError, ValueError):
        return None


def action_data(row: Action) -> ActionData:
    """A stored action as the rest of the app sees it."""
    assert row.id is not None
    return ActionData(
        id=row.id,
        theme_key=row.theme_key,
        problem=row.problem,
        action=row.action,
        owner=row.owner,
        deadline=row.deadline,
        follow_up=row.follow_up,
        status=row.status,
        success=row.success,
        data_reference=_reference_from_json(row.data_reference),
        position=row.position,
    )


def validate_action(data: ActionData, screening: Screening) -> ActionData:
    """Check an action against its screening (the domain's rule); raise ValidationError."""
    cleaned = replace(
        data,
        problem=data.problem.strip(),
        action=data.action.strip(),
        owner=data.owner.strip(),
        success=data.success.strip(),
    )
    problem = action_problem(
        action=cleaned.action,
        theme_key=cleaned.theme_key,
        status=cleaned.status,
        deadline=cleaned.deadline,
        follow_up=cleaned.follow_up,
        screening_date=screening.date,
    )
    if problem is not None:
        raise ValidationError(problem.message)
    return cleaned


def list_actions(db: Database, screening_id: int) -> list[ActionData]:
    with db.session() as session:
        rows = session.exec(
            select(Action)
            .where(Action.screening_id == screening_id)
            .order_by(col(Action.position), col(Action.id))
        ).all()
        return [action_data(row) for row in rows]


def _copy_fields(row: Action, data: ActionData) -> Action:
    """Put the editable fields of ``data`` on ``row`` (one place for add, edit and restore)."""
    row.theme_key = data.theme_key
    row.problem = data.problem
    row.action = data.action
    row.owner = data.owner
    row.deadline = data.deadline
    row.follow_up = data.follow_up
    row.status = data.status
    row.success = data.success
    row.data_reference = _reference_to_json(data.data_reference)
    return row


def _with_unit(session: Session, row: Action) -> Changed[ActionData]:
    """An action as saved, and the change to its plan."""
    return Changed(action_data(row), changed(session, row.screening_id, Kind.ACTIONS))


def add_action(db: Database, screening_id: int, data: ActionData) -> Changed[ActionData]:
    """Store a new action at the end of the plan."""
    with db.session() as session:
        screening = touch(session, screening_id)
        cleaned = validate_action(data, screening)
        positions = session.exec(
            select(Action.position).where(Action.screening_id == screening_id)
        ).all()
        row = Action(screening_id=screening_id, position=max(positions, default=-1) + 1)
        session.add(_copy_fields(row, cleaned))
        session.flush()
        return _with_unit(session, row)


def update_action(db: Database, data: ActionData) -> Changed[ActionData]:
    if data.id is None:
        raise ValidationError("Handlingen er ikke gemt endnu.")
    with db.session() as session:
        row = session.get(Action, data.id)
        if row is None:
            raise NotFoundError("Handlingen findes ikke længere.")
        screening = touch(session, row.screening_id)
        session.add(_copy_fields(row, validate_action(data, screening)))
        session.flush()
        return _with_unit(session, row)


def delete_action(db: Database, action_id: int) -> Changed[ActionData]:
    """Delete an action and return it as it was, so undo can put it back."""
    with db.session() as session:
        row = session.get(Action, action_id)
        if row is None:
            raise NotFoundError("Handlingen findes ikke længere.")
        touch(session, row.screening_id)
        removed = _with_unit(session, row)
        session.delete(row)
        return removed


def restore_action(db: Database, screening_id: int, data: ActionData) -> Changed[ActionData]:
    """Put a deleted action back under its old id and at its old place (undo of delete)."""
    with db.session() as session:
        touch(session, screening_id)
        row = Action(id=data.id, screening_id=screening_id, position=data.position)
        session.add(_copy_fields(row, data))
        session.flush()
        return _with_unit(session, row)


def reorder_actions(db: Database, screening_id: int, ordered_ids: list[int]) -> Changes:
    with db.session() as session:
        touch(session, screening_id)
        rows = {
            row.id: row
            for row in session.exec(
                select(Action).where(Action.screening_id == screening_id)
            ).all()
        }
        if set(rows) != set(ordered_ids):
            raise ValidationError("Handlingerne er ændret imens; prøv igen.")
        for position, action_id in enumerate(ordered_ids):
            rows[action_id].position = position
            session.add(rows[action_id])
        return changed(session, screening_id, Kind.ACTIONS)
