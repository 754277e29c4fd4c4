"""The share flows through the real window: Filer → "Del enhed …" and "Hent delt fil …",
and the unit's "Område …" on the home."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo
from norddjurs_desktop.services.share_export import export_unit
from norddjurs_desktop.services.units import find_unit
from norddjurs_desktop.ui.shell.main_window import MainWindow


def _open(qtbot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=30_000):
        window.open_database()
    return window


def _menu_command(window: MainWindow, text: str) -> QAction:
    """The command as the user finds it: in the Filer menu, by its words."""
    filer = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Filer")
    found = [a for a in filer.actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, text
    assert found[0].isEnabled()
    return found[0]


def _unit_names(window: MainWindow) -> list[str]:
    tree = window.home.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append("!" + text))
    return shown


def test_a_share_file_comes_in_through_the_menu_and_the_home_shows_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    source = open_app_database(tmp_path / "unit.sqlite")
    create_demo(source)
    shared = export_unit(source, find_unit(source, DEMO_UNIT) or 0, tmp_path / "demo").path
    source.close()
    window = _open(qtbot, tmp_path / "hr.sqlite")
    assert _unit_names(window) == []

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    _menu_command(window, "Hent delt fil …").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert "Tilføjet: screeningen" in messages[0] and not messages[0].startswith("!")
    qtbot.waitUntil(lambda: _unit_names(window) == [DEMO_UNIT], timeout=10_000)
    assert window.home.tree.topLevelItem(0).childCount() == 2

    messages.clear()
    _menu_command(window, "Hent delt fil …").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert "Beholdt: screeningen" in messages[0] and "Intet er ændret" in messages[0]
    assert window.home.tree.topLevelItem(0).childCount() == 2

    messages.clear()
    broken = tmp_path / "broken.fremmoede"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    _menu_command(window, "Hent delt fil …").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert messages[0].startswith("!Den delte fil kan ikke hentes")


def test_del_enhed_saves_the_selected_unit_and_omraade_sets_its_area(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    path = tmp_path / "unit.sqlite"
    source = open_app_database(path)
    create_demo(source)
    source.close()
    window = _open(qtbot, path)
    panel = window.home.unit_panel
    assert panel.unit_id is not None
    assert panel.area_label.text() == "Område: ikke sat"

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Dagtilbud  ", True))
    qtbot.mouseClick(panel.area_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.area_label.text() == "Område: Dagtilbud", timeout=10_000)

    proposed: list[str] = []

    def save(_parent, _title, suggested, _filter):  # noqa: ANN001, ANN202
        proposed.append(suggested)
        return str(tmp_path / "delt"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    _menu_command(window, "Del enhed …").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert Path(proposed[0]).name == "Eksempel Børnehuset Æblehaven.fremmoede"
    assert "er delt i" in messages[0] and not messages[0].startswith("!")
    written = tmp_path / "delt.fremmoede"
    assert written.is_file()

    hr = open_app_database(tmp_path / "hr.sqlite")
    try:
        from norddjurs_desktop.services.share_import import import_share_file
        from norddjurs_desktop.services.unit_area import unit_area

        result = import_share_file(hr, written)
        assert unit_area(hr, result.unit_id) == "Dagtilbud"
    finally:
        hr.close()
