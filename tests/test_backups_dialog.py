"""Filer → Sikkerhedskopier …, a damaged file offered its newest backup, and a read-only
file shown as such — through the real window and dialogs."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from norddjurs_desktop.services import units
from norddjurs_desktop.services.backups import create_backup
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.ui.shell.backups_dialog import RESTORE_NEWEST, BackupsDialog, size_label
from norddjurs_desktop.ui.shell.main_window import MainWindow


def _unit_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM unit ORDER BY name")]


def _open_window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=30_000):
        window.open_database()
    return window


def test_the_dialog_lists_backups_and_restores_one_then_the_window_reopens(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_app_database(db_path)
    units.create_unit(db, "Solsikken")
    create_backup(db)
    units.create_unit(db, "Kommer bagefter")
    db.close()
    window = _open_window(qtbot, db_path)
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Sikkerhedskopier …" in menu_texts

    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    backup = dialog.backups[0]
    assert row[0] == backup.created.strftime("%d-%m-%Y %H:%M")
    assert row[1] == "gemt af brugeren"
    assert row[2].endswith(" kB") and row[3] == "1" and row[4] == "0"

    asked: list[str] = []

    def yes(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(window.databaseOpened, timeout=30_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and backup.created.strftime("%d-%m-%Y %H:%M") in asked[0]
    assert _unit_names(db_path) == ["Solsikken"]
    assert window.home is not None
    shown = [window.home.tree.topLevelItem(i).text(0)
             for i in range(window.home.tree.topLevelItemCount())]
    assert shown == ["Solsikken"]
    # The file as it was is itself kept as a backup.
    dialog.refresh()
    assert {b.reason for b in dialog.backups} == {"manuel", "foer-gendannelse"}
    window.close_database()


def test_a_damaged_file_offers_the_newest_backup_and_opens_it(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_app_database(db_path)
    units.create_unit(db, "Gemt i kopien")
    create_backup(db)
    db.close()
    with closing(sqlite3.connect(db_path)) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='index' AND rootpage > 1 LIMIT 1"
        ).fetchone()[0]
    with open(db_path, "r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\x0a\xff\xff\x7f" * 16)

    offered: list[str] = []

    def choose_restore(box: QMessageBox) -> int:
        offered.append(box.text())
        button = next(b for b in box.buttons() if b.text() == RESTORE_NEWEST)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    window = _open_window(qtbot, db_path)
    assert offered and "beskadiget" in offered[0]
    assert _unit_names(db_path) == ["Gemt i kopien"]
    assert window.db is not None and not window.db.read_only
    window.close_database()


def test_a_read_only_file_shows_it_and_offers_no_new_screening(qtbot, db_path: Path) -> None:
    db = open_app_database(db_path)
    units.create_unit(db, "Kun til læsning")
    db.close()
    if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        window = _open_window(qtbot, db_path)
        label = window.statusBar().findChild(QLabel, "readOnlyLabel")
        assert label is not None and "Filen er skrivebeskyttet" in label.text()
        assert label.isVisible()
        assert not window.app_actions.new_screening.isEnabled()
        assert not window.app_actions.edit_decks.isEnabled()
        assert window.home is not None
        assert not window.home.findChild(QPushButton, "newButton").isEnabled()
        window.close_database()
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=True)


def test_sizes_are_shown_in_kb_and_mb_with_a_decimal_comma() -> None:
    assert size_label(512_000) == "512 kB"
    assert size_label(2_300_000) == "2,3 MB"
