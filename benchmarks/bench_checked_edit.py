"""What the version check adds to one edit, on a SQLite file and on a PostgreSQL server.

    PYTHONPATH=. python benchmarks/bench_checked_edit.py --edits 100

Each round types one note through the service as the page does — once plainly,
once inside a checked edit (``check_version`` and the edit in one transaction,
as :meth:`ScreeningStore.editing` runs it) — interleaved, and prints the median
and the best milliseconds per edit of each. The server is a throw-away one from
``pgserver`` in a temporary folder (the same the tests use).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from norddjurs_desktop.services import screenings, units  # noqa: E402
from norddjurs_desktop.services.bootstrap import Database, open_app_database  # noqa: E402
from norddjurs_desktop.services.screening_versions import (  # noqa: E402
    check_version,
    remember_version,
)


def _plain(db: Database, screening_id: int, text: str) -> None:
    screenings.set_notes(db, screening_id, "data", resources=text)


def _checked(db: Database, screening_id: int, text: str) -> None:
    with db.session():
        check_version(db, screening_id)
        screenings.set_notes(db, screening_id, "data", resources=text)


def measure(db: Database, edits: int) -> dict[str, list[float]]:
    unit_id = units.create_unit(db, "Målingen")
    screening_id = screenings.create_screening(db, unit_id, on=date(2026, 12, 1))
    remember_version(db, screening_id)
    times: dict[str, list[float]] = {"uden tjek": [], "med tjek": []}
    for index in range(edits):
        for name, edit in (("uden tjek", _plain), ("med tjek", _checked)):
            start = time.perf_counter()
            edit(db, screening_id, f"Note nummer {index} ({name})")
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    import pgserver
    import psycopg

    folder = Path(tempfile.mkdtemp(prefix="fp-bench-"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        with psycopg.connect(host=str(folder), user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute("CREATE DATABASE bench")
        targets = {
            "SQLite": folder / "bench.sqlite",
            "PostgreSQL": f"postgresql+psycopg://postgres@localhost/bench?host={folder}",
        }
        for label, where in targets.items():
            db = open_app_database(where)
            try:
                for name, values in measure(db, args.edits).items():
                    print(f"{label:<11} {name:<10} median {statistics.median(values):6.2f} ms"
                          f"  best {min(values):6.2f} ms  ({len(values)} edits)")
            finally:
                db.close()
    finally:
        server.cleanup()


if __name__ == "__main__":
    main()
