"""The contact model on the command line: `contact-plan` and `poster`.

Both use the model chosen in the database when ``--db`` is given, otherwise
Norddjurs' 1-3-10. Nothing is written to the database; a bad date or list of
days ends as one Danish line and exit code 2 (see :func:`norddjurs_desktop.cli.main`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from norddjurs_desktop.cli import CliError, database_exists, with_password
from norddjurs_desktop.domain.contact_model import ContactModelError, ContactPlan, parse_days
from norddjurs_desktop.domain.dates import danish_date, parse_danish_date
from norddjurs_desktop.storage.database import Database, open_database

DB_HELP = "databasefilen med den valgte kontaktmodel (uden: 1-3-10)"
_WEEKDAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")


def _open_optional(path: Path | None) -> Database | None:
    if path is None:
        return None
    if not database_exists(path):
        raise CliError(f"Databasen {path} findes ikke.")
    return with_password(path, lambda password: open_database(path, password=password))


def _write(what: str, path: Path, write: Callable[[Path], object]) -> None:
    try:
        write(path)
    except OSError as error:
        raise CliError(f"Kan ikke skrive {what} til {path}: {error.strerror or error}.") from error


def _day(value: date) -> str:
    return f"{_WEEKDAYS[value.weekday()]} {danish_date(value)}"


def plan_table(plan: ContactPlan) -> str:
    """The plan as plain text: contacts (both dates when moved), then alerts in date order."""
    lines = [
        f"Kontaktplan efter {plan.model.title}, første sygedag {_day(plan.first_day)}",
        "Kontakter:",
    ]
    for c in plan.contacts:
        when = _day(c.planned)
        if c.moved:
            when += f" (dag {c.day} er {_day(c.date)}, {c.reason}: flyttet)"
        lines.append(f"  Dag {c.day:<3} {when}")
        lines.append(f"           {c.text}")
    lines.append("Adviser (flyttes ikke):")
    for a in plan.alerts:
        lines.append(f"  {a.label:<11}{_day(a.date)}  {a.text}")
    return "\n".join(lines)


def _cmd_contact_plan(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.contact import contact_plan, write_ics

    try:
        first_day = parse_danish_date(args.first_day)
    except ValueError as error:
        raise CliError(f"--first-day: {error}") from error
    try:
        days = parse_days(args.days) if args.days is not None else None
    except ContactModelError as error:
        raise CliError(f"--days: {error}") from error
    db = _open_optional(args.db)
    try:
        plan = contact_plan(db, first_day, days)
    finally:
        if db is not None:
            db.close()
    if args.ics is not None:
        _write("kalenderfilen", args.ics, lambda path: write_ics(plan, path))
    if args.pdf is not None:
        from norddjurs_desktop.reports.contact_plan_pdf import write_contact_plan

        _write("PDF'en", args.pdf, lambda path: write_contact_plan(plan, path, args.label or ""))
    if args.json:
        print(json.dumps(plan.to_json_dict(), ensure_ascii=False))
        return
    print(plan_table(plan))
    for what, path in (("Kalenderfilen", args.ics), ("PDF'en", args.pdf)):
        if path is not None:
            print(f"{what} er gemt i {path}.")


def _cmd_poster(args: argparse.Namespace) -> None:
    from norddjurs_desktop.reports.contact_poster import write_poster
    from norddjurs_desktop.services.contact import chosen_model

    db = _open_optional(args.db)
    try:
        model = chosen_model(db)
    finally:
        if db is not None:
            db.close()
    _write("plakaten", args.out, lambda path: write_poster(model, path, args.size))
    print(f"Plakaten '{model.title}' ({args.size}) er gemt i {args.out}.")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command(
        "contact-plan",
        "Vis kontakter og adviser efter kontaktmodellen for en første sygedag.",
        _cmd_contact_plan,
    )
    p.add_argument("--first-day", required=True, metavar="DATO",
                   help="første sygedag (åååå-mm-dd eller dd-mm-åååå)")
    p.add_argument("--days", metavar="DAGE", help="egne kontaktdage, fx 1,3,10")
    p.add_argument("--json", action="store_true", help="planen som ét JSON-objekt")
    p.add_argument("--ics", type=Path, metavar="FIL", help="gem planen som kalenderfil (.ics)")
    p.add_argument("--pdf", type=Path, metavar="FIL", help="gem planen som PDF (én A4-side)")
    p.add_argument("--label", metavar="TEKST", help="valgfri overskrift på PDF'en (gemmes ikke)")
    p.add_argument("--db", type=Path, metavar="FIL", help=DB_HELP)
    p = command("poster", "Gem plakaten om kontaktmodellen som PDF.", _cmd_poster)
    p.add_argument("--size", choices=("A3", "A4"), required=True, help="papirstørrelse")
    p.add_argument("--out", type=Path, required=True, metavar="FIL",
                   help="PDF-filen der skal skrives")
    p.add_argument("--db", type=Path, metavar="FIL", help=DB_HELP)
