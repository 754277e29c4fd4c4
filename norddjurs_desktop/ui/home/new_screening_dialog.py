"""Asking for what a new screening needs: the unit (existing or new), date and forum."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.palette import FORUMS
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.theme import set_role
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons
from norddjurs_desktop.ui.widgets.plain_text import plain

NEW_UNIT = "Ny enhed …"


class NewScreeningDialog(QDialog):
    def __init__(
        self, unit_names: list[str], preselect: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ny selvscreening")
        self.setMinimumWidth(480)  # room for a unit's full name
        self.unit_combo = named(QComboBox(), "unitCombo")
        self.unit_combo.addItems([*unit_names, NEW_UNIT])
        if preselect in unit_names:
            self.unit_combo.setCurrentText(preselect)
        elif not unit_names:
            self.unit_combo.setCurrentText(NEW_UNIT)
        self.name_edit = named(QLineEdit(), "unitNameEdit")
        self.name_edit.setPlaceholderText("fx Børnehuset Solsikken")
        self.date_edit = named(QDateEdit(QDate.currentDate()), "dateEdit")
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        self.forum_combo = named(QComboBox(), "forumCombo")
        self.forum_combo.addItems(list(FORUMS))
        self.error = plain(named(QLabel(), "errorLabel"))
        set_role(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        form.addRow("&Enhed:", self.unit_combo)
        form.addRow("&Navn på ny enhed:", self.name_edit)
        form.addRow("&Dato:", self.date_edit)
        form.addRow("&Forum:", self.forum_combo)
        buttons = ok_cancel_buttons(self, "Start screening")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.unit_combo.currentTextChanged.connect(self._update_name_field)
        self._update_name_field()

    def _update_name_field(self) -> None:
        self.name_edit.setEnabled(self.unit_combo.currentText() == NEW_UNIT)
        if self.name_edit.isEnabled():
            self.name_edit.setFocus()

    def is_new_unit(self) -> bool:
        return self.unit_combo.currentText() == NEW_UNIT

    def unit_name(self) -> str:
        return (
            self.name_edit.text().strip() if self.is_new_unit() else self.unit_combo.currentText()
        )

    def screening_date(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[return-value]

    def forum(self) -> str:
        return self.forum_combo.currentText()

    def accept(self) -> None:
        if not self.unit_name():
            self.show_error("⚠ Skriv navnet på den nye enhed.")
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
