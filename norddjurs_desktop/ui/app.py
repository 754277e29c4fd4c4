"""Start-up, in order: arguments, QApplication, locale, lock, window shown, then the database.

The window is shown before the database layer is even imported, so the app
appears about as fast as an empty Qt window; the home view fills a moment later.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import shutil
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
from norddjurs_desktop.danish_argparse import use_danish
from norddjurs_desktop.paths import RESOURCES
from norddjurs_desktop.storage.location import LocationError, ServerLocation, parse_location

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import WriteLock
    from norddjurs_desktop.ui.shell.main_window import MainWindow

ICON = RESOURCES / "icons" / "fremmoedepaletten.svg"

DB_FILE_NAME = "fremmoedepaletten.sqlite"


def _database_argument(text: str) -> Path | ServerLocation:
    """A file, or a shared database's address (a password in it is dropped, never kept)."""
    try:
        return parse_location(text)[0]
    except LocationError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    use_danish()
    parser = argparse.ArgumentParser(prog="main.py", description=f"Start {APP_NAME}.")
    parser.add_argument(
        "--db",
        type=_database_argument,
        help="databasefil (standard: i brugerens datamappe) eller en fælles database "
        "postgresql+psycopg://bruger@server:port/navn",
    )
    args, _qt_args = parser.parse_known_args(argv[1:])
    return args


def default_database_path() -> Path:
    """The database in the user's local (never roaming) data folder.

    On Windows AppDataLocation is the roaming profile, which is copied to a
    server at logoff: an open SQLite file there can be synced half-written.
    AppLocalDataLocation stays on the PC. Earlier versions used
    AppDataLocation; a database found there is moved once (on Linux and
    macOS both names are the same folder, and nothing moves).
    """
    local = QStandardPaths.StandardLocation.AppLocalDataLocation
    roaming = QStandardPaths.StandardLocation.AppDataLocation
    new = Path(QStandardPaths.writableLocation(local)) / DB_FILE_NAME
    old = Path(QStandardPaths.writableLocation(roaming)) / DB_FILE_NAME
    return move_old_database(old, new)


# SQLite's own companions of a database file: they belong to it and move with it.
_SIDECARS = ("-journal", "-wal", "-shm")


def move_old_database(old: Path, new: Path) -> Path:
    """Move the database (and its journal) from ``old`` to ``new`` once; return the one to use.

    Nothing is moved when ``new`` already exists (it is the database now),
    when there is nothing at ``old``, or while an older version of the app
    has the old file open (its ``.lock`` is held): then the old file is used
    this time and moved on a later start. A move that fails leaves the old
    file in use, whole.
    """
    if new.exists() or not old.is_file() or old.resolve() == new.resolve():
        return new
    lock = QLockFile(str(old) + ".lock")
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        return old
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
        for suffix in _SIDECARS:
            companion = old.with_name(old.name + suffix)
            if companion.exists():
                shutil.move(companion, new.with_name(new.name + suffix))
        shutil.move(old, new)
    except OSError:
        if not old.is_file():
            return new
        with contextlib.suppress(OSError):  # the database stayed: its journal goes back to it
            for suffix in _SIDECARS:
                moved = new.with_name(new.name + suffix)
                if moved.exists() and not old.with_name(old.name + suffix).exists():
                    shutil.move(moved, old.with_name(old.name + suffix))
            new.unlink(missing_ok=True)  # half a copy across drives is no database
        return old
    finally:
        lock.unlock()
    return new


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


def acquire_lock(db_path: Path) -> WriteLock | None:
    """One writer per database file: a second window, or a command such as
    ``import-absence``, is told so instead of writing too.

    The lock lives below the GUI (services.bootstrap / storage.write_lock) so the
    commands share it; it is keyed on the file's identity, not its name.
    """
    from norddjurs_desktop.services.bootstrap import take_write_lock

    return take_write_lock(db_path, f"{APP_NAME}-vinduet")


DAILY_CHECK_MS = 30 * 60 * 1000  # at most one backup a day; looked for every half hour


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
    from norddjurs_desktop.services.bootstrap import current_holder, log_to_file

    log_to_file(Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)))
    if isinstance(args.db, ServerLocation):
        return _run_window(app, args.db, None)  # a server needs no lock: many may write
    db_path = (args.db or default_database_path()).expanduser().resolve()
    lock = acquire_lock(db_path)
    if lock is None:
        QMessageBox.warning(
            None,
            APP_NAME,
            f"Databasen {db_path.name} er allerede åben – den bruges af "
            f"{current_holder(db_path)}.\n\n"
            "Luk den først, så I ikke skriver i samme fil på én gang.",
        )
        return 1
    return _run_window(app, db_path, lock)


def _run_window(app: QApplication, db_path: Path | ServerLocation, lock: WriteLock | None) -> int:
    from norddjurs_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(db_path)
    window.write_lock = lock
    after_paint = _AfterFirstPaint(lambda: _open_and_warm(window))
    window.installEventFilter(after_paint)
    daily = QTimer(window)
    daily.timeout.connect(lambda: _backup_if_due(window))
    daily.start(DAILY_CHECK_MS)
    window.show()
    code = app.exec()
    daily.stop()
    if window.db is not None:
        from norddjurs_desktop.services.backups import backup_after_changes

        backup_after_changes(window.db)  # closing after changes: a copy to go back to
    shut_down(app, window)  # closes the database too
    if lock is not None:
        lock.release()
    return code


def _open_and_warm(window: MainWindow) -> None:
    """Open the database, then load the chart machinery while the user reads the home page."""
    from norddjurs_desktop.ui.common.warm_up import warm_charts_soon

    window.open_database()
    warm_charts_soon()


def _backup_if_due(window: MainWindow) -> None:
    from norddjurs_desktop.services.backups import backup_if_due
    from norddjurs_desktop.services.errors import StorageError

    if window.db is not None:
        try:
            backup_if_due(window.db)
        except StorageError as error:
            window.statusBar().showMessage(str(error), 15000)


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
