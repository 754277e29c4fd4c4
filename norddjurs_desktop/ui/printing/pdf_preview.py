"""A preview of a PDF we wrote, with "Udskriv …" through Qt's print dialog and "Gem som PDF …".

The PDF (made by reportlab) is the single source of what gets printed: the
printer receives each page rendered from that same file at the printer's
resolution (capped, so a 1200 dpi driver does not get gigabyte images), placed
at 100 % from the paper's corner, so printed cards keep their size and the
fronts and backs still meet when printed double-sided.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.shell.settings import EXPORT_FOLDER
from norddjurs_desktop.ui.widgets.plain_text import plain_message

MAX_RENDER_DPI = 300
DUPLEX_HINT = "Udskriv dobbeltsidet, vend på den lange kant, 100 %"


class PrintError(Exception):
    """Printing could not start or finish; the message is Danish."""


def page_range(printer: QPrinter, page_count: int) -> range:
    """The 0-based pages the print dialog asked for (all when no range was chosen)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
        return range(first - 1, last)
    return range(page_count)


def page_layout_for(size_points: QSizeF) -> QPageLayout:
    """The paper a PDF page wants (A4, A3 landscape …) as a page layout without margins."""
    width, height = size_points.width(), size_points.height()
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    portrait = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render the chosen pages onto ``printer``; returns how many pages were printed."""
    count = document.pageCount()
    pages = page_range(printer, count)
    if count == 0 or len(pages) == 0:
        raise PrintError("Der er ingen sider at udskrive.")
    printer.setFullPage(True)  # our PDFs already hold their margins; print them at 100 %
    first = document.pagePointSize(pages[0])
    printer.setPageLayout(page_layout_for(first))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("Printeren kunne ikke startes. Er den tændt og valgt rigtigt?")
    try:
        for number, index in enumerate(pages):
            points = document.pagePointSize(index)
            if number > 0:
                if points != document.pagePointSize(pages[number - 1]):
                    printer.setPageLayout(page_layout_for(points))
                printer.newPage()
            _draw_page(document, index, points, printer, painter)
    finally:
        painter.end()
    return len(pages)


def _draw_page(
    document: QPdfDocument, index: int, points: QSizeF, printer: QPrinter, painter: QPainter
) -> None:
    dpi = printer.resolution()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    target = QSizeF(points.width() * dpi / 72, points.height() * dpi / 72)
    scale = min(1.0, paper.width() / target.width(), paper.height() / target.height())
    target = target * scale  # a larger page than the paper is shrunk to fit, never enlarged
    render_dpi = min(dpi, MAX_RENDER_DPI)
    pixels = QSize(
        round(points.width() * render_dpi / 72 * scale),
        round(points.height() * render_dpi / 72 * scale),
    )
    image = document.render(index, pixels)
    painter.drawImage(QRectF(QPointF(0, 0), target), image)


class PdfPreviewDialog(QDialog):
    """Shows ``pdf_path``; the file is deleted on close when ``owns_file`` is True."""

    def __init__(
        self,
        pdf_path: Path,
        title: str,
        suggested_name: str,
        hint: str = "",
        owns_file: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.pdf_path = pdf_path
        self.suggested_name = suggested_name
        self.owns_file = owns_file
        self.document = QPdfDocument(self)
        error = self.document.load(str(pdf_path))
        if error != QPdfDocument.Error.None_:
            raise PrintError(f"PDF'en kunne ikke åbnes ({error.name}).")
        self.view = named(QPdfView(self), "pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("background: #8a8a8a;")

        pages = self.page_count()
        self.info = named(QLabel(f"{pages} {'side' if pages == 1 else 'sider'}"), "pageCount")
        self.hint = named(QLabel(f"<b>{hint}</b>" if hint else ""), "printHint")
        fit_width = QPushButton("Fuld bredde")
        fit_width.setCheckable(True)
        fit_width.toggled.connect(self._fit_width)
        self.print_button = named(QPushButton("Udskriv …"), "printButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = named(QPushButton("Gem som PDF …"), "savePdfButton")
        self.save_button.clicked.connect(self.save_with_dialog)
        close = QPushButton("Luk")
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.info)
        top.addSpacing(16)
        top.addWidget(self.hint, 1)
        top.addWidget(fit_width)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 1000)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _fit_width(self, on: bool) -> None:
        mode = QPdfView.ZoomMode.FitToWidth if on else QPdfView.ZoomMode.FitInView
        self.view.setZoomMode(mode)

    # -- printing ------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> int:
        """Print (the chosen range of) the PDF on ``printer``; no dialogs, for tests too."""
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            return print_document(self.document, printer)
        finally:
            self.unsetCursor()

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setPageLayout(page_layout_for(self.document.pagePointSize(0)))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Udskriv")
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except PrintError as error:
            QMessageBox.warning(self, "Udskrivningen mislykkedes", plain_message(str(error)))

    # -- saving ----------------------------------------------------------------------
    def save_to(self, path: Path) -> Path:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        shutil.copyfile(self.pdf_path, path)
        return path

    def save_with_dialog(self) -> None:
        folder = EXPORT_FOLDER.get()
        proposed = str(Path(folder) / self.suggested_name) if folder else self.suggested_name
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Gem som PDF", proposed, "PDF-filer (*.pdf)"
        )
        if not chosen:
            return
        try:
            written = self.save_to(Path(chosen))
        except OSError as error:
            QMessageBox.warning(
                self,
                "PDF'en blev ikke gemt",
                f"Kan ikke gemme {Path(chosen).name}: {error.strerror or error}.\n\n"
                "Er filen åben i et andet program, eller må du ikke skrive i mappen?",
            )
            return
        EXPORT_FOLDER.set(str(written.parent))
        window = self.parent()
        message = f"PDF'en er gemt: {written}"
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 10_000)
        self.info.setText(f"{self.page_count()} sider · gemt som {written.name}")

    def done(self, result: int) -> None:
        self.document.close()
        if self.owns_file:
            self.pdf_path.unlink(missing_ok=True)
        super().done(result)
