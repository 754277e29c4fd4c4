"""Start-up, in order: arguments, QApplication, locale, lock, window shown, then the database.

The window is shown before the database layer is even imported, so the app
appears about as fast as an empty Qt window; the home view fills a moment later.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QObject,
    QStandardPaths,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from norddjurs_desktop import APP_NAME, APP_ORG, __version__
from norddjurs_desktop.paths import RESOURCES

if TYPE_CHECKING:
    from norddjurs_desktop.ui.shell.main_window import MainWindow

ICON = RESOURCES / "icons" / "fremmoedepaletten.svg"

DB_FILE_NAME = "fremmoedepaletten.sqlite"


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description=f"Start {APP_NAME}.")
    parser.add_argument("--db", type=Path, help="databasefil (standard: i brugerens datamappe)")
    args, _qt_args = parser.parse_known_args(argv[1:])
    return args


def default_database_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / DB_FILE_NAME


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICON)))
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    from norddjurs_desktop.ui.shell.qt_danish import DanishFallback

    app.installTranslator(DanishFallback(app))  # first, so Qt's own catalogue answers first
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", folder):
        app.installTranslator(translator)
    from norddjurs_desktop.ui.common.theme import apply_theme

    apply_theme(app)


def acquire_lock(db_path: Path) -> QLockFile | None:
    """One app per database file: a second instance is told so instead of writing too."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    return None


class _AfterFirstPaint(QObject):
    """Calls back once the window has been painted, so the user sees it before any waiting."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def run(argv: list[str]) -> int:
    args = parse_arguments(argv)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    from norddjurs_desktop.ui.shell.fault_dialog import install_fault_dialog

    install_fault_dialog()
    db_path = (args.db or default_database_path()).expanduser().resolve()
    lock = acquire_lock(db_path)
    if lock is None:
        QMessageBox.warning(
            None,
            APP_NAME,
            f"Databasen {db_path.name} er allerede åben i et andet vindue af {APP_NAME}.\n\n"
            "Luk det andet vindue først, så I ikke skriver i samme fil på én gang.",
        )
        return 1

    from norddjurs_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(db_path)
    after_paint = _AfterFirstPaint(window.open_database)
    window.installEventFilter(after_paint)
    window.show()
    code = app.exec()
    shut_down(app, window)
    lock.unlock()
    return code


def shut_down(app: QApplication, window: MainWindow) -> None:
    """Take the app apart in order while Qt is still alive, so quitting never crashes.

    Left to Python's exit, the wrappers of windows, dialogs and PySide's own
    connection receivers were destroyed in no particular order after the event
    loop was gone: one in a dozen long sessions printed "QObject: shared QObject
    was deleted directly" and died with a segmentation fault. Here background
    work finishes first, then the window tree is deleted by Qt, then Python's
    leftovers are collected — all before the interpreter starts to wind down.
    """
    QThreadPool.globalInstance().waitForDone(10_000)
    window.close_database()
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def main() -> int:
    """Entry point of the installed `fremmoedepaletten-gui` command."""
    return run(sys.argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
