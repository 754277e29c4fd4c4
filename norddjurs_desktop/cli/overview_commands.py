"""`overview`: every unit's latest palette, follow-up, actions and absence, for HR.

As a Danish table, as JSON (``--json``) for other tools, or written to a
spreadsheet (``--xlsx``) or an A4 landscape PDF for the HU (``--pdf``).
The absence rate reads each unit's imported data (about a tenth of a second a
unit); ``--no-absence`` leaves it out for a quick look at many units.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from norddjurs_desktop.cli import CliError, open_db
from norddjurs_desktop.domain.dates import danish_date, parse_danish_date
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.unit_overview import (
    UnitOverviewRow,
    absence_words,
    area_label,
    follow_up_words,
)


def _row_text(row: UnitOverviewRow, today: date) -> str:
    scores = " ".join(
        "–" if row.scores[k] is None else f"{row.scores[k]}{row.trend(k)}" for k in PALETTE_KEYS
    )
    if row.latest_screening is None:
        return f"  {row.unit}: ingen screeninger endnu"
    follow = follow_up_words(row.next_follow_up, today)
    return (
        f"  {row.unit}: screenet {danish_date(row.latest_screening)}  scorer {scores}  "
        f"opfølgning {follow}  handlinger {row.open_actions} åbne, "
        f"{row.overdue_actions} overskredne  fravær {absence_words(row.absence_pct)}"
    )


def _cmd_overview(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.overview import danish_sort_key
    from norddjurs_desktop.services.unit_overview import build_unit_overview, write_unit_overview

    try:
        today = parse_danish_date(args.today) if args.today else date.today()
    except ValueError as error:
        raise CliError(f"--today: {error}") from error
    for flag, path, suffix in (("--xlsx", args.xlsx, ".xlsx"), ("--pdf", args.pdf, ".pdf")):
        if path is not None and path.suffix.lower() != suffix:
            raise CliError(f"{flag}: filen skal ende på {suffix}.")
    db = open_db(args.db)
    try:
        overview = build_unit_overview(db, today, with_absence=not args.no_absence)
    finally:
        db.close()
    for path in (args.xlsx, args.pdf):
        if path is None:
            continue
        try:
            write_unit_overview(overview, path)
        except OSError as error:
            raise CliError(f"Kan ikke skrive {path}: {error.strerror or 'ingen adgang'}.") \
                from error
        print(f"Oversigten er gemt i {path}.")
    if args.json:
        print(json.dumps(overview.as_json(), ensure_ascii=False, indent=2))
        return
    if args.xlsx or args.pdf:
        return
    if not overview.rows:
        print("Databasen har ingen enheder endnu.")
        return
    from norddjurs_desktop.domain.unit_overview import by_area

    print("Scorer i rækkefølgen: " + ", ".join(PALETTE_TITLES[k] for k in PALETTE_KEYS))
    for area, group in by_area(overview.rows, danish_sort_key):
        print(f"{area_label(area)}:")
        for row in group:
            print(_row_text(row, today))
    counts = ", ".join(f"{PALETTE_TITLES[k]} {overview.support[k]}" for k in PALETTE_KEYS)
    print(f"Enheder med score 1–2 pr. tema: {counts}")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("overview", "Vis alle enheder: seneste scorer, opfølgning, handlinger og "
                "fravær.", _cmd_overview)
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--json", action="store_true", help="som JSON")
    p.add_argument("--xlsx", type=Path, metavar="FIL", help="gem oversigten som regneark (.xlsx)")
    p.add_argument("--pdf", type=Path, metavar="FIL",
                   help="gem oversigten som A4-rapport på tværs (.pdf)")
    p.add_argument("--no-absence", action="store_true",
                   help="spring fraværet over (hurtigere; absence_pct bliver null)")
    p.add_argument("--today", metavar="DATO",
                   help="dagens dato for 'overskredet' (standard: i dag)")
