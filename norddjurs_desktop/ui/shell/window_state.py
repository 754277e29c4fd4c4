"""Remembering where the main window was and how big it was (QSettings)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.shell.settings import WINDOW_GEOMETRY, WINDOW_STATE


def restore_window(window: QMainWindow, default_size: tuple[int, int] = (1200, 800)) -> None:
    geometry = WINDOW_GEOMETRY.get()
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        fit_to_screen(window, *default_size)
    state = WINDOW_STATE.get()
    if not state.isEmpty():
        window.restoreState(state)


def save_window(window: QMainWindow) -> None:
    WINDOW_GEOMETRY.set(window.saveGeometry())
    WINDOW_STATE.set(window.saveState())
