"""The database lives in the local (not roaming) data folder; an old one is moved there once.

On Windows Qt's AppDataLocation is the roaming profile and AppLocalDataLocation
the PC's own folder. Linux gives both the same folder, so the Windows layout is
played by a stand-in for QStandardPaths that hands out two different folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QStandardPaths

from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.units import create_unit
from norddjurs_desktop.ui import app


class WindowsPaths:
    """QStandardPaths as on Windows: Roaming and Local are two folders."""

    StandardLocation = QStandardPaths.StandardLocation

    def __init__(self, root: Path) -> None:
        self.folders = {
            QStandardPaths.StandardLocation.AppDataLocation:
                root / "AppData" / "Roaming" / "Norddjurs Kommune" / "Fremmødepaletten",
            QStandardPaths.StandardLocation.AppLocalDataLocation:
                root / "AppData" / "Local" / "Norddjurs Kommune" / "Fremmødepaletten",
        }

    def writableLocation(self, location: QStandardPaths.StandardLocation) -> str:  # noqa: N802
        return str(self.folders[location])


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WindowsPaths:
    paths = WindowsPaths(tmp_path)
    monkeypatch.setattr(app, "QStandardPaths", paths)
    return paths


def old_database(paths: WindowsPaths) -> Path:
    old = paths.folders[QStandardPaths.StandardLocation.AppDataLocation] / app.DB_FILE_NAME
    old.parent.mkdir(parents=True)
    db = open_app_database(old)
    create_unit(db, "Børnehuset Ørum")
    db.close()
    return old


def unit_names(path: Path) -> list[str]:
    from norddjurs_desktop.services.overview import list_units

    db = open_app_database(path)
    try:
        return [unit.name for unit in list_units(db)]
    finally:
        db.close()


def test_an_old_roaming_database_is_moved_to_the_local_folder_once(
        windows: WindowsPaths) -> None:
    old = old_database(windows)
    journal = old.with_name(old.name + "-journal")
    journal.write_bytes(b"")  # SQLite's companion travels with its database
    local = windows.folders[QStandardPaths.StandardLocation.AppLocalDataLocation]

    path = app.default_database_path()

    assert path == local / app.DB_FILE_NAME
    assert not old.exists() and not journal.exists()
    assert path.with_name(path.name + "-journal").exists()
    assert unit_names(path) == ["Børnehuset Ørum"]
    # Later starts use the local file; a stray old copy never overwrites it.
    shutil.copy(path, old)
    db = open_app_database(path)
    create_unit(db, "Ny enhed")
    db.close()
    assert app.default_database_path() == path
    assert old.exists()
    assert sorted(unit_names(path)) == ["Børnehuset Ørum", "Ny enhed"]


def test_a_new_user_starts_in_the_local_folder(windows: WindowsPaths) -> None:
    path = app.default_database_path()
    assert path.parent == windows.folders[QStandardPaths.StandardLocation.AppLocalDataLocation]
    assert not path.exists()


def test_an_old_database_open_in_an_older_version_is_not_moved(windows: WindowsPaths) -> None:
    old = old_database(windows)
    older_version = QLockFile(str(old) + ".lock")
    assert older_version.tryLock(0)
    try:
        assert app.default_database_path() == old
        assert old.exists()
    finally:
        older_version.unlock()
    assert app.default_database_path().parent == windows.folders[
        QStandardPaths.StandardLocation.AppLocalDataLocation]
    assert not old.exists()


def test_a_failed_move_leaves_the_old_database_whole_and_in_use(
        windows: WindowsPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    old = old_database(windows)
    journal = old.with_name(old.name + "-journal")
    journal.write_bytes(b"")
    real_move = shutil.move

    def full_disk(source: Path, target: Path) -> object:
        if Path(source) == old:
            raise OSError(28, "No space left on device")
        return real_move(source, target)

    monkeypatch.setattr(app.shutil, "move", full_disk)
    assert app.default_database_path() == old
    assert journal.exists()
    assert not (windows.folders[QStandardPaths.StandardLocation.AppLocalDataLocation]
                / app.DB_FILE_NAME).exists()
    assert unit_names(old) == ["Børnehuset Ørum"]


def test_on_linux_both_locations_are_one_folder_and_nothing_moves(qapp) -> None:
    QStandardPaths.setTestModeEnabled(True)
    try:
        path = app.default_database_path()
        local = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation)
        assert path == Path(local) / app.DB_FILE_NAME
    finally:
        QStandardPaths.setTestModeEnabled(False)
