"""One chart of the data view: title, the figure in words, the chart, and "Opret handling".

The figure is drawn only while the panel is visible: after a filter change
every panel is marked stale, and a hidden one redraws when it is next shown.
matplotlib's Qt canvas is imported when the first panel draws, not at start-up.
"""

from __future__ import annotations

import time
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.plan import DataReference
from norddjurs_desktop.reports.absence_charts import ChartSpec
from norddjurs_desktop.reports.charts.headlines import headline
from norddjurs_desktop.reports.mpl_loading import load_matplotlib
from norddjurs_desktop.services.absence_figures import ViewFigures
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons
from norddjurs_desktop.ui.widgets.plain_text import plain

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

CHART_DPI = 96
MIN_CHART_HEIGHT = 230  # pixels: below this the chart scrolls instead of shrinking
CREATE_TEXT = "Opret handling ud fra dette"
NO_SCREENING_TEXT = "Åbn en screening for at oprette en handling ud fra et diagram."


class ObservationDialog(QDialog):
    """Asks for the group's observation in words; the chart's headline is the starting point."""

    def __init__(self, reference: DataReference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observationDialog")
        self.setWindowTitle(CREATE_TEXT)
        self.setMinimumWidth(520)
        self.reference = reference
        form = QFormLayout()
        for label, text in (
            ("Diagram:", reference.chart),
            ("Periode:", reference.period),
            ("Filter:", reference.filter or "Hele enheden"),
            ("Tal:", reference.figure),
        ):
            value = plain(QLabel(text))
            value.setWordWrap(True)
            form.addRow(label, value)
        intro = QLabel("Hvad ser I i tallet? Skriv jeres iagttagelse med egne ord:")
        intro.setWordWrap(True)
        self.observation_edit = named(QPlainTextEdit(reference.figure), "observationEdit")
        self.observation_edit.setTabChangesFocus(True)
        self.observation_edit.setFixedHeight(self.observation_edit.fontMetrics().lineSpacing() * 4
                                             + 14)
        self.buttons = buttons = ok_cancel_buttons(self, "Opret handling …")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(intro)
        layout.addWidget(self.observation_edit)
        layout.addWidget(buttons)
        self.observation_edit.setFocus()
        self.observation_edit.selectAll()

    def observation(self) -> str:
        return self.observation_edit.toPlainText().strip()

    def data_reference(self) -> DataReference:
        r = self.reference
        return DataReference(r.chart, r.period, r.filter, r.figure, self.observation())


class ChartPanel(QWidget):
    """A chart with its headline; ``createAction`` carries the reference to act on."""

    createAction = Signal(object)  # DataReference (observation still empty)
    redrawn = Signal(float)  # seconds spent building and drawing

    def __init__(self, spec: ChartSpec, can_create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"chartPanel_{spec.key}")
        self.figures: ViewFigures | None = None
        self._stale = False
        self._started: float | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.title = named(QLabel(f"<h3>{spec.title}</h3>"), "chartTitle")
        self.headline = named(QLabel(), "chartHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.create_button = named(QPushButton(CREATE_TEXT), "createActionButton")
        self.create_button.clicked.connect(self._create)
        self.create_button.setEnabled(can_create)
        if not can_create:
            self.create_button.setToolTip(NO_SCREENING_TEXT)
        self.can_create = can_create
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addWidget(self.scroll_area, 1)
        buttons = QHBoxLayout()
        if can_create:
            buttons.addWidget(self.create_button)
        self.table_button: QPushButton | None = None
        if spec.key == "teams":  # hundreds of teams: the chart summarises, the table has all
            self.table_button = named(QPushButton("Alle teams i en tabel …"), "groupTableButton")
            self.table_button.clicked.connect(self.open_group_table)
            buttons.addWidget(self.table_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        if not can_create:
            hint = QLabel(NO_SCREENING_TEXT)
            hint.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(hint)

    def show_figures(self, figures: ViewFigures) -> None:
        """Take new figures; draw now if visible, otherwise when next shown."""
        self.figures = figures
        self._stale = True
        self.headline.setText(
            f"<b>{escape(headline(self.spec.key, figures.stats, figures.extra))}</b>"
        )
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def redraw(self) -> None:
        """Build the figure and put it on a new canvas; Qt paints it on the next paint event.

        No explicit ``draw()``: the canvas is resized by the layout straight
        away, which would draw it a second time. ``redrawn`` reports the time
        from here to the end of matplotlib's (single) draw.
        """
        if self.figures is None:
            return
        load_matplotlib()  # waits while the start-up side thread is still importing it
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        started = time.perf_counter()
        figure = self.spec.builder(self.figures.stats, self.figures.extra, CHART_DPI)
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("chartCanvas")
        # What a screen reader says for the picture: the chart's name and its headline.
        canvas.setAccessibleName(self.spec.title)
        canvas.setAccessibleDescription(headline(self.spec.key, self.figures.stats,
                                                 self.figures.extra))
        height = figure.get_size_inches()[1] * figure.dpi / canvas.device_pixel_ratio
        # Sized to its area: the chart shrinks to fit a 1366x768 laptop (its x-axis was cut
        # off) and only scrolls below a readable minimum, where the wheel scrolls it.
        canvas.setMinimumSize(420, int(min(height, MIN_CHART_HEIGHT)))
        canvas.installEventFilter(self)
        self._started = started
        canvas.mpl_connect("draw_event", lambda _e: self._drawn(canvas))
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(canvas)
        if old is not None:
            old.deleteLater()
        self.canvas = canvas
        self._stale = False

    def open_group_table(self) -> QDialog | None:
        if self.figures is None:
            return None
        from norddjurs_desktop.ui.data.group_table import GroupTableDialog

        dialog = GroupTableDialog(self.spec.title, self.figures.stats.by_team, self)
        dialog.open()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The mouse wheel over the chart scrolls the area (matplotlib would swallow it)."""
        if watched is self.canvas and event.type() == QEvent.Type.Wheel:
            bar = self.scroll_area.verticalScrollBar()
            if bar.maximum() > 0:
                QApplication.sendEvent(bar, event)
                return True
        return super().eventFilter(watched, event)

    def draw_pending(self) -> bool:
        """True between a redraw and the end of matplotlib's draw of it."""
        return self._started is not None and self.isVisible()

    def _drawn(self, canvas: FigureCanvasQTAgg) -> None:
        if canvas is self.canvas and self._started is not None:
            self.redrawn.emit(time.perf_counter() - self._started)
            self._started = None  # later draws (window resizes) are not redraws

    def reference(self) -> DataReference | None:
        if self.figures is None:
            return None
        figures = self.figures
        return DataReference(
            chart=self.spec.title,
            period=figures.period,
            filter=figures.filter_text,
            figure=headline(self.spec.key, figures.stats, figures.extra),
            observation="",
        )

    def _create(self) -> None:
        reference = self.reference()
        if reference is not None and self.can_create:
            self.createAction.emit(reference)
