"""Window sizes that fit the screen: many municipal laptops have only 1366 × 768 pixels."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the size asked for, but never wider or taller than the screen allows,
    so a dialog's buttons are never below the edge."""
    parent = widget.parentWidget()
    screen = parent.screen() if parent is not None else widget.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, int(area.width() * 0.95))
        height = min(height, int(area.height() * 0.9))
    widget.resize(width, height)
