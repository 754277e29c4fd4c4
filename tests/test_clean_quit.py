"""After a long meeting, Filer › Afslut ends the app cleanly: exit code 0, nothing on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DRIVER = Path(__file__).with_name("long_session_driver.py")
# What Qt's offscreen platform (no real screen in a test run) says about itself, not the app.
OFFSCREEN_NOTES = {
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
}
ROOT = Path(__file__).resolve().parents[1]


def test_a_long_session_quits_with_code_0_and_a_silent_stderr(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path / "møde.sqlite"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.pdf").stat().st_size > 10_000  # the session really ran
    said = [line for line in result.stderr.splitlines() if line not in OFFSCREEN_NOTES]
    assert said == []  # no "shared QObject was deleted directly", no traceback, nothing
