"""The app loads matplotlib on a side thread once its window shows, before a chart needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from norddjurs_desktop.ui import app as app_module
from norddjurs_desktop.ui.common import warm_up

qapp = QApplication(sys.argv[:1])
print("before", "matplotlib.figure" in sys.modules, flush=True)

def check(tries=[0]):
    tries[0] += 1
    if warm_up.charts_warm() or tries[0] > 600:
        print("warm", warm_up.charts_warm(), "matplotlib.figure" in sys.modules, flush=True)
        QApplication.quit()
    else:
        QTimer.singleShot(50, check)

QTimer.singleShot(0, check)
sys.exit(app_module.run(["fremmoedepaletten", "--db", sys.argv[1]]))
"""


def test_matplotlib_is_loaded_in_the_background_once_the_app_has_started(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "app.sqlite")],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    lines = result.stdout.split("\n")
    assert "before False" in lines, result.stdout + result.stderr
    assert "warm True True" in lines, result.stdout + result.stderr
