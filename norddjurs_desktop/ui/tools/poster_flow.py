"""Plakat: Kontaktmodellen — choose A3 or A4, then preview and print it like the board."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.tasks import BackgroundTask
from norddjurs_desktop.ui.printing.pdf_preview import PdfPreviewDialog
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons


class PosterDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plakat: Kontaktmodellen")
        self.a3 = named(QRadioButton("A3 – til opslagstavlen i personalerummet"), "posterA3")
        self.a4 = named(QRadioButton("A4 – til mappen eller et mindre opslag"), "posterA4")
        self.a3.setChecked(True)
        sizes = QVBoxLayout()
        sizes.addWidget(self.a3)
        sizes.addWidget(self.a4)
        form = QFormLayout()
        form.addRow("Model:", QLabel(f"<b>{title}</b> (vælges under Værktøjer › Kontaktmodel)"))
        form.addRow("Papir (stående):", sizes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel_buttons(self, "Lav PDF"))

    def paper_size(self) -> str:
        return "A3" if self.a3.isChecked() else "A4"


def print_poster(
    parent: QWidget,
    db: Database | None,
    on_preview: Callable[[PdfPreviewDialog], None] | None = None,
    size: str | None = None,
) -> BackgroundTask[object] | None:
    """Ask for the paper size (unless given), then write the poster and preview it."""
    from norddjurs_desktop.services.contact import chosen_model
    from norddjurs_desktop.ui.printing.print_flows import write_then_preview

    model = chosen_model(db)
    if size is None:
        chooser = PosterDialog(model.title, parent)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return None
        size = chooser.paper_size()
    chosen_size = size

    def write(path: Path) -> object:
        from norddjurs_desktop.reports.contact_poster import write_poster

        return write_poster(model, path, chosen_size)

    return write_then_preview(
        parent,
        "Tegner plakaten …",
        write,
        "Plakat: Kontaktmodellen",
        f"Plakat kontaktmodellen {model.days_text} {chosen_size}.pdf",
        f"Udskriv på {chosen_size}, stående, 100 %",
        on_preview,
    )
