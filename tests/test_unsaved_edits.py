"""An edit that could not be stored is never shown as saved.

Another program holds the database's write lock while the TRIO types a note and
clicks a score: the note stays in its field marked "Ikke gemt", the score shows
what is stored, a bar says so in Danish, nothing reaches the undo history — and
once the lock is gone, the note is saved by itself.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.storage import database as storage_database
from norddjurs_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes give up after 0.2 s instead of 5 s, so the test does not wait for nothing."""
    monkeypatch.setattr(storage_database, "BUSY_TIMEOUT_MS", 200)


def open_screening(qtbot, db_path: Path) -> MainWindow:
    db = open_app_database(db_path)
    unit = units.create_unit(db, "Hjemmeplejen Øst")
    screening_id = screenings.create_screening(db, unit, on=date(2026, 11, 2))
    db.close()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=10_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=10_000):
        window.show_screening(screening_id)
    return window


def stored_assessment(db_path: Path) -> tuple[int | None, str]:
    with sqlite3.connect(db_path) as connection:
        row = connection.execute(
            "SELECT score, resources FROM theme_assessment WHERE theme_key = 'handling'"
        ).fetchone()
    return (row[0], row[1]) if row else (None, "")


def test_a_note_typed_while_the_file_is_locked_is_kept_and_saved_later(
    qtbot, tmp_path: Path, short_busy_timeout: None
) -> None:
    db_path = tmp_path / "låst.sqlite"
    window = open_screening(qtbot, db_path)
    page = window.screening_page
    assert page is not None
    page.go_to_step(1)
    page.mapping.open_theme("handling")
    view = page.mapping.theme_view
    notes = view.findChild(QPlainTextEdit, "resourcesEdit")
    banner = page.findChild(QLabel, "unsavedBannerText")
    undo_before = window.undo_stack.count()

    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another program is writing
    try:
        qtbot.keyClicks(notes, "Vi ringer altid dag 1")
        notes.flush()
        assert notes.toPlainText() == "Vi ringer altid dag 1"
        assert view.resources.unsaved
        assert "Ikke gemt" in notes.toolTip() or "gemt" in notes.toolTip()
        assert banner.isVisibleTo(page) and "Ikke gemt" in banner.text()
        assert "låst af et andet program" in banner.text()

        qtbot.mouseClick(view.findChild(QPushButton, "score4"), Qt.MouseButton.LeftButton)
        assert not view.findChild(QPushButton, "score4").isChecked()
        assert window.undo_stack.count() == undo_before
    finally:
        locker.execute("ROLLBACK")
        locker.close()

    assert stored_assessment(db_path) == (None, "")
    # The lock is gone: the field saves itself without another keystroke.
    qtbot.waitUntil(lambda: not view.resources.unsaved, timeout=10_000)
    assert stored_assessment(db_path)[1] == "Vi ringer altid dag 1"
    assert not banner.isVisibleTo(page)
    assert window.undo_stack.count() == undo_before + 1


def test_the_next_keystroke_retries_a_failed_save(
    qtbot, tmp_path: Path, short_busy_timeout: None
) -> None:
    db_path = tmp_path / "låst.sqlite"
    window = open_screening(qtbot, db_path)
    page = window.screening_page
    assert page is not None
    page.go_to_step(5)
    summary = page.closing.findChild(QPlainTextEdit, "summaryEdit")
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    qtbot.keyClicks(summary, "Vi mødes igen i maj")
    page.closing.flush()
    assert page.closing.summary_edit.unsaved
    locker.execute("ROLLBACK")
    locker.close()
    qtbot.keyClicks(summary, ".")
    qtbot.waitUntil(lambda: not page.closing.summary_edit.unsaved, timeout=5_000)
    with sqlite3.connect(db_path) as connection:
        (stored,) = connection.execute("SELECT summary FROM screening").fetchone()
    assert stored == "Vi mødes igen i maj."
