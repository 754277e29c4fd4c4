"""Step 1, Forberedelse: date, forum, purpose and who takes part, with their roles.

Every edit is an undo command pushed through :func:`push_guarded`, so each one is
stored or said aloud as not stored, and Ctrl+Z takes it back.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.palette import FORUMS, ROLES
from norddjurs_desktop.domain.rounds import ANONYMITY_LABELS, ANONYMITY_MODES
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_guard import push_guarded
from norddjurs_desktop.ui.screening.undo_preparation import (
    AddParticipantCommand,
    FieldValue,
    RemoveParticipantCommand,
    SetScreeningFieldCommand,
)
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit
from norddjurs_desktop.ui.widgets.plain_text import plain_message


class PreparationStep(QWidget):
    def __init__(
        self, store: ScreeningStore, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.date_edit = named(QDateEdit(), "screeningDateEdit")
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        self.forum_combo = named(QComboBox(), "forumCombo")
        self.forum_combo.addItems(list(FORUMS))
        self.purpose = NoteEdit(lambda text: self._save("purpose", text))
        self.purpose.setObjectName("purposeEdit")
        self.purpose.setPlaceholderText("Hvorfor mødes I, og hvad vil I gerne gå fra mødet med?")
        self.purpose.setMaximumHeight(90)
        # who may see names in the hidden scoring round; "Anonym" is final
        self.rounds = store.rounds
        self.anonymity_combo = named(QComboBox(), "anonymityCombo")
        for mode in ANONYMITY_MODES:
            self.anonymity_combo.addItem(ANONYMITY_LABELS[mode], mode)
        self.anonymity_combo.activated.connect(self._anonymity_chosen)

        self.participants = named(QListWidget(), "participantList")
        self.name_edit = named(QLineEdit(), "participantNameEdit")
        self.name_edit.setPlaceholderText("Navn eller initialer")
        self.role_combo = named(QComboBox(), "participantRoleCombo")
        self.role_combo.addItems(list(ROLES))
        add = named(QPushButton("Tilføj deltager"), "addParticipantButton")
        remove = named(QPushButton("Fjern valgte"), "removeParticipantButton")
        add.clicked.connect(self.add_participant)
        self.name_edit.returnPressed.connect(self.add_participant)
        remove.clicked.connect(self.remove_selected)
        adder = QHBoxLayout()
        adder.addWidget(self.name_edit, 2)
        adder.addWidget(self.role_combo, 1)
        adder.addWidget(add)
        adder.addWidget(remove)

        form = QFormLayout()
        form.addRow("&Dato:", self.date_edit)
        form.addRow("&Forum:", self.forum_combo)
        form.addRow("&Formål:", self.purpose)
        form.addRow("&Navne i skjult runde:", self.anonymity_combo)
        # Two cards side by side: the meeting, and who takes part.
        meeting = QGroupBox("Mødet")
        meeting_layout = QVBoxLayout(meeting)
        meeting_layout.addLayout(form)
        meeting_layout.addStretch(1)  # the fields stay together at the top of the card
        people = QGroupBox("Deltagere")
        people_layout = QVBoxLayout(people)
        hint = QLabel("En TRIO er leder, TR og AMR; i MED-udvalget er I flere.")
        hint.setWordWrap(True)
        people_layout.addWidget(hint)
        people_layout.addLayout(adder)
        people_layout.addWidget(self.participants, 1)
        cards = QHBoxLayout()
        cards.addWidget(meeting, 1)
        cards.addWidget(people, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>1. Forberedelse</h2>"))
        layout.addLayout(cards, 1)
        self.refresh()
        self.date_edit.dateChanged.connect(self._date_changed)
        self.forum_combo.currentTextChanged.connect(lambda forum: self._save("forum", forum))
        on_change(self, self._on_change)

    def _on_change(self, changes: Changes) -> None:
        if self.store.concerns(changes, Kind.SCREENING, Kind.PARTICIPANTS):
            self.refresh()
        elif self.store.concerns(changes, Kind.ROUNDS):
            self._show_anonymity()

    def refresh(self) -> None:
        data = self.store.data
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(data.date.year, data.date.month, data.date.day))
        self.date_edit.blockSignals(False)
        self.forum_combo.blockSignals(True)
        self.forum_combo.setCurrentText(data.forum)
        self.forum_combo.blockSignals(False)
        self.purpose.set_saved_text(data.purpose)
        self._show_anonymity()
        self.participants.clear()
        for p in data.participants:
            item = QListWidgetItem(f"{p.name} ({p.role})")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.participants.addItem(item)

    def _save(self, field: str, value: FieldValue) -> bool:
        command = SetScreeningFieldCommand(self.store, field, value)
        if push_guarded(self.undo_stack, command, self.store):
            return True
        if field != "purpose":  # a text field keeps the typed text; a date or choice goes back
            self.refresh()
        return False

    def _show_anonymity(self) -> None:
        mode = self.rounds.anonymity()
        self.anonymity_combo.setCurrentIndex(self.anonymity_combo.findData(mode))
        locked = mode == "anonym"
        self.anonymity_combo.setEnabled(not locked)
        self.anonymity_combo.setToolTip(
            "Runden er anonym; det kan ikke fortrydes." if locked
            else "Hvem må se, hvem der gav hvilken score i den skjulte runde."
        )

    def _anonymity_chosen(self, index: int) -> None:
        mode = self.anonymity_combo.itemData(index)
        if mode == self.rounds.anonymity():
            return
        if mode == "anonym":
            answer = QMessageBox.question(
                self,
                "Anonym runde",
                "Når runden er anonym, gemmes ingen navne ved scorerne – heller ikke dem, der "
                "allerede er givet. Det kan ikke fortrydes. Vil I gøre runden anonym?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._show_anonymity()
                return
        try:
            self.rounds.set_anonymity(mode)
        except UserFacingError as error:
            QMessageBox.warning(self, "Skjult runde", plain_message(str(error)))
        self._show_anonymity()

    def _date_changed(self, value: QDate) -> None:
        chosen = value.toPython()
        assert isinstance(chosen, date)
        self._save("on", chosen)

    def add_participant(self) -> None:
        command = AddParticipantCommand(
            self.store, self.name_edit.text(), self.role_combo.currentText()
        )
        if not push_guarded(self.undo_stack, command, self.store):
            return
        self.name_edit.clear()
        self.name_edit.setFocus()

    def remove_selected(self) -> None:
        item = self.participants.currentItem()
        if item is not None:
            command = RemoveParticipantCommand(self.store, item.data(Qt.ItemDataRole.UserRole))
            push_guarded(self.undo_stack, command, self.store)

    def flush(self) -> None:
        self.purpose.flush()
