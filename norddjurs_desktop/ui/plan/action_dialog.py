"""The form for one action of the plan, checked before it closes.

The dialog repeats the service's rules so that a mistake is shown next to the
fields, while the group is still looking at them; the service checks again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.action_rules import action_problem
from norddjurs_desktop.domain.palette import PALETTE_THEMES
from norddjurs_desktop.domain.plan import ACTION_STATUSES
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.ui.common.theme import set_role
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons
from norddjurs_desktop.ui.widgets.plain_text import plain

DATE_FORMAT = "dd-MM-yyyy"
NO_THEME = "(intet tema)"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date field with an 'ingen dato' box; choosing a date unticks the box."""

    def __init__(self, default: date, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.edit = QDateEdit(self)
        self.edit.setObjectName(name)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setCalendarPopup(True)
        self.edit.setDate(to_qdate(default))
        self.none_check = QCheckBox("ingen dato", self)
        self.none_check.setObjectName(name.replace("Edit", "NoneCheck"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.none_check)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit.dateChanged.connect(self._on_date_changed)
        self.none_check.toggled.connect(self._on_none_toggled)
        self.set_value(None)

    def value(self) -> date | None:
        return None if self.none_check.isChecked() else from_qdate(self.edit.date())

    def set_value(self, value: date | None) -> None:
        self._loading = True
        try:
            if value is not None:
                self.edit.setDate(to_qdate(value))
            self.none_check.setChecked(value is None)
            self.edit.setEnabled(value is not None)
        finally:
            self._loading = False

    def _on_date_changed(self, _date: QDate) -> None:
        if not self._loading:
            self.none_check.setChecked(False)

    def _on_none_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(not checked)
        if not checked and not self._loading:
            self.edit.setFocus()


class ActionDialog(QDialog):
    """New or edited action. ``action_data()`` gives the result after it is accepted."""

    def __init__(
        self,
        screening_date: date,
        action: ActionData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._screening_date = screening_date
        self._original = action
        editing = action is not None and action.id is not None
        self.setWindowTitle("Ret handling" if editing else "Ny handling")
        self.setMinimumWidth(560)

        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.addItem(NO_THEME, "")
        for key, title in PALETTE_THEMES:
            self.theme_combo.addItem(title, key)
        self.problem_edit = self._text_edit("problemEdit", "Hvad har I set? Fx et tal fra data")
        self.action_edit = self._text_edit("actionEdit", "Hvad gør I konkret?")
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setObjectName("ownerEdit")
        self.owner_edit.setPlaceholderText("Navn eller rolle, fx AMR")
        self.deadline = OptionalDateEdit(screening_date + timedelta(days=30), "deadlineEdit", self)
        self.follow_up = OptionalDateEdit(screening_date + timedelta(days=90), "followUpEdit", self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        for status in ACTION_STATUSES:
            self.status_combo.addItem(status[:1].upper() + status[1:], status)
        self.success_edit = self._text_edit(
            "successEdit", "Hvad kan I se eller måle, når det virker?"
        )
        self.reference_label = plain(QLabel(self))
        self.reference_label.setObjectName("referenceLabel")
        self.reference_label.setWordWrap(True)
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.reference_label.setToolTip("Hentet fra datavisningen; følger med handlingen")
        self.reference_label.setStyleSheet(
            "QLabel { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 3px; padding: 4px; }"
        )
        self.error_label = plain(QLabel(self))
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")  # the danger colour of the light or dark look
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Tema:", self.theme_combo)
        form.addRow("&Problem (hvorfor):", self.problem_edit)
        form.addRow("&Handling (hvad) *:", self.action_edit)
        form.addRow("&Ansvarlig:", self.owner_edit)
        form.addRow("&Deadline:", self.deadline)
        form.addRow("&Opfølgning:", self.follow_up)
        form.addRow("&Status:", self.status_combo)
        success_label = QLabel("Hvordan ser vi, at\ndet er &lykkedes?")
        success_label.setBuddy(self.success_edit)
        form.addRow(success_label, self.success_edit)
        form.addRow("Baggrund i data:", self.reference_label)
        self._reference_row = form.rowCount() - 1
        self._form = form

        self.buttons = buttons = ok_cancel_buttons(self, "Gem")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._load(action)
        self.action_edit.setFocus()
        self.adjustSize()

    def _text_edit(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # Tab moves on, as in the other fields
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        return edit

    def _load(self, action: ActionData | None) -> None:
        if action is None:
            self._form.setRowVisible(self._reference_row, False)
            return
        index = self.theme_combo.findData(action.theme_key)
        self.theme_combo.setCurrentIndex(max(index, 0))
        self.problem_edit.setPlainText(action.problem)
        self.action_edit.setPlainText(action.action)
        self.owner_edit.setText(action.owner)
        self.deadline.set_value(action.deadline)
        self.follow_up.set_value(action.follow_up)
        status = self.status_combo.findData(action.status)
        self.status_combo.setCurrentIndex(max(status, 0))
        self.success_edit.setPlainText(action.success)
        reference = action.data_reference
        self.reference_label.setText(reference.as_text() if reference else "")
        self._form.setRowVisible(self._reference_row, reference is not None)

    # -- result -----------------------------------------------------------------------
    def action_data(self) -> ActionData:
        """The form as an action; an edited action keeps its id, position and data reference."""
        base = self._original or ActionData(
            id=None,
            theme_key="",
            problem="",
            action="",
            owner="",
            deadline=None,
            follow_up=None,
            status=ACTION_STATUSES[0],
            success="",
        )
        return replace(
            base,
            theme_key=str(self.theme_combo.currentData() or ""),
            problem=self.problem_edit.toPlainText().strip(),
            action=self.action_edit.toPlainText().strip(),
            owner=self.owner_edit.text().strip(),
            deadline=self.deadline.value(),
            follow_up=self.follow_up.value(),
            status=str(self.status_combo.currentData()),
            success=self.success_edit.toPlainText().strip(),
        )

    def validation_error(self) -> tuple[str, QWidget] | None:
        """The first problem with the form (message, field to fix), or None.

        The same rule the service applies (``domain.action_rules``), asked here
        first so the cursor can go to the field to fix.
        """
        data = self.action_data()
        problem = action_problem(
            action=data.action,
            theme_key=data.theme_key,
            status=data.status,
            deadline=data.deadline,
            follow_up=data.follow_up,
            screening_date=self._screening_date,
        )
        if problem is None:
            return None
        fields: dict[str, QWidget] = {
            "deadline": self.deadline.edit,
            "follow_up": self.follow_up.edit,
            "theme": self.theme_combo,
            "status": self.status_combo,
        }
        return problem.message, fields.get(problem.field, self.action_edit)

    def show_error(self, message: str) -> None:
        self.error_label.setText(f"⚠ Fejl: {message}")
        self.error_label.setAccessibleName(message)
        self.error_label.show()
        self.adjustSize()  # grow to fit the message instead of squeezing the form

    def accept(self) -> None:
        problem = self.validation_error()
        if problem is not None:
            message, field = problem
            self.show_error(message)
            field.setFocus()
            return
        self.error_label.hide()
        super().accept()
