"""The contact model during sickness absence (1-3-10 and its cousins) and its calendar rules.

A municipality chooses on which days of an absence the leader contacts the
sick employee (Norddjurs: day 1, 3 and 10; elsewhere 1-5-14 or 2-6-14) and
when the HR system alerts the leader. The models are data (TOML files in
``resources/contact_models``); the rules that turn a first sick day into
dates live here, so the GUI, the CLI, the PDF and the calendar file agree:

- day N of an absence is the first sick day + N − 1 calendar days;
- a *contact* due on a Saturday, Sunday or Danish public holiday is planned on
  the next working day (the calendar of :mod:`.workdays`), and both dates are kept;
- an *alert* is never moved: alerts on day N, and alerts k months after the
  first sick day fall on the same day of the month, or on the month's last day
  where the month has no such day (31 January + 1 month → 28/29 February).
"""

from __future__ import annotations

import calendar
import datetime as dt
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .workdays import is_working_day

__all__ = [
    "OWN_DAYS_KEY",
    "ContactModelError",
    "AlertStep",
    "ContactModel",
    "ContactPlan",
    "ContactStep",
    "PlannedAlert",
    "PlannedContact",
    "add_months",
    "day_date",
    "model_with_days",
    "next_working_day",
    "off_day_reason",
    "parse_contact_model",
    "parse_days",
    "plan_contacts",
    "validate_days",
]

OWN_DAYS_KEY = "egne"
MAX_DAY = 365
LAST_MONTH = 12

#: Texts for contact days HR types in itself (the shipped models bring their own).
FIRST_CONTACT_TEXT = (
    "Ring til medarbejderen: sig god bedring, hør om der er noget, du skal vide for at "
    "planlægge arbejdet, og aftal hvornår I taler sammen igen."
)
LATER_CONTACT_TEXT = (
    "Ring igen: hør hvordan det går, om der er noget, arbejdspladsen kan gøre, og hvornår en "
    "(delvis) tilbagevenden kan blive aktuel. Aftal næste kontakt."
)
FIRST_CONTACT_SHORT = "Tag imod sygemeldingen. Aftal næste kontakt."
LATER_CONTACT_SHORT = "Ring: Hvordan går det? Kan vi hjælpe?"
REMINDER_TEXT = "Påmindelse om en af kontaktdagene: husk opringningen til medarbejderen."


class ContactModelError(ValueError):
    """A model file or a list of days that cannot be used; the message is Danish."""


@dataclass(frozen=True)
class ContactStep:
    """A day the leader contacts the employee, and what the call is for."""

    day: int
    text: str
    short: str = ""  # a few words for the poster

    @property
    def poster_text(self) -> str:
        return self.short or self.text


@dataclass(frozen=True)
class AlertStep:
    """An alert to the leader: after ``days`` days or ``months`` months (exactly one is set)."""

    label: str
    text: str
    days: int | None = None
    months: int | None = None
    reminds_contact: bool = False  # a reminder of a contact day: follows the contact days
    short: str = ""  # a few words for the poster
    monthly: bool = False  # one of the "then once a month" alerts

    @property
    def poster_text(self) -> str:
        return self.short or self.text


@dataclass(frozen=True)
class ContactModel:
    key: str
    title: str
    description: str
    contacts: tuple[ContactStep, ...]
    alerts: tuple[AlertStep, ...]

    @property
    def days(self) -> tuple[int, ...]:
        return tuple(step.day for step in self.contacts)

    @property
    def days_text(self) -> str:
        """'1-3-10': how people name the model."""
        return "-".join(str(day) for day in self.days)

    def milestones(self) -> tuple[tuple[str, int | None, int | None], ...]:
        """What the data view counts: (label, days, months) for each contact after day 1
        and each day alert, then 2 and 3 months (later months are rare enough to read off)."""
        days = sorted({d for d in self.days if d > 1} | {
            a.days for a in self.alerts if a.days is not None
        })
        months = sorted({a.months for a in self.alerts if a.months is not None and a.months <= 3})
        return (
            *((f"dag {d}", d, None) for d in days),
            *((_months_label(m), None, m) for m in months),
        )


@dataclass(frozen=True)
class PlannedContact:
    day: int
    date: dt.date  # the day the model names
    planned: dt.date  # the next working day on or after it
    text: str
    reason: str = ""  # why it moved ("lørdag", "Anden påskedag"); "" when not moved

    @property
    def moved(self) -> bool:
        return self.planned != self.date


@dataclass(frozen=True)
class PlannedAlert:
    label: str
    date: dt.date
    text: str


@dataclass(frozen=True)
class ContactPlan:
    model: ContactModel
    first_day: date
    contacts: tuple[PlannedContact, ...]
    alerts: tuple[PlannedAlert, ...]

    def to_json_dict(self) -> dict[str, object]:
        """The fixed shape of ``contact-plan --json``."""
        return {
            "contacts": [
                {"day": c.day, "date": c.date.isoformat(), "planned": c.planned.isoformat(),
                 "text": c.text}
                for c in self.contacts
            ],
            "alerts": [
                {"label": a.label, "date": a.date.isoformat(), "text": a.text}
                for a in self.alerts
            ],
        }


# -- calendar rules ------------------------------------------------------------------------
def day_date(first_day: date, day: int) -> date:
    """Day ``day`` of an absence that began on ``first_day`` (day 1 is the first day)."""
    return first_day + timedelta(days=day - 1)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, otherwise the next one."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> dict[date, str]:
    import holidays  # lazily: its calendar machinery is slow to import, and `stats` needs none

    return dict(holidays.country_holidays("DK", years=year, language="da"))


