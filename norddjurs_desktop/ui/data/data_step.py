"""Step 3 of a screening, Data: hosts the data view, built the first time the step is shown.

Building it lazily keeps opening a screening fast: the view (and matplotlib
behind it) is only loaded when the group actually turns to its figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from norddjurs_desktop.services.bootstrap import Database

if TYPE_CHECKING:
    from norddjurs_desktop.ui.data.data_view import CreateAction, DataView

HELP_TEXT = (
    "Se enhedens egne fraværstal: udviklingen mod ambitionen på 5 %, hvornår og hvor længe "
    "der er fravær, og hvor. Når I ser noget, I vil gøre noget ved, så tryk på "
    "„Opret handling ud fra dette“ under diagrammet – tallet følger med handlingen."
)


class DataStep(QWidget):
    def __init__(
        self,
        db: Database,
        unit_id: int,
        on_create_action: CreateAction | None,
        heading: str = "3. Data",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dataStep")
        self.db, self.unit_id, self.on_create_action = db, unit_id, on_create_action
        self.view: DataView | None = None
        help_text = QLabel(HELP_TEXT)
        help_text.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(QLabel(f"<h2>{heading}</h2>"))
        self._layout.addWidget(help_text)

    def ensure_view(self) -> DataView:
        if self.view is None:
            from norddjurs_desktop.ui.data.data_view import DataView

            self.view = DataView(self.db, self.unit_id, self.on_create_action, self)
            self._layout.addWidget(self.view, 1)
        return self.view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_view()
