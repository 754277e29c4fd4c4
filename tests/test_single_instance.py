"""Two windows on one database file: the second is told, instead of both writing."""

from __future__ import annotations

from pathlib import Path

from norddjurs_desktop.ui.app import acquire_lock


def test_a_second_instance_cannot_take_the_same_database(tmp_path: Path, qapp) -> None:
    db = tmp_path / "fælles.sqlite"
    first = acquire_lock(db)
    assert first is not None
    assert acquire_lock(db) is None
    first.unlock()
    again = acquire_lock(db)
    assert again is not None
    again.unlock()
