""""Oversigt over enheder": every unit's palette, follow-up, actions and absence in one table.

A window of its own beside the main window, so HR can keep it open while
opening units. The table is read in one fast step; the absence column (a read
of each unit's imported data) follows off the GUI thread. It listens to the
change hub and reads itself again when units, screenings, scores, actions or
absence data change. Enter or a double-click on a unit asks the main window to
show that unit's screenings on the home.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.unit_overview import UnitOverviewRow, area_label, support_counts
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.common.tasks import BackgroundTask, run_in_background
from norddjurs_desktop.ui.unit_overview.model import (
    COL_ABSENCE,
    COL_AREA,
    COL_LATEST,
    COL_UNIT,
    FIRST_THEME,
    UNIT_ID_ROLE,
    UnitOverviewFilter,
    UnitOverviewModel,
)
from norddjurs_desktop.ui.unit_overview.score_delegate import ScoreCellDelegate
from norddjurs_desktop.ui.widgets.plain_text import plain_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from norddjurs_desktop.services.bootstrap import Database

TITLE = "Oversigt over enheder"
ALL_AREAS = "Alle områder"
_SHOWN = (Kind.UNITS, Kind.SCREENINGS, Kind.SCREENING, Kind.ASSESSMENTS, Kind.ACTIONS,
          Kind.ABSENCE)


class UnitOverviewWindow(QWidget):
    openUnit = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.db = db
        self.today = today
        self.setObjectName("unitOverviewWindow")
        self.setWindowTitle(f"{TITLE} – {APP_NAME}")
        self.absence_task: BackgroundTask[dict[int, float | None]] | None = None
        self.export_task: BackgroundTask[Path] | None = None
        self._absence_done = False
        self._rates: dict[int, float | None] | None = None  # the last absence read
        self._generation = 0  # only the newest absence read is shown
        self._stale = False

        self.model = UnitOverviewModel(self)
        self.proxy = UnitOverviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(), "unitOverviewTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Enheder med scorer, opfølgning, handlinger og fravær")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        self.score_delegate = ScoreCellDelegate(self.table)
        for column in range(FIRST_THEME, COL_LATEST):
            self.table.setItemDelegateForColumn(column, self.score_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.sortByColumn(COL_AREA, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)

        self.filter_edit = named(QLineEdit(), "unitOverviewFilter")
        self.filter_edit.setPlaceholderText("Søg efter enhed eller område …")
        self.filter_edit.setAccessibleName("Søg efter enhed eller område")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.area_box = named(QComboBox(), "unitOverviewArea")
        self.area_box.setAccessibleName("Vis område")
        self.area_box.currentIndexChanged.connect(self._area_changed)
        area_label_widget = QLabel("&Område:")
        area_label_widget.setBuddy(self.area_box)
        search_label = QLabel("&Søg:")
        search_label.setBuddy(self.filter_edit)

        self.open_button = named(QPushButton("Åbn enhed"), "unitOverviewOpen")
        self.open_button.setToolTip("Vis enhedens screeninger på forsiden (Enter)")
        self.open_button.clicked.connect(self._open_current)
        self.xlsx_button = named(QPushButton("Gem som regneark …"), "unitOverviewXlsx")
        self.xlsx_button.clicked.connect(lambda: self.save_as(".xlsx"))
        self.pdf_button = named(QPushButton("Gem som PDF …"), "unitOverviewPdf")
        self.pdf_button.setToolTip("A4 på tværs, til hovedudvalget")
        self.pdf_button.clicked.connect(lambda: self.save_as(".pdf"))

        self.support_label = named(QLabel(), "unitOverviewSupport")
        self.support_label.setWordWrap(True)
        self.support_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = named(QLabel(), "unitOverviewStatus")
        self.status_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.filter_edit, 2)
        top.addWidget(area_label_widget)
        top.addWidget(self.area_box, 1)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.xlsx_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.close_button = named(QPushButton("Luk"), "unitOverviewClose")
        self.close_button.setToolTip("Luk oversigten (Esc)")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{TITLE}</h2>")
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.support_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        for first, second in ((self.filter_edit, self.area_box), (self.area_box, self.table),
                              (self.table, self.open_button),
                              (self.open_button, self.xlsx_button),
                              (self.xlsx_button, self.pdf_button),
                              (self.pdf_button, self.close_button)):
            QWidget.setTabOrder(first, second)
        self.resize(1280, 640)
        self._load_look()
        self.refresh()
        on_change(self, self._on_change)

    # -- reading --------------------------------------------------------------------
    def _load_look(self) -> None:
        from norddjurs_desktop.services.plan import palette_look

        self.model.set_look(palette_look(self.db))

    def refresh(self, *, absence: bool = True) -> None:
        """Read the table at once, then the absence column off the GUI thread.

        ``absence=False`` keeps the absence figures already read: a score or an
        action changed, not the imported data, so no unit's data is read again.
        """
        from norddjurs_desktop.services.unit_overview import absence_rates, build_unit_overview

        current = self.current_unit_id()
        overview = build_unit_overview(self.db, self.today(), with_absence=False)
        self.model.set_rows(list(overview.rows), overview.today)
        self._fill_areas()
        self._update_support()
        self._select(current)
        if not absence and self._rates is not None and self._absence_done:
            self.model.set_absence(self._rates)
            return
        self._absence_done = False
        self._generation += 1
        generation = self._generation
        self.status_label.setText("Fraværstallene hentes …")
        db = self.db
        self.absence_task = run_in_background(
            lambda: absence_rates(db), lambda rates: self._absence_read(rates, generation),
            self._absence_failed, owner=self)

    def _absence_read(self, rates: dict[int, float | None], generation: int = 0) -> None:
        if generation != self._generation:
            return  # an older read finished after a newer one began
        self._rates = rates
        self.model.set_absence(rates)
        self.table.resizeColumnToContents(COL_ABSENCE)
        self._absence_done = True
        self.status_label.setText(
            "Fravær: de seneste 12 måneder i enhedens egne data, mod målet på 5 %. "
            "Vises ikke for grupper under fem personer.")

    def _absence_failed(self, error: BaseException) -> None:
        self.status_label.setText(f"Fraværstallene kunne ikke hentes: {error}")

    def _on_change(self, changes: Changes) -> None:
        if not changes.touches(*_SHOWN):
            return
        if changes.touches(Kind.ABSENCE, Kind.UNITS):
            self._rates = None  # new data or a unit gone: read the absence again
        if self.isVisible():
            self.refresh(absence=self._rates is None)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self._stale = False
            self.refresh(absence=self._rates is None)
        super().showEvent(event)

    # -- filtering ------------------------------------------------------------------
    def _fill_areas(self) -> None:
        chosen = self.area_box.currentData() if self.area_box.currentIndex() > 0 else None
        from norddjurs_desktop.services.overview import danish_sort_key

        areas = sorted({r.area for r in self.model.rows}, key=lambda a: (a == "",
                                                                          danish_sort_key(a)))
        self.area_box.blockSignals(True)
        self.area_box.clear()
        self.area_box.addItem(ALL_AREAS, None)
        for area in areas:
            self.area_box.addItem(area_label(area), area)
        found = self.area_box.findData(chosen) if chosen is not None else 0
        self.area_box.setCurrentIndex(max(0, found))
        self.area_box.blockSignals(False)
        self.proxy.set_area(chosen if found > 0 else None)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_support()

    def _area_changed(self, index: int) -> None:
        self.proxy.set_area(self.area_box.itemData(index) if index > 0 else None)
        self._update_support()

    def shown_rows(self) -> list[UnitOverviewRow]:
        """The rows as the table shows them now: filtered and in the table's order."""
        rows = []
        for r in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(r, 0))
            rows.append(self.model.rows[source.row()])
        return rows

    def _update_support(self) -> None:
        rows = self.shown_rows()
        counts = support_counts(rows)
        parts = " · ".join(f"{PALETTE_TITLES[k]}: {counts[k]}" for k in PALETTE_KEYS)
        units = len(rows)
        self.support_label.setText(
            f"<b>Enheder med score 1–2 (hvor HR kan støtte)</b> blandt de {units} viste "
            f"{'enhed' if units == 1 else 'enheder'}: {parts}")
        self.support_label.setAccessibleName("Enheder med score 1 eller 2 pr. tema")
        self.open_button.setEnabled(units > 0)

    # -- opening a unit -------------------------------------------------------------
    def current_unit_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(UNIT_ID_ROLE) if index.isValid() else None

    def _select(self, unit_id: int | None) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if unit_id is None or index.data(UNIT_ID_ROLE) == unit_id:
                self.table.setCurrentIndex(index)
                return

    def _activated(self, index: QModelIndex) -> None:
        unit_id = index.data(UNIT_ID_ROLE)
        if unit_id is not None:
            self.openUnit.emit(unit_id)

    def _open_current(self) -> None:
        unit_id = self.current_unit_id()
        if unit_id is not None:
            self.openUnit.emit(unit_id)

    # -- export ---------------------------------------------------------------------
    def save_as(self, suffix: str) -> None:
        what = "Regneark (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
        name, _ = QFileDialog.getSaveFileName(self, "Gem oversigten",
                                              f"oversigt-over-enheder{suffix}", what)
        if name:
            if not name.lower().endswith(suffix):
                name += suffix
            self.export_to(Path(name))

    def export_to(self, out: Path) -> BackgroundTask[Path]:
        """Write the rows shown (with their absence) to ``out`` off the GUI thread."""
        from norddjurs_desktop.services.unit_overview import (
            UnitOverview,
            absence_rates,
            with_absence_rates,
            write_unit_overview,
        )

        rows = tuple(self.shown_rows())
        overview = UnitOverview(self.model.today, rows, support_counts(rows))
        db, complete = self.db, self._absence_done

        def write() -> Path:
            ready = overview if complete else with_absence_rates(overview, absence_rates(db))
            return write_unit_overview(ready, out)

        self.status_label.setText(f"Gemmer {out.name} …")
        self.export_task = run_in_background(write, self._saved, self._save_failed, owner=self)
        return self.export_task

    def _saved(self, out: Path) -> None:
        self.status_label.setText(f"Oversigten er gemt i {out}.")

    def _save_failed(self, error: BaseException) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.status_label.setText("Oversigten blev ikke gemt.")
        QMessageBox.warning(self, APP_NAME, plain_message(f"Oversigten blev ikke gemt: {reason}"))
