"""Time "Kontaktmodellen i tal" on a municipality-sized export, beside compute_stats.

    .venv/bin/python benchmarks/bench_contact_milestones.py     # files kept in benchmarks/out/

Generates (once) 5,000 staff and ~150,000 absence rows with make_absence_files.py,
reads them with read_export, and prints the median of 5 wall times for
count_milestones and compute_stats over the last 365 days of the data (whole
file and one team). The milestones run the same spell scan as the duration
bands, so they should cost no more than a fraction of compute_stats.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_absence_files import make_files  # noqa: E402

from norddjurs_desktop.domain.absence import compute_stats  # noqa: E402
from norddjurs_desktop.domain.contact_milestones import count_milestones  # noqa: E402
from norddjurs_desktop.importing.absence_export import read_export  # noqa: E402


def median_ms(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main() -> None:
    out = ROOT / "benchmarks" / "out"
    staff_path, absence_path = out / "medarbejdere.csv", out / "fravaer.csv"
    if not (staff_path.exists() and absence_path.exists()):
        make_files(out)
    data = read_export(staff_path, absence_path)
    end = data.period_to
    start = end - timedelta(days=364)
    team = sorted({m.team for m in data.staff if m.team})[0]
    print(f"{len(data.staff)} persons, {len(data.absences)} absence rows, {start} – {end}")
    for label, team_filter in (("whole file", None), (f"team {team}", team)):
        milestones = median_ms(lambda t=team_filter: count_milestones(
            data.staff, data.absences, start, end, team=t, data_end=end))
        stats = median_ms(lambda t=team_filter: compute_stats(
            data.staff, data.absences, start, end, team=t, data_end=end))
        print(f"{label:<28} count_milestones {milestones:7.1f} ms   "
              f"compute_stats {stats:7.1f} ms")


if __name__ == "__main__":
    main()
