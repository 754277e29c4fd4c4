"""kill -9 at random moments of an edit loop and of an import: the .sqlite file alone is whole
and holds every edit reported saved; opened as SQLite does, it holds no half import.

A handful of kills keeps the suite quick; benchmarks/kill_trials.py runs hundreds.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import kill_trials  # noqa: E402

KILLS = 2  # per test; each kill costs a fresh Python process


@pytest.mark.parametrize("seed", range(KILLS))
def test_an_edit_loop_killed_at_a_random_moment_loses_nothing_reported(
    tmp_path: Path, seed: int
) -> None:
    trial = kill_trials.edit_trial(tmp_path, random.Random(seed))
    assert trial.alone_ok, "the .sqlite alone fails integrity_check"
    assert trial.alone_has_all, f"the .sqlite alone lost edits ({trial.reported} reported saved)"
    assert trial.opened_ok


@pytest.fixture(scope="module")
def absence_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return kill_trials.absence_files(tmp_path_factory.mktemp("filer"), staff=400)


@pytest.mark.parametrize("seed", range(KILLS))
def test_an_import_killed_at_a_random_moment_leaves_no_half_import(
    tmp_path: Path, seed: int, absence_files: tuple[Path, Path]
) -> None:
    trial = kill_trials.import_trial(tmp_path, random.Random(seed), absence_files, max_delay=2.5)
    assert trial.opened_ok, "opened as SQLite does, the file is not whole or holds half an import"
    assert trial.alone_ok and trial.alone_has_all, "the .sqlite alone is not whole"
