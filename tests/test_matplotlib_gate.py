"""No thread imports matplotlib while another is loading it: every chart goes through one gate.

A half-imported package seen from a second thread fails with "partially
initialized module" (it happened once at start-up, with pydantic). The app
loads matplotlib on a side thread at start, builds charts on the GUI thread
and PDF figures on pool threads; each must wait at the gate while the load
runs. Checked in a fresh process, where matplotlib is not yet imported: the
test holds the gate, starts a chart in a thread, sees that matplotlib is
still not imported, releases the gate and gets the chart.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys, threading, time
from datetime import date
from norddjurs_desktop.reports import mpl_loading

def development():
    from norddjurs_desktop.reports.development_chart import development_png
    return development_png([("data", "Brug af data")], [date(2025, 1, 6), date(2025, 6, 2)],
                           {"data": [2, 4]})

def palette():
    from norddjurs_desktop.domain.plan import PlanTheme
    from norddjurs_desktop.reports.palette_figure import palette_figure_png
    return palette_figure_png([PlanTheme("data", "Brug af data", "#1f77b4", "square", 3)])

def drawing():
    from norddjurs_desktop.reports.charts.drawing import new_figure
    return new_figure(72)[0]

work = {"development": development, "palette": palette, "drawing": drawing}[sys.argv[1]]
result = []
with mpl_loading._lock:
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    time.sleep(0.5)
    print("while held:", "matplotlib" in sys.modules, bool(result), flush=True)
thread.join(120)
print("after:", "matplotlib.figure" in sys.modules, bool(result), flush=True)
"""


@pytest.mark.parametrize("chart", ["development", "palette", "drawing"])
def test_a_chart_waits_while_another_thread_loads_matplotlib(chart: str) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, chart], capture_output=True,
                            text=True, cwd=ROOT, timeout=180)
    assert result.stdout.split("\n")[:2] == ["while held: False False", "after: True True"], (
        result.stdout + result.stderr)
