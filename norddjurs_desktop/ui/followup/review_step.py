"""Opfølgning: the follow-up meeting goes through the last plan before anything else.

One row per action of the previous plan: its status (saved on the action
itself), "Virkede det?", a comment, and — for an action still open —
"Viderefør" to carry it into today's plan, where it shows as "videreført fra
dd-mm-åååå". Each change is saved at once as an undo command on the screening's
stack, and the rows show what is stored again after an undo or redo.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.followup import EFFECTS, is_open
from norddjurs_desktop.domain.palette import PALETTE_TITLES
from norddjurs_desktop.domain.plan import ACTION_STATUSES
from norddjurs_desktop.services import followup
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.followup.review_commands import CarryOverCommand, ReviewFieldCommand
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_guard import push_guarded

NOT_ANSWERED = "ikke vurderet"


class ReviewStep(QWidget):
    """The review of the previous plan, for a screening that is a follow-up."""

    def __init__(
        self, store: ScreeningStore, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.undo_stack = store, undo_stack
        self.rows: dict[int, tuple[QComboBox, QComboBox, QLineEdit, QCheckBox]] = {}
        self.reviews = self._read_reviews()
        previous = followup.previous_screening(store.db, store.screening_id)
        when = ""
        if previous is not None:
            from norddjurs_desktop.services.screenings import get_screening

            when = f" fra {danish_date(get_screening(store.db, previous).date)}"
        intro = QLabel(
            f"Gå handlingsplanen{when} igennem: hvor langt er hver handling nået, virkede "
            "den, og skal en åben handling videreføres i dagens plan?"
        )
        intro.setWordWrap(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, title in enumerate(("Handling", "Status", "Virkede det?", "Kommentar",
                                        "")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row_number, review in enumerate(self.reviews.values(), start=1):
            action = review.action
            assert action.id is not None
            theme = PALETTE_TITLES.get(action.theme_key, "")
            text = QLabel(f"<b>{escape(theme)}</b><br>{escape(action.action)}"
                          f"<br><i>{escape(action.owner)}</i>")
            text.setWordWrap(True)
            status = named(QComboBox(), f"reviewStatus{action.id}")
            status.addItems(list(ACTION_STATUSES))
            status.setCurrentText(action.status)
            effect = named(QComboBox(), f"reviewEffect{action.id}")
            effect.addItems([NOT_ANSWERED, *EFFECTS])
            effect.setCurrentText(review.effect or NOT_ANSWERED)
            comment = named(QLineEdit(review.comment), f"reviewComment{action.id}")
            comment.setPlaceholderText("Hvad så I?")
            carry = named(QCheckBox("Viderefør"), f"reviewCarry{action.id}")
            carry.setChecked(review.carried_over)
            carry.setEnabled(review.carried_over or is_open(action.status))
            carry.setToolTip("Tag handlingen med i dagens handlingsplan")
            self.rows[action.id] = (status, effect, comment, carry)
            for column, widget in enumerate((text, status, effect, comment, carry)):
                grid.addWidget(widget, row_number, column)
            status.currentTextChanged.connect(
                lambda value, a=action.id: self._save(a, "status", value))
            effect.currentTextChanged.connect(
                lambda value, a=action.id: self._save(a, "effect", "" if value == NOT_ANSWERED
                                                      else value))
            comment.editingFinished.connect(
                lambda a=action.id, w=comment: self._save(a, "comment", w.text().strip()))
            carry.toggled.connect(lambda on, a=action.id: self._carry(a, on))
        if not self.rows:
            grid.addWidget(QLabel("Den sidste plan havde ingen handlinger."), 1, 0, 1, 5)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Opfølgning på sidste handlingsplan</h2>"))
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        on_change(self, self._on_change)

    def _read_reviews(self) -> dict[int, followup.ReviewData]:
        reviews = followup.list_reviews(self.store.db, self.store.screening_id)
        return {r.action.id or 0: r for r in reviews}

    def _stored(self, action_id: int, field: str) -> str:
        review = self.reviews[action_id]
        return review.action.status if field == "status" else getattr(review, field)

    def _save(self, action_id: int, field: str, value: str) -> None:
        old = self._stored(action_id, field)
        if value != old:
            self._push(ReviewFieldCommand(self.store, action_id, field, old, value))

    def _carry(self, action_id: int, on: bool) -> None:
        if on != self.reviews[action_id].carried_over:
            self._push(CarryOverCommand(self.store, action_id, on))

    def _push(self, command: QUndoCommand) -> None:
        if not push_guarded(self.undo_stack, command, self.store):
            # Not stored: the row shows what is. From memory, not the file, which may
            # be the very thing that just failed (locked by another program).
            self._show_rows()

    def _on_change(self, changes: Changes) -> None:
        # A review edits the previous plan's actions and today's plan: both are the unit's.
        if changes.touches(Kind.ACTIONS, unit_id=self.store.data.unit_id):
            self.refresh()

    def refresh(self) -> None:
        """Show what is stored (after an undo, a redo, or an edit that failed)."""
        self.reviews = self._read_reviews()
        self._show_rows()

    def _show_rows(self) -> None:
        for action_id, (status, effect, comment, carry) in self.rows.items():
            review = self.reviews.get(action_id)
            if review is None:
                continue
            for widget in (status, effect, comment, carry):
                widget.blockSignals(True)
            status.setCurrentText(review.action.status)
            effect.setCurrentText(review.effect or NOT_ANSWERED)
            if not comment.hasFocus() or comment.text().strip() == review.comment:
                comment.setText(review.comment)
            carry.setChecked(review.carried_over)
            carry.setEnabled(review.carried_over or is_open(review.action.status))
            for widget in (status, effect, comment, carry):
                widget.blockSignals(False)
