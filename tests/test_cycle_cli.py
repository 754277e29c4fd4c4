"""The cycle on the command line, on the demo: history, follow-up, exports, and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.services.demo import DEMO_UNIT


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    return db


def test_the_demo_is_a_whole_cycle_and_history_tells_it(demo_db: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["history", "--db", str(demo_db), "--unit", DEMO_UNIT, "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert len(history) == 2
    first, second = history
    gap = date.fromisoformat(second["date"]) - date.fromisoformat(first["date"])
    assert timedelta(days=150) < gap < timedelta(days=210)  # about six months apart
    assert set(first["scores"]) == set(PALETTE_KEYS)
    assert first["scores"]["data"] == 2 and second["scores"]["data"] == 3
    # the follow-up reviewed the first plan: three done, two carried on, one given up
    assert (first["actions_done"], first["actions_open"]) == (3, 2)
    assert second["actions_open"] == 5


def test_follow_up_then_exports(demo_db: Path, tmp_path: Path, capsys) -> None:
    capsys.readouterr()
    on = (date.today() + timedelta(days=1)).strftime("%d-%m-%Y")
    assert main(["follow-up", "--db", str(demo_db), "--unit", DEMO_UNIT, "--on", on]) == 0
    new_id = int(capsys.readouterr().out.strip())
    assert new_id == 3

    xlsx, csv_file, ics = tmp_path / "h.xlsx", tmp_path / "h.csv", tmp_path / "k.ics"
    assert main(["export-actions", "--db", str(demo_db), "--screening", "2",
                 "--out", str(xlsx)]) == 0
    assert main(["export-actions", "--db", str(demo_db), "--screening", "latest",
                 "--out", str(csv_file)]) == 0
    assert main(["export-calendar", "--db", str(demo_db), "--unit", DEMO_UNIT,
                 "--out", str(ics)]) == 0
    assert xlsx.stat().st_size > 0 and csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"BEGIN:VEVENT" in ics.read_bytes()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["follow-up", "--unit", "Findes ikke"], "ingen enhed med navnet 'Findes ikke'"),
        (["follow-up", "--unit", DEMO_UNIT, "--on", "31-02-2026"], "ikke en gyldig dato"),
        (["follow-up", "--unit", DEMO_UNIT, "--on", "01-01-2020"], "kan ikke ligge før"),
        (["history", "--unit", "Findes ikke", "--json"], "ingen enhed"),
        (["export-actions", "--screening", "99", "--out", "x.xlsx"], "ingen screening"),
        (["export-actions", "--screening", "1", "--out", "x.pdf"], ".xlsx eller .csv"),
        (["export-calendar", "--unit", DEMO_UNIT, "--out", "x.txt"], ".ics"),
        (["export-calendar", "--unit", DEMO_UNIT, "--out", "/findes/ikke/k.ics"],
         "Kan ikke skrive"),
    ],
)
def test_errors_are_one_danish_line_and_exit_2(
    demo_db: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    command = [sys.executable, "-m", "norddjurs_desktop", args[0], "--db", str(demo_db),
               *args[1:]]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path,
                            timeout=120, check=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fejl: ") and words in lines[0], lines
    assert "Traceback" not in result.stderr
