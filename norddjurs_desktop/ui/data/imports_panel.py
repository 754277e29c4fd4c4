"""The unit's imports: when, which files, the period covered and the rows; delete one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date, format_number
from norddjurs_desktop.services import absence as absence_service
from norddjurs_desktop.services.absence import ImportInfo
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import change_hub, on_change
from norddjurs_desktop.ui.widgets.plain_text import plain_message

HEADERS = ("Importeret", "Medarbejderfil", "Fraværsfil", "Periode", "Rækker")
_ID_ROLE = Qt.ItemDataRole.UserRole


class ImportsPanel(QWidget):
    def __init__(self, db: Database, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importsPanel")
        self.db, self.unit_id = db, unit_id
        self.imports: list[ImportInfo] = []
        on_change(self, self._on_change)
        self.table = named(QTableWidget(0, len(HEADERS)), "importsTable")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.delete_button = named(QPushButton("Slet import …"), "deleteImportButton")
        self.delete_button.clicked.connect(self.delete_selected)
        note = QLabel(
            "Datavisningen bruger den nyeste import. Importerer I de samme to filer igen, "
            "erstatter de den tidligere import."
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.imports = absence_service.list_imports(self.db, self.unit_id)
        self.table.setRowCount(len(self.imports))
        for row, info in enumerate(self.imports):
            cells = (
                f"{danish_date(info.imported_at.date())} {info.imported_at:%H:%M}",
                info.staff_file,
                info.absence_file,
                f"{danish_date(info.period_from)} – {danish_date(info.period_to)}",
                f"{format_number(info.staff_rows, 0)} medarbejdere, "
                f"{format_number(info.absence_rows, 0)} fraværsrækker",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID_ROLE, info.id)
                self.table.setItem(row, column, item)
        if self.imports:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ImportInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.imports[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected() is not None)

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(Kind.ABSENCE, unit_id=self.unit_id):
            self.reload()

    def delete_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self,
            "Slet import",
            f"Slet importen fra {danish_date(info.imported_at.date())} "
            f"({info.staff_file} og {info.absence_file}) med alle dens rækker?\n\n"
            "Det kan ikke fortrydes; filerne på computeren røres ikke.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            changes = absence_service.delete_import(self.db, info.id)
        except UserFacingError as error:
            QMessageBox.warning(self, "Slet import", plain_message(str(error)))
            return False
        change_hub().announce(changes)
        return True


class ImportsDialog(QDialog):
    def __init__(self, db: Database, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importsDialog")
        self.setWindowTitle("Importer af fraværsdata")
        self.resize(760, 360)
        self.panel = ImportsPanel(db, unit_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
