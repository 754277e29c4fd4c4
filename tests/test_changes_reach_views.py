"""A change made anywhere reaches every view that shows it, and every edit can be undone.

The home page's "Fraværsdata" window and the open screening's data step are two
views of one unit's data: an import in one shows in the other. Each kind of
edit the preparation and closing steps make goes on the undo stack, and undo
and redo reach the database and the widgets alike.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.ui.data.data_view import DataView
from norddjurs_desktop.ui.screening.screening_page import ScreeningPage
from tests.test_data_view import import_through_dialog, open_data_step, write_files


@pytest.fixture
def page(qtbot, db):
    unit_id = units.create_unit(db, "Børnehuset Æblegården")
    screening_id = screenings.create_screening(db, unit_id, on=date(2025, 1, 20), forum="TRIO")
    widget = ScreeningPage(db, screening_id, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    return widget


def test_an_import_in_another_window_updates_the_open_data_step(qtbot, db, page, tmp_path):
    step_view = open_data_step(qtbot, page)
    assert step_view.pages.currentWidget() is step_view.empty

    other_window = DataView(db, page.store.data.unit_id, None)  # as the home page opens it
    qtbot.addWidget(other_window)
    other_window.show()
    qtbot.waitUntil(lambda: other_window.task is not None and other_window.task.finished)
    staff, absence = write_files(tmp_path / "filer")
    with qtbot.waitSignal(step_view.figuresShown, timeout=20_000):
        import_through_dialog(qtbot, other_window, staff, absence)
    assert step_view.pages.currentWidget() is step_view.content


def test_an_import_for_another_unit_leaves_the_data_step_alone(qtbot, db, page, tmp_path):
    step_view = open_data_step(qtbot, page)
    other_unit = units.create_unit(db, "Hjemmeplejen Vest")
    other_window = DataView(db, other_unit, None)
    qtbot.addWidget(other_window)
    qtbot.waitUntil(lambda: other_window.task is not None and other_window.task.finished)
    before = step_view.task
    staff, absence = write_files(tmp_path / "filer")
    import_through_dialog(qtbot, other_window, staff, absence)
    assert step_view.task is before  # not recomputed
    assert step_view.pages.currentWidget() is step_view.empty


def test_every_preparation_and_closing_edit_is_undone_and_redone(qtbot, page) -> None:
    undo = page.preparation.undo_stack
    store = page.store

    def undo_redo(check_after_undo, check_after_redo) -> None:
        undo.undo()
        check_after_undo()
        undo.redo()
        check_after_redo()

    prep = page.preparation
    prep.findChild(QDateEdit, "screeningDateEdit").setDate(QDate(2025, 2, 3))
    undo_redo(
        lambda: store.data.date == date(2025, 1, 20) or pytest.fail("date not undone"),
        lambda: store.data.date == date(2025, 2, 3) or pytest.fail("date not redone"),
    )
    assert prep.findChild(QDateEdit, "screeningDateEdit").date() == QDate(2025, 2, 3)

    prep.findChild(QComboBox, "forumCombo").setCurrentText("MED-udvalg")
    assert store.data.forum == "MED-udvalg"
    undo.undo()
    assert store.data.forum == "TRIO"
    assert prep.findChild(QComboBox, "forumCombo").currentText() == "TRIO"
    undo.redo()
    assert store.data.forum == "MED-udvalg"

    qtbot.keyClicks(prep.findChild(QLineEdit, "participantNameEdit"), "Åse Lund")
    qtbot.mouseClick(prep.findChild(QPushButton, "addParticipantButton"), Qt.MouseButton.LeftButton)
    participants = prep.findChild(QListWidget, "participantList")
    assert participants.count() == 1
    undo.undo()
    assert participants.count() == 0 and store.data.participants == ()
    undo.redo()
    assert [p.name for p in store.data.participants] == ["Åse Lund"]
    participants.setCurrentRow(0)
    qtbot.mouseClick(
        prep.findChild(QPushButton, "removeParticipantButton"), Qt.MouseButton.LeftButton
    )
    assert store.data.participants == ()
    undo.undo()
    assert [p.name for p in store.data.participants] == ["Åse Lund"]

    purpose = prep.findChild(QPlainTextEdit, "purposeEdit")
    qtbot.keyClicks(purpose, "Færre mandage")
    prep.flush()
    assert store.data.purpose == "Færre mandage"
    undo.undo()
    assert store.data.purpose == "" and purpose.toPlainText() == ""

    page.go_to_step(5)
    closing = page.closing
    closing.findChild(QDateEdit, "nextFollowUpEdit").setDate(QDate(2025, 8, 1))
    assert store.data.next_follow_up == date(2025, 8, 1)
    undo.undo()
    assert store.data.next_follow_up is None
    undo.redo()
    assert store.data.next_follow_up == date(2025, 8, 1)

    summary = closing.findChild(QPlainTextEdit, "summaryEdit")
    qtbot.keyClicks(summary, "Vi mødes i august")
    closing.flush()
    undo.undo()
    assert store.data.summary == "" and summary.toPlainText() == ""
    undo.redo()
    assert store.data.summary == "Vi mødes i august"

    finished = closing.findChild(QCheckBox, "finishedCheck")
    finished.setChecked(True)
    assert store.data.status == "afsluttet"
    undo.undo()
    assert store.data.status == "i gang" and not finished.isChecked()
    undo.redo()
    assert store.data.status == "afsluttet" and finished.isChecked()


def test_the_hidden_home_reads_the_overview_once_when_shown_again(qtbot, tmp_path) -> None:
    """Typing a summary in a meeting does not re-read the home each save; going home does."""
    from norddjurs_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(tmp_path / "hjem.sqlite")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    home, page = window.home, window.screening_page
    reads: list[object] = []
    original = home.refresh
    home.refresh = lambda *a, **k: (reads.append(a), original(*a, **k))  # type: ignore[method-assign]
    for text in ("Vi", "Vi mødes", "Vi mødes igen"):
        page.store.update_preparation(summary=text)
    assert reads == []  # hidden: nothing read yet
    before = sum(s.action_count for u in home_units(home) for s in u.screenings)
    page.store.add_action(action_for(page))
    window.go_home()
    assert len(reads) == 1
    after = home_action_counts(home)
    assert after == before + 1


def home_units(home):
    from norddjurs_desktop.services.overview import list_units

    return list_units(home.db)


def home_action_counts(home) -> int:
    tree = home.tree
    total = 0
    for i in range(tree.topLevelItemCount()):
        unit = tree.topLevelItem(i)
        for j in range(unit.childCount()):
            total += int(unit.child(j).text(3))
    return total


def action_for(page):
    from norddjurs_desktop.services.dto import ActionData

    return ActionData(
        id=None, theme_key="data", problem="", action="Tal om tallene hver måned", owner="Leder",
        deadline=None, follow_up=None, status="ikke startet", success="",
    )
