"""The app's CSV import against DuckDB reading and storing the same files (issue 14).

    .venv/bin/python benchmarks/bench_import_vs_duckdb.py [--staff 5000 20000] [--runs 3]

Generates (once, into benchmarks/out/duckdb/) the staff list and absence
export with make_absence_files.py for each size, then in one run, interleaved
(app, DuckDB, app, DuckDB …) so both meet the same load on a shared machine,
times the best of N of:

* the app: ``import_absence_files`` into a fresh, migrated database (the
  database is created before the clock starts: the import, not the schema, is
  measured) — reading, every check, and storing in SQLite;
* DuckDB: ``read_csv`` of both files (Danish dates parsed) stored with
  ``CREATE TABLE … AS`` in a fresh DuckDB database file, on one thread and on
  DuckDB's default threads;
* DuckDB → SQLite: DuckDB reads and parses, the rows are stored in the app's
  SQLite tables with the app's PRAGMAs (the staff list and the absence rows
  as the app's two blocks, in one transaction) — the floor for
  any reader when the store is SQLite.

CPU time (all threads of the process) and wall-clock time are reported; the
aim is the app at most 1.5× DuckDB. DuckDB is a benchmark-only dependency.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import duckdb  # noqa: E402
from make_absence_files import make_files  # noqa: E402

from norddjurs_desktop.services import units  # noqa: E402
from norddjurs_desktop.services.absence import import_absence_files  # noqa: E402
from norddjurs_desktop.services.bootstrap import open_app_database  # noqa: E402
from norddjurs_desktop.storage.absence_block import FORMAT_VERSION, encode_rows  # noqa: E402
from norddjurs_desktop.storage.staff_block import encode_staff  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "duckdb"
AIM = 1.5


def files(staff_count: int) -> tuple[Path, Path]:
    folder = OUT / f"staff{staff_count}"
    staff, absence = folder / "medarbejdere.csv", folder / "fravaer.csv"
    if not absence.exists():
        staff, absence = make_files(folder, staff_count, 1)
    return staff, absence


def timed(setup: Callable[[], object], work: Callable[[object], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``work(setup())``; the setup is not timed."""
    prepared = setup()
    gc.collect()
    started, started_cpu = time.perf_counter(), time.process_time()
    work(prepared)
    return time.perf_counter() - started, time.process_time() - started_cpu


