"""Filer → Sikkerhedskopier …: the backups beside the database, and restoring one.

Also the two places where the file itself needs the user's attention: a
damaged file on opening (offer to restore the newest backup) and a read-only
file (a permanent "Filen er skrivebeskyttet" and no new screenings).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.domain.dates import format_number
from norddjurs_desktop.services.backups import BackupInfo, list_backups, newest_backup
from norddjurs_desktop.ui.common.naming import named

if TYPE_CHECKING:
    from norddjurs_desktop.ui.shell.main_window import MainWindow

READ_ONLY_TEXT = "Filen er skrivebeskyttet"
RESTORE_NEWEST = "Gendan nyeste sikkerhedskopi"


def when_label(backup: BackupInfo) -> str:
    return backup.created.strftime("%d-%m-%Y %H:%M")


def size_label(size_bytes: int) -> str:
    """Danish: "512 kB", "1,4 MB" (decimal comma)."""
    if size_bytes < 1_000_000:
        return f"{format_number(max(1.0, size_bytes / 1000), 0)} kB"
    return f"{format_number(size_bytes / 1_000_000, 1)} MB"


def _count(value: int | None) -> str:
    return "–" if value is None else str(value)


class BackupsDialog(QDialog):
    """The list of backups, newest first; "Gendan" restores the chosen one."""

    COLUMNS = ("Tidspunkt", "Årsag", "Størrelse", "Enheder", "Screeninger")

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle("Sikkerhedskopier")
        self.resize(640, 360)
        self.backups: list[BackupInfo] = []
        intro = QLabel(
            "Programmet tager selv en kopi af databasen før en import, når det lukkes efter "
            "ændringer og højst én gang om dagen. Der gemmes 7 daglige, 4 ugentlige og "
            "6 månedlige kopier."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = named(QTableWidget(0, len(self.COLUMNS)), "backupTable")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("Der er ingen sikkerhedskopier endnu.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = named(QPushButton("Gendan …"), "restoreBackupButton")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.backups = list_backups(self.window_.db_path)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (
                when_label(backup),
                backup.reason_label,
                size_label(backup.size_bytes),
                _count(backup.units),
                _count(backup.screenings),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(
            self.selected() is not None and not self.window_.read_only_file()
        )

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def confirm(self, backup: BackupInfo) -> bool:
        answer = QMessageBox.question(
            self,
            "Gendan sikkerhedskopi",
            f"Gendan databasen, som den var {when_label(backup)}?\n\n"
            "Det, der er gemt siden, forsvinder fra databasen – men den nuværende fil "
            "gemmes først som en sikkerhedskopi, så gendannelsen kan fortrydes.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not self.confirm(backup):
            return
        if restore_and_reopen(self.window_, backup.path):
            self.accept()
        else:
            self.refresh()


def restore_and_reopen(window: MainWindow, backup: Path) -> bool:
    """Close the file, restore the backup into it, and open it again in the window."""
    from norddjurs_desktop.services.backups import restore_backup
    from norddjurs_desktop.services.errors import ServiceError, StorageError

    failure: list[Exception] = []

    def restore() -> None:
        try:
            restore_backup(window.db_path, backup, lock=window.write_lock)
        except (ServiceError, StorageError) as error:
            failure.append(error)

    window.reopen_database(restore)
    if failure:
        QMessageBox.warning(
            window, APP_NAME, f"Sikkerhedskopien blev ikke gendannet.\n\n{failure[0]}"
        )
        return False
    window.statusBar().showMessage("Sikkerhedskopien er gendannet.", 10000)
    return True


def explain_open_failure(window: MainWindow, error: Exception) -> bool:
    """Tell why the file cannot be opened; for a damaged file, offer the newest backup.

    Returns True when a backup was restored (the caller opens the file again).
    """
    from norddjurs_desktop.services.backups import restore_backup
    from norddjurs_desktop.services.errors import DamagedDatabaseError, ServiceError, StorageError

    newest = newest_backup(window.db_path) if isinstance(error, DamagedDatabaseError) else None
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, f"Databasen kan ikke åbnes.\n\n{error}")
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore_button = None
    if newest is not None:
        box.setInformativeText(
            f"Den nyeste sikkerhedskopi er fra {when_label(newest)}. Den beskadigede fil "
            "gemmes i mappen med sikkerhedskopier, før kopien lægges på plads."
        )
        restore_button = box.addButton(RESTORE_NEWEST, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Luk", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if newest is None or box.clickedButton() is not restore_button:
        return False
    try:
        restore_backup(window.db_path, newest.path, lock=window.write_lock)
    except (ServiceError, StorageError) as failure:
        QMessageBox.critical(
            window, APP_NAME, f"Sikkerhedskopien blev ikke gendannet.\n\n{failure}"
        )
        return False
    return True


def show_read_only(window: MainWindow) -> QLabel:
    """A permanent notice, and the buttons that would only fail switched off.

    The menu commands follow the registry's rule (``Needs.WRITABLE``).
    """
    label = named(QLabel(f"  {READ_ONLY_TEXT} – du kan se og udskrive, men ikke ændre.  "),
                  "readOnlyLabel")
    label.setStyleSheet("background: #fff3c4; color: #5a4500; font-weight: bold;")
    window.statusBar().addPermanentWidget(label)
    if window.home is not None:
        for button in (window.home.welcome.new_button, window.home.welcome.demo_button):
            button.setEnabled(False)
        for key in ("new", "new_unit"):
            window.home.buttons[key].setEnabled(False)
    return label
