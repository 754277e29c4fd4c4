"""The Filer menu's printing: ask what, write the PDF in the background, then preview it.

Each flow writes to a temporary file off the GUI thread while a busy dialog
shows, then opens :class:`PdfPreviewDialog`, which prints or saves that file
and deletes it when closed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.decks import DeckError
from norddjurs_desktop.domain.plan import plan_file_name
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.busy import BusyDialog
from norddjurs_desktop.ui.common.tasks import BackgroundTask, run_in_background
from norddjurs_desktop.ui.printing.pdf_preview import DUPLEX_HINT, PdfPreviewDialog, PrintError
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.widgets.plain_text import plain_message


def temporary_pdf(prefix: str) -> Path:
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=".pdf")
    os.close(handle)
    return Path(name)


def write_then_preview(
    parent: QWidget,
    busy_text: str,
    write: Callable[[Path], object],
    title: str,
    suggested_name: str,
    hint: str = "",
    on_preview: Callable[[PdfPreviewDialog], None] | None = None,
) -> BackgroundTask[object]:
    """Run ``write(path)`` in the background, then show the preview (window-modal, not blocking).

    ``on_preview`` gets the dialog once it is open (tests use it instead of a click).
    """
    path = temporary_pdf("fremmoede-")
    progress = BusyDialog(parent, busy_text, title)

    def done(_result: object) -> None:
        progress.finish()
        try:
            dialog = PdfPreviewDialog(path, title, suggested_name, hint, True, parent)
        except PrintError as error:
            path.unlink(missing_ok=True)
            QMessageBox.warning(parent, title, plain_message(str(error)))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if on_preview is not None:
            on_preview(dialog)

    def failed(error: BaseException) -> None:
        progress.finish()
        path.unlink(missing_ok=True)
        if isinstance(error, UserFacingError | DeckError | ValueError):
            message = str(error)
        elif isinstance(error, OSError):
            message = f"Den midlertidige fil kunne ikke skrives: {error.strerror or error}."
        else:
            message = f"PDF'en kunne ikke laves ({type(error).__name__}: {error})."
        QMessageBox.warning(parent, title, plain_message(message))

    return run_in_background(lambda: write(path), done, failed)


def print_plan(
    parent: QWidget,
    store: ScreeningStore,
    on_preview: Callable[[PdfPreviewDialog], None] | None = None,
) -> BackgroundTask[object]:
    from norddjurs_desktop.services.plan import export_plan
    from norddjurs_desktop.ui.plan.plan_export import card_notes_wanted

    db, screening_id = store.db, store.screening_id  # read on the GUI thread
    data = store.data
    notes = card_notes_wanted()  # the same choice as "Gem handlingsplan som PDF"
    return write_then_preview(
        parent,
        "Laver handlingsplanen …",
        lambda path: export_plan(db, screening_id, path, with_card_notes=notes),
        "Udskriv handlingsplan",
        plan_file_name(data.unit_name, data.date),
        on_preview=on_preview,
    )


def print_cards(
    parent: QWidget, db: Database, on_preview: Callable[[PdfPreviewDialog], None] | None = None
) -> BackgroundTask[object] | None:
    from norddjurs_desktop.ui.printing.choose_dialogs import CardSetDialog

    chooser = CardSetDialog(db, parent)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return None
    decks = chooser.selection()

    def write(path: Path) -> object:
        from norddjurs_desktop.reports.cards_pdf import write_card_set

        return write_card_set(decks, path)

    name = "Dialogkort " + ", ".join(deck.title for deck in decks)
    return write_then_preview(
        parent,
        "Lægger kortene på ark …",
        write,
        "Kort til print",
        f"{name[:80]} {danish_date(date.today())}.pdf",
        DUPLEX_HINT,
        on_preview,
    )


def print_board(
    parent: QWidget, db: Database, on_preview: Callable[[PdfPreviewDialog], None] | None = None
) -> BackgroundTask[object] | None:
    from norddjurs_desktop.ui.printing.choose_dialogs import BoardDialog

    chooser = BoardDialog(db, parent)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return None
    deck, size = chooser.deck(), chooser.paper_size()

    def write(path: Path) -> object:
        from norddjurs_desktop.reports.board_pdf import write_board

        write_board(deck, path, size)
        return path

    return write_then_preview(
        parent,
        "Tegner spillepladen …",
        write,
        "Spilleplade",
        f"Spilleplade {deck.title} {size}.pdf",
        f"Udskriv på {size}, liggende, 100 %",
        on_preview,
    )
