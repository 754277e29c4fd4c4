"""Kontaktmodel: HR chooses the contact model every plan, poster and figure uses.

The choice is stored in the database file (see :mod:`norddjurs_desktop.services.contact`),
so everyone who opens the same file works with the same days. Own contact days
are typed as a list ("1,4,12"); a list that cannot be used is refused with a
Danish message in the dialog and nothing is stored.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.contact_model import OWN_DAYS_KEY, ContactModelError, parse_days
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.errors import ServiceError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import change_hub
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons


class ContactModelDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from norddjurs_desktop.services.contact import get_model_choice, load_models

        self.setObjectName("contactModelDialog")
        self.setWindowTitle("Kontaktmodel")
        self.db = db
        self.models = load_models()
        choice = get_model_choice(db)
        intro = QLabel(
            "Vælg hvilke dage lederen kontakter en sygemeldt medarbejder. Valget gælder for "
            "alle, der bruger denne databasefil: kontaktplanen, plakaten og "
            "„Kontaktmodellen i tal“."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, model in self.models.items():
            button = named(QRadioButton(model.title), f"model_{key}")
            detail = QLabel(model.description)
            detail.setWordWrap(True)
            detail.setContentsMargins(24, 0, 0, 6)
            detail.setStyleSheet("color: palette(placeholder-text);")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            layout.addWidget(detail)
        own = named(QRadioButton("Egne kontaktdage:"), "model_own")
        self.group.addButton(own)
        self.buttons[OWN_DAYS_KEY] = own
        self.days_edit = named(QLineEdit(), "ownDaysEdit")
        self.days_edit.setPlaceholderText("fx 1,4,12")
        self.days_edit.setMaximumWidth(160)
        self.days_edit.textEdited.connect(lambda _t: own.setChecked(True))
        row = QHBoxLayout()
        row.addWidget(own)
        row.addWidget(self.days_edit)
        row.addStretch(1)
        layout.addLayout(row)
        own_hint = QLabel(
            "Skriv dagene adskilt af komma. Påmindelserne følger jeres dage; adviserne om "
            "fastholdelsesplan (28 dage) og efter 2, 3 … 12 måneder er de samme."
        )
        own_hint.setWordWrap(True)
        own_hint.setContentsMargins(24, 0, 0, 6)
        own_hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(own_hint)
        self.error = named(QLabel(), "modelError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self, "Gem"))
        self.buttons.get(choice.key, self.buttons["1-3-10"]).setChecked(True)
        if choice.days:
            self.days_edit.setText(",".join(str(d) for d in choice.days))
        self.setMinimumWidth(520)

    def chosen_key(self) -> str:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return "1-3-10"

    def accept(self) -> None:
        from norddjurs_desktop.services.contact import set_model_choice

        key = self.chosen_key()
        try:
            days = parse_days(self.days_edit.text()) if key == OWN_DAYS_KEY else ()
            changed = set_model_choice(self.db, key, days)
        except (ContactModelError, ServiceError) as error:
            self.error.setText(f"⚠ {error}")
            return
        super().accept()
        change_hub().announce(changed.changes)
