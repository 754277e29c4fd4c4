"""Time the absence importer and figures on a municipality-sized synthetic export.

    python benchmarks/bench_stats.py --dir /tmp/fravaer   # generates the files if missing

Prints wall times for read_export, compute_stats (whole file and one team),
the rolling trend and year-on-year, with the tracemalloc peak of each step
and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_absence_files import make_files  # noqa: E402

from norddjurs_desktop.domain.absence import (  # noqa: E402
    compute_stats,
    default_period,
    rolling_absence,
    yearly_absence,
)
from norddjurs_desktop.importing.absence_export import read_export  # noqa: E402

T = TypeVar("T")


def timed(label: str, work: Callable[[], T], repeat: int = 1) -> T:
    tracemalloc.start()
    started = time.perf_counter()
    for _ in range(repeat):
        result = work()
    elapsed = (time.perf_counter() - started) / repeat
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {elapsed * 1000:8.1f} ms   tracemalloc peak {peak / 2**20:7.1f} MiB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/fravaer"))
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    staff_path, absence_path = args.dir / "medarbejdere.csv", args.dir / "fravaer.csv"
    if not (staff_path.exists() and absence_path.exists()):
        make_files(args.dir, args.staff, args.seed)

    # Untraced timings first (tracemalloc slows allocation-heavy code several times).
    started = time.perf_counter()
    data = read_export(staff_path, absence_path)
    read_s = time.perf_counter() - started
    period = default_period(data.absences)
    assert period is not None
    team = data.staff[0].team
    started = time.perf_counter()
    for _ in range(args.repeat):
        whole = compute_stats(data.staff, data.absences, *period)
    all_s = (time.perf_counter() - started) / args.repeat
    started = time.perf_counter()
    for _ in range(args.repeat):
        one = compute_stats(data.staff, data.absences, *period, team=team)
    team_s = (time.perf_counter() - started) / args.repeat
    started = time.perf_counter()
    trend = rolling_absence(data.staff, data.absences)
    trend_s = time.perf_counter() - started
    started = time.perf_counter()
    yearly = yearly_absence(data.staff, data.absences)
    year_s = time.perf_counter() - started

    print(f"{data.staff_rows} medarbejdere, {data.absence_rows} fraværsrækker, "
          f"periode {period[0]}–{period[1]}")
    print(f"read_export                        {read_s * 1000:8.1f} ms")
    print(f"compute_stats (alle)               {all_s * 1000:8.1f} ms")
    print(f"compute_stats (team '{team}')".ljust(35) + f"{team_s * 1000:8.1f} ms")
    print(f"rolling_absence (24 mdr.)          {trend_s * 1000:8.1f} ms")
    print(f"yearly_absence                     {year_s * 1000:8.1f} ms")
    print(f"  fravær {whole.absence_pct:.2f} %, {whole.persons} personer, "
          f"{whole.sick_spells} forløb; team: {one.persons} personer; "
          f"trend-punkter {len(trend)}, år {[y.period_from.year for y in yearly]}")
    print("\nmed tracemalloc:")
    timed("read_export", lambda: read_export(staff_path, absence_path))
    timed("compute_stats (alle)", lambda: compute_stats(data.staff, data.absences, *period))
    timed("compute_stats (ét team)",
          lambda: compute_stats(data.staff, data.absences, *period, team=team))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\nproces: højeste resident hukommelse {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
