"""Step 6, Afslutning: what the meeting agreed, when to meet again, and the PDF.

The summary is rebuilt from the store whenever anything changes, so it is
always what the printed plan will say.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.palette import PALETTE_THEMES, PALETTE_TITLES
from norddjurs_desktop.domain.plan import ACTION_STATUSES
from norddjurs_desktop.domain.scoring import score_label
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.common.theme import set_role
from norddjurs_desktop.ui.plan.action_dialog import DATE_FORMAT, from_qdate, to_qdate
from norddjurs_desktop.ui.plan.action_table_model import status_text
from norddjurs_desktop.ui.plan.plan_export import (
    card_notes_wanted,
    export_plan_with_dialog,
    set_card_notes_wanted,
)
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_guard import push_guarded
from norddjurs_desktop.ui.screening.undo_preparation import SetScreeningFieldCommand
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit
from norddjurs_desktop.ui.widgets.plain_text import plain

FINISHED, IN_PROGRESS = "afsluttet", "i gang"


class ClosingStep(QWidget):
    def __init__(
        self, store: ScreeningStore, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.undo_stack = store, undo_stack
        self._loading = False

        self.summary_label = named(QLabel(), "summaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary_label.setFont(font)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.summary_label)
        overview = QGroupBox("Overblik")
        QVBoxLayout(overview).addWidget(scroll)

        self.next_follow_up = named(QDateEdit(), "nextFollowUpEdit")
        self.next_follow_up.setDisplayFormat(DATE_FORMAT)
        self.next_follow_up.setCalendarPopup(True)
        self.next_follow_up.setKeyboardTracking(False)
        self.next_follow_up.setAccessibleName("Næste opfølgning")
        self.no_follow_up = named(QCheckBox("ikke aftalt endnu"), "nextFollowUpNoneCheck")
        self.follow_up_error = plain(named(QLabel(), "nextFollowUpError"))
        set_role(self.follow_up_error, "error")
        self.follow_up_error.setWordWrap(True)
        self.follow_up_error.hide()
        date_row = QHBoxLayout()
        date_row.addWidget(self.next_follow_up)
        date_row.addWidget(self.no_follow_up)
        date_row.addStretch(1)

        self.summary_edit = NoteEdit(self._save_summary)
        self.summary_edit.setObjectName("summaryEdit")
        self.summary_edit.setPlaceholderText(
            "Det vigtigste fra mødet: hvad I blev enige om, og hvad I tager med videre."
        )
        self.finished_check = named(QCheckBox("Screeningen er afsluttet"), "finishedCheck")
        self.export_button = named(QPushButton("Gem handlingsplan som PDF …"), "exportButton")
        self.export_button.setMinimumHeight(48)
        font = self.export_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.export_button.setFont(font)
        self.export_button.setToolTip("Gem planen som PDF, klar til at printe og underskrive")
        self.card_notes_check = named(
            QCheckBox("Tag noterne ved dialogkortene med i PDF'en"), "cardNotesCheck"
        )
        self.card_notes_check.setChecked(card_notes_wanted())
        self.card_notes_check.toggled.connect(set_card_notes_wanted)

        agreements = QGroupBox("Aftaler")
        form = QFormLayout(agreements)
        date_label = QLabel("Næste &opfølgning:")
        date_label.setBuddy(self.next_follow_up)
        form.addRow(date_label, date_row)
        form.addRow("", self.follow_up_error)
        form.addRow("&Resumé / aftaler:", self.summary_edit)
        form.addRow("", self.finished_check)
        right = QVBoxLayout()
        right.addWidget(agreements, 1)
        right.addWidget(self.card_notes_check)
        right.addWidget(self.export_button)
        self.sheet_button = named(QPushButton("Gem handlinger som regneark …"), "sheetButton")
        self.calendar_button = named(QPushButton("Gem kalenderfil …"), "calendarButton")
        self.calendar_button.setToolTip("Deadlines, opfølgninger og næste møde til Outlook")
        others = QHBoxLayout()
        others.addWidget(self.sheet_button)
        others.addWidget(self.calendar_button)
        right.addLayout(others)

        body = QHBoxLayout()
        body.addWidget(overview, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>6. Afslutning</h2>"))
        hint = QLabel("Se resultatet igennem, aftal næste opfølgning, og gem planen som PDF.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(body, 1)

        self.next_follow_up.dateChanged.connect(self._on_date_changed)
        self.no_follow_up.toggled.connect(self._on_no_follow_up)
        self.finished_check.toggled.connect(self._on_finished)
        self.export_button.clicked.connect(self.export)
        self.sheet_button.clicked.connect(self._save_sheet)
        self.calendar_button.clicked.connect(self._save_calendar)
        on_change(self, self._on_change)
        self.refresh()

    # -- showing ----------------------------------------------------------------------
    def _on_change(self, changes: Changes) -> None:
        shown = (Kind.SCREENING, Kind.PARTICIPANTS, Kind.ASSESSMENTS, Kind.PRIORITIES, Kind.ACTIONS)
        if self.store.concerns(changes, *shown):
            self.refresh()

    def refresh(self, *_args: object) -> None:
        data = self.store.data
        self._loading = True
        try:
            follow = data.next_follow_up or data.date + timedelta(days=182)
            self.next_follow_up.setDate(to_qdate(follow))
            self.no_follow_up.setChecked(data.next_follow_up is None)
            self.next_follow_up.setEnabled(data.next_follow_up is not None)
            self.finished_check.setChecked(data.status == FINISHED)
            if not self.summary_edit.hasFocus():  # never overwrite what is being typed
                self.summary_edit.set_saved_text(data.summary)
        finally:
            self._loading = False
        self.summary_label.setText(self.summary_html())

    def summary_html(self) -> str:
        data = self.store.data
        people = ", ".join(f"{escape(p.name)} ({escape(p.role)})" for p in data.participants)
        scores = "".join(
            f"<li>{escape(title)}: {escape(score_label(data.assessment(key).score))}</li>"
            for key, title in PALETTE_THEMES
        )
        chosen = self.store.priorities()
        priorities = (
            "<ol>" + "".join(f"<li>{escape(PALETTE_TITLES[k])}</li>" for k in chosen) + "</ol>"
            if chosen
            else "<p><i>Ingen temaer prioriteret endnu.</i></p>"
        )
        counts = Counter(a.status for a in self.store.actions())
        total = sum(counts.values())
        if total:
            parts = ", ".join(
                f"{escape(status_text(s))}: {counts[s]}" for s in ACTION_STATUSES if counts[s]
            )
            actions = f"<p>{total} {'handling' if total == 1 else 'handlinger'} – {parts}</p>"
        else:
            actions = "<p><i>Ingen handlinger endnu.</i></p>"
        return (
            f"<p><b>{escape(data.unit_name)}</b><br>"
            f"{danish_date(data.date)} · {escape(data.forum)}<br>"
            f"Deltagere: {people or '<i>ingen registreret</i>'}</p>"
            f"<h3>Temaer og score</h3><ul>{scores}</ul>"
            f"<h3>Prioriterede temaer</h3>{priorities}"
            f"<h3>Handlinger</h3>{actions}"
        )

    # -- saving -----------------------------------------------------------------------
    def _save_next_follow_up(self, value: QDate | None) -> None:
        """The service decides whether the date is allowed; its sentence is shown here."""
        self.flush()
        chosen = from_qdate(value) if value is not None else None
        command = SetScreeningFieldCommand(self.store, "next_follow_up", chosen)
        failures: list[str] = []
        self.store.failed.connect(failures.append)
        try:
            stored = push_guarded(self.undo_stack, command, self.store)
        finally:
            self.store.failed.disconnect(failures.append)
        if stored:
            self.follow_up_error.hide()
        else:
            self._show_follow_up_error(" ".join(failures) + " Datoen er ikke gemt.")

    def _show_follow_up_error(self, message: str) -> None:
        self.follow_up_error.setText(f"⚠ Fejl: {message}")
        self.follow_up_error.show()

    def _on_date_changed(self, value: QDate) -> None:
        if self._loading:
            return
        if self.no_follow_up.isChecked():  # choosing a date means there is one
            self._loading = True
            self.no_follow_up.setChecked(False)
            self.next_follow_up.setEnabled(True)
            self._loading = False
        self._save_next_follow_up(value)

    def _on_no_follow_up(self, checked: bool) -> None:
        self.next_follow_up.setEnabled(not checked)
        if not self._loading:
            self._save_next_follow_up(None if checked else self.next_follow_up.date())

    def _on_finished(self, checked: bool) -> None:
        if not self._loading:
            self.flush()
            status = FINISHED if checked else IN_PROGRESS
            command = SetScreeningFieldCommand(self.store, "status", status)
            if not push_guarded(self.undo_stack, command, self.store):
                self.refresh()  # the box shows what is stored

    def _save_summary(self, text: str) -> bool:
        command = SetScreeningFieldCommand(self.store, "summary", text)
        return push_guarded(self.undo_stack, command, self.store)

    def flush(self) -> None:
        """Save the summary still being typed (before leaving the page or exporting)."""
        self.summary_edit.flush()

    def export(self) -> None:
        self.flush()
        export_plan_with_dialog(self, self.store)

    def _save_sheet(self) -> None:
        from norddjurs_desktop.ui.followup.action_export import save_actions_with_dialog

        self.flush()
        save_actions_with_dialog(self, self.store)

    def _save_calendar(self) -> None:
        from norddjurs_desktop.ui.followup.action_export import save_calendar_with_dialog

        self.flush()
        save_calendar_with_dialog(self, self.store)
