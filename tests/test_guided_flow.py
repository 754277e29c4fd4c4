"""A TRIO walks the meeting by keyboard: the step bar, Forrige/Næste, help, the action table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton

from norddjurs_desktop.domain.action_defaults import default_theme
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(tmp_path / "flow.sqlite")
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    with qtbot.waitSignal(main.databaseOpened, timeout=20_000):
        main.open_database()
    with qtbot.waitSignal(main.screeningOpened, timeout=20_000):
        main.home.open_demo()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main


def test_naeste_and_forrige_walk_the_six_steps(qtbot, window: MainWindow) -> None:
    page = window.screening_page
    assert page.steps.currentIndex() == 0
    assert not page.footer.previous.isVisible()
    assert page.footer.next.text() == "Næste: Kortlægning ▶"
    for expected in range(1, 6):
        qtbot.mouseClick(page.footer.next, Qt.MouseButton.LeftButton)
        assert page.steps.currentIndex() == expected
        assert page.nav.currentRow() == expected
    assert not page.footer.next.isVisible()
    assert page.footer.previous.text() == "◀ Forrige: Handlingsplan"
    qtbot.mouseClick(page.footer.previous, Qt.MouseButton.LeftButton)
    assert page.steps.currentWidget() is page.action_step
    # the keys shown in the tooltip do the same
    assert "Alt+Left" in page.footer.previous.toolTip()
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert page.steps.currentWidget() is page.priority
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert page.steps.currentWidget() is page.action_step


def test_the_step_bar_ticks_the_steps_whose_work_is_there(qtbot, window: MainWindow) -> None:
    from norddjurs_desktop.ui.screening.step_bar import DONE_ROLE

    page = window.screening_page
    done = [bool(page.nav.item(row).data(DONE_ROLE)) for row in range(6)]
    # the demo is a finished meeting (participants, scores, priorities, actions, closed);
    # only the data step is not yet seen in this session
    assert done == [True, True, False, True, True, True]
    page.go_to_step(2)
    assert page.nav.item(2).data(DONE_ROLE)
    assert "færdig" in page.nav.item(1).data(Qt.ItemDataRole.AccessibleTextRole)


def test_f1_opens_the_guide_at_the_open_step_and_the_keys_page_lists_the_keys(
    qtbot, window: MainWindow
) -> None:
    from norddjurs_desktop.ui.shell.help_guide import HelpDialog

    page = window.screening_page
    page.go_to_step(4)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.guide
    guide = dialog.guide.toPlainText()
    assert "Sådan holder I mødet" in guide and "60–90 minutter" in guide
    assert "5. Handlingsplan" in guide
    assert dialog.guide.verticalScrollBar().value() > 0  # scrolled to the step
    window.app_actions.help_keys.trigger()
    assert dialog.tabs.currentWidget() is dialog.keys
    keys = dialog.keys.toPlainText()
    for expected in ("Ctrl+Q", "F1", "Ctrl+Z", "Alt+Right", "F5", "Ctrl+1"):
        assert expected in keys
    # the "?" under a step opens the same guide
    dialog.hide()
    qtbot.mouseClick(page.footer.help, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.guide


def test_ctrl_q_quits(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_tab_leaves_the_action_table(qtbot, window: MainWindow) -> None:
    page = window.screening_page
    page.go_to_step(4)
    table = page.action_step.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert QApplication.focusWidget() is not None


def test_a_long_action_is_cut_in_the_table_and_whole_in_the_detail_pane(
    qtbot, window: MainWindow
) -> None:
    from dataclasses import replace

    from norddjurs_desktop.services import actions as action_service
    from norddjurs_desktop.ui.common.operations import change_hub

    page = window.screening_page
    store = page.store
    first = store.actions()[0]
    long_text = " ".join(["Vi prøver noget nyt på personalemødet"] * 55)  # about 2.000 tegn
    action_service.update_action(store.db, replace(first, action=long_text))
    change_hub().announce(store.changes(Kind.ACTIONS))
    page.go_to_step(4)
    step = page.action_step
    step.select_action(first.id)
    shown = step.proxy.index(0, 2).data()
    assert len(shown) < 200 and shown.endswith("…")
    assert long_text in step.detail.text()
    assert step.detail_box.isVisible()
    # the row stays a readable size: the table still shows the other actions
    # (row heights are fitted once the columns have settled)
    qtbot.waitUntil(lambda: step.table.rowHeight(0) < step.table.viewport().height() // 3)


def test_a_new_action_starts_on_the_first_prioritised_theme_without_one(
    qtbot, window: MainWindow
) -> None:
    from norddjurs_desktop.domain.palette import PALETTE_KEYS
    from norddjurs_desktop.services.screenings import set_priorities
    from norddjurs_desktop.ui.common.operations import change_hub

    page = window.screening_page
    planned = {a.theme_key for a in page.store.actions()}
    with_action = next(key for key in PALETTE_KEYS if key in planned)
    without = next(key for key in PALETTE_KEYS if key not in planned)
    set_priorities(page.store.db, page.store.screening_id, [with_action, without])
    change_hub().announce(Changes.of(Kind.PRIORITIES, screening_id=page.store.screening_id))
    page.go_to_step(4)
    dialog = page.action_step.open_new_action()
    combo = dialog.findChild(QComboBox, "themeCombo")
    assert combo.currentData() == without
    dialog.reject()


def test_default_theme_rule() -> None:
    priorities = [("data", 1), ("culture", 2), ("return", None)]
    assert default_theme(priorities, ["data"]) == "culture"
    assert default_theme(priorities, []) == "data"
    assert default_theme(priorities, ["data", "culture"]) == "data"
    assert default_theme([("data", None)], []) == ""


def test_each_voter_starts_at_the_top_of_the_sheet(qtbot, db) -> None:
    from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.ui.rounds.ballot_page import BallotPage

    deck = get_deck(db, PALETTE_DECK_KEY)
    sheet = BallotPage(deck)
    qtbot.addWidget(sheet)
    sheet.resize(900, 420)  # too low for eight themes: the sheet scrolls
    keys = [t.key for t in deck.themes]
    sheet.start(keys, "Deltager 1")
    sheet.show()
    qtbot.waitExposed(sheet)
    bar = sheet.sheet_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    last = sheet.findChild(QPushButton, f"ballot_{keys[-1]}_4")
    sheet.sheet_scroll.ensureWidgetVisible(last)
    assert bar.value() > 0
    sheet.start(keys, "Deltager 2")
    qtbot.waitUntil(lambda: bar.value() == 0)
    assert sheet.findChild(QLabel, "ballotHeader").text() == "Deltager 2"
