"""Start-up, in order: arguments, QApplication, locale, lock, window shown, then the database.

The window is shown before the database layer is even imported, so the app
appears about as fast as an empty Qt window; the home view fills a moment later.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QLockFile,
    QStandardPaths,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from norddjurs_desktop import APP_NAME, APP_ORG, __version__

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
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", folder):
        app.installTranslator(translator)


def acquire_lock(db_path: Path) -> QLockFile | None:
    """One app per database file: a second instance is told so instead of writing too."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    return None


def run(argv: list[str]) -> int:
    args = parse_arguments(argv)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    configure_application(app)
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

    from norddjurs_desktop.ui.main_window import MainWindow

    window = MainWindow(db_path)
    window.show()
    QTimer.singleShot(0, window.open_database)
    code = app.exec()
    window.close_database()
    lock.unlock()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv))
