"""Time the absence import and figures through the services and the CLI, municipality-sized.

    .venv/bin/python benchmarks/bench_absence.py        # files kept in benchmarks/out/

Generates (once) 5,000 staff and ~150,000 absence rows over three years with
make_absence_files.py, then measures, each as the median of 3: the import
through ``import_absence_files`` (and, in a separate run, its tracemalloc
peak; plus the process's peak RSS), ``stats`` for everything and for one team
as a fresh CLI process, and ``unit_stats`` in-process with the dataset cached.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_absence_files import make_files  # noqa: E402

from norddjurs_desktop.services import units  # noqa: E402
from norddjurs_desktop.services.absence import (  # noqa: E402
    import_absence_files,
    load_dataset,
    unit_stats,
)
from norddjurs_desktop.services.absence_stats import forget_figures  # noqa: E402
from norddjurs_desktop.services.bootstrap import open_app_database  # noqa: E402

UNIT = "Kommunen"


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def fresh_db(folder: Path, name: str) -> Path:
    path = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def cli_seconds(db: Path, runs: int, *extra: str) -> float:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    command = [sys.executable, "-m", "norddjurs_desktop", "stats", "--db", str(db),
               "--unit", UNIT, "--json", *extra]

    def run() -> None:
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)

    return median_of(runs, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks" / "out" / "kommune")
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    staff, absence = args.dir / "medarbejdere.csv", args.dir / "fravaer.csv"
    if not (staff.exists() and absence.exists()):
        make_files(args.dir, args.staff, seed=1)
    work = args.dir / "db"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    def one_import(name: str) -> Path:
        path = fresh_db(work, name)
        db = open_app_database(path)
        try:
            unit_id = units.ensure_unit(db, UNIT)
            import_absence_files(db, unit_id, staff, absence)
        finally:
            db.close()
        return path

    import_times = []
    for n in range(args.runs):
        path = fresh_db(work, f"run{n}.sqlite")
        db = open_app_database(path)
        unit_id = units.ensure_unit(db, UNIT)
        started = time.perf_counter()
        info = import_absence_files(db, unit_id, staff, absence)
        import_times.append(time.perf_counter() - started)
        db.close()
    import_s = statistics.median(import_times)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    tracemalloc.start()
    one_import("traced.sqlite")
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    db_path = work / "run0.sqlite"
    db = open_app_database(db_path)
    unit_id = units.ensure_unit(db, UNIT)
    started = time.perf_counter()
    dataset = load_dataset(db, unit_id)
    cold_load = time.perf_counter() - started
    assert dataset is not None
    team = dataset.teams[0]

    def computed(team: str | None = None) -> None:
        forget_figures(db)  # the rows stay loaded; the figures are computed afresh
        unit_stats(db, unit_id, team=team)

    warm_all = median_of(args.runs, computed)
    warm_team = median_of(args.runs, lambda: computed(team))
    db.close()
    cli_all = cli_seconds(db_path, args.runs)
    cli_team = cli_seconds(db_path, args.runs, "--team", team)
    cli_base = median_of(args.runs, lambda: subprocess.run(
        [sys.executable, "-c", "import norddjurs_desktop.cli"], check=True, cwd=ROOT))
    rss_mib = max(rss_mib, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    print(f"{info.staff_rows} medarbejdere, {info.absence_rows} fraværsrækker, "
          f"team '{team}' ({sum(1 for m in dataset.staff if m.team == team)} personer); "
          f"median af {args.runs}")
    rows = (
        ("import (service)", f"{import_s:.2f} s", "< 5 s"),
        ("import tracemalloc-top", f"{traced_peak:.0f} MiB", "< 500 MB"),
        ("proces maks. RSS", f"{rss_mib:.0f} MiB", "< 500 MB"),
        ("load_dataset (kold)", f"{cold_load:.2f} s", ""),
        ("stats CLI, alle", f"{cli_all:.2f} s", "< 1 s"),
        ("stats CLI, ét team", f"{cli_team:.2f} s", "< 0,1 s"),
        ("  heraf import af cli", f"{cli_base:.2f} s", ""),
        ("unit_stats varm, alle", f"{warm_all * 1000:.0f} ms", "< 1 s"),
        ("unit_stats varm, ét team", f"{warm_team * 1000:.0f} ms", "< 0,1 s"),
    )
    for label, value, aim in rows:
        print(f"{label:<26}{value:>10}   {aim}")


if __name__ == "__main__":
    main()