def app_import(staff: Path, absence: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = open_app_database(Path(folder) / "bench.sqlite")
        try:
            unit_id = units.create_unit(db, "Kommunen")
            return timed(lambda: unit_id,
                         lambda u: import_absence_files(db, u, staff, absence))  # type: ignore[arg-type]
        finally:
            db.close()


_STAFF_SQL = """
CREATE TABLE staff AS SELECT * FROM read_csv(?, delim=';', header=true,
    dateformat='%d-%m-%Y', decimal_separator=',',
    columns={'Medarbejder': 'VARCHAR', 'Team': 'VARCHAR', 'Faggruppe': 'VARCHAR',
             'Alder': 'INTEGER', 'Beskæftigelsesgrad': 'DOUBLE',
             'Ansat fra': 'DATE', 'Ansat til': 'DATE'})
"""
_ABSENCE_SQL = """
CREATE TABLE absence AS SELECT * FROM read_csv(?, delim=';', header=true,
    dateformat='%d-%m-%Y',
    columns={'Medarbejder': 'VARCHAR', 'Fraværsårsag': 'VARCHAR',
             'Fra': 'DATE', 'Til': 'DATE'})
"""


def duckdb_import(staff: Path, absence: Path, threads: int | None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        def work(_: object) -> None:
            con = duckdb.connect(str(Path(folder) / "bench.duckdb"))
            try:
                if threads:
                    con.execute(f"SET threads = {threads}")
                con.execute(_STAFF_SQL, [str(staff)])
                con.execute(_ABSENCE_SQL, [str(absence)])
                rows = con.execute("SELECT count(*) FROM absence").fetchone()
                assert rows and rows[0] > 0
            finally:
                con.close()

        return timed(lambda: None, work)


def duckdb_to_sqlite(staff: Path, absence: Path) -> tuple[float, float]:
    """DuckDB reads and parses both files; the rows go into the app's SQLite tables.

    The same store as the app's (a fresh migrated database, the app's PRAGMAs,
    one transaction; the staff list and the absence rows as the app's blocks): what a columnar
    reader gains when the rows must still end up in SQLite.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        db = open_app_database(path)
        unit_id = units.create_unit(db, "Kommunen")
        db.close()

        def work(_: object) -> None:
            con = duckdb.connect()
            con.execute("SET threads = 1")
            con.execute(_STAFF_SQL, [str(staff)])
            con.execute(_ABSENCE_SQL, [str(absence)])
            staff_rows = con.execute(
                "SELECT Medarbejder, coalesce(Team, ''), coalesce(Faggruppe, ''), Alder, "
                "coalesce(Beskæftigelsesgrad, 1.0), \"Ansat fra\", \"Ansat til\" FROM staff"
            ).fetchall()
            keys, reasons, starts, ends = zip(*con.execute(
                "SELECT Medarbejder, Fraværsårsag, Fra, Til FROM absence").fetchall(),
                strict=True)
            period = con.execute("SELECT min(Fra), max(greatest(Fra, coalesce(Til, Fra))) "
                                 "FROM absence").fetchone()
            con.close()
            assert period is not None
            conn = sqlite3.connect(path, isolation_level=None)
            try:
                for pragma in ("foreign_keys=ON", "synchronous=FULL", "cache_spill=OFF"):
                    conn.execute(f"PRAGMA {pragma}")
                conn.execute("BEGIN IMMEDIATE")
                cursor = conn.execute(
                    "INSERT INTO absence_import (unit_id, imported_at, staff_file, absence_file, "
                    "period_from, period_to, staff_rows, absence_rows) "
                    "VALUES (?, datetime('now'), ?, ?, ?, ?, ?, ?)",
                    (unit_id, staff.name, absence.name, period[0].isoformat(),
                     period[1].isoformat(), len(staff_rows), len(keys)))
                import_id = cursor.lastrowid
                conn.execute(
                    "INSERT INTO staff_block (import_id, format_version, row_count, data) "
                    "VALUES (?, ?, ?, ?)",
                    (import_id, FORMAT_VERSION, len(staff_rows),
                     encode_staff(*[list(c) for c in zip(*staff_rows, strict=True)])))
                conn.execute(
                    "INSERT INTO absence_block (import_id, format_version, row_count, data) "
                    "VALUES (?, ?, ?, ?)",
                    (import_id, FORMAT_VERSION, len(keys),
                     encode_rows(keys, reasons, starts, ends)))
                conn.execute("COMMIT")
            finally:
                conn.close()

        return timed(lambda: None, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for staff_count in args.staff:
        staff, absence = files(staff_count)
        rows = sum(1 for _ in absence.open(encoding="utf-8")) - 1
        contenders: dict[str, Callable[[], tuple[float, float]]] = {
            "app (CSV → SQLite)": lambda s=staff, a=absence: app_import(s, a),
            "DuckDB, 1 tråd": lambda s=staff, a=absence: duckdb_import(s, a, 1),
            "DuckDB, standard": lambda s=staff, a=absence: duckdb_import(s, a, None),
            "DuckDB → SQLite": lambda s=staff, a=absence: duckdb_to_sqlite(s, a),
        }
        best = {name: (float("inf"), float("inf")) for name in contenders}
        app_import(staff, absence)  # warm the imports and caches alike
        duckdb_import(staff, absence, None)
        for _ in range(args.runs):
            for name, run in contenders.items():
                wall, cpu = run()
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
        print(f"\n{staff_count} medarbejdere, {rows} fraværsrækker (bedst af {args.runs}):")
        for name, (wall, cpu) in best.items():
            print(f"  {name:<22} CPU {cpu:6.2f} s   væg {wall:6.2f} s")
        app_wall, app_cpu = best["app (CSV → SQLite)"]
        for name in ("DuckDB, 1 tråd", "DuckDB, standard", "DuckDB → SQLite"):
            wall, cpu = best[name]
            print(f"  app / {name:<16} CPU {app_cpu / cpu:5.2f}×   væg {app_wall / wall:5.2f}×"
                  f"   (mål ≤ {AIM}×)")


if __name__ == "__main__":
    main()
