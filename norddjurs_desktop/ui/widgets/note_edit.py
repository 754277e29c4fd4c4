"""A notes field that saves itself a moment after typing stops, and when focus leaves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 600


class NoteEdit(QPlainTextEdit):
    def __init__(self, save: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._saved = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        self.setTabChangesFocus(True)

    def set_saved_text(self, text: str) -> None:
        """Show text that is already stored (loading, undo) without saving it again.

        When the stored text is what this field last saved, nothing changed from
        outside, and whatever is being typed right now is kept.
        """
        if text == self._saved:
            return
        self._timer.stop()
        self._saved = text
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            self._saved = text
            self._save(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)
