"""Command-line front end over the same services as the GUI. No Qt is imported here.

Every failure a user can cause ends in one Danish line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from norddjurs_desktop.danish_argparse import use_danish
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.services.errors import ServiceError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.errors import PasswordRequiredError, StorageError
from norddjurs_desktop.storage.location import (
    LocationError,
    ServerLocation,
    parse_location,
)

EXIT_ERROR = 2


class CliError(Exception):
    """A problem already phrased for the user."""


_running: list[str] = ["en kommando"]  # the command being run, named to other writers


def db_location(text: str) -> Path | ServerLocation:
    """``--db``: a database file, or a shared database ``postgresql+psycopg://user@host:port/db``.

    A password written in the address is refused: it would stay in the shell's
    history and the process list. It is asked for, or taken by libpq from
    ``PGPASSWORD`` or ``~/.pgpass``.
    """
    try:
        where, password = parse_location(text)
    except LocationError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    if password is not None:
        raise argparse.ArgumentTypeError(
            "skriv ikke adgangskoden i adressen – den spørges om, eller sættes i "
            "PGPASSWORD eller ~/.pgpass"
        )
    return where


def database_exists(location: Path | ServerLocation) -> bool:
    """A file must exist to be read; a server's database is checked when connecting."""
    return isinstance(location, ServerLocation) or location.is_file()


def with_password(location: Path | ServerLocation, opener: Callable[[str | None], Database]):
    """Open, and when the server wants a password nobody gave, ask for it on the terminal.

    libpq first tries ``PGPASSWORD`` and ``~/.pgpass`` itself; the password typed
    here is held in memory for this command only.
    """
    try:
        return opener(None)
    except PasswordRequiredError as error:
        if not isinstance(location, ServerLocation) or not sys.stdin.isatty():
            raise CliError(
                f"{error} Sæt den i miljøvariablen PGPASSWORD eller i ~/.pgpass, "
                "eller kør kommandoen i en terminal, så den kan spørges om."
            ) from error
        password = getpass.getpass(f"Adgangskode for {location.user} til {location.name}: ")
        return opener(password)


def open_db(path: Path | ServerLocation, *, write: bool | None = None) -> Database:
    """The database with the file's write lock; read-only if another writer has it.

    ``write=True`` for commands that write: they are refused at once instead.
    A shared database on a server needs no lock.
    """
    from norddjurs_desktop.services.bootstrap import open_for_command

    holder = f"kommandoen '{_running[0]}'"
    return with_password(
        path, lambda password: open_for_command(path, holder, write=write, password=password)
    )


def _cmd_demo(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo

    db = open_db(args.db, write=True)
    try:
        screening_id = create_demo(db)
    finally:
        db.close()
    print(f"Eksemplet '{DEMO_UNIT}' er oprettet (screening {screening_id}) i {args.db}.")


def _cmd_list(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.overview import list_units

    db = open_db(args.db)
    try:
        overview = list_units(db)
    finally:
        db.close()
    if not overview:
        print("Databasen har ingen enheder endnu.")
    for unit in overview:
        print(f"Enhed {unit.id}: {unit.name}")
        for s in unit.screenings:
            print(
                f"  Screening {s.id}: {danish_date(s.date)}  {s.forum}  {s.status}  "
                f"{s.action_count} handlinger"
            )


def chosen_screening(db: Database, given: str) -> int:
    """The screening named by ``--screening``: an id, or 'latest'."""
    from norddjurs_desktop.services.screenings import latest_screening_id

    if given == "latest":
        found = latest_screening_id(db)
        if found is None:
            raise CliError("Databasen har ingen screeninger endnu.")
        return found
    try:
        return int(given)
    except ValueError as error:
        raise CliError(f"--screening skal være et tal eller 'latest', ikke '{given}'.") from error


def _cmd_export_plan(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.plan import export_plan

    db = open_db(args.db)
    try:
        screening_id = chosen_screening(db, args.screening)
        out: Path = args.out
        try:
            export_plan(db, screening_id, out)
        except OSError as error:
            raise CliError(
                f"Kan ikke skrive {out}: {error.strerror or 'ingen adgang'}."
            ) from error
    finally:
        db.close()
    print(f"Handlingsplanen er gemt i {out}.")


def program_name() -> str:
    """How the user started us: the bundle's ``fremmoedepaletten``, or Python's ``-m``."""
    if getattr(sys, "frozen", False):
        return Path(sys.argv[0]).stem or "fremmoedepaletten"
    return "python -m norddjurs_desktop"


class _Parser(argparse.ArgumentParser):
    """argparse with a Danish one-line error and our exit code."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"Fejl: forkert brug af kommandoen ({message}). Se --help.\n")


def build_parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``wanted`` (a command's name) only that command's group is loaded."""
    use_danish()
    parser = _Parser(
        prog=program_name(),
        description="Fremmødepaletten på kommandolinjen.",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], None]):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("demo", "Opret en fiktiv eksempel-enhed med en færdig screening.", _cmd_demo)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p = command("list", "Vis enheder og screeninger med deres id.", _cmd_list)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p = command("export-plan", "Gem handlingsplanen for en screening som PDF.", _cmd_export_plan)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--screening", required=True, help="screeningens id eller 'latest'")
    p.add_argument("--out", type=Path, required=True, help="PDF-filen der skal skrives")
    for extend in _extensions(wanted):
        extend(command)
    _accept_server_addresses(sub)
    return parser


def _accept_server_addresses(sub: argparse._SubParsersAction) -> None:
    """Every command's ``--db`` takes a PostgreSQL address too (``Path`` would fold its ``//``)."""
    for command_parser in sub.choices.values():
        for action in command_parser._actions:
            if action.dest == "db" and action.type is Path:
                action.type = db_location
                action.help = f"{action.help} eller postgresql+psycopg://bruger@server:port/navn"


BASIC_COMMANDS = ("demo", "list", "export-plan")  # defined in this module

#: Further commands, each group in its own module, and the commands each registers.
#: Only the group of the command being run is imported, so `stats` does not load
#: the PDF, deck and overview code on its way (see :func:`build_parser`).
COMMAND_GROUPS: dict[str, tuple[str, ...]] = {
    "deck_commands": ("decks", "import-deck", "cards", "board"),
    "absence_commands": ("import-absence", "stats"),
    "cycle_commands": ("follow-up", "history", "export-actions", "export-calendar"),
    "contact_commands": ("contact-plan", "poster"),
    "backup_commands": ("backup", "restore"),
    "overview_commands": ("overview",),
    "share_commands": ("share-export", "share-import", "unit-area"),
}


def _extensions(
    wanted: str | None = None,
) -> list[Callable[[Callable[..., argparse.ArgumentParser]], None]]:
    """The ``register`` functions of the groups to load: the one holding ``wanted``, or all.

    Every group is loaded for help, a mistyped command or none at all, so the
    usage lists every command.
    """
    from importlib import import_module

    if wanted in BASIC_COMMANDS:
        return []
    groups = [g for g, names in COMMAND_GROUPS.items() if wanted in names] or list(COMMAND_GROUPS)
    return [import_module(f"norddjurs_desktop.cli.{group}").register for group in groups]


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    wanted = given[0] if given and not given[0].startswith("-") else None
    parser = build_parser(wanted)
    args = parser.parse_args(given)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    _running[0] = args.command
    try:
        args.handler(args)
    except (CliError, ServiceError, StorageError) as error:
        print(f"Fejl: {error}", file=sys.stderr)
        return EXIT_ERROR
    return 0
