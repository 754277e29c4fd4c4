"""The TRIO comes back after the follow-up date: the home says it is overdue, they start
the follow-up, review three actions, score, export, and it is all there after a restart."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.followup import list_reviews
from norddjurs_desktop.ui.plan.plan_export import export_plan_to
from norddjurs_desktop.ui.shell.main_window import MainWindow

UNIT = "Daginstitution Solsikken"
WHAT = ("Fraværstal på hvert TRIO-møde", "Fast plan for dækning om mandagen",
        "Fælles morgenmad om fredagen")


def _last_meeting(path: Path) -> int:
    """Half a year ago: a screening with three actions and a follow-up date now passed."""
    db = open_app_database(path)
    unit = units.create_unit(db, UNIT)
    then = date.today() - timedelta(days=190)
    first = screenings.create_screening(db, unit, on=then)
    screenings.add_participant(db, first, "Karen Øst", "Leder")
    screenings.add_participant(db, first, "Ali Åberg", "TR")
    screenings.set_score(db, first, "data", 2)
    for what in WHAT:
        actions.add_action(db, first, ActionData(
            id=None, theme_key="data", problem="", action=what, owner="Karen",
            deadline=then + timedelta(days=30), follow_up=then + timedelta(days=60),
            status="i gang", success=""))
    screenings.update_preparation(db, first, next_follow_up=then + timedelta(days=180),
                                  status="afsluttet")
    db.close()
    return first


def _window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    return window


def test_a_trio_follows_up_on_its_plan(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "solsikken.sqlite"
    first = _last_meeting(path)
    window = _window(qtbot, path)
    home = window.home

    # the home: the meeting is overdue, in words
    meeting = next(home.due.tree.topLevelItem(i) for i in range(home.due.tree.topLevelItemCount())
                   if home.due.tree.topLevelItem(i).text(2).startswith("Opfølgningsmøde"))
    assert meeting.text(1) == "⚠ forfalden for 10 dage siden"

    # start the follow-up from the unit
    home.tree.setCurrentItem(home.tree.findItems(UNIT, Qt.MatchFlag.MatchExactly, 0)[0])
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000) as opened:
        qtbot.mouseClick(home.buttons["follow_up"], Qt.MouseButton.LeftButton)
    new_id = opened.args[0]
    page = window.screening_page
    assert page.nav.item(0).text() == "1. Opfølgning"
    review = page.review
    assert review is not None and review.isVisible()
    done, carried, dropped = (r.action.id for r in list_reviews(window.db, new_id))

    # one done and it worked, one carried over, one dropped
    review.findChild(QComboBox, f"reviewStatus{done}").setCurrentText("gennemført")
    review.findChild(QComboBox, f"reviewEffect{done}").setCurrentText("ja")
    comment = review.findChild(QLineEdit, f"reviewComment{done}")
    comment.setText("Tallene bruges hver måned.")
    comment.editingFinished.emit()
    qtbot.mouseClick(review.findChild(QCheckBox, f"reviewCarry{carried}"),
                     Qt.MouseButton.LeftButton)
    review.findChild(QComboBox, f"reviewStatus{dropped}").setCurrentText("opgivet")
    review.findChild(QComboBox, f"reviewEffect{dropped}").setCurrentText("nej")
    assert not review.findChild(QCheckBox, f"reviewCarry{dropped}").isEnabled()

    # today's plan has the carried action; then they score
    page.go_to_step(4)
    assert [a.action for a in page.action_step.model.actions()] == [WHAT[1]]
    page.go_to_step(1)
    page.mapping.open_theme("data")
    qtbot.mouseClick(page.mapping.theme_view.findChild(QPushButton, "score4"),
                     Qt.MouseButton.LeftButton)

    out = tmp_path / "plan.pdf"
    task = export_plan_to(page.store, out)
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    assert "Opfølgning på sidste handlingsplan" in text
    assert "Tallene bruges hver måned." in text
    assert re.search(r"Brug af data 2 4 ↑ bedre", text)
    assert "videreført fra" in text

    # close and reopen: all is there
    window.close()
    window = _window(qtbot, path)
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.show_screening(new_id)
    review = window.screening_page.review
    assert review.findChild(QComboBox, f"reviewStatus{done}").currentText() == "gennemført"
    assert review.findChild(QComboBox, f"reviewEffect{dropped}").currentText() == "nej"
    assert review.findChild(QCheckBox, f"reviewCarry{carried}").isChecked()
    assert review.findChild(QLineEdit, f"reviewComment{done}").text() == (
        "Tallene bruges hver måned.")
    db = open_app_database(path)
    assert [a.status for a in actions.list_actions(db, first)] == [
        "gennemført", "i gang", "opgivet"]
    db.close()
