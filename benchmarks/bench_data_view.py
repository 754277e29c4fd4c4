"""Time the data view's redraw after a filter change on a municipality-sized export.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_data_view.py --dir /tmp/fravaer

Imports the generated files (benchmarks/make_absence_files.py; made if
missing) into a fresh database, shows the real DataView, and then changes the
team filter (each team once, so the trend cache never helps) and the period.
Each sample runs from the filter change to the end of matplotlib's draw of
the visible chart: the stats on the pool thread, the cards, the figure and
its paint (the previous period's figures for the cards follow as a second
step and are not in the sample; the next sample waits for them). Prints the
median and the slowest sample in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_absence_files import make_files  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from norddjurs_desktop.services import absence, units  # noqa: E402
from norddjurs_desktop.services.absence_stats import forget_figures  # noqa: E402
from norddjurs_desktop.services.bootstrap import open_app_database  # noqa: E402
from norddjurs_desktop.ui.data.data_view import DataView  # noqa: E402


def wait_for(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the data view did not answer")
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def sample(view: DataView, chart: str, change: Callable[[], None]) -> tuple[float, float]:
    """(ms to the cards, ms to the end of the visible chart's draw) for one filter change."""
    panel = view.panels[chart]
    wait_for(lambda: view.busy.isHidden())  # the previous sample's second step is done
    marks: dict[str, float] = {}
    on_shown = lambda: marks.setdefault("cards", time.perf_counter())  # noqa: E731
    on_drawn = lambda _s: marks.__setitem__("drawn", time.perf_counter())  # noqa: E731
    view.figuresShown.connect(on_shown)
    panel.redrawn.connect(on_drawn)
    started = time.perf_counter()
    change()
    wait_for(lambda: "cards" in marks and marks.get("drawn", 0) > marks["cards"])
    view.figuresShown.disconnect(on_shown)
    panel.redrawn.disconnect(on_drawn)
    return (marks["cards"] - started) * 1000, (marks["drawn"] - started) * 1000


def report(label: str, samples: list[tuple[float, float]]) -> None:
    cards = [c for c, _ in samples]
    total = [t for _, t in samples]
    print(f"{label:<44} median {statistics.median(total):6.0f} ms  (max {max(total):4.0f};"
          f" stats+cards median {statistics.median(cards):4.0f} ms)  n={len(samples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/fravaer"))
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=12)
    args = parser.parse_args()
    staff_path, absence_path = args.dir / "medarbejdere.csv", args.dir / "fravaer.csv"
    if not (staff_path.exists() and absence_path.exists()):
        make_files(args.dir, args.staff)

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_app_database(Path(folder) / "bench.sqlite")
        unit_id = units.create_unit(db, "Kommunen")
        started = time.perf_counter()
        info = absence.import_absence_files(db, unit_id, staff_path, absence_path)
        print(f"import: {info.staff_rows} medarbejdere, {info.absence_rows} fraværsrækker, "
              f"{time.perf_counter() - started:.1f} s")

        view = DataView(db, unit_id, lambda _r, _o: None)
        view.resize(1300, 850)
        view.show()
        started = time.perf_counter()
        wait_for(lambda: view.figures is not None and view.panels["rolling"].canvas is not None)
        print(f"first view (whole unit, both trends): {time.perf_counter() - started:.2f} s")
        teams = [view.team_combo.itemText(i) for i in range(1, view.team_combo.count())]

        def team_changes(chart: str, count: int) -> list[tuple[float, float]]:
            view.select_chart(chart)
            panel = view.panels[chart]
            wait_for(lambda: not panel._stale and panel._started is None)
            chosen = teams[:count]
            del teams[:count]  # every sample a team not seen before: no cached trends
            return [sample(view, chart, lambda t=t: view.set_team(t)) for t in chosen]

        report("team filter → rullende 12 mdr. (visible)", team_changes("rolling", args.samples))
        report("team filter → ugedage (visible)", team_changes("weekdays", args.samples))
        report("team filter → team chart (visible)", team_changes("teams", args.samples))
        view.set_team(None)
        wait_for(lambda: view.figures is not None and view.figures.team is None)
        periods = [view.period_combo.itemText(i) for i in range(view.period_combo.count())]
        view.select_chart("rolling")
        wait_for(lambda: view.panels["rolling"]._started is None)
        def first_visit(chart: str, period: str) -> tuple[float, float]:
            forget_figures(db)  # a period seen before is remembered; measure a first visit
            return sample(view, chart, lambda: view.set_period(period))

        period_samples = [first_visit("rolling", p) for p in (periods[1:] + periods[:1]) * 2]
        report("period (hele enheden) → rullende 12 mdr.", period_samples)
        report("period seen before (remembered) → rullende 12 mdr.", [
            sample(view, "rolling", lambda p=p: view.set_period(p))
            for p in (periods[1:] + periods[:1]) * 2  # never the period already shown
        ])
        view.select_chart("teams")
        wait_for(lambda: view.panels["teams"]._started is None)
        report("period (hele enheden, 40 teams) → team chart", [
            first_visit("teams", p) for p in periods[1:3]
        ])
        wait_for(lambda: view.busy.isHidden())  # no worker may outlive the database
        view.close()
        db.close()
    del app


if __name__ == "__main__":
    main()
