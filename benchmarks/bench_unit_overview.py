"""How long "Oversigt over enheder" takes to build for a whole municipality.

    PYTHONPATH=. python benchmarks/bench_unit_overview.py --units 300 --screenings 4 --runs 5
    PYTHONPATH=. python benchmarks/bench_unit_overview.py --absence-units 20   # with data

Builds a file with ``--units`` units (spread over six areas), each with
``--screenings`` screenings whose eight themes are scored, and three actions
per screening (open, done, some overdue, some carried on). The rows go in with
one session (services per row would take minutes and measure the wrong thing);
the overview is then built through the real service, best of ``--runs``, as a
cold read each time (a new ``Database`` handle). ``--absence-units`` imports a
synthetic staff and absence export into that many units, to show what the
rolling 12-month absence per unit adds (the issue's aim is for the overview
itself, 300 × 4 in under 0,5 s).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from norddjurs_desktop.domain.palette import PALETTE_KEYS  # noqa: E402
from norddjurs_desktop.services.bootstrap import open_app_database  # noqa: E402
from norddjurs_desktop.services.overview import list_units  # noqa: E402
from norddjurs_desktop.services.unit_overview import build_unit_overview  # noqa: E402
from norddjurs_desktop.storage.models import (  # noqa: E402
    Action,
    ActionReview,
    Screening,
    ThemeAssessment,
    Unit,
)

AREAS = ("Sundhed og Omsorg", "Børn og Skole", "Social", "Teknik og Miljø", "Kultur", "")
TODAY = date(2026, 12, 1)


def make_file(path: Path, unit_count: int, screening_count: int) -> None:
    rng = random.Random(7)
    db = open_app_database(path)
    try:
        with db.session() as session:
            for n in range(unit_count):
                unit = Unit(name=f"Enhed {n:03d}", area=AREAS[n % len(AREAS)])
                session.add(unit)
                session.flush()
                assert unit.id is not None
                previous_action: Action | None = None
                for k in range(screening_count):
                    day = TODAY - timedelta(days=180 * (screening_count - k) + rng.randint(0, 60))
                    screening = Screening(unit_id=unit.id, date=day,
                                          next_follow_up=day + timedelta(days=rng.randint(60, 240)))
                    session.add(screening)
                    session.flush()
                    assert screening.id is not None
                    for key in PALETTE_KEYS:
                        session.add(ThemeAssessment(screening_id=screening.id, theme_key=key,
                                                    score=rng.randint(1, 5)))
                    for position, status in enumerate(("ikke startet", "i gang", "gennemført")):
                        action = Action(screening_id=screening.id, action=f"Handling {position}",
                                        status=status, position=position,
                                        deadline=day + timedelta(days=rng.randint(20, 400)))
                        session.add(action)
                        session.flush()
                        if previous_action is not None and position == 0:
                            session.add(ActionReview(screening_id=screening.id,
                                                     action_id=previous_action.id,
                                                     carried_action_id=action.id))
                        if position == 0:
                            previous_action = action
    finally:
        db.close()


def add_absence(path: Path, folder: Path, count: int) -> None:
    from make_absence_files import make_files

    from norddjurs_desktop.services.absence import import_absence_files

    staff_file, absence_file = make_files(folder / "filer", staff_count=40, seed=3)
    db = open_app_database(path)
    try:
        ids = [row[0] for row in db.read("SELECT id FROM unit ORDER BY id LIMIT ?", (count,))]
        for unit_id in ids:
            import_absence_files(db, unit_id, staff_file, absence_file)
    finally:
        db.close()


def best_of(path: Path, runs: int, with_absence: bool) -> tuple[float, float, int]:
    """Best seconds of the overview and, interleaved in the same runs, of the home's own
    unit list (``list_units``, one query) as an anchor for the machine's load."""
    best = anchor = float("inf")
    rows = 0
    for _ in range(runs):
        db = open_app_database(path)
        try:
            start = time.perf_counter()
            list_units(db)
            anchor = min(anchor, time.perf_counter() - start)
            start = time.perf_counter()
            overview = build_unit_overview(db, TODAY, with_absence=with_absence)
            best = min(best, time.perf_counter() - start)
            rows = len(overview.rows)
        finally:
            db.close()
    return best, anchor, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--screenings", type=int, default=4)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--absence-units", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "enheder.sqlite"
        started = time.perf_counter()
        make_file(path, args.units, args.screenings)
        print(f"file: {args.units} units × {args.screenings} screenings "
              f"({time.perf_counter() - started:.1f} s to make)")
        if args.absence_units:
            add_absence(path, Path(folder), args.absence_units)
            print(f"absence data imported into {args.absence_units} units (40 persons each)")
        for with_absence in (False, True):
            seconds, anchor, rows = best_of(path, args.runs, with_absence)
            print(f"overview {'with' if with_absence else 'without'} absence: {rows} rows in "
                  f"{seconds * 1000:.0f} ms; anchor home list_units {anchor * 1000:.0f} ms "
                  f"(best of {args.runs}; aim < 500 ms)")


if __name__ == "__main__":
    main()
