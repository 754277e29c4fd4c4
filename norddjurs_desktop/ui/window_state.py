"""Remembering where the main window was and how big it was (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from norddjurs_desktop.ui.screen_fit import fit_to_screen

_GEOMETRY = "window/geometry"
_STATE = "window/state"


def restore_window(window: QMainWindow, default_size: tuple[int, int] = (1200, 800)) -> None:
    settings = QSettings()
    geometry = settings.value(_GEOMETRY)
    if geometry is None or not window.restoreGeometry(geometry):  # type: ignore[arg-type]
        fit_to_screen(window, *default_size)
    state = settings.value(_STATE)
    if state is not None:
        window.restoreState(state)  # type: ignore[arg-type]


def save_window(window: QMainWindow) -> None:
    settings = QSettings()
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
