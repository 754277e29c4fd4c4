"""The data view's top bar: period and team filters, the busy indicator, and the ways in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from norddjurs_desktop.ui.common.naming import named


class DataTopBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_combo = named(QComboBox(), "periodCombo")
        self.team_combo = named(QComboBox(), "teamCombo")
        self.team_combo.setMinimumContentsLength(18)
        self.period_combo.setMinimumContentsLength(14)
        self.busy = named(QWidget(), "busyIndicator")
        busy_bar = QProgressBar()
        busy_bar.setRange(0, 0)  # indeterminate: it moves while the figures are computed
        busy_bar.setMaximumWidth(90)
        busy_bar.setTextVisible(False)
        busy_layout = QHBoxLayout(self.busy)
        busy_layout.setContentsMargins(0, 0, 0, 0)
        busy_layout.addWidget(QLabel("Beregner …"))
        busy_layout.addWidget(busy_bar)
        self.busy.hide()
        self.import_button = named(QPushButton("Importér filer …"), "importFilesButton")
        self.imports_button = named(QPushButton("Tidligere importer …"), "importsButton")
        self.imports_button.setToolTip("Se og slet tidligere importer")
        self.key_figures_button = named(QPushButton("Nøgletal …"), "keyFiguresButton")
        self.key_figures_button.setToolTip("Indtast nøgletal fra dataportalen måned for måned")

        self.filters = QWidget()
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        for label, combo in (("&Periode:", self.period_combo), ("&Team:", self.team_combo)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
            filters.addSpacing(12)
        self.filters.hide()  # until the data say which periods and teams there are
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filters)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        for button in (self.import_button, self.imports_button, self.key_figures_button):
            bar.addWidget(button)
