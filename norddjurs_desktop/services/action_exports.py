"""Actions out of the app: a spreadsheet of a plan, a calendar file of a unit's due dates.

Also gathers what is due (open actions' deadlines and follow-up dates, the
next follow-up meeting) for the home and the CLI.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.due import (
    KIND_DEADLINE,
    KIND_FOLLOW_UP,
    KIND_MEETING,
    DueItem,
    stable_uid,
)
from norddjurs_desktop.domain.open_actions import counts_as_open
from norddjurs_desktop.domain.palette import PALETTE_TITLES
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Action, ActionReview, Screening, Unit

SHEET_SUFFIXES = (".xlsx", ".csv")


def export_actions(db: Database, screening_id: int, out: Path) -> Path:
    """The plan's actions as XLSX or CSV, chosen by the file's ending."""
    suffix = Path(out).suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise ValidationError("Filen skal ende på .xlsx eller .csv.")
    from norddjurs_desktop.reports.action_sheets import write_actions_csv, write_actions_xlsx
    from norddjurs_desktop.services.plan import build_action_plan

    plan = build_action_plan(db, screening_id)
    (write_actions_xlsx if suffix == ".xlsx" else write_actions_csv)(plan, Path(out))
    return Path(out)


def _unit_key(unit: Unit) -> str:
    return f"{unit.id}-{unit.created_at:%Y%m%d%H%M%S}"


def due_items(db: Database, unit_id: int | None = None) -> list[DueItem]:
    """Every open action's deadline and follow-up date, and each unit's next follow-up
    meeting (from its latest screening), by date. An action carried into a newer plan
    is left out: its copy there stands for it."""
    with db.session() as session:
        query = select(Unit)
        if unit_id is not None:
            query = query.where(Unit.id == unit_id)
        units = {u.id: u for u in session.exec(query)}
        if unit_id is not None and not units:
            raise NotFoundError("Enheden findes ikke længere.")
        screenings = session.exec(
            select(Screening).where(col(Screening.unit_id).in_(list(units)))
            .order_by(col(Screening.date), col(Screening.id))
        ).all()
        by_id = {s.id: s for s in screenings}
        carried = set(session.exec(
            select(ActionReview.action_id).where(col(ActionReview.carried_action_id).is_not(None))
        ).all())
        actions = session.exec(
            select(Action).where(col(Action.screening_id).in_(list(by_id)))
            .order_by(col(Action.position), col(Action.id))
        ).all()
        items: list[DueItem] = []
        for action in actions:
            if not counts_as_open(action.status, action.id in carried):
                continue
            screening = by_id[action.screening_id]
            unit = units[screening.unit_id]
            details = "\n".join(part for part in (
                f"Handling: {action.action}",
                f"Tema: {PALETTE_TITLES.get(action.theme_key, '')}" if action.theme_key else "",
                f"Ansvarlig: {action.owner}" if action.owner else "",
                f"Status: {action.status}",
                f"Succes-kriterium: {action.success}" if action.success else "",
                f"Fra handlingsplanen {danish_date(screening.date)} for {unit.name}.",
            ) if part)
            for kind, day in ((KIND_DEADLINE, action.deadline), (KIND_FOLLOW_UP, action.follow_up)):
                if day is None:
                    continue
                items.append(DueItem(
                    kind=kind, day=day, unit_name=unit.name, screening_id=screening.id or 0,
                    action_id=action.id, text=action.action, details=details,
                    uid=stable_uid(_unit_key(unit), screening.id or 0, action.id, kind),
                    changed=screening.updated_at,
                ))
        latest: dict[int, Screening] = {}
        for screening in screenings:  # oldest first: the last one seen is the latest
            latest[screening.unit_id] = screening
        for screening in latest.values():
            if screening.next_follow_up is None:
                continue
            unit = units[screening.unit_id]
            items.append(DueItem(
                kind=KIND_MEETING, day=screening.next_follow_up, unit_name=unit.name,
                screening_id=screening.id or 0, action_id=None, text=unit.name,
                details=f"Næste opfølgning på handlingsplanen fra {danish_date(screening.date)}.",
                uid=stable_uid(_unit_key(unit), screening.id or 0, None, KIND_MEETING),
                changed=screening.updated_at,
            ))
    return sorted(items, key=lambda i: (i.day, i.unit_name, i.kind, i.action_id or 0))


def export_calendar(db: Database, unit_id: int, out: Path) -> tuple[Path, int]:
    """The unit's due dates as an .ics file; returns the path and the number of events."""
    if Path(out).suffix.lower() != ".ics":
        raise ValidationError("Kalenderfilen skal ende på .ics.")
    items = due_items(db, unit_id)
    with db.session() as session:
        unit = session.get(Unit, unit_id)
        name = unit.name if unit else ""
    from norddjurs_desktop.reports.calendar_file import write_calendar

    write_calendar(items, f"Handlingsplan – {name}", Path(out))
    return Path(out), len(items)
