"""What one small edit costs: WAL (before issue 7) against the rollback journal (now).

    PYTHONPATH=. python benchmarks/bench_edit_latency.py --edits 200 --staff 1500

A realistic file (the demo screening plus an absence import of ``--staff``
persons, about three years of absence) is copied twice; on each copy the same
edits go through the real services — a note typed into a theme and a score
clicked, as the mapping step saves them — and the median and 90th percentile
milliseconds per edit are printed, with what the ``quick_check`` on opening
costs. "wal" reproduces the old connection set-up (journal_mode=WAL,
secure_delete off); "delete" is the one the app uses now
(journal_mode=DELETE, synchronous=FULL, secure_delete=ON, BEGIN IMMEDIATE).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_absence_files import make_files  # noqa: E402

from norddjurs_desktop.domain.palette import PALETTE_KEYS  # noqa: E402
from norddjurs_desktop.services import screenings, units  # noqa: E402
from norddjurs_desktop.services.absence import import_absence_files  # noqa: E402
from norddjurs_desktop.services.bootstrap import open_app_database  # noqa: E402
from norddjurs_desktop.services.demo import create_demo  # noqa: E402
from norddjurs_desktop.storage.database import (  # noqa: E402
    Database,
    check_file,
    open_database,
)


def make_file(folder: Path, staff: int) -> tuple[Path, int]:
    path = folder / "realistisk.sqlite"
    db = open_app_database(path)
    try:
        screening_id = create_demo(db)
        unit_id = units.create_unit(db, "Hjemmeplejen (syntetisk)")
        staff_file, absence_file = make_files(folder / "filer", staff_count=staff, seed=3)
        import_absence_files(db, unit_id, staff_file, absence_file)
    finally:
        db.close()
    return path, screening_id


def as_before(db: Database) -> None:
    """The connection set-up before issue 7: WAL, no secure_delete."""
    from sqlalchemy import event

    def wal(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA secure_delete=OFF")

    event.listen(db.engine, "connect", wal)


def edit_times(path: Path, screening_id: int, edits: int, mode: str) -> list[float]:
    db = open_database(path)
    if mode == "wal":
        as_before(db)
    times = []
    try:
        screenings.set_score(db, screening_id, PALETTE_KEYS[0], 1)  # warm up: engine, imports
        for n in range(edits):
            key = PALETTE_KEYS[n % len(PALETTE_KEYS)]
            started = time.perf_counter()
            if n % 2:
                screenings.set_score(db, screening_id, key, 1 + n % 4)
            else:
                screenings.set_notes(db, screening_id, key, challenges=f"Vagtplanen, udgave {n}")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        db.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--staff", type=int, default=1500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, screening_id = make_file(Path(tmp), args.staff)
        size_mb = source.stat().st_size / 1e6
        print(f"file: {size_mb:.1f} MB, {args.edits} edits per mode (notes and scores)")
        checks = []
        for _ in range(5):
            started = time.perf_counter()
            check_file(source)
            checks.append((time.perf_counter() - started) * 1000)
        print(f"quick_check on opening: median {statistics.median(checks):.0f} ms")
        for mode in ("wal", "delete", "wal", "delete"):  # twice each, interleaved
            copy = Path(tmp) / f"{mode}.sqlite"
            for leftover in Path(tmp).glob(f"{mode}.sqlite*"):
                leftover.unlink()
            shutil.copyfile(source, copy)
            times = sorted(edit_times(copy, screening_id, args.edits, mode))
            p90 = times[int(len(times) * 0.9)]
            print(f"{mode:>6}: median {statistics.median(times):6.2f} ms, p90 {p90:6.2f} ms")


if __name__ == "__main__":
    main()
