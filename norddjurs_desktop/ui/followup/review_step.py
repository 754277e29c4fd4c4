"""Opfølgning: the follow-up meeting goes through the last plan before anything else.

One row per action of the previous plan: its status (saved on the action
itself), "Virkede det?", a comment, and — for an action still open —
"Viderefør" to carry it into today's plan, where it shows as "videreført fra
dd-mm-åååå". Each change is saved at once.
"""

from __future__ import annotations

from html import escape

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
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import change_hub
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore

NOT_ANSWERED = "ikke vurderet"


class ReviewStep(QWidget):
    """The review of the previous plan, for a screening that is a follow-up."""

    def __init__(self, store: ScreeningStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: dict[int, tuple[QComboBox, QComboBox, QLineEdit, QCheckBox]] = {}
        self.error = named(QLabel(), "reviewError")
        self.error.setStyleSheet("color: #a01010; font-weight: bold")
        self.error.setWordWrap(True)
        self.error.hide()
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
        for row_number, review in enumerate(
            followup.list_reviews(store.db, store.screening_id), start=1
        ):
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
                lambda value, a=action.id: self._save(a, status=value))
            effect.currentTextChanged.connect(
                lambda value, a=action.id: self._save(a, effect="" if value == NOT_ANSWERED
                                                      else value))
            comment.editingFinished.connect(
                lambda a=action.id, w=comment: self._save(a, comment=w.text()))
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
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)

    def _show(self, error: UserFacingError) -> None:
        self.error.setText(f"⚠ {error}")
        self.error.show()

    def _save(self, action_id: int, **fields: str) -> None:
        try:
            followup.review_action(self.store.db, self.store.screening_id, action_id, **fields)
        except UserFacingError as error:
            self._show(error)
            return
        self.error.hide()
        # the previous plan's action changed status: every view counting actions hears it
        change_hub().announce(Changes.of(Kind.ACTIONS))
        if "status" in fields:
            _status, _effect, _comment, carry = self.rows[action_id]
            carry.setEnabled(carry.isChecked() or is_open(fields["status"]))

    def _carry(self, action_id: int, on: bool) -> None:
        try:
            if on:
                followup.carry_over(self.store.db, self.store.screening_id, action_id)
            else:
                followup.undo_carry_over(self.store.db, self.store.screening_id, action_id)
        except UserFacingError as error:
            self._show(error)
            return
        self.error.hide()
        self.store.announce(Kind.ACTIONS)  # today's plan gained or lost the action
