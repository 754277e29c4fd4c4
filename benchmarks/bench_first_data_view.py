"""The first data view of a fresh app process, cold and as the app starts it (issue 14).

    .venv/bin/python benchmarks/bench_first_data_view.py --db /tmp/figures_bench/5000/app.sqlite

The database is one made by bench_figures_vs_duckdb.py (a municipality-sized
import in one unit). Each sample is a fresh offscreen process that opens the
database and then, after ``--wait`` seconds, creates the real DataView and
times it until the cards and the visible chart are drawn; the process's
resident memory is read then. Two ways of starting:

* cold: nothing loaded beforehand — the data view pays matplotlib's import;
* as the app does: the side-thread warm-up (ui/common/warm_up.py) starts when
  the window is painted; the data view opens ``--wait`` seconds later, the time
  a user at the least needs to go from the home page to a screening's Data step.

Bytecode is compiled first (an installed app always has it; this machine may
run with PYTHONDONTWRITEBYTECODE). Prints the best and the median of N.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def probe(db_path: Path, warm: bool, wait: float) -> None:
    """(In a fresh process.) Print the seconds to the first data view and the RSS then."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.ui.common.warm_up import warm_charts
    from norddjurs_desktop.ui.data.data_view import DataView

    app = QApplication.instance() or QApplication([])
    db = open_app_database(db_path)
    unit_id = db.read("SELECT id FROM unit")[0][0]
    if warm:
        warm_charts()
    loop = QEventLoop()
    QTimer.singleShot(int(wait * 1000), loop.quit)
    loop.exec()
    started = time.perf_counter()
    view = DataView(db, unit_id, lambda _r, _o: None)
    view.resize(1300, 700)
    view.show()
    drawn = lambda: any(p.canvas is not None for p in view.panels.values())  # noqa: E731
    while not (view.figures is not None and drawn()):
        QTimer.singleShot(1, loop.quit)
        loop.exec()
    seconds = time.perf_counter() - started
    rss = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
               if line.startswith("VmRSS:"))
    print(json.dumps({"seconds": seconds, "rss_mib": rss / 1024}))
    while not view.busy.isHidden():
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    view.close()
    db.close()
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/figures_bench/5000/app.sqlite"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wait", type=float, default=2.0)
    parser.add_argument("--probe", choices=["cold", "warm"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.probe:
        probe(args.db, args.probe == "warm", args.wait)
        return
    compileall.compile_dir(ROOT / "norddjurs_desktop", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    results: dict[str, list[dict[str, float]]] = {"cold": [], "warm": []}
    for _ in range(args.runs):
        for mode in results:  # interleaved: both meet the same load
            out = subprocess.run(
                [sys.executable, __file__, "--db", str(args.db), "--probe", mode,
                 "--wait", str(args.wait)],
                check=True, capture_output=True, text=True, env=env, cwd=ROOT,
            ).stdout
            results[mode].append(json.loads(out.strip().splitlines()[-1]))
    labels = {"cold": "kold (intet indlæst før)",
              "warm": f"som appen (opvarmning ved start, visning efter {args.wait:g} s)"}
    for mode, runs in results.items():
        seconds = [r["seconds"] for r in runs]
        print(f"{labels[mode]:<58} bedst {min(seconds):5.2f} s  median "
              f"{statistics.median(seconds):5.2f} s  RSS {min(r['rss_mib'] for r in runs):4.0f} MiB"
              f"  (n={len(runs)})")


if __name__ == "__main__":
    main()
