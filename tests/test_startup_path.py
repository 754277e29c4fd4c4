"""Start-up promise: the home view is filled before the heavy database layer loads.

Run in a fresh interpreter, since other tests have long since imported SQLAlchemy.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from norddjurs_desktop.ui.shell.main_window import MainWindow
window = MainWindow(Path(sys.argv[1]))
window.open_database()
rows = window.home.tree.topLevelItemCount()
heavy = sorted(m for m in ("sqlalchemy", "sqlmodel", "alembic", "matplotlib", "reportlab")
               if m in sys.modules)
print(rows, ",".join(heavy) or "-")
"""


def test_the_home_view_is_filled_without_sqlalchemy(tmp_path: Path) -> None:
    db = tmp_path / "start.sqlite"
    subprocess.run(
        [sys.executable, "-m", "norddjurs_desktop", "demo", "--db", str(db)],
        cwd=ROOT, check=True, capture_output=True,
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows, heavy = result.stdout.split()
    assert rows == "1"  # the demo unit is listed
    assert heavy == "-"


def test_a_screening_asked_for_while_the_decks_load_opens_when_they_are_in(
    qtbot, tmp_path: Path
) -> None:
    from norddjurs_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(tmp_path / "tidlig.sqlite")
    qtbot.addWidget(window)
    window.open_database()  # home view filled; decks still coming in
    assert window.home is not None
    with qtbot.waitSignals([window.databaseOpened, window.screeningOpened], timeout=20_000):
        window.home.open_demo()  # a quick click on "Åbn eksempel"
    assert window.screening_page is not None
    assert len(window.screening_page.mapping.tiles) == 8


def test_open_in_a_new_window_starts_the_app_module_on_the_chosen_file(tmp_path) -> None:
    """The command "Åbn databasefil" runs really starts the app (here told to quit at once)."""
    import subprocess
    import sys

    from norddjurs_desktop.ui.shell.main_window import new_window_command

    program, arguments = new_window_command(str(tmp_path / "anden.sqlite"))
    assert program == sys.executable and "main.py" not in " ".join(arguments)
    probe = subprocess.run(
        [program, *arguments[:2], "--help"], capture_output=True, text=True, timeout=60,
        cwd=tmp_path,
    )
    assert probe.returncode == 0 and "--db" in probe.stdout
