"""Import a staff list and an absence export: pick, preview, map columns, import off-thread.

The preview never shows a CPR number (the importing layer hides such cells)
and flags the column in red. The import itself runs on a pool thread with a
progress dialog; a bad file leaves the dialog open with the Danish message
naming file, row and column of every problem, and nothing stored. When the
only problems are absence rows that cannot be used, the dialog offers
"Importér uden de N rækker"; after such an import it shows which rows were
left out, and why, before it closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.importing.errors import ImportFileError, Problem
from norddjurs_desktop.importing.mapping import (
    ABSENCE_COLUMNS,
    STAFF_COLUMNS,
    TablePreview,
    normalise_header,
    preview_file,
    propose_mapping,
)
from norddjurs_desktop.services import absence as absence_service
from norddjurs_desktop.services.absence import ImportInfo
from norddjurs_desktop.services.absence_import import skipped_rows
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import Done, run_op_in_background
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.common.tasks import BackgroundTask
from norddjurs_desktop.ui.data.mapping_form import MappingForm, column_label, cpr_colour
from norddjurs_desktop.ui.widgets.plain_text import plain

FILE_FILTER = "Regneark (*.csv *.txt *.xlsx);;CSV (*.csv *.txt);;Excel (*.xlsx);;Alle filer (*)"
KINDS = {"staff": ("Medarbejderliste", STAFF_COLUMNS), "absence": ("Fraværsliste", ABSENCE_COLUMNS)}
PRIVACY_NOTE = (
    "Kun de kolonner, programmet kender, gemmes – i medarbejderlisten "
    + ", ".join(name for name, _ in STAFF_COLUMNS) + "; i fraværslisten "
    + ", ".join(name for name, _ in ABSENCE_COLUMNS) + ". Alle andre kolonner (fx navne) "
    "bliver ikke gemt. Navne og CPR-numre gemmes aldrig, og en kolonne med CPR-numre "
    "afviser importen."
)


class _ProgressRelay(QObject):
    """Lives on the GUI thread; a worker's emit is queued here, then shown in the dialog."""

    progressed = Signal(int, str)

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.progressed.connect(self.show_progress, Qt.ConnectionType.QueuedConnection)

    @Slot(int, str)
    def show_progress(self, value: int, text: str) -> None:
        self.dialog.setLabelText(text)
        self.dialog.setValue(value)


Imported = tuple[ImportInfo, tuple[Problem, ...]]


