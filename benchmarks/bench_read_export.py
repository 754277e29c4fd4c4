"""Reading and checking the two import files against DuckDB parsing the same files (issue 14).

    .venv/bin/python benchmarks/bench_read_export.py [--staff 5000 20000] [--runs 5]

Only the reading is timed, no storing: the app's ``read_export`` (decoding,
splitting, the CPR and names checks, parsing and checking every value, the
period) against DuckDB's ``read_csv`` of both files with the Danish dates
parsed into a DATE column, materialised in memory (on one thread and on
DuckDB's default threads). The files are made once by make_absence_files.py
into benchmarks/out/duckdb/ (shared with bench_import_vs_duckdb.py). The
contenders run interleaved (app, DuckDB, app, DuckDB …) so all meet the same
load on a shared machine; best of N, CPU time of the whole process and wall
time. The row counts of both are compared, so neither skips work. The app's
cache of date readings is emptied before each of its runs, as a fresh
process meets every date for the first time.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import duckdb  # noqa: E402
from make_absence_files import make_files  # noqa: E402

from norddjurs_desktop.domain.dates import parse_danish_date  # noqa: E402
from norddjurs_desktop.importing.absence_export import read_export  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "duckdb"

_STAFF = """
SELECT * FROM read_csv(?, delim=';', header=true, dateformat='%d-%m-%Y', decimal_separator=',',
    columns={'Medarbejder': 'VARCHAR', 'Team': 'VARCHAR', 'Faggruppe': 'VARCHAR',
             'Alder': 'INTEGER', 'Beskæftigelsesgrad': 'DOUBLE',
             'Ansat fra': 'DATE', 'Ansat til': 'DATE'})
"""
_ABSENCE = """
SELECT * FROM read_csv(?, delim=';', header=true, dateformat='%d-%m-%Y',
    columns={'Medarbejder': 'VARCHAR', 'Fraværsårsag': 'VARCHAR',
             'Fra': 'DATE', 'Til': 'DATE'})
"""


def files(staff_count: int) -> tuple[Path, Path]:
    folder = OUT / f"staff{staff_count}"
    staff, absence = folder / "medarbejdere.csv", folder / "fravaer.csv"
    if not absence.exists():
        staff, absence = make_files(folder, staff_count, 1)
    return staff, absence


def timed(work: Callable[[], int]) -> tuple[float, float, int]:
    """(wall, CPU, rows) of ``work()``."""
    gc.collect()
    started, started_cpu = time.perf_counter(), time.process_time()
    rows = work()
    return time.perf_counter() - started, time.process_time() - started_cpu, rows


def app(staff: Path, absence: Path) -> int:
    # A fresh process meets every date for the first time: no cached readings from the last run.
    parse_danish_date.cache_clear()
    data = read_export(staff, absence)
    return data.staff_rows + data.absence_rows


def duck(staff: Path, absence: Path, threads: int | None) -> int:
    con = duckdb.connect()
    try:
        if threads:
            con.execute(f"SET threads = {threads}")
        # Materialised in DuckDB's memory as a table, as the app's lists are in Python's.
        con.execute(f"CREATE TEMP TABLE s AS {_STAFF}", [str(staff)])
        con.execute(f"CREATE TEMP TABLE a AS {_ABSENCE}", [str(absence)])
        counted = con.execute("SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM a)")
        row = counted.fetchone()
        assert row is not None
        return int(row[0])
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for staff_count in args.staff:
        staff, absence = files(staff_count)
        contenders: dict[str, Callable[[], int]] = {
            "app read_export": lambda s=staff, a=absence: app(s, a),
            "DuckDB, 1 tråd": lambda s=staff, a=absence: duck(s, a, 1),
            "DuckDB, standard": lambda s=staff, a=absence: duck(s, a, None),
        }
        for run in contenders.values():  # warm the imports and caches alike
            run()
        best = {name: (float("inf"), float("inf")) for name in contenders}
        counts: dict[str, int] = {}
        for _ in range(args.runs):
            for name, run in contenders.items():
                wall, cpu, rows = timed(run)
                counts[name] = rows
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
        assert len(set(counts.values())) == 1, counts
        print(f"\n{staff_count} medarbejdere, {counts['app read_export']} rækker i alt "
              f"(bedst af {args.runs}, kun læsning og kontrol):")
        for name, (wall, cpu) in best.items():
            print(f"  {name:<18} CPU {cpu:6.3f} s   væg {wall:6.3f} s")
        app_wall, app_cpu = best["app read_export"]
        for name in ("DuckDB, 1 tråd", "DuckDB, standard"):
            wall, cpu = best[name]
            print(f"  app / {name:<16} CPU {app_cpu / cpu:5.2f}×   væg {app_wall / wall:5.2f}×")


if __name__ == "__main__":
    main()
