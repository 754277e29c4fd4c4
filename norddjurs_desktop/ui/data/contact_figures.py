""""Kontaktmodellen i tal" in the data view: key figures, a chart and "Opret handling".

For the view's period and team it counts the sick spells that reached each
step of the chosen contact model (day 3, 10, 28, 2 and 3 months for 1-3-10).
The counting runs on a pool thread when the section is shown; a result for a
selection the user has left is dropped. Like every other figure, nothing is
shown for fewer than five persons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.absence import MIN_GROUP_SIZE
from norddjurs_desktop.domain.contact_milestones import ContactMilestones
from norddjurs_desktop.domain.dates import format_number
from norddjurs_desktop.domain.plan import DataReference
from norddjurs_desktop.reports.charts.contact_charts import (
    TITLE,
    milestone_sentence,
    milestones_headline,
)
from norddjurs_desktop.reports.mpl_loading import load_matplotlib
from norddjurs_desktop.services.absence_figures import ViewFigures
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.common.tasks import BackgroundTask, Latest, run_in_background
from norddjurs_desktop.ui.data.chart_panel import CHART_DPI, CREATE_TEXT, NO_SCREENING_TEXT

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

SMALL_TEXT = (
    f"Færre end {MIN_GROUP_SIZE} personer i udvalget: af hensyn til privatlivet vises ingen tal."
)
INTRO = (
    "Hvor mange af periodens sygeforløb nåede de dage, hvor kontaktmodellen beder lederen om "
    "en kontakt eller sender et advis? Et forløb tæller i den periode, det slutter i."
)


class ContactFiguresPanel(QWidget):
    createAction = Signal(object)  # DataReference (observation still empty)
    shown = Signal()  # after new counts are on screen (tests wait on it)

    def __init__(
        self, db: Database, unit_id: int, can_create: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactFiguresPanel")
        self.db, self.unit_id, self.can_create = db, unit_id, can_create
        self.figures: ViewFigures | None = None
        self.milestones: ContactMilestones | None = None
        self.task: BackgroundTask[ContactMilestones | None] | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self._stale = False
        self._latest = Latest()

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.status = named(QLabel(), "contactStatus")
        self.status.setWordWrap(True)
        self.cards = QWidget()
        self.card_grid = QGridLayout(self.cards)
        self.card_grid.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.create_button = named(QPushButton(CREATE_TEXT), "contactCreateActionButton")
        self.create_button.clicked.connect(self._create)
        self.create_button.setEnabled(False)
        on_change(self, self._model_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<h3>{TITLE}</h3>"))
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(self.cards)
        layout.addWidget(self.scroll_area, 1)
        if can_create:
            layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            hint = QLabel(NO_SCREENING_TEXT)
            hint.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(hint)

    # -- new selection -----------------------------------------------------------------------
    def show_figures(self, figures: ViewFigures) -> None:
        """Take the view's new selection; count now if visible, otherwise when next shown."""
        self.figures = figures
        self._stale = True
        self._latest.next()
        if self.isVisible():
            self.recount()

    def _model_changed(self, changes: Changes) -> None:
        """HR chose another model: count its steps instead (now if visible, else when shown)."""
        if Kind.CONTACT_MODEL in changes.kinds and self.figures is not None:
            self.show_figures(self.figures)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.recount()

    def recount(self) -> BackgroundTask[ContactMilestones | None] | None:
        figures = self.figures
        if figures is None:
            return None
        self._stale = False
        generation = self._latest.number
        db, unit_id = self.db, self.unit_id
        start, end = figures.stats.period_from, figures.stats.period_to

        def work() -> ContactMilestones | None:
            from norddjurs_desktop.services.contact_figures import unit_milestones

            return unit_milestones(db, unit_id, period_from=start, period_to=end,
                                   team=figures.team)

        self.status.setText("Beregner …")
        self.task = run_in_background(
            work,
            lambda result: self._show(generation, result),
            lambda error: self._failed(generation, error),
            owner=self,
        )
        return self.task

    def _failed(self, generation: int, error: BaseException) -> None:
        if self._latest.is_current(generation):
            self.status.setText(f"⚠ Tallene kunne ikke beregnes: {error}")
            self.shown.emit()

    def _show(self, generation: int, milestones: ContactMilestones | None) -> None:
        if not self._latest.is_current(generation):
            return
        self._clear_cards()
        self.milestones = None
        if milestones is None or milestones.too_few_persons:
            self.status.setText("⚠ " + SMALL_TEXT if milestones is not None else "Ingen data.")
            self._set_canvas(None)
            self.create_button.setEnabled(False)
            self.shown.emit()
            return
        self.milestones = milestones
        self.status.setText(
            f"<b>{format_number(milestones.spells, 0)}</b> sygeforløb sluttede i perioden."
        )
        for column, label in enumerate(milestones.reached):
            self.card_grid.addWidget(self._card(milestones, label), 0, column)
        self._draw(milestones)
        self.create_button.setEnabled(self.can_create)
        self.shown.emit()

    # -- drawing ------------------------------------------------------------------------------
    def _card(self, milestones: ContactMilestones, label: str) -> QFrame:
        card = named(QFrame(), f"milestone_{label.replace(' ', '_')}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        value = named(QLabel(format_number(milestones.reached[label], 0)), "value")
        value.setStyleSheet("font-size: 18pt; font-weight: 600;")
        sentence = named(QLabel(milestone_sentence(milestones, label)), "sentence")
        sentence.setWordWrap(True)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addWidget(QLabel(f"<b>Nåede {label}</b>"))
        layout.addWidget(value)
        layout.addWidget(sentence)
        return card

    def card_texts(self) -> list[str]:
        texts = []
        for i in range(self.card_grid.count()):
            item = self.card_grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                sentence = widget.findChild(QLabel, "sentence")
                if sentence is not None:
                    texts.append(sentence.text())
        return texts

    def _clear_cards(self) -> None:
        while self.card_grid.count():
            item = self.card_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _draw(self, milestones: ContactMilestones) -> None:
        load_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from norddjurs_desktop.reports.charts.contact_charts import milestones_chart

        figure = milestones_chart(milestones, CHART_DPI)
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("contactChartCanvas")
        height = figure.get_size_inches()[1] * figure.dpi / canvas.device_pixel_ratio
        canvas.setMinimumSize(420, int(height))
        self._set_canvas(canvas)

    def _set_canvas(self, canvas: FigureCanvasQTAgg | None) -> None:
        old = self.scroll_area.takeWidget()
        if canvas is not None:
            self.scroll_area.setWidget(canvas)
        if old is not None:
            old.deleteLater()
        self.canvas = canvas

    # -- acting on it -------------------------------------------------------------------------
    def reference(self) -> DataReference | None:
        if self.figures is None or self.milestones is None:
            return None
        return DataReference(
            chart=TITLE,
            period=self.figures.period,
            filter=self.figures.filter_text,
            figure=milestones_headline(self.milestones),
            observation="",
        )

    def _create(self) -> None:
        reference = self.reference()
        if reference is not None and self.can_create:
            self.createAction.emit(reference)
