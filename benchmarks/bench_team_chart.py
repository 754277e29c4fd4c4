"""Time building and drawing the team chart for a municipality-sized unit (358 teams).

    .venv/bin/python benchmarks/bench_team_chart.py [--teams 358] [--repeat 7]

Prints the median of building the figure and drawing it with Agg (what the
data view's canvas does), for every team drawn as a bar (the old chart) and
for the summarised chart (10 highest, 10 lowest, the rest in words).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from norddjurs_desktop.reports.charts.group_charts import group_chart, teams_chart  # noqa: E402


def teams(count: int) -> dict[str, float | None]:
    rng = random.Random(7)
    return {
        f"Team {n:03d} {rng.choice(['Nord', 'Syd', 'Øst', 'Vest'])}": (
            None if n % 17 == 0 else round(rng.uniform(1.5, 14.0), 1)
        )
        for n in range(count)
    }


def timed(build) -> float:  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    started = time.perf_counter()
    figure = build()
    FigureCanvasAgg(figure).draw()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", type=int, default=358)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    groups = teams(args.teams)
    stats = SimpleNamespace(by_team=groups, hidden_groups={})
    extra = SimpleNamespace(ambition=5.0)
    timed(lambda: teams_chart(stats, extra, 96))  # warm up matplotlib's caches
    every = [timed(lambda: group_chart(groups, "team", 5.0, 96)) for _ in range(args.repeat)]
    summed = [timed(lambda: teams_chart(stats, extra, 96)) for _ in range(args.repeat)]
    print(f"{args.teams} teams, every team a bar: {statistics.median(every) * 1000:.0f} ms")
    print(f"{args.teams} teams, summarised:       {statistics.median(summed) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
