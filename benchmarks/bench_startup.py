"""Start-up time of the app beside an empty PySide6 QMainWindow, measured the same way.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--db FILE]

Each run is a fresh interpreter; the clock starts in this process just before
launch, so interpreter start-up and imports are included. Uses the demo
database by default so the home view has something to fill.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def measure(mode: str, db: Path) -> dict[str, float]:
    started = time.time()
    result = subprocess.run(
        [sys.executable, str(HERE / "startup_probe.py"), repr(started), mode, str(db)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=True,
    )
    times = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in ("shown", "filled"):
            times[key] = float(value)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "bench.sqlite"
        subprocess.run([sys.executable, "-m", "norddjurs_desktop", "demo", "--db", str(db)],
                       cwd=ROOT, check=True, capture_output=True)
    measure("app", db)  # warm the OS file cache once
    empty = [measure("empty", db)["shown"] for _ in range(args.runs)]
    app = [measure("app", db) for _ in range(args.runs)]
    empty_median = statistics.median(empty)
    shown = statistics.median(r["shown"] for r in app)
    filled = statistics.median(r["filled"] for r in app)
    print(f"runs: {args.runs} (median)")
    print(f"empty QMainWindow shown: {empty_median * 1000:.0f} ms")
    print(f"app window shown: {shown * 1000:.0f} ms ({shown / empty_median:.2f}x, aim 1.5x)")
    print(f"home view filled: {filled * 1000:.0f} ms ({filled / empty_median:.2f}x, aim 4x)")


if __name__ == "__main__":
    main()
