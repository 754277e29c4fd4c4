""""Del enhed …" and "Hent delt fil …": the two share-file flows of the Filer menu.

Both run through :mod:`ui.common.operations` off the GUI thread; an import
announces what it changed through the change hub, so the home shows the new
unit and screenings without being told. Afterwards the user reads, line by
line, what was written or what was added, updated and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from norddjurs_desktop.services.changes import Changes
from norddjurs_desktop.ui.common.operations import Done, run_op_in_background
from norddjurs_desktop.ui.common.tasks import BackgroundTask
from norddjurs_desktop.ui.shell.settings import EXPORT_FOLDER
from norddjurs_desktop.ui.widgets.plain_text import plain_message

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import Database
    from norddjurs_desktop.services.share_export import ShareExportResult
    from norddjurs_desktop.services.share_import import ShareImportResult

FILE_FILTER = "Delingsfiler fra Fremmødepaletten (*.fremmoede)"


def _folder() -> Path:
    folder = EXPORT_FOLDER.get()
    if folder and Path(folder).is_dir():
        return Path(folder)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def _tell(show: Callable[[], object]) -> None:
    """Show the closing message once back in the main loop.

    The busy dialog is deleted there; a modal message shown straight from the
    operation's callback kept it alive, and QProgressDialog's own start-up
    timer then put "Et øjeblik …" on top of the message.
    """
    QTimer.singleShot(0, show)


def _choose_unit(parent: QWidget, db: Database, unit_id: int | None) -> tuple[int, str] | None:
    """The unit selected on the home, or one picked from a list when none is."""
    from norddjurs_desktop.services.overview import list_units

    units = list_units(db)
    if not units:
        QMessageBox.information(parent, "Del enhed", "Databasen har ingen enheder at dele endnu.")
        return None
    chosen = next((u for u in units if u.id == unit_id), None)
    if chosen is not None:
        return chosen.id, chosen.name
    names = [u.name for u in units]
    name, ok = QInputDialog.getItem(parent, "Del enhed", "Hvilken enhed skal deles?", names, 0,
                                    False)
    if not ok:
        return None
    picked = units[names.index(name)]
    return picked.id, picked.name


def share_unit(
    parent: QWidget, db: Database, unit_id: int | None
) -> BackgroundTask[Done[ShareExportResult]] | None:
    """Ask where to save the unit's share file, then write it; None when cancelled."""
    from norddjurs_desktop.services.share_export import export_unit, share_file_name

    unit = _choose_unit(parent, db, unit_id)
    if unit is None:
        return None
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Del enhed", str(_folder() / share_file_name(unit[1])), FILE_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    EXPORT_FOLDER.set(str(path.parent))

    def written(result: ShareExportResult) -> None:
        _tell(lambda: QMessageBox.information(
            parent, "Enheden er delt", plain_message("\n\n".join(result.lines()))))

    def failed(text: str) -> None:
        _tell(lambda: QMessageBox.warning(parent, "Enheden blev ikke delt", plain_message(text)))

    return run_op_in_background(
        lambda: Done(export_unit(db, unit[0], path), Changes()),
        owner=parent, on_success=written, on_failure=failed, progress="Gemmer delingsfilen …",
    )


def import_share(
    parent: QWidget, db: Database
) -> BackgroundTask[Done[ShareImportResult]] | None:
    """Ask for a share file, then bring it in; None when cancelled."""
    from norddjurs_desktop.services.share_import import import_share_file

    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "Hent delt fil", str(_folder()), f"{FILE_FILTER};;Alle filer (*)"
    )
    if not chosen:
        return None
    path = Path(chosen)

    def run() -> Done[ShareImportResult]:
        result = import_share_file(db, path)
        return Done(result, result.changes)

    def brought(result: ShareImportResult) -> None:
        _tell(lambda: QMessageBox.information(
            parent, "Den delte fil er hentet", plain_message("\n".join(result.lines()))))

    def failed(text: str) -> None:
        _tell(lambda: QMessageBox.warning(parent, "Filen blev ikke hentet", plain_message(text)))

    return run_op_in_background(
        run, owner=parent, on_success=brought, on_failure=failed,
        progress="Henter den delte fil …",
    )
