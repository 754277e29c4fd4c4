"""The one "please wait" the app shows while slow work runs off the GUI thread.

It appears only if the work takes longer than a moment (a quick PDF never
flickers a dialog), is window-modal so the meeting cannot be changed under the
work, and has no Cancel: a PDF or an import half done is of no use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 300


class BusyDialog(QProgressDialog):
    def __init__(self, parent: QWidget | None, text: str, title: str = "Et øjeblik …") -> None:
        super().__init__(text, "", 0, 0, parent)
        self.setObjectName("busyDialog")
        self.setWindowTitle(title)
        self.setCancelButton(None)  # type: ignore[arg-type]
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)
        self._timer.start(SHOW_AFTER_MS)

    def finish(self) -> None:
        """The work is done (or failed): never show, or go away, and be deleted."""
        self._timer.stop()
        # QProgressDialog has a show timer of its own; reset() stops it, or the
        # dialog could pop up over a message the finished work opens next.
        self.reset()
        self.hide()
        self.deleteLater()
