"""The follow-up review is undone like every other edit of the meeting.

A wrong status, a wrong "Virkede det?" or an action carried over by mistake
is taken back with Ctrl+Z and put back with Ctrl+Shift+Z, and what the rows
show is what is stored. A review that cannot be saved is reported in the
page's banner like any other edit, and the row keeps showing what is stored.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.followup import list_reviews, start_follow_up
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.errors import BUSY_MESSAGE
from norddjurs_desktop.ui.screening.screening_page import ScreeningPage
from norddjurs_desktop.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
THEN = date.today() - timedelta(days=190)
WHAT = ("Fraværstal på hvert TRIO-møde", "Fast plan for dækning om mandagen")


def _follow_up(path: Path) -> tuple[int, int, int, int]:
    """A screening half a year ago with two actions under way, and today's follow-up."""
    db = open_app_database(path)
    unit = units.create_unit(db, "Hjemmeplejen Syd")
    first = screenings.create_screening(db, unit, on=THEN)
    for what in WHAT:
        actions.add_action(db, first, ActionData(
            id=None, theme_key="data", problem="", action=what, owner="Karen",
            deadline=THEN + timedelta(days=30), follow_up=None, status="i gang", success=""))
    new = start_follow_up(db, unit, on=date.today())
    measured, covered = (r.action.id or 0 for r in list_reviews(db, new))
    db.close()
    return first, new, measured, covered


def _stored(path: Path, new: int) -> tuple[list[tuple[str, str, bool]], list[tuple[int, str]]]:
    """Each reviewed action's (status, effect, carried) and today's plan (id, action)."""
    db = open_app_database(path)
    try:
        reviews = [(r.action.status, r.effect, r.carried_over) for r in list_reviews(db, new)]
        plan = [(a.id or 0, a.action) for a in actions.list_actions(db, new)]
    finally:
        db.close()
    return reviews, plan


def test_review_edits_are_undone_and_redone_with_the_keys(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "opfoelgning.sqlite"
    _first, new, measured, covered = _follow_up(path)
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.show_screening(new)
    qtbot.waitExposed(window)
    window.activateWindow()
    review = window.screening_page.review
    assert review is not None
    status = review.findChild(QComboBox, f"reviewStatus{measured}")
    effect = review.findChild(QComboBox, f"reviewEffect{measured}")
    carry = review.findChild(QCheckBox, f"reviewCarry{covered}")

    status.setCurrentText("gennemført")
    effect.setCurrentText("ja")
    qtbot.mouseClick(carry, Qt.MouseButton.LeftButton)
    reviews, plan = _stored(path, new)
    assert reviews == [("gennemført", "ja", False), ("i gang", "", True)]
    assert [what for _id, what in plan] == [WHAT[1]]
    carried_id = plan[0][0]

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the carried action leaves today's plan
    assert _stored(path, new) == ([("gennemført", "ja", False), ("i gang", "", False)], [])
    assert not carry.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # "Virkede det?" unanswered again
    assert _stored(path, new)[0][0] == ("gennemført", "", False)
    assert effect.currentText() == "ikke vurderet"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the status as the last plan left it
    assert _stored(path, new)[0][0] == ("i gang", "", False)
    assert status.currentText() == "i gang"

    for _step in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    reviews, plan = _stored(path, new)
    assert reviews == [("gennemført", "ja", False), ("i gang", "", True)]
    assert plan == [(carried_id, WHAT[1])]  # the very same action, not a second copy
    assert (status.currentText(), effect.currentText(), carry.isChecked()) == (
        "gennemført", "ja", True)
    # a finished action cannot be carried on; the box says so after the redo too
    assert not review.findChild(QCheckBox, f"reviewCarry{measured}").isEnabled()


def test_taking_a_carried_action_out_and_undoing_keeps_what_was_written_in_it(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "opfoelgning.sqlite"
    _first, new, _measured, covered = _follow_up(path)
    db = open_app_database(path)
    stack = QUndoStack()
    page = ScreeningPage(db, new, stack)
    qtbot.addWidget(page)
    review = page.review
    assert review is not None
    carry = review.findChild(QCheckBox, f"reviewCarry{covered}")
    qtbot.mouseClick(carry, Qt.MouseButton.LeftButton)
    copy = page.store.actions()[0]
    page.store.update_action(ActionData(**{**copy.__dict__, "owner": "Bodil"}))

    qtbot.mouseClick(carry, Qt.MouseButton.LeftButton)  # taken out again
    assert page.store.actions() == []
    stack.undo()
    assert [(a.id, a.owner) for a in page.store.actions()] == [(copy.id, "Bodil")]
    assert carry.isChecked()
    page.close_page()
    db.close()


def test_a_review_that_cannot_be_saved_is_reported_and_not_shown_as_saved(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "opfoelgning.sqlite"
    _first, new, measured, _covered = _follow_up(path)
    db = Database(path, busy_timeout_ms=100)  # gives up quickly when the file is locked
    stack = QUndoStack()
    page = ScreeningPage(db, new, stack)
    qtbot.addWidget(page)
    page.show()
    review = page.review
    assert review is not None
    status = review.findChild(QComboBox, f"reviewStatus{measured}")
    comment = review.findChild(QLineEdit, f"reviewComment{measured}")

    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another program is writing
        status.setCurrentText("opgivet")
        other.execute("ROLLBACK")
    assert page.unsaved.isVisible()
    assert page.unsaved.label.text() == f"⚠ Ikke gemt: {BUSY_MESSAGE}"
    assert status.currentText() == "i gang"  # what is stored
    assert stack.count() == 0
    assert _stored(path, new)[0][0] == ("i gang", "", False)

    status.setCurrentText("opgivet")  # the file is free again: saved, banner gone
    comment.setText("Ingen tid til det.")
    comment.editingFinished.emit()
    assert not page.unsaved.isVisible()
    assert _stored(path, new)[0][0] == ("opgivet", "", False)
    assert stack.count() == 2
    page.close_page()
    db.close()
