"""Time building and drawing the team chart for a municipality-sized unit (358 teams).

    .venv/bin/python benchmarks/bench_team_chart.py [--teams 358] [--repeat 7]
    .venv/bin/python benchmarks/bench_team_chart.py --against c191c28 --repeat 15

Prints the median of building the figure and drawing it with Agg (what the
data view's canvas does), for every team drawn as a bar (the old chart) and
for the summarised chart (10 highest, 10 lowest, the rest in words).

With ``--against REV`` it times the summarised chart of this tree and of the
``group_charts`` module at git revision REV, interleaved run by run, and
prints the best and the median of each: on a shared, loaded machine only a
side-by-side figure means anything.
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
    parser.add_argument("--against", help="a git revision to time side by side")
    args = parser.parse_args()
    groups = teams(args.teams)
    stats = SimpleNamespace(by_team=groups, hidden_groups={})
    extra = SimpleNamespace(ambition=5.0)
    if args.against:
        return side_by_side(args.against, stats, extra, args.repeat)
    timed(lambda: teams_chart(stats, extra, 96))  # warm up matplotlib's caches
    every = [timed(lambda: group_chart(groups, "team", 5.0, 96)) for _ in range(args.repeat)]
    summed = [timed(lambda: teams_chart(stats, extra, 96)) for _ in range(args.repeat)]
    print(f"{args.teams} teams, every team a bar: {statistics.median(every) * 1000:.0f} ms")
    print(f"{args.teams} teams, summarised:       {statistics.median(summed) * 1000:.0f} ms")
    return 0


def side_by_side(revision: str, stats: SimpleNamespace, extra: SimpleNamespace, repeat: int) -> int:
    import subprocess
    import types

    from norddjurs_desktop.reports.charts import group_charts

    source = subprocess.run(
        ["git", "show", f"{revision}:norddjurs_desktop/reports/charts/group_charts.py"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1],
    ).stdout
    old = types.ModuleType("group_charts_then")
    exec(compile(source, f"{revision}:group_charts.py", "exec"), old.__dict__)  # noqa: S102
    builds = {revision: old.teams_chart, "this tree": group_charts.teams_chart}
    for build in builds.values():
        timed(lambda b=build: b(stats, extra, 96))  # warm up
    times: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(repeat):
        for name, build in builds.items():
            times[name].append(timed(lambda b=build: b(stats, extra, 96)))
    for name, values in times.items():
        print(
            f"{name:>10}: best {min(values) * 1000:.0f} ms, "
            f"median {statistics.median(values) * 1000:.0f} ms ({repeat} runs, interleaved)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
