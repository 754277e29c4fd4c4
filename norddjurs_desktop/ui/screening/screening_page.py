"""A screening: the six steps as a bar on top, the chosen step below with "Forrige"/"Næste"."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
from norddjurs_desktop.domain.plan import DataReference
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.data.data_step import DataStep
from norddjurs_desktop.ui.followup.hook import follow_up_review
from norddjurs_desktop.ui.plan.action_step import ActionStep
from norddjurs_desktop.ui.screening.closing_step import ClosingStep
from norddjurs_desktop.ui.screening.mapping_step import MappingStep
from norddjurs_desktop.ui.screening.preparation_step import PreparationStep
from norddjurs_desktop.ui.screening.priority_step import PriorityStep
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.step_bar import (
    StepFooter,
    make_step_bar,
    mark_done,
    step_progress,
)
from norddjurs_desktop.ui.shell.action_registry import add_page_shortcut, shortcut_text
from norddjurs_desktop.ui.widgets.unsaved_banner import UnsavedBanner

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
        self.unsaved = UnsavedBanner()
        self.store.failed.connect(self.unsaved.show_failure)
        self.store.saved.connect(self.unsaved.clear)
        deck = get_deck(db, PALETTE_DECK_KEY)
        self.preparation = PreparationStep(self.store, undo_stack)
        self.mapping = MappingStep(self.store, undo_stack, deck)
        self.data_step = DataStep(db, self.store.data.unit_id, self.create_action_from_data)
        self.priority = PriorityStep(self.store, undo_stack, deck)
        self.action_step = ActionStep(self.store, undo_stack)
        self.closing = ClosingStep(self.store, undo_stack)
        self.review = follow_up_review(self.store, undo_stack)
        first: QWidget = self.preparation
        if self.review is not None:  # a follow-up starts by reviewing the last plan
            first = QTabWidget()
            first.setObjectName("followUpTabs")
            first.addTab(self.review, "Opfølgning på sidste plan")
            first.addTab(self.preparation, "Forberedelse")
        self.steps = QStackedWidget()
        for step in (
            first,
            self.mapping,
            self.data_step,
            self.priority,
            self.action_step,
            self.closing,
        ):
            self.steps.addWidget(step)

        self.nav = make_step_bar(STEP_TITLES)
        if self.review is not None:
            item = self.nav.item(0)
            item.setText("1. Opfølgning")
            item.setToolTip(f"1. Opfølgning ({shortcut_text('step_1')})")
        self.nav.currentRowChanged.connect(self.go_to_step)
        for number in range(1, len(STEP_TITLES) + 1):
            add_page_shortcut(self, f"step_{number}", partial(self.go_to_step, number - 1))
        add_page_shortcut(self, "step_previous", self.previous_step)
        add_page_shortcut(self, "step_next", self.next_step)
        self.footer = StepFooter()
        self.footer.previousClicked.connect(self.previous_step)
        self.footer.nextClicked.connect(self.next_step)
        self.footer.helpClicked.connect(self._step_help)
        self._data_seen = False

        self.header = named(QLabel(), "screeningHeader")
        self.header.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.nav)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.footer)
        on_change(self, self._on_change)
        self._update_header()
        self._update_progress()
        self.nav.setCurrentRow(0)

    def title(self) -> str:
        data = self.store.data
        return f"{data.unit_name}, {danish_date(data.date)}"

    def _on_change(self, changes: Changes) -> None:
        if Kind.DECKS in changes.kinds:
            deck = get_deck(self.store.db, PALETTE_DECK_KEY)
            self.mapping.set_deck(deck)
            self.priority.set_deck(deck)
        if self.store.concerns(changes, Kind.SCREENING, Kind.PARTICIPANTS, Kind.UNITS):
            self._update_header()
        if self.store.concerns(
            changes,
            Kind.SCREENING,
            Kind.PARTICIPANTS,
            Kind.ASSESSMENTS,
            Kind.PRIORITIES,
            Kind.ACTIONS,
        ):
            self._update_progress()

    def _update_progress(self) -> None:
        data = self.store.data
        mark_done(
            self.nav,
            step_progress(
                participants=len(data.participants),
                scored=sum(1 for a in data.assessments if a.score is not None),
                themes=len(data.assessments),
                priorities=sum(1 for a in data.assessments if a.priority is not None),
                actions=len(self.store.actions()),
                finished=data.status == "afsluttet",
                data_seen=self._data_seen,
            ),
        )
        self.nav.viewport().update()

    def previous_step(self) -> None:
        self.go_to_step(self.steps.currentIndex() - 1)

    def next_step(self) -> None:
        self.go_to_step(self.steps.currentIndex() + 1)

    def _step_help(self) -> None:
        from norddjurs_desktop.ui.shell.help_guide import help_dialog

        help_dialog(self).show_guide(self.steps.currentIndex())

    def _update_header(self) -> None:
        data = self.store.data
        people = ", ".join(f"{p.name} ({p.role})" for p in data.participants) or "ingen deltagere"
        # The unit, forum and people are the users' words: escaped inside our markup.
        self.header.setText(
            f"<span style='font-size:14pt'><b>{escape(data.unit_name)}</b></span> · "
            f"{danish_date(data.date)} · {escape(data.forum)} · {escape(people)}"
        )

    def go_to_step(self, index: int) -> None:
        if not 0 <= index < self.steps.count():
            return
        self.flush()
        self.steps.setCurrentIndex(index)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        self.footer.show_step(index, STEP_TITLES)
        if self.steps.currentWidget() is self.data_step and not self._data_seen:
            self._data_seen = True
            self._update_progress()

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

    def close_page(self) -> None:
        """Save what is being typed and tell whoever shows this screening elsewhere."""
        self.flush()
        self.store.closing.emit()

    def flush(self) -> None:
        """Save whatever is still being typed (before leaving, exporting or closing)."""
        for step in (self.preparation, self.mapping, self.closing):
            flush = getattr(step, "flush", None)
            if flush is not None:
                flush()
