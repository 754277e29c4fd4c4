"""The key figure cards at the top of the data view: each figure beside the previous period.

Where the 5 % ambition translates into the same unit (sick days, days per
FTE) the card also shows the figure the ambition would mean, so the group
sees the gap in days and not only in percent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from norddjurs_desktop.domain.absence import AbsenceStats
from norddjurs_desktop.domain.dates import format_number, format_percent
from norddjurs_desktop.reports.charts.inputs import AMBITION_PCT
from norddjurs_desktop.ui.common.naming import named

NO_VALUE = "–"


def _pct(stats: AbsenceStats) -> float | None:
    return stats.absence_pct


def _ambition_days(stats: AbsenceStats) -> float | None:
    return AMBITION_PCT / 100 * stats.possible_days


def _ambition_per_fte(stats: AbsenceStats) -> float | None:
    if stats.fte <= 0:
        return None
    days = (stats.period_to - stats.period_from).days + 1
    return AMBITION_PCT / 100 * stats.possible_days / stats.fte * 365 / days


@dataclass(frozen=True)
class CardSpec:
    key: str
    title: str
    value: Callable[[AbsenceStats], float | None]
    text: Callable[[float], str]
    ambition: Callable[[AbsenceStats], float | None] | None = None
    change_text: Callable[[float], str] | None = None  # the change; default: like the value

    def change(self, value: float) -> str:
        return (self.change_text or self.text)(value)


CARDS: tuple[CardSpec, ...] = (
    CardSpec("absence_pct", "Sygefravær", _pct, lambda v: format_percent(v, 1),
             lambda _s: AMBITION_PCT, lambda v: f"{format_number(v, 1)} point"),
    CardSpec("sick_days", "Sygedage", lambda s: s.sick_days, lambda v: format_number(v, 0),
             _ambition_days),
    CardSpec("days_per_fte", "Sygedage pr. årsværk", lambda s: s.days_per_fte,
             lambda v: format_number(v, 1), _ambition_per_fte),
    CardSpec("spells", "Sygeforløb", lambda s: s.sick_spells, lambda v: format_number(v, 0)),
    CardSpec("persons", "Personer", lambda s: s.persons, lambda v: format_number(v, 0)),
    CardSpec("fte", "Årsværk", lambda s: s.fte, lambda v: format_number(v, 1)),
)


class KeyFigureCard(QFrame):
    def __init__(self, spec: CardSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"card_{spec.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#card_{spec.key} {{ background: palette(base);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self.title = named(QLabel(spec.title), "title")
        self.value = named(QLabel(NO_VALUE), "value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.previous = named(QLabel(), "previous")
        self.ambition = named(QLabel(), "ambition")
        for label in (self.previous, self.ambition):
            label.setStyleSheet("color: palette(placeholder-text);")
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        for widget in (self.title, self.value, self.previous, self.ambition):
            layout.addWidget(widget)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def show_figures(
        self, stats: AbsenceStats | None, previous: AbsenceStats | None, pending: bool = False
    ) -> None:
        spec = self.spec
        value = spec.value(stats) if stats is not None else None
        self.value.setText(spec.text(value) if value is not None else NO_VALUE)
        before = spec.value(previous) if previous is not None else None
        if pending:
            self.previous.setText("Forrige periode: beregnes …")
        elif before is None:
            self.previous.setText("Forrige periode: ingen data")
        else:
            change = ""
            if value is not None:
                diff = value - before
                sign = "+" if diff > 0 else "−" if diff < 0 else "±"
                change = f" ({sign}{spec.change(abs(diff))})"
            self.previous.setText(f"Forrige periode: {spec.text(before)}{change}")
        target = spec.ambition(stats) if spec.ambition and stats is not None else None
        if spec.key == "absence_pct":
            self.ambition.setText(f"Ambition: {format_percent(AMBITION_PCT, 0)}")
        elif target is not None:
            self.ambition.setText(f"Ved {format_percent(AMBITION_PCT, 0)}: {spec.text(target)}")
        else:
            self.ambition.setText("")

    def clear(self) -> None:
        self.value.setText(NO_VALUE)
        self.previous.setText("")
        self.ambition.setText("")


class KeyFigureCards(QWidget):
    """Six cards in a row (two rows of three when the window is narrow is left to the user)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFigureCards")
        self.cards = {spec.key: KeyFigureCard(spec, self) for spec in CARDS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, column)
            grid.setColumnStretch(column, 1)

    def show_figures(
        self, stats: AbsenceStats | None, previous: AbsenceStats | None, pending: bool = False
    ) -> None:
        for card in self.cards.values():
            card.show_figures(stats, previous, pending)

    def clear(self) -> None:
        for card in self.cards.values():
            card.clear()

    def value_text(self, key: str) -> str:
        return self.cards[key].value.text()
