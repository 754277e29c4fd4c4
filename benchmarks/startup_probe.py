"""Launched by bench_startup.py: starts the app (or an empty QMainWindow) and reports times.

Prints 'shown SECONDS' at the main window's first paint and, for the app,
'filled SECONDS' once the home view has been filled from the database; both
measured from the moment the parent process launched us.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

launched = float(sys.argv[1])
mode = sys.argv[2]


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.seen = True
            print(f"shown {time.time() - launched:.4f}", flush=True)
            if mode == "empty":
                QTimer.singleShot(0, QApplication.quit)
        return False


probe = FirstPaint()

if mode == "empty":
    app = QApplication(sys.argv[:1])
    app.installEventFilter(probe)
    window = QMainWindow()
    window.setWindowTitle("tom")
    window.resize(1200, 800)
    window.show()
    app.exec()
else:
    from norddjurs_desktop.ui.shell import main_window

    original_open = main_window.MainWindow.open_database

    def open_and_report(self: main_window.MainWindow) -> None:
        original_open(self)
        print(f"filled {time.time() - launched:.4f}", flush=True)
        QTimer.singleShot(50, self.close)

    main_window.MainWindow.open_database = open_and_report  # type: ignore[method-assign]
    app = QApplication(sys.argv[:1])
    app.installEventFilter(probe)
    from norddjurs_desktop.ui.app import run

    run(["main.py", "--db", sys.argv[3]])
