"""The home says what is due, and a follow-up starts from it (through the real widgets)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo
from norddjurs_desktop.ui.shell.main_window import MainWindow


def _open(qtbot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    return window


def test_the_home_shows_what_is_due_and_opens_it(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cyklus.sqlite"
    db = open_app_database(path)
    latest = create_demo(db)
    db.close()
    window = _open(qtbot, path)
    panel = window.home.due
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert rows, "the demo has due dates"
    first = rows[0]
    # the overdue action is said in words and with a sign, not by colour alone
    assert first.text(1) == "⚠ forfalden for 2 dage siden"
    assert first.text(2).startswith("Deadline: Korte trivselssamtaler")
    assert first.font(2).bold()
    assert panel.summary.text().startswith("1 forfaldne · 3 inden for 14 dage")
    assert any(r.text(2).startswith("Opfølgningsmøde:") for r in rows)
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000) as opened:
        panel.tree.itemActivated.emit(first, 0)
    assert opened.args == [latest]
    # it opens at that action: today's plan, the action selected
    page = window.screening_page
    assert page.steps.currentWidget() is page.action_step
    selected = page.action_step.selected_action()
    assert selected is not None and selected.action.startswith("Korte trivselssamtaler")


def test_a_follow_up_starts_from_the_home_with_the_same_people(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "opfølgning.sqlite"
    db = open_app_database(path)
    latest = create_demo(db)
    db.close()
    window = _open(qtbot, path)
    home = window.home
    unit_item = home.tree.findItems(DEMO_UNIT, Qt.MatchFlag.MatchExactly, 0)[0]
    home.tree.setCurrentItem(unit_item)
    button = home.buttons["follow_up"]
    assert button.isEnabled()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    new_id = opened.args[0]
    assert new_id != latest
    page = window.screening_page
    assert [p.name for p in page.store.data.participants] == [
        "Mette Sørensen", "Jørgen Ås", "Åse Bødker"]
    # the closing step offers the card notes for the PDF, on by default
    check = page.closing.findChild(QCheckBox, "cardNotesCheck")
    assert check is not None and check.isChecked()


def test_development_shows_every_screening_by_theme(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QTableWidget

    path = tmp_path / "udvikling.sqlite"
    db = open_app_database(path)
    create_demo(db)
    db.close()
    window = _open(qtbot, path)
    home = window.home
    home.tree.setCurrentItem(home.tree.findItems(DEMO_UNIT, Qt.MatchFlag.MatchExactly, 0)[0])
    dialog = home.show_development()
    assert dialog is not None
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "developmentTable")
    assert table.columnCount() == 3  # two screenings and the change
    row = [table.verticalHeaderItem(r).text() for r in range(8)].index("Brug af data")
    assert [table.item(row, c).text() for c in range(3)] == ["2", "3", "↑ bedre"]
    row = [table.verticalHeaderItem(r).text() for r in range(8)].index("Tydelig ledelse")
    assert table.item(row, 2).text() == "= uændret"
    assert not dialog.chart.pixmap().isNull()
    dialog.chart.pixmap().save(str(tmp_path / "udvikling.png"))


def test_the_palette_of_a_follow_up_shows_last_score_beside_today(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "fliser.sqlite"
    db = open_app_database(path)
    latest = create_demo(db)
    db.close()
    window = _open(qtbot, path)
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.show_screening(latest)
    tiles = window.screening_page.mapping.tiles
    assert tiles["data"].change_text() == "Sidst 2 → nu 3 ↑ bedre"
    assert tiles["culture"].change_text() == "Sidst 4 → nu 4 = uændret"
    assert "Sidst 2 → nu 3 ↑ bedre" in tiles["data"].accessibleName()
    window.screening_page.store.set_score("data", 1)
    assert tiles["data"].change_text() == "Sidst 2 → nu 1 ↓ dårligere"


def test_the_closing_step_saves_a_spreadsheet_and_a_calendar(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

    path = tmp_path / "eksport.sqlite"
    db = open_app_database(path)
    latest = create_demo(db)
    db.close()
    window = _open(qtbot, path)
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.show_screening(latest)
    closing = window.screening_page.closing
    targets = iter([(str(tmp_path / "handlinger"), "CSV til dansk Excel (*.csv)"),
                    (str(tmp_path / "handlinger.xlsx"), ""),
                    (str(tmp_path / "kalender"), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(targets))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append("!" + text))
    sheet = closing.findChild(QPushButton, "sheetButton")
    qtbot.mouseClick(sheet, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(sheet, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(closing.findChild(QPushButton, "calendarButton"), Qt.MouseButton.LeftButton)
    assert (tmp_path / "handlinger.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(load_workbook(tmp_path / "handlinger.xlsx")["Handlinger"].values)
    assert len(rows) == 1 + 5
    assert (tmp_path / "kalender.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert len(shown) == 3 and not any(text.startswith("!") for text in shown)
    assert "Kalenderfilen med 11 aftaler" in shown[2]


def test_the_selected_unit_shows_its_palette_and_what_is_due(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "enhed.sqlite"
    db = open_app_database(path)
    create_demo(db)
    db.close()
    window = _open(qtbot, path)
    home = window.home
    home.tree.setCurrentItem(home.tree.findItems(DEMO_UNIT, Qt.MatchFlag.MatchExactly, 0)[0])
    facts = home.unit_panel.facts.text()
    assert "Åbne handlinger: 5 · forfaldne: 1 · deadline inden for 14 dage: 3" in facts
    assert "Næste opfølgning:" in facts and "om 173 dage" in facts
    tile = home.unit_panel.findChild(QWidget, "mini_data")
    assert tile is not None and tile.accessibleName() == "Brug af data: 3 – både-og"
