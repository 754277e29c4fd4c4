"""The data view: the unit's own absence figures, with a period and a team filter.

Every figure is computed on a pool thread (:func:`run_in_background`) while
a "Beregner …" indicator shows; results of a selection the user has already
left are dropped. Only the visible chart is drawn after a filter change.
A selection of fewer than five persons shows no figures, and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.absence import MIN_GROUP_SIZE, AbsenceStats
from norddjurs_desktop.domain.plan import DataReference
from norddjurs_desktop.reports.absence_charts import CHARTS
from norddjurs_desktop.reports.charts.contact_charts import TITLE as CONTACT_TITLE
from norddjurs_desktop.reports.charts.drawing import elide
from norddjurs_desktop.services.absence_figures import (
    ALL_TEAMS,
    PeriodChoice,
    TrendCache,
    ViewFigures,
    compute_figures,
    compute_previous,
    period_choices,
)
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.common.tasks import BackgroundTask, Latest, run_in_background
from norddjurs_desktop.ui.common.warm_up import warm_charts
from norddjurs_desktop.ui.data.cards import KeyFigureCards
from norddjurs_desktop.ui.data.chart_panel import ChartPanel, ObservationDialog
from norddjurs_desktop.ui.data.contact_figures import ContactFiguresPanel
from norddjurs_desktop.ui.data.empty_state import EmptyState
from norddjurs_desktop.ui.data.top_bar import DataTopBar
from norddjurs_desktop.ui.widgets.plain_text import plain

CreateAction = Callable[[DataReference, str], None]
Lists = tuple[list[PeriodChoice], list[str]]
Result = tuple[ViewFigures | None, Lists | None] | None
SMALL_GROUP_TEXT = (
    f"Teamet har færre end {MIN_GROUP_SIZE} personer i perioden. Af hensyn til de ansattes "
    "privatliv vises ingen tal for så lille en gruppe – vælg et andet team eller alle teams."
)
SMALL_UNIT_TEXT = (
    f"Enheden har færre end {MIN_GROUP_SIZE} personer i perioden. Af hensyn til de ansattes "
    "privatliv vises ingen tal for så lille en gruppe – vælg en længere periode."
)


class DataView(QWidget):
    """Cards and charts for one unit; ``on_create_action`` None hides "Opret handling"."""

    figuresShown = Signal()  # after the cards and the visible chart have the new figures
    previousShown = Signal()  # after the cards also show the previous period

    def __init__(
        self,
        db: Database,
        unit_id: int,
        on_create_action: CreateAction | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dataView")
        self.db, self.unit_id = db, unit_id
        self.on_create_action = on_create_action
        self.trends = TrendCache()
        self.task: BackgroundTask[Result] | None = None
        self.previous_task: BackgroundTask[AbsenceStats | None] | None = None
        self.figures: ViewFigures | None = None
        self.observation_dialog: ObservationDialog | None = None
        self.child_dialog: QDialog | None = None
        self._latest = Latest()
        self._choices: list[PeriodChoice] = []

        self.top_bar = DataTopBar()
        self.period_combo, self.team_combo = self.top_bar.period_combo, self.top_bar.team_combo
        self.busy, self.filters = self.top_bar.busy, self.top_bar.filters
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.team_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.top_bar.import_button.clicked.connect(self.open_import_dialog)
        self.top_bar.imports_button.clicked.connect(self.open_imports)
        self.top_bar.key_figures_button.clicked.connect(self.open_key_figures)

        self.message = plain(named(QLabel(), "dataMessage"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 12pt; padding: 8px;")
        self.message.hide()
        self.cards = KeyFigureCards()
        self.chart_list = named(QListWidget(), "chartList")
        self.chart_list.setFixedWidth(250)
        self.chart_stack = QStackedWidget()
        self.panels: dict[str, ChartPanel] = {}
        for spec in CHARTS:
            panel = ChartPanel(spec, on_create_action is not None)
            panel.createAction.connect(self.ask_observation)
            self.panels[spec.key] = panel
            self.chart_stack.addWidget(panel)
            self.chart_list.addItem(spec.title)
        # "Kontaktmodellen i tal" (issue 10): last in the list, so chart indexes stay as they are
        self.contact_panel = ContactFiguresPanel(db, unit_id, on_create_action is not None)
        self.contact_panel.createAction.connect(self.ask_observation)
        self.chart_stack.addWidget(self.contact_panel)
        self.chart_list.addItem(CONTACT_TITLE)
        self.chart_list.currentRowChanged.connect(self.chart_stack.setCurrentIndex)
        self.chart_list.setCurrentRow(0)
        charts = QHBoxLayout()
        charts.addWidget(self.chart_list)
        charts.addWidget(self.chart_stack, 1)
        self.charts = QWidget()
        self.charts.setLayout(charts)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.message)
        content_layout.addWidget(self.cards)
        content_layout.addWidget(self.charts, 1)

        self.empty = EmptyState()
        self.empty.import_button.clicked.connect(self.open_import_dialog)
        self.empty.key_figures_button.clicked.connect(self.open_key_figures)
        self.loading = QLabel("Henter fraværsdata …")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (self.loading, content, self.empty):
            self.pages.addWidget(page)
        self.content = content
        layout = QVBoxLayout(self)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.pages, 1)
        on_change(self, self._on_change)
        self.refresh(reload=True)
        warm_charts()

    # -- selection -------------------------------------------------------------------------
    def selected_period(self) -> tuple[date, date] | None:
        index = self.period_combo.currentIndex()
        return self._choices[index].period if 0 <= index < len(self._choices) else None

    def selected_team(self) -> str | None:
        team = self.team_combo.currentData()
        return str(team) if team else None

    def set_team(self, team: str | None) -> None:
        index = self.team_combo.findData(team or "")
        if index >= 0:
            self.team_combo.setCurrentIndex(index)

    def set_period(self, label: str) -> None:
        index = self.period_combo.findText(label)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def select_chart(self, key: str) -> ChartPanel:
        self.chart_list.setCurrentRow([spec.key for spec in CHARTS].index(key))
        return self.panels[key]

    # -- computing ---------------------------------------------------------------------------
    def refresh(self, reload: bool = False) -> BackgroundTask[Result]:
        """Recompute for the current selection (``reload``: also the period and team lists)."""
        generation = self._latest.next()
        db, unit_id, trends = self.db, self.unit_id, self.trends
        period = None if reload else self.selected_period()
        team = None if reload else self.selected_team()

        def work() -> Result:
            from norddjurs_desktop.services import absence as absence_service

            dataset = absence_service.load_dataset(db, unit_id) if reload else None
            if reload and dataset is None:
                return None
            figures = compute_figures(db, unit_id, period, team, trends)
            lists = (period_choices(dataset), dataset.teams) if dataset is not None else None
            return figures, lists

        self.busy.show()
        self.task = run_in_background(
            work,
            lambda result: self._show(generation, result),
            lambda error: self._failed(generation, error),
            owner=self,
        )
        return self.task

    def _failed(self, generation: int, error: BaseException) -> None:
        if not self._latest.is_current(generation):
            return
        self.busy.hide()
        self._say(f"Tallene kunne ikke beregnes: {error}")

    def _show(self, generation: int, result: Result) -> None:
        if not self._latest.is_current(generation):
            return  # the user has moved on; a newer task will answer
        self.busy.hide()
        if result is None:
            self.figures = None
            self._show_empty()
            self.figuresShown.emit()
            return
        figures, lists = result
        if lists is not None:
            self._fill_lists(*lists)
        if figures is None:
            self._show_empty()
            self.figuresShown.emit()
            return
        self.pages.setCurrentWidget(self.content)
        self.figures = figures
        self._mark_refused(figures.refused_teams)
        if figures.hidden:
            self.cards.clear()
            self._say(figures.refusal or (SMALL_GROUP_TEXT if figures.team else SMALL_UNIT_TEXT))
            self.charts.hide()
        else:
            self.message.hide()
            self.charts.show()
            self.cards.show_figures(figures.stats, None, pending=True)
            for panel in self.panels.values():
                panel.show_figures(figures)
            self.contact_panel.show_figures(figures)
            self._after_draw(lambda: self._start_previous(generation, figures))
        self.figuresShown.emit()

    def _after_draw(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the visible chart has drawn (a worker would slow the draw down)."""
        panel = self.chart_stack.currentWidget()
        if not isinstance(panel, ChartPanel) or not panel.draw_pending():
            then()
            return

        def once(_seconds: float) -> None:
            panel.redrawn.disconnect(once)
            then()

        panel.redrawn.connect(once)

    def _start_previous(self, generation: int, figures: ViewFigures) -> None:
        """Second step: the previous period for the cards, while the chart is already shown."""
        db, unit_id = self.db, self.unit_id
        self.busy.show()

        def done(previous: AbsenceStats | None) -> None:
            if not self._latest.is_current(generation):
                return
            self.busy.hide()
            self.figures = replace(figures, previous=previous)
            self.cards.show_figures(figures.stats, previous)
            self.previousShown.emit()

        self.previous_task = run_in_background(
            lambda: compute_previous(db, unit_id, figures), done,
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _mark_refused(self, refused: dict[str, str]) -> None:
        """Grey out the teams the unit's breakdown hides for this period, with the reason."""
        model = self.team_combo.model()
        for index in range(self.team_combo.count()):
            team = self.team_combo.itemData(index)
            reason = refused.get(team) if team else None
            item = model.item(index) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(reason is None)
            self.team_combo.setItemData(index, reason, Qt.ItemDataRole.ToolTipRole)

    def _say(self, text: str) -> None:
        self.message.setText(f"⚠ {text}")
        self.message.show()

    def _fill_lists(self, choices: list[PeriodChoice], teams: list[str]) -> None:
        for combo in (self.period_combo, self.team_combo):
            combo.blockSignals(True)
        self._choices = choices
        self.period_combo.clear()
        self.period_combo.addItems([choice.label for choice in choices])
        self.team_combo.clear()
        self.team_combo.addItem(ALL_TEAMS, "")
        for team in teams:
            self.team_combo.addItem(elide(team), team)  # a stored long name stays usable
        for combo in (self.period_combo, self.team_combo):
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.filters.show()

    def _show_empty(self) -> None:
        from norddjurs_desktop.services import key_figures

        rows = key_figures.list_key_figures(self.db, self.unit_id)
        points = [(row.month, row.absence_pct) for row in rows if row.absence_pct is not None]
        self.empty.show_key_figures(points)
        self.pages.setCurrentWidget(self.empty)
        self.filters.hide()

    # -- acting on a chart -------------------------------------------------------------------
    def ask_observation(self, reference: DataReference) -> ObservationDialog:
        """Ask for the group's observation (window-modal, non-blocking), then hand it on."""
        dialog = ObservationDialog(reference, self)
        self.observation_dialog = dialog
        dialog.accepted.connect(lambda: self._observed(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _observed(self, dialog: ObservationDialog) -> None:
        if self.on_create_action is not None:
            self.on_create_action(dialog.data_reference(), dialog.observation())

    # -- import and key figures ----------------------------------------------------------------
    def open_import_dialog(self) -> QDialog:
        from norddjurs_desktop.ui.data.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self.unit_id, self)
        return self._open(dialog)

    def open_imports(self) -> QDialog:
        from norddjurs_desktop.ui.data.imports_panel import ImportsDialog

        dialog = ImportsDialog(self.db, self.unit_id, self)
        return self._open(dialog)

    def open_key_figures(self) -> QDialog:
        from norddjurs_desktop.ui.data.key_figures_editor import KeyFiguresDialog

        dialog = KeyFiguresDialog(self.db, self.unit_id, self)
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        self.child_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_change(self, changes: Changes) -> None:
        """An import, a deletion or a typed figure for this unit, from whichever window."""
        if changes.touches(Kind.ABSENCE, unit_id=self.unit_id):
            self.refresh(reload=True)
