"""Absence data on the command line: `import-absence` and `stats`.

Both print Danish; errors end as one "Fejl: …" line on stderr and exit 2
(see :func:`norddjurs_desktop.cli.main`). A failed import changes nothing —
not even the unit: a new unit is created in the import's own transaction.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from norddjurs_desktop.cli import CliError, database_exists, open_db, with_password
from norddjurs_desktop.domain.dates import (
    danish_date,
    format_number,
    format_percent,
    parse_danish_date,
)
from norddjurs_desktop.importing.errors import ImportFileError
from norddjurs_desktop.storage.database import Database, open_database

if TYPE_CHECKING:  # the figures (and numpy) load when `stats` runs, not for every command
    from norddjurs_desktop.domain.absence import AbsenceStats


def _count(n: int, one: str, many: str) -> str:
    """``1 person``, ``5.000 personer``: Danish thousands and the singular for one."""
    return f"{format_number(n, 0)} {one if n == 1 else many}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cmd_import_absence(args: argparse.Namespace) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from norddjurs_desktop.services import units
    from norddjurs_desktop.services.absence import list_imports
    from norddjurs_desktop.services.absence_import import import_absence_for_unit, skipped_rows

    db = open_db(args.db)
    try:
        unit_id = units.find_unit(db, args.unit)
        replaces = unit_id is not None and any(
            i.staff_file == args.staff.name and i.absence_file == args.absence.name
            for i in list_imports(db, unit_id)
        )
        try:
            info, _created = import_absence_for_unit(
                db, args.unit, args.staff, args.absence, skip_bad_rows=args.skip_bad_rows
            )
        except ImportFileError as error:
            hint = ""
            if error.skippable:
                hint = (f" Brug --skip-bad-rows for at importere uden de {error.bad_rows} "
                        "rækker, der ikke kan bruges.")
            raise CliError(_one_line(error.message) + hint) from error
        except (sqlite3.Error, SQLAlchemyError) as error:
            cause = getattr(error, "orig", None) or error
            raise CliError(
                f"Importen kunne ikke gemmes ({_one_line(str(cause))}). Intet er gemt, "
                "heller ikke en ny enhed."
            ) from error
        skipped = skipped_rows(db, info.id)
    finally:
        db.close()
    print(
        f"Importeret til '{' '.join(args.unit.split())}': "
        f"{_count(info.staff_rows, 'person', 'personer')}, "
        f"{_count(info.absence_rows, 'fraværsrække', 'fraværsrækker')}, perioden "
        f"{danish_date(info.period_from)} – {danish_date(info.period_to)}."
    )
    if replaces:
        print("Importen erstatter den tidligere import af de samme filer.")
    if skipped:
        rows = len({p.row for p in skipped})
        print(f"Sprunget over: {rows} rækker i '{args.absence.name}', der ikke kunne bruges:")
        for problem in skipped:
            print(f"  række {problem.row}, kolonnen '{problem.column}': {problem.message}")


def _date_option(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return parse_danish_date(value)
    except ValueError as error:
        raise CliError(f"{option}: {error}") from error


def _open_existing(path: Path) -> Database:
    """The database for reading figures; never creates a file, skips the deck sync."""
    if not database_exists(path):
        raise CliError(f"Databasen {path} findes ikke.")
    return with_password(path, lambda password: open_database(path, password=password))


def _cmd_stats(args: argparse.Namespace) -> None:
    # Read through sqlite3 only: SQLAlchemy is not even imported for `stats`.
    from norddjurs_desktop.services.absence_stats import unit_stats
    from norddjurs_desktop.services.overview import find_unit_id

    period_from = _date_option(args.period_from, "--from")
    period_to = _date_option(args.period_to, "--to")
    db = _open_existing(args.db)
    try:
        unit_id = find_unit_id(db, args.unit)
        if unit_id is None:
            raise CliError(f"Der findes ingen enhed med navnet '{args.unit}'.")
        stats = unit_stats(
            db, unit_id, period_from=period_from, period_to=period_to, team=args.team
        )
        milestones = None
        if args.json and stats is not None and not stats.too_few_persons:
            from norddjurs_desktop.services.contact_figures import unit_milestones

            milestones = unit_milestones(db, unit_id, period_from=stats.period_from,
                                         period_to=stats.period_to, team=stats.team)
    finally:
        db.close()
    if stats is None:
        raise CliError(f"Enheden '{args.unit}' har ingen importerede fraværsdata.")
    if stats.too_few_persons:
        raise CliError(
            f"Udvalget omfatter kun {stats.persons} personer; tal for færre end 5 personer vises "
            "ikke."
        )
    if args.json:
        figures = stats.to_json_dict()
        if milestones is not None:
            figures["contact_milestones"] = dict(milestones.reached)
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(_table(args.unit, stats))


def _pct(value: float | None) -> str:
    return "færre end 5" if value is None else format_percent(value)


def _table(unit: str, stats: AbsenceStats) -> str:
    period = f"{danish_date(stats.period_from)} – {danish_date(stats.period_to)}"
    title = f"Fravær for '{unit}', {period}"
    if stats.team is not None:
        title += f", team {stats.team}"
    lines = [
        title,
        f"  {'Personer':<24}{stats.persons:>12}",
        f"  {'Årsværk':<24}{format_number(stats.fte):>12}",
        f"  {'Sygedage':<24}{format_number(stats.sick_days):>12}",
        f"  {'Fraværsprocent':<24}"
        f"{'–' if stats.absence_pct is None else format_percent(stats.absence_pct):>12}",
        f"  {'Sygedage pr. årsværk':<24}"
        f"{'–' if stats.days_per_fte is None else format_number(stats.days_per_fte):>12}",
        f"  {'Sygeforløb':<24}{stats.sick_spells:>12}",
        "Dage pr. årsag",
        *(f"  {reason:<24}{format_number(days):>12}" for reason, days in
          stats.days_by_type.items()),
        "Forløb pr. ugedag for første sygedag",
        *(f"  {day:<24}{count:>12}" for day, count in stats.weekday_starts.items()),
    ]
    for heading, groups in (
        ("Fravær pr. team", stats.by_team),
        ("Fravær pr. faggruppe", stats.by_job_group),
        ("Fravær pr. aldersgruppe", stats.by_age_group),
    ):
        lines.append(heading)
        lines.extend(f"  {label:<24}{_pct(value):>12}" for label, value in groups.items())
    return "\n".join(lines)


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command(
        "import-absence",
        "Importér en medarbejderliste og en fraværsfil for en enhed (opretter enheden).",
        _cmd_import_absence,
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--staff", type=Path, required=True, help="medarbejderlisten (CSV eller XLSX)")
    p.add_argument("--absence", type=Path, required=True, help="fraværsfilen (CSV eller XLSX)")
    p.add_argument(
        "--skip-bad-rows", action="store_true",
        help="importér uden de fraværsrækker, der ikke kan bruges (umulig dato, Til før Fra, "
             "ukendt medarbejder), og vis dem; alle andre fejl stopper stadig importen",
    )
    p = command("stats", "Vis fraværstallene for en enhed.", _cmd_stats)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--from", dest="period_from", metavar="DATO", help="periodens første dag")
    p.add_argument("--to", dest="period_to", metavar="DATO", help="periodens sidste dag")
    p.add_argument("--team", help="kun dette team ('Uden team' for dem uden)")
    p.add_argument("--json", action="store_true", help="ét JSON-objekt med alle tal")
