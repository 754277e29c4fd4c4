"""The last net under every slot: an error nobody caught is shown, not lost on stderr.

PySide prints an exception raised in a slot and carries on, so a failed write
in a corner nobody guarded would look like success. With this hook the user
reads one Danish sentence (the details go to the log), and the app goes on.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.ui.common.failure_text import failure_text
from norddjurs_desktop.ui.widgets.plain_text import plain_message


def _show(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt | SystemExit):
        sys.__excepthook__(kind, error, tb)
        return
    text = failure_text(error)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    QMessageBox.warning(QApplication.activeWindow(), APP_NAME, plain_message(text))


def install_fault_dialog() -> None:
    """Route uncaught errors to a Danish message box (called once at start-up)."""
    sys.excepthook = _show
