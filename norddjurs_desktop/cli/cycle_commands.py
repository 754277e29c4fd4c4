"""The cycle on the command line: `follow-up`, `history`, `export-actions`, `export-calendar`.

Errors end as one Danish "Fejl: …" line on stderr and exit code 2 (see
:func:`norddjurs_desktop.cli.main`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from norddjurs_desktop.cli import CliError, chosen_screening, open_db
from norddjurs_desktop.domain.dates import danish_date, parse_danish_date
from norddjurs_desktop.storage.database import Database


def _unit_id(db: Database, name: str) -> int:
    from norddjurs_desktop.services import units

    unit_id = units.find_unit(db, name)
    if unit_id is None:
        raise CliError(f"Der findes ingen enhed med navnet '{' '.join(name.split())}'.")
    return unit_id


def _cannot_write(out: Path, error: OSError) -> CliError:
    return CliError(f"Kan ikke skrive {out}: {error.strerror or 'ingen adgang'}.")


def _cmd_follow_up(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.followup import start_follow_up

    try:
        on = parse_danish_date(args.on) if args.on else date.today()
    except ValueError as error:
        raise CliError(f"--on: {error}") from error
    db = open_db(args.db)
    try:
        screening_id = start_follow_up(db, _unit_id(db, args.unit), on=on)
    finally:
        db.close()
    print(screening_id)


def _cmd_history(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.history import unit_history

    db = open_db(args.db)
    try:
        entries = unit_history(db, _unit_id(db, args.unit))
    finally:
        db.close()
    if args.json:
        print(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2))
        return
    for entry in entries:
        scores = " ".join("–" if v is None else str(v) for v in entry.scores.values())
        print(f"Screening {entry.id}: {danish_date(entry.date)}  {entry.forum}  "
              f"scorer {scores}  åbne {entry.actions_open}, gennemførte {entry.actions_done}")


def _cmd_export_actions(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.action_exports import export_actions

    db = open_db(args.db)
    try:
        screening_id = chosen_screening(db, args.screening)
        try:
            export_actions(db, screening_id, args.out)
        except OSError as error:
            raise _cannot_write(args.out, error) from error
    finally:
        db.close()
    print(f"Handlingerne er gemt i {args.out}.")


def _cmd_export_calendar(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.action_exports import export_calendar

    db = open_db(args.db)
    try:
        try:
            _path, events = export_calendar(db, _unit_id(db, args.unit), args.out)
        except OSError as error:
            raise _cannot_write(args.out, error) from error
    finally:
        db.close()
    print(f"Kalenderfilen med {events} {'aftale' if events == 1 else 'aftaler'} "
          f"er gemt i {args.out}.")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("follow-up", "Opret en opfølgning på enhedens seneste screening; skriver "
                "den nye screenings id.", _cmd_follow_up)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--on", metavar="DATO", help="opfølgningens dato (standard: i dag)")
    p = command("history", "Vis enhedens screeninger over tid, ældste først.", _cmd_history)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--json", action="store_true", help="som JSON")
    p = command("export-actions", "Gem en plans handlinger som XLSX eller CSV.",
                _cmd_export_actions)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--screening", required=True, help="screeningens id eller 'latest'")
    p.add_argument("--out", type=Path, required=True, help="filen (.xlsx eller .csv)")
    p = command("export-calendar", "Gem enhedens deadlines og opfølgninger som kalenderfil.",
                _cmd_export_calendar)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--out", type=Path, required=True, help="kalenderfilen (.ics)")
