"""Share files on the command line: `share-export`, `share-import` and `unit-area`.

`share-export` only reads, so it works while the app has the file open;
`share-import` and `unit-area` write and need the file to themselves.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from norddjurs_desktop.cli import CliError, open_db

if TYPE_CHECKING:
    from norddjurs_desktop.storage.database import Database


def _unit_id(db: Database, name: str) -> int:
    from norddjurs_desktop.services.units import find_unit

    found = find_unit(db, name)
    if found is None:
        raise CliError(f"Der findes ingen enhed med navnet '{name}'.")
    return found


def _cmd_share_export(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.share_export import export_unit

    if not args.db.is_file():
        raise CliError(f"Databasen {args.db} findes ikke.")
    db = open_db(args.db)
    try:
        result = export_unit(db, _unit_id(db, args.unit), args.out)
    finally:
        db.close()
    for line in result.lines():
        print(line)


def _cmd_share_import(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.share_import import import_share_file, read_share_file

    if not args.file.is_file():
        raise CliError(f"Filen {args.file} findes ikke.")
    read_share_file(args.file)  # a refused file is said before the database is opened
    db = open_db(args.db, write=True)
    try:
        result = import_share_file(db, args.file)
    finally:
        db.close()
    for line in result.lines():
        print(line)


def _cmd_unit_area(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.unit_area import set_unit_area, unit_area

    db = open_db(args.db, write=True)
    try:
        unit_id = _unit_id(db, args.unit)
        set_unit_area(db, unit_id, args.area)
        area = unit_area(db, unit_id)
    finally:
        db.close()
    print(f"Enheden '{args.unit}' hører nu til området '{area}'." if area
          else f"Enheden '{args.unit}' har nu intet område.")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command(
        "share-export",
        "Gem en enhed som delingsfil (.fremmoede): screeninger og samlede fraværstal, "
        "ingen navne eller personoplysninger.",
        _cmd_share_export,
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--out", type=Path, required=True, help="delingsfilen der skal skrives")
    p = command(
        "share-import",
        "Hent en delingsfil ind i databasen; siger hvad der blev tilføjet, opdateret og beholdt.",
        _cmd_share_import,
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--file", type=Path, required=True, help="delingsfilen (.fremmoede)")
    p = command(
        "unit-area",
        "Sæt en enheds område (forvaltning eller område); tom tekst fjerner det.",
        _cmd_unit_area,
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--unit", required=True, help="enhedens navn")
    p.add_argument("--area", required=True, help="området, fx 'Børn og Familie'")
