"""A bar across the top of the screening that says, in words, when an edit was not stored.

A status-bar message disappears after a few seconds and is easily missed on a
projector; this bar stays until a later edit is stored, so a group never
leaves believing its notes are saved when the database refused them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.plain_text import plain

# Set with both colours, so the bar reads the same in a light and a dark palette
# (dark red on pale rose: 7.9:1).
_STYLE = (
    "#unsavedBanner { background: #fbe9e7; border: 1px solid #b3261e; border-radius: 6px; }"
    "#unsavedBanner QLabel { color: #7a1712; }"
)


class UnsavedBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "unsavedBanner")
        self.setStyleSheet(_STYLE)
        self.label = plain(named(QLabel(), "unsavedBannerText"))  # messages may quote user text
        self.label.setWordWrap(True)
        # Selectable: after a concurrent edit the message holds the user's text to copy back.
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_failure(self, message: str) -> None:
        self.label.setText(f"⚠ Ikke gemt: {message}")
        self.setAccessibleName(f"Ikke gemt: {message}")
        self.show()

    def clear(self) -> None:
        self.hide()
