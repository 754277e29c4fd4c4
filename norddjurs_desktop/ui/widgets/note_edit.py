"""A notes field that saves itself a moment after typing stops, and when focus leaves.

When a save fails (the file is locked by another program, the disk is full),
the typed text stays in the field, the field is marked "Ikke gemt", and the
save is tried again every few seconds and on the next keystroke, until it
lands. The text is never thrown away and never shown as saved when it is not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 600
RETRY_MS = 4000
UNSAVED_TIP = "Ikke gemt endnu – teksten bliver gemt, så snart databasen kan skrives igen."
_UNSAVED_STYLE = "QPlainTextEdit { border: 2px solid #b3261e; }"

# The save callback returns False when the text was not stored; None counts as stored
# (for callers that report failures themselves).
SaveFn = Callable[[str], "bool | None"]


class NoteEdit(QPlainTextEdit):
    def __init__(self, save: SaveFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._saved = ""
        self._unsaved = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        self.setTabChangesFocus(True)

    @property
    def unsaved(self) -> bool:
        """True while the text on screen is not what the database holds, after a failed save."""
        return self._unsaved

    def set_saved_text(self, text: str) -> None:
        """Show text that is already stored (loading, undo) without saving it again.

        When the stored text is what this field last saved, nothing changed from
        outside, and whatever is being typed right now is kept.
        """
        if text == self._saved:
            return
        self._timer.stop()
        self._saved = text
        self._set_unsaved(False)
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text == self._saved:
            self._set_unsaved(False)
            return
        previous, self._saved = self._saved, text
        stored = self._save(text)
        if stored is False:
            self._saved = previous  # the database still holds this; try again later
            self._set_unsaved(True)
        else:
            self._set_unsaved(False)

    def _set_unsaved(self, unsaved: bool) -> None:
        if unsaved == self._unsaved:
            return
        self._unsaved = unsaved
        self.setStyleSheet(_UNSAVED_STYLE if unsaved else "")
        self.setToolTip(UNSAVED_TIP if unsaved else "")
        self.setAccessibleDescription("Ikke gemt" if unsaved else "")
        if unsaved:
            self._retry.start()
        else:
            self._retry.stop()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)