def off_day_reason(day: date) -> str:
    """Why ``day`` is no working day: the holiday's Danish name, or 'lørdag'/'søndag'."""
    name = _holiday_names(day.year).get(day)
    if name:
        return name
    return _WEEKDAYS[day.weekday()] if day.weekday() >= 5 else ""


def _months_label(months: int) -> str:
    return f"{months} måneder" if months != 1 else "1 måned"


def plan_contacts(model: ContactModel, first_day: date) -> ContactPlan:
    """Every contact and alert of ``model`` for an absence that began on ``first_day``.

    Alerts are in date order (a month alert may precede a day alert only in
    a model with very late day alerts), up to 12 months after the first day.
    """
    contacts = []
    for step in model.contacts:
        due = day_date(first_day, step.day)
        planned = next_working_day(due)
        contacts.append(
            PlannedContact(step.day, due, planned, step.text, off_day_reason(due) if
                           planned != due else "")
        )
    alerts = []
    for alert in model.alerts:
        if alert.days is not None:
            alerts.append(PlannedAlert(alert.label, day_date(first_day, alert.days), alert.text))
        elif alert.months is not None:
            alerts.append(PlannedAlert(alert.label, add_months(first_day, alert.months),
                                       alert.text))
    alerts.sort(key=lambda a: a.date)
    return ContactPlan(model, first_day, tuple(contacts), tuple(alerts))


# -- models as data ------------------------------------------------------------------------
def parse_days(text: str) -> tuple[int, ...]:
    """'1,3,10' → (1, 3, 10); a clear Danish ContactModelError otherwise."""
    parts = [part.strip() for part in text.replace(";", ",").split(",")]
    if not text.strip() or any(not part for part in parts):
        raise ContactModelError(
            f"'{text.strip()}' er ikke en liste af dage. Skriv fx 1,3,10."
        )
    days: list[int] = []
    for part in parts:
        if not part.isdigit():
            raise ContactModelError(f"'{part}' er ikke et helt antal dage. Skriv fx 1,3,10.")
        days.append(int(part))
    return validate_days(days)


def validate_days(days: list[int] | tuple[int, ...]) -> tuple[int, ...]:
    if not days:
        raise ContactModelError("Vælg mindst én kontaktdag.")
    for day in days:
        if not 1 <= day <= MAX_DAY:
            raise ContactModelError(
                f"Dag {day} duer ikke: kontaktdage skal ligge mellem dag 1 og dag {MAX_DAY}."
            )
    if len(set(days)) != len(days):
        raise ContactModelError("Den samme dag står flere gange i listen af kontaktdage.")
    return tuple(sorted(days))


def model_with_days(base: ContactModel, days: tuple[int, ...]) -> ContactModel:
    """``base`` with other contact days: its texts where a day matches, general ones elsewhere.

    Alerts that remind of a contact day follow the new days (one reminder on
    each contact day after the first); the other alerts (28 days, months) stay.
    """
    days = validate_days(days)
    if days == base.days:
        return base
    known = {step.day: step for step in base.contacts}
    contacts = tuple(
        known.get(day) or ContactStep(
            day,
            FIRST_CONTACT_TEXT if i == 0 else LATER_CONTACT_TEXT,
            FIRST_CONTACT_SHORT if i == 0 else LATER_CONTACT_SHORT,
        )
        for i, day in enumerate(days)
    )
    reminders = tuple(
        AlertStep(f"{day} dage", REMINDER_TEXT, days=day, reminds_contact=True,
                  short=f"Husk kontakten på dag {day}")
        for day in days[1:]
    )
    kept = tuple(alert for alert in base.alerts if not alert.reminds_contact)
    name = "-".join(str(day) for day in days)
    return ContactModel(
        OWN_DAYS_KEY, f"Egne kontaktdage ({name})", base.description, contacts, reminders + kept
    )


def parse_contact_model(text: str, source: str = "modelfilen") -> ContactModel:
    """A model from its TOML text (see ``resources/contact_models``)."""
    try:
        data = tomllib.loads(text)
        contacts = tuple(
            ContactStep(int(item["day"]), str(item["text"]).strip(),
                        str(item.get("short", "")).strip())
            for item in data.get("contacts", [])
        )
        alerts: list[AlertStep] = []
        for item in data.get("alerts", []):
            days, months = item.get("days"), item.get("months")
            if (days is None) == (months is None):
                raise ContactModelError(
                    f"Et advis i {source} skal have enten 'days' eller 'months'."
                )
            alerts.append(AlertStep(
                str(item.get("label") or (f"{days} dage" if days else _months_label(months))),
                str(item["text"]).strip(),
                None if days is None else int(days),
                None if months is None else int(months),
                bool(item.get("reminds_contact", False)),
                str(item.get("short", "")).strip(),
            ))
        monthly = data.get("monthly")
        if monthly is not None:
            for months in range(int(monthly["from"]), int(monthly.get("to", LAST_MONTH)) + 1):
                alerts.append(AlertStep(_months_label(months), str(monthly["text"]).strip(),
                                        months=months, short=str(monthly.get("short", "")),
                                        monthly=True))
        model = ContactModel(
            str(data["key"]), str(data["title"]), str(data.get("description", "")).strip(),
            contacts, tuple(alerts),
        )
    except tomllib.TOMLDecodeError as error:
        raise ContactModelError(f"{source} kan ikke læses: {error}.") from error
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ContactModelError):
            raise
        raise ContactModelError(
            f"{source} mangler et felt eller har en forkert værdi: {error}."
        ) from error
    validate_days(model.days)
    if model.days != tuple(sorted(model.days)):
        raise ContactModelError(f"Kontaktdagene i {source} skal stå i rækkefølge.")
    return model