class ImportDialog(QDialog):
    """After ``accepted``, ``info`` holds the stored import and ``skipped`` any rows left out."""

    def __init__(self, db: Database, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Importér fraværsdata")
        fit_to_screen(self, 820, 620)
        self.db, self.unit_id = db, unit_id
        self.paths: dict[str, Path | None] = {"staff": None, "absence": None}
        self.previews: dict[str, TablePreview | None] = {"staff": None, "absence": None}
        self.forms: dict[str, MappingForm | None] = {"staff": None, "absence": None}
        self.info: ImportInfo | None = None
        self.skipped: tuple[Problem, ...] = ()
        self.failure: ImportFileError | None = None  # the last import's refusal, if any
        self.task: BackgroundTask[Done[Imported]] | None = None
        self.progress: QProgressDialog | None = None

        grid = QGridLayout()
        self.path_edits: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        self.warnings: dict[str, QLabel] = {}
        self.form_holders: dict[str, QVBoxLayout] = {}
        for row, (kind, (title, _columns)) in enumerate(KINDS.items()):
            edit = named(QLineEdit(), f"{kind}PathEdit")
            edit.setReadOnly(True)
            edit.setPlaceholderText("Ingen fil valgt")
            browse = named(QPushButton("Vælg fil …"), f"{kind}BrowseButton")
            browse.clicked.connect(lambda _c=False, k=kind: self.browse(k))
            grid.addWidget(QLabel(f"{title}:"), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(browse, row, 2)
            self.path_edits[kind] = edit
            page = QWidget()
            page_layout = QVBoxLayout(page)
            warning = named(QLabel(), f"{kind}CprWarning")
            warning.setWordWrap(True)
            warning.setStyleSheet(f"color: {cpr_colour()}; font-weight: 600;")
            warning.hide()
            table = named(QTableWidget(), f"{kind}Preview")
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            holder = QVBoxLayout()
            page_layout.addWidget(warning)
            page_layout.addWidget(QLabel("De første rækker i filen:"))
            page_layout.addWidget(table, 1)
            page_layout.addLayout(holder)
            self.tables[kind], self.warnings[kind], self.form_holders[kind] = table, warning, holder
            self.tabs.addTab(page, title)

        note = named(QLabel(PRIVACY_NOTE), "privacyNote")
        note.setWordWrap(True)
        self.error_label = plain(named(QLabel(), "errorLabel"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {cpr_colour()};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Every problem is listed (up to 50 lines): scrolls rather than stretching the dialog.
        self.error_area = QScrollArea()
        self.error_area.setWidgetResizable(True)
        self.error_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.error_area.setMaximumHeight(200)
        self.error_area.setWidget(self.error_label)
        self.error_area.hide()
        self.summary_label = plain(named(QLabel(), "skippedSummary"))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_area = QScrollArea()
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary_area.setMaximumHeight(200)
        self.summary_area.setWidget(self.summary_label)
        self.summary_area.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("Annullér")
        self.skip_button = named(QPushButton(), "skipBadRowsButton")
        self.skip_button.clicked.connect(lambda: self.start_import(skip_bad_rows=True))
        self.import_button = named(QPushButton("Importér"), "importButton")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.close_button = named(QPushButton("Luk"), "closeButton")
        self.close_button.clicked.connect(self.accept)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button.hide()  # shown only when it applies (the box shows what it adds)
        self.close_button.hide()
        self.import_button.clicked.connect(lambda: self.start_import())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.error_area)
        layout.addWidget(self.summary_area)
        layout.addWidget(buttons)

    # -- choosing files ---------------------------------------------------------------------
    def browse(self, kind: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, f"Vælg {KINDS[kind][0].lower()}", "", FILE_FILTER
        )
        if path:
            self.set_path(kind, path)

    def set_paths(self, staff: str | Path, absence: str | Path) -> None:
        """Choose both files without the file dialog (tests, drag and drop)."""
        self.set_path("staff", staff)
        self.set_path("absence", absence)

    def set_path(self, kind: str, path: str | Path) -> None:
        self.paths[kind] = Path(path)
        self.path_edits[kind].setText(str(path))
        self.tabs.setCurrentIndex(list(KINDS).index(kind))
        self._clear_error()
        try:
            preview = preview_file(path)
        except ImportFileError as error:
            self.previews[kind] = None
            self._show_error(error.message)
        else:
            self.previews[kind] = preview
            self._show_preview(kind, preview)
        self.import_button.setEnabled(all(self.previews.values()))

    def _show_preview(self, kind: str, preview: TablePreview) -> None:
        table = self.tables[kind]
        table.clear()
        table.setColumnCount(len(preview.headers))
        table.setRowCount(len(preview.rows))
        for column, header in enumerate(preview.headers):
            item = QTableWidgetItem(column_label(header, preview.cpr_columns))
            if header in preview.cpr_columns:
                item.setForeground(QBrush(QColor(cpr_colour())))
            table.setHorizontalHeaderItem(column, item)
        for row, cells in enumerate(preview.rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        warning = self.warnings[kind]
        if preview.cpr_columns:
            names = ", ".join(f"'{c}'" for c in preview.cpr_columns)
            warning.setText(
                f"⚠ Kolonnen {names} ser ud til at indeholde CPR-numre (de vises ikke her). "
                "Filen kan ikke importeres med CPR-numre: fjern kolonnen i regnearket og vælg "
                "filen igen."
            )
            warning.show()
        else:
            warning.hide()
        self._build_form(kind, preview)

    def _build_form(self, kind: str, preview: TablePreview) -> None:
        old = self.forms[kind]
        if old is not None:
            self.form_holders[kind].removeWidget(old)
            old.deleteLater()
            self.forms[kind] = None
        columns = KINDS[kind][1]
        headers = list(preview.headers)
        proposed = propose_mapping(headers, kind)  # type: ignore[arg-type]
        remembered = absence_service.remembered_mapping(self.db, kind, headers)
        matched = {normalise_header(h) for h in proposed.values()}
        unused = [h for h in headers if h and normalise_header(h) not in matched]
        unmatched = [name for name, _ in columns if name not in proposed]
        if remembered is None and not (unmatched and unused):
            return  # the headers are ours: nothing to map
        form = MappingForm(kind, columns, headers, preview.cpr_columns,
                           remembered if remembered is not None else proposed)
        self.forms[kind] = form
        self.form_holders[kind].addWidget(form)

    def mapping_form(self, kind: str) -> MappingForm | None:
        return self.forms[kind]

    # -- importing ----------------------------------------------------------------------------
    def start_import(self, skip_bad_rows: bool = False) -> BackgroundTask[Done[Imported]] | None:
        """Import both files off the GUI thread; ``skip_bad_rows`` leaves unusable rows out."""
        staff, absence = self.paths["staff"], self.paths["absence"]
        if staff is None or absence is None:
            self._show_error("Vælg både medarbejderlisten og fraværslisten.")
            return None
        mappings: dict[str, dict[str, str | None] | None] = {}
        for kind, form in self.forms.items():
            if form is not None and form.missing_required():
                missing = ", ".join(form.missing_required())
                self.tabs.setCurrentIndex(list(KINDS).index(kind))
                self._show_error(f"Vælg hvilken kolonne i {KINDS[kind][0].lower()}en der er: "
                                 f"{missing}.")
                return None
            mappings[kind] = form.mapping() if form is not None else None
        self._clear_error()
        progress = QProgressDialog("Importerer …", "", 0, 100, self)
        progress.setObjectName("importProgress")
        progress.setWindowTitle("Importerer fraværsdata")
        progress.setCancelButton(None)  # type: ignore[arg-type]
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setValue(0)
        relay = _ProgressRelay(progress)
        self.progress = progress
        self.import_button.setEnabled(False)
        self.skip_button.hide()
        self.failure = None
        db, unit_id = self.db, self.unit_id

        def work() -> Done[Imported]:
            try:
                info = absence_service.import_absence_files(
                    db, unit_id, staff, absence,
                    staff_mapping=mappings["staff"], absence_mapping=mappings["absence"],
                    progress=relay.progressed.emit, skip_bad_rows=skip_bad_rows,
                )
            except ImportFileError as error:
                self.failure = error  # read on the GUI thread once the failure is reported
                raise
            skipped = skipped_rows(db, info.id) if skip_bad_rows else ()
            return Done((info, skipped), info.changes)

        # Announced to every view even if this dialog is closed before the import ends.
        self.task = run_op_in_background(
            work, owner=self, on_success=self._imported, on_failure=self._import_failed
        )
        return self.task

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.import_button.setEnabled(True)

    def _imported(self, result: Imported) -> None:
        self._close_progress()
        self.info, self.skipped = result
        if not self.skipped:
            self.accept()
            return
        # Say what was left out before closing: HR fixes those rows in the HR system.
        rows = len({p.row for p in self.skipped})
        lines = [f"Importeret uden {rows} rækker fra '{Path(self.skipped[0].file).name}', "
                 "der ikke kunne bruges:"]
        lines.extend(f"• række {p.row}, kolonnen '{p.column}': {p.message}" for p in self.skipped)
        self.summary_label.setText("\n".join(lines))
        self.summary_area.show()
        self.import_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def _import_failed(self, text: str) -> None:
        self._close_progress()
        self._show_error(f"Importen blev ikke gennemført, og intet er gemt.\n{text}")
        failure = self.failure
        if failure is not None and failure.skippable:
            self.skip_button.setText(f"Importér uden de {failure.bad_rows} rækker")
            self.skip_button.show()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")
        self.error_label.show()
        self.error_area.show()

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_area.hide()
        self.error_label.setText("")
        self.skip_button.hide()
