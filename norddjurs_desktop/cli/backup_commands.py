"""Backups on the command line: `backup` and `restore`.

`backup` needs only to read, so it works while the app has the file open;
`restore` replaces the file's contents and is refused while another writer
(the app's window or a command) holds the file.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from norddjurs_desktop.cli import CliError, database_exists, open_db
from norddjurs_desktop.storage.location import ServerLocation


def _cmd_backup(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.backups import backup_to, create_backup

    if not database_exists(args.db):
        raise CliError(f"Databasen {args.db} findes ikke.")
    db = open_db(args.db)
    try:
        target = backup_to(db, args.out) if args.out is not None else create_backup(db)
    finally:
        db.close()
    print(f"Sikkerhedskopien er gemt i {target}.")


def _cmd_restore(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.backups import SERVER_BACKUP_MESSAGE, restore_backup

    if isinstance(args.db, ServerLocation):
        raise CliError(SERVER_BACKUP_MESSAGE)
    if not args.source.is_file():
        raise CliError(f"Sikkerhedskopien {args.source} findes ikke.")
    safety = restore_backup(args.db, args.source, holder="kommandoen 'restore'")
    print(f"Databasen {args.db} er gendannet fra {args.source}.")
    if safety is not None:
        print(f"Filen, som den var før, er gemt i {safety}.")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command(
        "backup",
        "Gem en sikkerhedskopi af databasen (standard: i mappen ved siden af den).",
        _cmd_backup,
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--out", type=Path, help="filen kopien skal gemmes i")
    p = command(
        "restore",
        "Gendan databasen fra en sikkerhedskopi (den nuværende fil gemmes først).",
        _cmd_restore,
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--from", dest="source", type=Path, required=True, help="sikkerhedskopien")
