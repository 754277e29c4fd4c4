"""The contact model as a use case: the shipped models, HR's choice in the database, a plan.

The models are TOML files in ``resources/contact_models``; which one applies is
a setting of the database file (``app_setting``), so everyone who opens the
same file plans with the same days. A contact plan is computed, shown, printed
or exported — never stored: it concerns one sick employee, and the app keeps no
names or person-level plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from norddjurs_desktop.domain.contact_model import (
    OWN_DAYS_KEY,
    ContactModel,
    ContactModelError,
    ContactPlan,
    model_with_days,
    parse_contact_model,
    plan_contacts,
    validate_days,
)
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.paths import RESOURCES
from norddjurs_desktop.services.changes import Changed, Changes, Kind
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.storage.database import Database

__all__ = [
    "CONTACT_MODELS",
    "DEFAULT_MODEL_KEY",
    "ModelChoice",
    "chosen_model",
    "contact_plan",
    "get_model_choice",
    "ics_text",
    "load_models",
    "set_model_choice",
    "write_ics",
]

CONTACT_MODELS = RESOURCES / "contact_models"
DEFAULT_MODEL_KEY = "1-3-10"
MODEL_SETTING = "contact_model"
DAYS_SETTING = "contact_days"


@dataclass(frozen=True)
class ModelChoice:
    """HR's choice: a shipped model's key, or ``egne`` with its own contact days."""

    key: str
    days: tuple[int, ...] = ()


def load_models(folder: Path = CONTACT_MODELS) -> dict[str, ContactModel]:
    """The shipped models by key, Norddjurs' 1-3-10 first."""
    models: dict[str, ContactModel] = {}
    for path in sorted(folder.glob("*.toml")):
        model = parse_contact_model(path.read_text(encoding="utf-8"), path.name)
        models[model.key] = model
    if DEFAULT_MODEL_KEY not in models:
        raise ContactModelError(f"Kontaktmodellen {DEFAULT_MODEL_KEY} mangler i {folder}.")
    ordered = {DEFAULT_MODEL_KEY: models.pop(DEFAULT_MODEL_KEY)}
    ordered.update(models)
    return ordered


def _setting(db: Database, key: str) -> str | None:
    rows = db.read("SELECT value FROM app_setting WHERE key = ?", (key,))
    return rows[0][0] if rows else None


def get_model_choice(db: Database) -> ModelChoice:
    """The stored choice; 1-3-10 when nothing (or something no longer known) is stored."""
    key = _setting(db, MODEL_SETTING) or DEFAULT_MODEL_KEY
    if key == OWN_DAYS_KEY:
        try:
            days = validate_days(
                [int(part) for part in (_setting(db, DAYS_SETTING) or "").split(",") if part]
            )
        except ValueError:
            return ModelChoice(DEFAULT_MODEL_KEY)
        return ModelChoice(OWN_DAYS_KEY, days)
    if key not in load_models():
        return ModelChoice(DEFAULT_MODEL_KEY)
    return ModelChoice(key)


def model_for(choice: ModelChoice) -> ContactModel:
    models = load_models()
    if choice.key == OWN_DAYS_KEY:
        return model_with_days(models[DEFAULT_MODEL_KEY], choice.days)
    return models.get(choice.key, models[DEFAULT_MODEL_KEY])


def chosen_model(db: Database | None) -> ContactModel:
    """The model the file's users plan with (1-3-10 without a database)."""
    return model_for(get_model_choice(db) if db is not None else ModelChoice(DEFAULT_MODEL_KEY))


def set_model_choice(
    db: Database, key: str, days: tuple[int, ...] | list[int] = ()
) -> Changed[ModelChoice]:
    """Store HR's choice for everyone using this file; refuses (in Danish) what cannot be used."""
    from norddjurs_desktop.storage.models import utc_now
    from norddjurs_desktop.storage.settings_models import AppSetting

    if key == OWN_DAYS_KEY:
        try:
            chosen = validate_days(list(days))
        except ContactModelError as error:
            raise ValidationError(str(error)) from error
        choice = ModelChoice(OWN_DAYS_KEY, chosen)
    elif key in load_models():
        choice = ModelChoice(key)
    else:
        raise ValidationError(f"Kontaktmodellen '{key}' findes ikke.")
    values = {MODEL_SETTING: choice.key, DAYS_SETTING: ",".join(str(d) for d in choice.days)}
    with db.session() as session:
        for name, value in values.items():
            row = session.get(AppSetting, name)
            if row is None:
                session.add(AppSetting(key=name, value=value))
            else:
                row.value, row.updated_at = value, utc_now()
                session.add(row)
    # open plans, deadlines and the contact figures all follow the model
    return Changed(choice, Changes.of(Kind.CONTACT_MODEL))


def contact_plan(
    db: Database | None, first_day: date, days: tuple[int, ...] | None = None
) -> ContactPlan:
    """The plan for an absence that began on ``first_day``; ``days`` overrides the contact days."""
    model = chosen_model(db)
    if days is not None:
        try:
            model = model_with_days(model, days)
        except ContactModelError as error:
            raise ValidationError(str(error)) from error
    return plan_contacts(model, first_day)


# -- calendar file ----------------------------------------------------------------------------
def _agenda(plan: ContactPlan) -> dict[date, list[tuple[str, str]]]:
    """(summary, description) of everything due on each date, in date order."""
    items: dict[date, list[tuple[str, str]]] = {}
    for contact in plan.contacts:
        note = contact.text
        if contact.moved:
            note += (
                f" (Dag {contact.day} er {danish_date(contact.date)}, {contact.reason}; "
                "kontakten er flyttet til næste arbejdsdag.)"
            )
        items.setdefault(contact.planned, []).append((f"Kontakt dag {contact.day}", note))
    for alert in plan.alerts:
        items.setdefault(alert.date, []).append((f"Advis {alert.label}", alert.text))
    return dict(sorted(items.items()))


def ics_text(plan: ContactPlan) -> bytes:
    """An iCalendar file: one all-day event per date, each with a reminder at 9:00 that day.

    No label or name goes into the file: a calendar is often shared or synced,
    and the plan concerns one employee's health.

    The reminder is 9 hours after the start of the all-day event, i.e. 9:00 in
    whatever time zone the calendar shows the (floating) date in.
    """
    from datetime import timedelta

    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Fremmødepaletten//Kontaktplan//DA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Kontaktplan {plan.model.title}")
    for number, (day, entries) in enumerate(_agenda(plan).items(), start=1):
        event = Event()
        event.add("uid", f"{plan.first_day.isoformat()}-{number}@fremmoedepaletten")
        event.add("dtstamp", _stamp())
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", " og ".join(summary for summary, _ in entries))
        event.add("description", "\n\n".join(f"{s}: {text}" for s, text in entries))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", " og ".join(summary for summary, _ in entries))
        alarm.add("trigger", timedelta(hours=9))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def _stamp() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def write_ics(plan: ContactPlan, path: Path) -> Path:
    path.write_bytes(ics_text(plan))
    return path
