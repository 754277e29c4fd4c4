"""The whole palette meeting through the real widgets, then the app reopened on the same file.

A TRIO creates its unit, starts a screening, adds three participants, scores all
eight themes with notes, prioritises two, adds three actions and exports the
plan; after closing and starting again, everything is still there.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.ui.home.new_screening_dialog import NewScreeningDialog
from norddjurs_desktop.ui.shell.main_window import MainWindow
from norddjurs_desktop.ui.widgets.theme_tile import ThemeTile

UNIT = "Plejecentret Ærøhøj"
PEOPLE = [("Birgit Løvstrøm", "Leder"), ("Søren Åkjær", "TR"), ("Ønne Hald", "AMR")]
ACTIONS = [
    ("Fraværstal på hvert TRIO-møde", "Tallene bliver ikke delt", "Leder"),
    ("Fast plan for dækning om mandagen", "Mandagene er hårde", "AMR"),
    ("Påmindelse om samtalen på dag 10", "Samtalen glemmes", "TR"),
]


def open_window(qtbot, db_path: Path) -> MainWindow:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=10_000):
        window.open_database()
    return window


def fill_new_screening_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewScreeningDialog)
    dialog.findChild(QLineEdit, "unitNameEdit").setText(UNIT)
    dialog.findChild(QDateEdit, "dateEdit").setDate(QDate(2026, 11, 23))
    dialog.findChild(QComboBox, "forumCombo").setCurrentText("TRIO")
    dialog.accept()


def test_a_trio_runs_the_whole_meeting_and_finds_it_again(qtbot, tmp_path: Path) -> None:
    db_path = tmp_path / "møde.sqlite"
    window = open_window(qtbot, db_path)
    home = window.home
    assert home is not None and home.pages.currentWidget() is home.welcome

    # Ny selvscreening on the welcome view
    QTimer.singleShot(0, fill_new_screening_dialog)
    with qtbot.waitSignal(window.screeningOpened, timeout=10_000):
        qtbot.mouseClick(home.welcome.new_button, Qt.MouseButton.LeftButton)
    page = window.screening_page
    assert page is not None and UNIT in window.windowTitle()

    # 1. Forberedelse: three participants
    prep = page.preparation
    for name, role in PEOPLE:
        prep.findChild(QComboBox, "participantRoleCombo").setCurrentText(role)
        name_edit = prep.findChild(QLineEdit, "participantNameEdit")
        qtbot.keyClicks(name_edit, name)
        qtbot.mouseClick(
            prep.findChild(QPushButton, "addParticipantButton"), Qt.MouseButton.LeftButton
        )
    assert prep.findChild(QListWidget, "participantList").count() == 3

    # 2. Kortlægning: every theme scored with notes
    page.nav.setCurrentRow(1)
    mapping = page.mapping
    for number, key in enumerate(PALETTE_KEYS):
        tile = mapping.findChild(ThemeTile, f"tile_{key}")
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        view = mapping.theme_view
        assert view.theme is not None and view.theme.key == key
        score = number % 5 + 1
        qtbot.mouseClick(view.findChild(QPushButton, f"score{score}"), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(view.findChild(QPlainTextEdit, "resourcesEdit"), f"Det virker i {key}: æøå")
        qtbot.keyClicks(view.findChild(QPlainTextEdit, "challengesEdit"), f"Svært i {key}")
        qtbot.mouseClick(view.findChild(QPushButton, "backToPalette"), Qt.MouseButton.LeftButton)
        assert tile.score == score
    assert "8 af 8" in mapping.progress.text()

    # 4. Prioritering: two themes, in order
    page.nav.setCurrentRow(3)
    assert page.steps.currentWidget() is page.priority
    priority = page.priority
    available = priority.findChild(QListWidget, "availableThemes")
    for title in ("Brug af data", "Kultur for fravær"):
        item = next(
            available.item(i)
            for i in range(available.count())
            if available.item(i).text().startswith(title)
        )
        available.setCurrentItem(item)
        qtbot.mouseClick(priority.findChild(QPushButton, "priority_add"), Qt.MouseButton.LeftButton)
    chosen = priority.findChild(QListWidget, "chosenThemes")
    assert [chosen.item(i).text() for i in range(chosen.count())] == [
        "1. Brug af data",
        "2. Kultur for fravær",
    ]

    # 5. Handlingsplan: three actions through the form
    page.nav.setCurrentRow(4)
    assert page.steps.currentWidget() is page.action_step
    step = page.action_step
    for what, why, owner in ACTIONS:
        dialog = step.open_new_action()
        dialog.findChild(QComboBox, "themeCombo").setCurrentText("Brug af data")
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "problemEdit"), why)
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "actionEdit"), what)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "ownerEdit"), owner)
        dialog.accept()
    table = step.findChild(QTableView, "actionTable")
    assert table.model().rowCount() == 3

    # Undo and redo reach the database too
    window.app_actions.undo.trigger()
    assert table.model().rowCount() == 2
    window.app_actions.redo.trigger()
    assert table.model().rowCount() == 3

    # 6. Afslutning: export the plan
    page.nav.setCurrentRow(5)
    assert page.steps.currentWidget() is page.closing
    from norddjurs_desktop.ui.plan.plan_export import export_plan_to

    out = tmp_path / "Handlingsplan.pdf"
    task = export_plan_to(page.store, out)
    qtbot.waitUntil(lambda: out.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: task.property("finished") is not False, timeout=5_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert UNIT in text and all(what in text for what, _w, _o in ACTIONS)

    # Close and start again on the same file
    window.close()
    window.close_database()
    again = open_window(qtbot, db_path)
    tree = again.home.tree
    unit_item = tree.topLevelItem(0)
    assert unit_item.text(0) == UNIT
    assert unit_item.child(0).text(0) == "23-11-2026"
    assert unit_item.child(0).text(3) == "3"
    again.show_screening(unit_item.child(0).data(0, Qt.ItemDataRole.UserRole + 1))
    reopened = again.screening_page
    assert reopened.preparation.findChild(QListWidget, "participantList").count() == 3
    for number, key in enumerate(PALETTE_KEYS):
        assert reopened.mapping.tiles[key].score == number % 5 + 1
        assessment = reopened.store.data.assessment(key)
        assert assessment.resources == f"Det virker i {key}: æøå"
        assert assessment.challenges == f"Svært i {key}"
    assert reopened.store.priorities() == ["data", "culture"]
    assert [a.action for a in reopened.store.actions()] == [what for what, _w, _o in ACTIONS]
