"""Saving the plan's actions as a spreadsheet and the unit's due dates as a calendar file.

:func:`save_actions_to` and :func:`save_calendar_to` have no dialogs (tests use
them); the ``…_with_dialog`` functions are what the buttons in the closing step do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.services.action_exports import export_actions, export_calendar
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.plan.plan_export import default_folder
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore

SHEET_FILTERS = "Excel-regneark (*.xlsx);;CSV til dansk Excel (*.csv)"


def save_actions_to(store: ScreeningStore, path: Path) -> str:
    """Write the actions; returns the Danish sentence to show (success or failure)."""
    try:
        export_actions(store.db, store.screening_id, path)
    except OSError as error:
        return f"Kan ikke gemme {path.name}: {error.strerror or error}."
    except UserFacingError as error:
        return str(error)
    return f"Handlingerne er gemt i {path}."


def save_calendar_to(store: ScreeningStore, path: Path) -> str:
    try:
        _path, events = export_calendar(store.db, store.data.unit_id, path)
    except OSError as error:
        return f"Kan ikke gemme {path.name}: {error.strerror or error}."
    except UserFacingError as error:
        return str(error)
    return (f"Kalenderfilen med {events} {'aftale' if events == 1 else 'aftaler'} er gemt i "
            f"{path}. Importér den i Outlook; en ny fil opdaterer aftalerne i stedet for at "
            "lave dem igen.")


def _tell(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox.information if "er gemt" in message else QMessageBox.warning
    box(parent, title, message)


def save_actions_with_dialog(parent: QWidget, store: ScreeningStore) -> None:
    data = store.data
    proposed = Path(default_folder()) / f"Handlinger {data.unit_name} {danish_date(data.date)}.xlsx"
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, "Gem handlingerne som regneark", str(proposed), SHEET_FILTERS)
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if "csv" in chosen_filter else ".xlsx"))
    _tell(parent, "Gem handlinger", save_actions_to(store, path))


def save_calendar_with_dialog(parent: QWidget, store: ScreeningStore) -> None:
    proposed = Path(default_folder()) / f"Handlingsplan {store.data.unit_name}.ics"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Gem deadlines og opfølgninger som kalenderfil", str(proposed),
        "Kalenderfil (*.ics)")
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    _tell(parent, "Gem kalenderfil", save_calendar_to(store, path))
