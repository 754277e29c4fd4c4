"""Hjælp → Om shows what runs and under which licences, from files the program carries."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

import norddjurs_desktop
from norddjurs_desktop.paths import LICENSES, licence_text
from norddjurs_desktop.ui.shell.about_dialog import LICENCE_PAGES, AboutDialog
from norddjurs_desktop.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]


def test_the_help_menu_opens_versions_and_the_licence_page(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "om.sqlite")
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, AboutDialog) and w.isVisible())
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.tabs.setCurrentIndex(1)
        pages = {}
        for row, (title, _file) in enumerate(LICENCE_PAGES):
            dialog.licence_list.setCurrentRow(row)
            pages[title] = dialog.licence_text.toPlainText()
        seen.update(labels=labels, pages=pages, tab=dialog.tabs.tabText(1))
        dialog.reject()

    QTimer.singleShot(0, look_and_close)
    about = next(a for a in window.findChildren(QAction) if a.text() == "&Om Fremmødepaletten")
    about.trigger()
    assert seen["tab"] == "Licenser"
    labels = seen["labels"]
    assert qVersion() in labels and PySide6.__version__ in labels
    assert norddjurs_desktop.__version__ in labels
    assert str(tmp_path / "om.sqlite") in labels
    pages = seen["pages"]
    assert "Mozilla Public License Version 2.0" in pages["Fremmødepaletten (MPL-2.0)"]
    notices = pages["Tredjepartsprogrammer"]
    assert f"Qt {qVersion()}" in notices and "LGPL" in notices and "code.qt.io" in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in pages["GNU LGPL 3.0 (Qt og PySide6)"]
    assert "GNU GENERAL PUBLIC LICENSE" in pages["GNU GPL 3.0 (som LGPL henviser til)"]


def test_the_licence_files_ship_with_the_program() -> None:
    assert licence_text() == (ROOT / "LICENSE").read_text(encoding="utf-8")
    for name in ("THIRD_PARTY_NOTICES.md", "LGPL-3.0.txt", "GPL-3.0.txt"):
        assert (LICENSES / name).is_file()


def test_the_third_party_notices_match_the_lock_file() -> None:
    """Every runtime package of uv.lock at its locked version, or the check fails."""
    spec = importlib.util.spec_from_file_location(
        "third_party_notices", ROOT / "packaging" / "third_party_notices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    assert module.render(lock) == (LICENSES / "THIRD_PARTY_NOTICES.md").read_text(
        encoding="utf-8")
    packages = module.runtime_packages(lock)
    assert {"pyside6-essentials", "pyside6-pdf", "python-calamine", "tomli-w"} <= set(packages)
    assert "pyside6" not in packages and "pyside6-addons" not in packages
    assert "pytest" not in packages and "hypothesis" not in packages
