"""A screening: the six steps in a list on the left, the chosen step on the right."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
from norddjurs_desktop.domain.plan import DataReference, danish_date
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.decks import get_deck
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.ui.data.data_step import DataStep
from norddjurs_desktop.ui.followup.hook import follow_up_review
from norddjurs_desktop.ui.naming import named
from norddjurs_desktop.ui.screening_store import ScreeningStore
from norddjurs_desktop.ui.steps.action_step import ActionStep
from norddjurs_desktop.ui.steps.closing_step import ClosingStep
from norddjurs_desktop.ui.steps.mapping_step import MappingStep
from norddjurs_desktop.ui.steps.preparation_step import PreparationStep
from norddjurs_desktop.ui.steps.priority_step import PriorityStep

STEP_TITLES = (
    "1. Forberedelse",
    "2. Kortlægning",
    "3. Data",
    "4. Prioritering",
    "5. Handlingsplan",
    "6. Afslutning",
)


class ScreeningPage(QWidget):
    message = Signal(str)

    def __init__(
        self, db: Database, screening_id: int, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = ScreeningStore(db, screening_id, self)
        self.store.failed.connect(self.message)
        deck = get_deck(db, PALETTE_DECK_KEY)
        self.preparation = PreparationStep(self.store, undo_stack)
        self.mapping = MappingStep(self.store, undo_stack, deck)
        self.data_step = DataStep(db, self.store.data.unit_id, self.create_action_from_data)
        self.priority = PriorityStep(self.store, undo_stack, deck)
        self.action_step = ActionStep(self.store, undo_stack)
        self.closing = ClosingStep(self.store, undo_stack)
        self.review = follow_up_review(self.store)
        first: QWidget = self.preparation
        if self.review is not None:  # a follow-up starts by reviewing the last plan
            first = QTabWidget()
            first.setObjectName("followUpTabs")
            first.addTab(self.review, "Opfølgning på sidste plan")
            first.addTab(self.preparation, "Forberedelse")
        self.steps = QStackedWidget()
        for step in (
            first, self.mapping, self.data_step, self.priority, self.action_step,
            self.closing,
        ):
            self.steps.addWidget(step)

        self.nav = named(QListWidget(), "stepList")
        self.nav.addItems(list(STEP_TITLES))
        if self.review is not None:
            self.nav.item(0).setText("1. Opfølgning")
        self.nav.setFixedWidth(190)
        self.nav.currentRowChanged.connect(self.go_to_step)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        for number in range(1, len(STEP_TITLES) + 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self.go_to_step(n - 1))

        self.header = named(QLabel(), "screeningHeader")
        left = QVBoxLayout()
        left.addWidget(self.nav)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.steps, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.store.changed.connect(self._update_header)
        self._update_header()
        self.nav.setCurrentRow(0)

    def title(self) -> str:
        data = self.store.data
        return f"{data.unit_name}, {danish_date(data.date)}"

    def _update_header(self) -> None:
        data = self.store.data
        people = ", ".join(f"{p.name} ({p.role})" for p in data.participants) or "ingen deltagere"
        self.header.setText(
            f"<span style='font-size:14pt'><b>{data.unit_name}</b></span> · "
            f"{danish_date(data.date)} · {data.forum} · {people}"
        )

    def go_to_step(self, index: int) -> None:
        if not 0 <= index < self.steps.count():
            return
        self.flush()
        self.steps.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def create_action_from_data(self, reference: DataReference, observation: str) -> None:
        """From a chart of the data view: open a new action carrying the data reference."""
        self.go_to_step(self.steps.indexOf(self.action_step))
        self.action_step.open_new_action(
            ActionData(
                id=None,
                theme_key="data",
                problem=observation,
                action="",
                owner="",
                deadline=None,
                follow_up=None,
                status="ikke startet",
                success="",
                data_reference=reference,
            )
        )

    def flush(self) -> None:
        """Save whatever is still being typed (before leaving, exporting or closing)."""
        for step in (self.preparation, self.mapping, self.closing):
            flush = getattr(step, "flush", None)
            if flush is not None:
                flush()
