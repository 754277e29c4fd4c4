"""'Udvikling': a unit's screenings × the eight themes, as a table and a chart.

The table says each agreed score and, where a hidden round was held, its
median and lowest–highest; the last column gives the change since the
screening before, as an arrow and in words.
"""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.followup import ScoreChange
from norddjurs_desktop.domain.palette import PALETTE_THEMES
from norddjurs_desktop.domain.rounds import decimal_text
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.history import unit_history
from norddjurs_desktop.ui.common.naming import named


class DevelopmentDialog(QDialog):
    def __init__(self, db: Database, unit_id: int, unit_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Udvikling – {unit_name}")
        history = unit_history(db, unit_id)
        self.table = named(QTableWidget(len(PALETTE_THEMES), len(history) + 1), "developmentTable")
        self.table.setHorizontalHeaderLabels(
            [f"{danish_date(h.date)}\n{h.forum}" for h in history] + ["Siden sidst"])
        self.table.setVerticalHeaderLabels([title for _key, title in PALETTE_THEMES])
        for row, (key, title) in enumerate(PALETTE_THEMES):
            for column, entry in enumerate(history):
                score = entry.scores[key]
                text = "–" if score is None else str(score)
                spread = entry.spreads.get(key)
                if spread is not None and spread.median is not None:
                    text += (f"  (median {decimal_text(spread.median)}, "
                             f"{min(spread.scores)}–{max(spread.scores)})")
                self.table.setItem(row, column, QTableWidgetItem(text))
            if len(history) >= 2:
                change = ScoreChange(key, title, history[-2].scores[key], history[-1].scores[key])
                words = f"{change.arrow} {change.words}".strip()
            else:
                words = "første screening"
            self.table.setItem(row, len(history), QTableWidgetItem(words))
        self.table.resizeColumnsToContents()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = named(QLabel(), "developmentChart")
        if history:
            from norddjurs_desktop.reports.development_chart import development_png

            png = development_png(
                PALETTE_THEMES, [h.date for h in history],
                {k: [h.scores[k] for h in history] for k, _ in PALETTE_THEMES},
                {k: [h.spreads.get(k) for h in history] for k, _ in PALETTE_THEMES},
            )
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.chart.setPixmap(pixmap)
        else:
            self.chart.setText("Enheden har ingen screeninger endnu.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Udvikling</h2>"))
        layout.addWidget(self.table)
        layout.addWidget(self.chart)
        layout.addWidget(buttons)
