"""What the data view shows before any file is imported: typed key figures and two ways in."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from norddjurs_desktop.reports.mpl_loading import load_matplotlib
from norddjurs_desktop.ui.common.naming import named

EMPTY_TEXT = (
    "Der er endnu ingen fraværsdata for enheden.<br><br>"
    "<b>Importér filer</b>: en medarbejderliste og en fraværsliste fra lønsystemet "
    "(CSV eller Excel) giver mønstrene – ugedage, forløbenes længde, teams og Bradford.<br>"
    "<b>Indtast nøgletal</b>: har I kun tallene fra dataportalen, kan I skrive fravær i %, "
    "sygedage og årsværk ind måned for måned og se udviklingen mod ambitionen på 5 %."
)


class EmptyState(QWidget):
    """The empty state; ``show_key_figures`` draws the typed months against the ambition."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.text = named(QLabel(EMPTY_TEXT), "emptyText")
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(720)
        self.text.setMinimumWidth(520)
        self.import_button = named(QPushButton("Importér filer …"), "emptyImportButton")
        self.key_figures_button = named(QPushButton("Indtast nøgletal …"), "emptyKeyFiguresButton")
        for button in (self.import_button, self.key_figures_button):
            button.setMinimumHeight(40)
            button.setMinimumWidth(180)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.key_figures_button)
        buttons.addStretch()
        self.trend_title = named(QLabel(), "keyFiguresTitle")
        self.chart_holder = QVBoxLayout()
        self.canvas: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.trend_title)
        layout.addLayout(self.chart_holder)
        layout.addStretch()
        layout.addWidget(self.text, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch()

    def show_key_figures(self, points: list[tuple[date, float]]) -> None:
        if self.canvas is not None:
            self.chart_holder.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None
        if not points:
            self.trend_title.setText("")
            return
        load_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from norddjurs_desktop.reports.charts.trend_charts import key_figures_chart

        self.trend_title.setText(
            f"<h3>Indtastede nøgletal: sygefravær pr. måned ({len(points)} måneder)</h3>"
        )
        canvas = FigureCanvasQTAgg(key_figures_chart(points))
        canvas.setObjectName("keyFiguresCanvas")
        canvas.setFixedHeight(330)
        self.chart_holder.addWidget(canvas)
        self.canvas = canvas
