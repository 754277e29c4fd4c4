"""Hjælp → Om: which versions run, where the data is, and every licence the program carries.

IT departments ask "which Qt is this, and under which licence?" before they
deploy; the LGPL also asks that users can read it. The "Licenser" page shows
the app's own MPL-2.0, the generated third-party notices and the LGPL/GPL
texts, all from files shipped with the program (nothing fetched).
"""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop import APP_NAME, __version__
from norddjurs_desktop.paths import LICENSES, licence_text

# Shown in this order on the "Om" page: what IT asks about first.
_LIBRARIES = (
    ("SQLAlchemy", "sqlalchemy"),
    ("SQLModel", "sqlmodel"),
    ("Alembic", "alembic"),
    ("matplotlib", "matplotlib"),
    ("ReportLab", "reportlab"),
    ("python-calamine", "python-calamine"),
    ("holidays", "holidays"),
)

# (title in the list, file) for the "Licenser" page; LICENSE is read via paths.licence_text.
LICENCE_PAGES = (
    (f"{APP_NAME} (MPL-2.0)", "LICENSE"),
    ("Tredjepartsprogrammer", "THIRD_PARTY_NOTICES.md"),
    ("GNU LGPL 3.0 (Qt og PySide6)", "LGPL-3.0.txt"),
    ("GNU GPL 3.0 (som LGPL henviser til)", "GPL-3.0.txt"),
)


def versions() -> list[tuple[str, str]]:
    """(name, version) of the program and what it runs on, for the "Om" page."""
    rows = [
        (APP_NAME, __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    ]
    for label, distribution in _LIBRARIES:
        try:
            rows.append((label, metadata.version(distribution)))
        except metadata.PackageNotFoundError:  # a bundle without the metadata
            continue
    return rows


def licence_page_text(file: str) -> str:
    if file == "LICENSE":
        text = licence_text()
    else:
        path = LICENSES / file
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return text or "Teksten mangler i denne udgave af programmet."


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Om {APP_NAME}")
        self.resize(980, 600)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(db_path), "Om")
        self.tabs.addTab(self._licence_page(), "Licenser")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _about_page(self, db_path: Path | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(f"{APP_NAME} {__version__}")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(
            "Selvscreening af fravær og fremmøde for TRIO og "
            "MED-udvalg: paletten med otte temaer, dialogkort, scoring, data og handlingsplan. "
            "Alt gemmes lokalt; intet sendes nogen steder hen."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        for name, version in versions():
            value = QLabel(version)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{name}:", value)
        if db_path is not None:
            where = QLabel(str(db_path))
            where.setTextFormat(Qt.TextFormat.PlainText)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow("Databasefil:", where)
        layout.addLayout(form)
        note = QLabel(
            f"{APP_NAME} er fri software under Mozilla Public License 2.0. Qt og PySide6 "
            "bruges under GNU LGPL 3.0. Se siden Licenser."
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _licence_page(self) -> QWidget:
        self.licence_list = QListWidget()
        self.licence_list.addItems([title for title, _file in LICENCE_PAGES])
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # pre-wrapped
        self.licence_text.setFont(QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)))
        self.licence_list.currentRowChanged.connect(self._show_licence)
        splitter = QSplitter()
        splitter.addWidget(self.licence_list)
        splitter.addWidget(self.licence_text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 690])
        self.licence_list.setCurrentRow(0)
        return splitter

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(LICENCE_PAGES):
            self.licence_text.setPlainText(licence_page_text(LICENCE_PAGES[row][1]))
