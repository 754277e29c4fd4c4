"""The standard keys a desktop user reaches for: undo, redo and step shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from norddjurs_desktop.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_a_score(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "taster.sqlite")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    qtbot.waitExposed(window)
    window.activateWindow()
    page = window.screening_page
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # Ctrl+2: Kortlægning
    assert page.steps.currentWidget() is page.mapping
    page.mapping.open_theme("culture")
    before = page.store.data.assessment("culture").score
    new = 1 if before != 1 else 2
    qtbot.mouseClick(page.mapping.theme_view.findChild(QPushButton, f"score{new}"),
                     Qt.MouseButton.LeftButton)
    assert page.store.data.assessment("culture").score == new

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert page.store.data.assessment("culture").score == before
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert page.store.data.assessment("culture").score == new
