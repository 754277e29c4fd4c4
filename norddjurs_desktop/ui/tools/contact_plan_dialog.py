"""Kontaktplan: type a first sick day and see when to call and when the alerts come.

The dialog stores nothing and asks for no name. The optional label is only
printed on the page (e.g. "Team Syd"), never written to the database, to the
calendar file or to QSettings. Printing previews the one-page PDF like the
other print flows; saving writes the PDF or the .ics off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.contact_model import ContactModel, ContactPlan, plan_contacts
from norddjurs_desktop.domain.dates import danish_date, parse_danish_date
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.common.tasks import BackgroundTask, run_in_background
from norddjurs_desktop.ui.plan.plan_export import default_folder
from norddjurs_desktop.ui.printing.pdf_preview import PdfPreviewDialog
from norddjurs_desktop.ui.shell.settings import EXPORT_FOLDER

COLUMNS = ("Hvad", "Dato", "Planlagt", "Hvad du gør")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def weekday_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {danish_date(day)}"


def plan_rows(plan: ContactPlan) -> list[tuple[str, str, str, str, bool]]:
    """(what, date, planned, text, moved) per table row: contacts, then alerts by date."""
    rows = []
    for c in plan.contacts:
        planned = weekday_date(c.planned)
        if c.moved:
            planned = f"⚠ {planned}\nflyttet fra {c.reason.lower()}"
        rows.append((f"Kontakt dag {c.day}", weekday_date(c.date), planned, c.text, c.moved))
    for a in plan.alerts:
        rows.append((f"Advis {a.label}", weekday_date(a.date), "flyttes ikke", a.text, False))
    return rows


class ContactPlanDialog(QDialog):
    """Non-modal tool window; ``saved`` carries each file written (tests wait on it)."""

    saved = Signal(Path)

    def __init__(
        self, db: Database | None, parent: QWidget | None = None,
        model: ContactModel | None = None,
    ) -> None:
        super().__init__(parent)
        from norddjurs_desktop.services.contact import chosen_model

        self.setObjectName("contactPlanDialog")
        self.setWindowTitle("Kontaktplan")
        self.model = model or chosen_model(db)
        self.plan: ContactPlan | None = None
        self.task: BackgroundTask[object] | None = None

        self.db = db
        intro = QLabel(self._intro_text())
        intro.setWordWrap(True)
        self.first_day_edit = named(QLineEdit(), "firstDayEdit")
        self.first_day_edit.setPlaceholderText("dd-mm-åååå")
        self.first_day_edit.setMaximumWidth(160)
        self.first_day_edit.textChanged.connect(self._update)
        self.label_edit = named(QLineEdit(), "labelEdit")
        self.label_edit.setPlaceholderText("Valgfrit, fx team eller afdeling – ikke navn")
        self.label_edit.setToolTip("Står kun øverst på udskriften og gemmes ingen steder.")
        self.message = named(QLabel(), "planMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Første sygedag:", self.first_day_edit)
        form.addRow("&Overskrift på udskrift:", self.label_edit)

        self.table = named(QTableWidget(0, len(COLUMNS)), "planTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.print_button = named(QPushButton("Udskriv …"), "printPlanButton")
        self.pdf_button = named(QPushButton("Gem som PDF …"), "savePdfButton")
        self.ics_button = named(QPushButton("Gem i kalender (.ics) …"), "saveIcsButton")
        self.print_button.clicked.connect(lambda: self.print_plan())
        self.pdf_button.clicked.connect(self.save_pdf_with_dialog)
        self.ics_button.clicked.connect(self.save_ics_with_dialog)
        close = QPushButton("Luk")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.ics_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1000, 680)
        self.intro = intro
        self._update("")
        if model is None and db is not None:
            on_change(self, self._model_changed)

    def _model_changed(self, changes: Changes) -> None:
        """HR stored another model while the plan is open: show the plan by the new one."""
        if Kind.CONTACT_MODEL not in changes.kinds or self.db is None:
            return
        from norddjurs_desktop.services.contact import chosen_model

        self.model = chosen_model(self.db)
        self.intro.setText(self._intro_text())
        self._update(self.first_day_edit.text())

    def _intro_text(self) -> str:
        return (
            f"<b>{self.model.title}</b>: kontakt på dag "
            f"{', '.join(str(d) for d in self.model.days)}. Skriv den første sygedag, så "
            "ser du hvornår du skal ringe, og hvornår adviserne kommer. Planen gemmes ikke."
        )

    # -- the plan ----------------------------------------------------------------------------
    def _update(self, text: str) -> None:
        self.plan = None
        if text.strip():
            try:
                first_day = parse_danish_date(text)
            except ValueError as error:
                self.message.setText(f"⚠ {error}")
            else:
                self.plan = plan_contacts(self.model, first_day)
                moved = sum(1 for c in self.plan.contacts if c.moved)
                self.message.setText(
                    f"Første sygedag er {weekday_date(first_day)}."
                    + (f" {moved} kontakt{'er' if moved != 1 else ''} er flyttet til næste "
                       "arbejdsdag (⚠)." if moved else "")
                )
        else:
            self.message.setText("Skriv datoen for første sygedag, fx 02-04-2026.")
        self._fill()
        for button in (self.print_button, self.pdf_button, self.ics_button):
            button.setEnabled(self.plan is not None)

    def _fill(self) -> None:
        rows = plan_rows(self.plan) if self.plan is not None else []
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (what, day, planned, text, moved) in enumerate(rows):
            for c, value in enumerate((what, day, planned, text)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if c == 0 or (c == 2 and moved):
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def label(self) -> str:
        return self.label_edit.text().strip()

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # -- printing and saving -------------------------------------------------------------------
    def print_plan(self, on_preview: Callable[[PdfPreviewDialog], None] | None = None) -> None:
        """Write the page in the background and show it in the print preview."""
        from norddjurs_desktop.reports.contact_plan_pdf import write_contact_plan
        from norddjurs_desktop.ui.printing.print_flows import write_then_preview

        plan, label = self.plan, self.label()
        if plan is None:
            return
        self.task = write_then_preview(
            self, "Laver kontaktplanen …", lambda path: write_contact_plan(plan, path, label),
            "Kontaktplan", f"Kontaktplan {danish_date(plan.first_day)}.pdf",
            "Udskriv på A4, stående, 100 %", on_preview,
        )

    def _ask_path(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(default_folder()) / name), pattern
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        EXPORT_FOLDER.set(str(path.parent))
        return path

    def save_pdf_with_dialog(self) -> None:
        if self.plan is None:
            return
        name = f"Kontaktplan {danish_date(self.plan.first_day)}.pdf"
        path = self._ask_path("Gem kontaktplan som PDF", name, "PDF-filer (*.pdf)", ".pdf")
        if path is not None:
            self.save_pdf(path)

    def save_ics_with_dialog(self) -> None:
        if self.plan is None:
            return
        name = f"Kontaktplan {danish_date(self.plan.first_day)}.ics"
        path = self._ask_path("Gem kontaktplan i kalender", name, "Kalenderfiler (*.ics)", ".ics")
        if path is not None:
            self.save_ics(path)

    def save_pdf(self, path: Path) -> BackgroundTask[object] | None:
        from norddjurs_desktop.reports.contact_plan_pdf import write_contact_plan

        plan, label = self.plan, self.label()
        if plan is None:
            return None
        return self._write(path, lambda: write_contact_plan(plan, path, label), "PDF'en")

    def save_ics(self, path: Path) -> BackgroundTask[object] | None:
        from norddjurs_desktop.services.contact import write_ics

        plan = self.plan
        if plan is None:
            return None
        return self._write(path, lambda: write_ics(plan, path), "Kalenderfilen")

    def _write(self, path: Path, work: Callable[[], object], what: str) -> BackgroundTask[object]:
        def done(_result: object) -> None:
            self.message.setText(f"{what} er gemt: {path}")
            self.saved.emit(path)

        def failed(error: BaseException) -> None:
            reason = error.strerror if isinstance(error, OSError) else None
            QMessageBox.warning(
                self, f"{what} blev ikke gemt",
                f"Kan ikke gemme {path.name}: {reason or error}.\n\n"
                "Er filen åben i et andet program, eller må du ikke skrive i mappen?",
            )

        self.task = run_in_background(work, done, failed)
        return self.task


def open_contact_plan(parent: QWidget, db: Database | None) -> ContactPlanDialog:
    """Show the tool window (not modal: the meeting can go on beside it)."""
    dialog = ContactPlanDialog(db, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.first_day_edit.setFocus()
    return dialog
