"""Saving the action plan as PDF: the file dialog, the work off the GUI thread, the answer.

:func:`export_plan_to` has no dialogs, so tests (and any page) can export
straight to a path; :func:`export_plan_with_dialog` is what the user clicks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from norddjurs_desktop.domain.plan import plan_file_name
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.services.plan import export_plan
from norddjurs_desktop.ui.common.busy import BusyDialog
from norddjurs_desktop.ui.common.tasks import BackgroundTask, run_in_background
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.shell.settings import EXPORT_FOLDER, PRINT_CARD_NOTES
from norddjurs_desktop.ui.widgets.plain_text import plain_message

STATUS_TIMEOUT_MS = 10_000


def card_notes_wanted() -> bool:
    """Whether the plan PDF prints the card notes (the user's last choice; on at first)."""
    return PRINT_CARD_NOTES.get().lower() in ("true", "1")


def set_card_notes_wanted(wanted: bool) -> None:
    PRINT_CARD_NOTES.set("true" if wanted else "false")


def export_plan_to(
    store: ScreeningStore,
    path: Path,
    on_done: Callable[[Path], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    with_card_notes: bool | None = None,
) -> BackgroundTask[Path]:
    """Write the plan PDF to ``path`` in the background; wait on the task's ``done`` signal."""
    db, screening_id = store.db, store.screening_id  # read here, on the GUI thread
    notes = card_notes_wanted() if with_card_notes is None else with_card_notes
    return run_in_background(
        lambda: export_plan(db, screening_id, path, with_card_notes=notes), on_done, on_error
    )


def error_message(error: BaseException, path: Path) -> str:
    """The Danish sentence for a failed export."""
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return (
            f"Kan ikke gemme filen {path.name}: {reason}.\n\n"
            "Er filen åben i et andet program, eller må du ikke skrive i mappen? "
            "Luk PDF'en eller vælg en anden mappe, og prøv igen."
        )
    if isinstance(error, UserFacingError):
        return f"Handlingsplanen kunne ikke laves: {error}"
    return f"Handlingsplanen kunne ikke laves ({type(error).__name__}: {error})."


def default_folder() -> str:
    folder = EXPORT_FOLDER.get()
    if folder and Path(folder).is_dir():
        return folder
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _status(parent: QWidget, message: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, STATUS_TIMEOUT_MS)


def export_plan_with_dialog(parent: QWidget, store: ScreeningStore) -> BackgroundTask[Path] | None:
    """Ask where to save, then write the PDF while a busy dialog shows. None if cancelled."""
    data = store.data
    proposed = Path(default_folder()) / plan_file_name(data.unit_name, data.date)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Gem handlingsplan som PDF", str(proposed), "PDF-filer (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    EXPORT_FOLDER.set(str(path.parent))

    progress = BusyDialog(parent, "Gemmer handlingsplanen …", "Gem handlingsplan")
    _status(parent, "Gemmer handlingsplanen …")

    def done(written: Path) -> None:
        progress.finish()
        _status(parent, f"Handlingsplanen er gemt: {written}")
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Handlingsplanen er gemt")
        box.setText(f"Handlingsplanen er gemt som\n{written}")
        open_button = box.addButton("Åbn PDF", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Luk", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

    def failed(error: BaseException) -> None:
        progress.finish()
        message = error_message(error, path)
        _status(parent, message.split("\n")[0])
        QMessageBox.warning(parent, "Handlingsplanen blev ikke gemt", plain_message(message))

    return export_plan_to(store, path, done, failed)
