"""The home view: a welcome for an empty database, otherwise units and their screenings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.services.overview import list_units
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import change_hub, on_change
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.common.theme import set_primary
from norddjurs_desktop.ui.home.card_delegate import FACE_ROLE, CardFace, card_list, screening_face
from norddjurs_desktop.ui.home.due_panel import DuePanel, show_action
from norddjurs_desktop.ui.home.new_screening_dialog import NewScreeningDialog
from norddjurs_desktop.ui.home.unit_panel import UnitPanel
from norddjurs_desktop.ui.widgets.plain_text import plain_message

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import Database

_UNIT_ROLE = Qt.ItemDataRole.UserRole
_SCREENING_ROLE = Qt.ItemDataRole.UserRole + 1


# What the overview shows: a change of any of these means reading it again.
_SHOWN = (Kind.UNITS, Kind.SCREENINGS, Kind.SCREENING, Kind.ACTIONS)


class WelcomeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<h1>Velkommen til Fremmødepaletten</h1>")
        intro = QLabel(
            "Her kan jeres TRIO eller MED-udvalg gennemføre en selvscreening af fremmødet: "
            "tal om de otte temaer med dialogkortene, giv hvert tema en score, vælg hvad I vil "
            "arbejde med, og gå fra mødet med en handlingsplan, I kan skrive under på."
        )
        saved = QLabel("Alt gemmes med det samme på denne computer – der er ingen Gem-knap.")
        for label in (intro, saved):
            label.setWordWrap(True)
            label.setFixedWidth(620)  # a wrapped label needs a width to know its height
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
            # QStackedWidget does not pass height-for-width on, so reserve the height here.
            label.setMinimumHeight(label.heightForWidth(620))
        self.new_button = named(QPushButton("Ny selvscreening"), "welcomeNewButton")
        self.demo_button = named(QPushButton("Åbn eksempel"), "welcomeDemoButton")
        self.guide_button = named(QPushButton("Sådan holder I mødet"), "welcomeGuideButton")
        self.guide_button.clicked.connect(self._open_guide)
        set_primary(self.new_button)
        for button in (self.new_button, self.demo_button, self.guide_button):
            button.setMinimumHeight(44)
            button.setMinimumWidth(200)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.guide_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(intro, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(saved, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addStretch()

    def _open_guide(self) -> None:
        from norddjurs_desktop.ui.shell.help_guide import help_dialog

        help_dialog(self).show_guide()


class HomePage(QWidget):
    openScreening = Signal(int)
    message = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dialog: QDialog | None = None
        self.welcome = WelcomeView()
        self.welcome.new_button.clicked.connect(self.start_new_screening)
        self.welcome.demo_button.clicked.connect(self.open_demo)

        self.tree = named(QTreeWidget(), "unitTree")
        self.tree.setHeaderLabels(["Enhed / dato", "Forum", "Status", "Handlinger"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        card_list(self.tree, "Enheder og screeninger")
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._update_buttons)

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("open", "Åbn screening", self._open_selected),
            ("new", "Ny screening …", self._new_for_selected),
            ("follow_up", "Ny opfølgning", self._new_follow_up),
            ("development", "Udvikling …", self.show_development),
            ("new_unit", "Ny enhed …", self._new_unit),
            ("rename", "Omdøb enhed …", self._rename_unit),
            ("delete", "Slet …", self._delete_selected),
            ("data", "Fraværsdata …", self.open_data_view),
        ):
            button = named(QPushButton(text), f"{key}Button")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch()
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(QLabel("<h2>Enheder og screeninger</h2>"))
        overview_layout.addLayout(bar)
        self.due = DuePanel(db)
        self.due.openItem.connect(self._open_due)
        self.unit_panel = UnitPanel(db)
        left = QVBoxLayout()
        left.addWidget(self.tree, 1)
        left.addWidget(self.unit_panel)
        lists = QHBoxLayout()
        lists.addLayout(left, 1)
        lists.addWidget(self.due, 1)
        overview_layout.addLayout(lists)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._stale = False
        self.refresh()
        on_change(self, self._on_change)

    # -- view -------------------------------------------------------------------
    def _on_change(self, changes: Changes) -> None:
        """Any change the overview shows: units, screenings, their status and actions.

        While a meeting is open the home is hidden, and a summary being typed saves
        every few seconds: the overview is then read again once, when it is shown.
        """
        if not changes.touches(*_SHOWN):
            return
        if self.isVisible():
            _, selected = self._selected()
            self.refresh(select_screening=selected)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self._stale = False
            _, selected = self._selected()
            self.refresh(select_screening=selected)
        super().showEvent(event)

    def refresh(self, select_screening: int | None = None) -> None:
        overview = list_units(self.db)
        self.tree.clear()
        for unit in overview:
            unit_item = QTreeWidgetItem([unit.name, "", "", ""])
            unit_item.setData(0, _UNIT_ROLE, unit.id)
            font = unit_item.font(0)
            font.setBold(True)
            unit_item.setFont(0, font)
            count = len(unit.screenings)
            unit_item.setData(0, FACE_ROLE, CardFace(
                unit.name,
                chip=f"{count} screening{'er' if count != 1 else ''}" if count else "ingen endnu",
                chip_tone="quiet",
                header=True,
            ))
            self.tree.addTopLevelItem(unit_item)
            unit_item.setFirstColumnSpanned(True)
            for s in unit.screenings:
                item = QTreeWidgetItem(
                    [danish_date(s.date), s.forum, s.status, str(s.action_count)]
                )
                item.setData(0, _UNIT_ROLE, unit.id)
                item.setData(0, _SCREENING_ROLE, s.id)
                item.setData(0, FACE_ROLE, screening_face(s))
                unit_item.addChild(item)
                item.setFirstColumnSpanned(True)
                if s.id == select_screening:
                    self.tree.setCurrentItem(item)
            unit_item.setExpanded(True)
        if self.tree.currentItem() is None:  # Enter opens the newest screening right away
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first.child(0) or first)
        self.pages.setCurrentIndex(0 if not overview else 1)
        if overview:
            self.due.refresh()
        self._update_buttons()

    def take_focus(self) -> None:
        """Keyboard first: Enter opens the selected screening, or starts a new one."""
        if self.pages.currentIndex() == 1:
            self.tree.setFocus()
        else:
            self.welcome.new_button.setFocus()

    def _selected(self) -> tuple[int | None, int | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        return item.data(0, _UNIT_ROLE), item.data(0, _SCREENING_ROLE)

    def _update_buttons(self) -> None:
        unit_id, screening_id = self._selected()
        self.buttons["open"].setEnabled(screening_id is not None)
        self.buttons["rename"].setEnabled(unit_id is not None)
        self.buttons["delete"].setEnabled(unit_id is not None)
        self.buttons["data"].setEnabled(unit_id is not None)
        self.buttons["follow_up"].setEnabled(unit_id is not None)
        self.buttons["development"].setEnabled(unit_id is not None)
        self.unit_panel.show_unit(unit_id)

    def _activated(self, item: QTreeWidgetItem) -> None:
        screening_id = item.data(0, _SCREENING_ROLE)
        if screening_id is not None:
            self.openScreening.emit(screening_id)

    def _open_selected(self) -> None:
        _, screening_id = self._selected()
        if screening_id is not None:
            self.openScreening.emit(screening_id)

    def _error(self, error: Exception) -> None:
        QMessageBox.warning(self, "Fremmødepaletten", plain_message(str(error)))

    # -- use cases ----------------------------------------------------------------
    def _open_due(self, screening_id: int, action_id: int) -> None:
        """Open the screening of a due item, at its action when it is one."""
        self.openScreening.emit(screening_id)
        show_action(self.window(), screening_id, action_id)

    def show_development(self) -> QDialog | None:
        """The selected unit's scores across its screenings (table and chart)."""
        from norddjurs_desktop.ui.followup.development_dialog import DevelopmentDialog

        unit_id, _ = self._selected()
        if unit_id is None:
            return None
        name = next((u.name for u in list_units(self.db) if u.id == unit_id), "")
        dialog = DevelopmentDialog(self.db, unit_id, name, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _new_follow_up(self) -> None:
        """A follow-up of the selected unit's latest screening, dated today, opened at once."""
        from datetime import date

        from norddjurs_desktop.services.followup import start_follow_up

        unit_id, _ = self._selected()
        if unit_id is None:
            return
        try:
            screening_id = start_follow_up(self.db, unit_id, on=date.today())
        except UserFacingError as error:
            self._error(error)
            return
        change_hub().announce(screening_id.changes)
        self.refresh(select_screening=screening_id)
        self.openScreening.emit(screening_id)

    def make_new_screening_dialog(self) -> NewScreeningDialog:
        names = [u.name for u in list_units(self.db)]
        unit_id, _ = self._selected()
        current = next((u.name for u in list_units(self.db) if u.id == unit_id), None)
        return NewScreeningDialog(names, current, self)

    def start_new_screening(self) -> None:
        dialog = self.make_new_screening_dialog()
        while dialog.exec() == NewScreeningDialog.DialogCode.Accepted:
            if self.create_from_dialog(dialog):
                return

    def create_from_dialog(self, dialog: NewScreeningDialog) -> bool:
        """Create the unit (if new) and the screening; on a refused name keep the dialog."""
        from norddjurs_desktop.services import screenings, units  # loads SQLAlchemy

        changes = Changes()
        unit_id: int
        try:
            if dialog.is_new_unit():
                new_unit = units.create_unit(self.db, dialog.unit_name())
                unit_id, changes = new_unit, new_unit.changes
            else:
                found = units.find_unit(self.db, dialog.unit_name())
                assert found is not None
                unit_id = found
            screening_id = screenings.create_screening(
                self.db, unit_id, on=dialog.screening_date(), forum=dialog.forum()
            )
        except UserFacingError as error:
            dialog.show_error(f"⚠ {error}")
            return False
        change_hub().announce(changes | screening_id.changes)
        self.refresh(select_screening=screening_id)
        self.openScreening.emit(screening_id)
        return True

    def open_demo(self) -> None:
        from norddjurs_desktop.services import units  # loads SQLAlchemy
        from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo

        existing = units.find_unit(self.db, DEMO_UNIT)
        if existing is not None:
            overview = next(u for u in list_units(self.db) if u.id == existing)
            if overview.screenings:
                self.openScreening.emit(overview.screenings[0].id)
                return
        screening_id = create_demo(self.db)
        change_hub().announce(screening_id.changes)
        self.refresh(select_screening=screening_id)
        self.message.emit("Eksemplet er oprettet. Alt i det er opdigtet.")
        self.openScreening.emit(screening_id)

    def open_data_view(self) -> QDialog | None:
        """The selected unit's data view in a window of its own (non-modal).

        Without an open screening there is no action plan to add to, so the
        charts' "Opret handling" buttons are replaced by a hint.
        """
        unit_id, _ = self._selected()
        if unit_id is None:
            return None
        from norddjurs_desktop.ui.data.data_view import DataView

        item = self.tree.currentItem()
        unit_item = item.parent() or item if item is not None else None
        name = unit_item.text(0) if unit_item is not None else ""
        dialog = QDialog(self)
        dialog.setObjectName("dataDialog")
        dialog.setWindowTitle(f"Fraværsdata – {name}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(dialog)
        layout.addWidget(DataView(self.db, unit_id, None, dialog))
        fit_to_screen(dialog, 1200, 820)
        dialog.show()
        self.data_dialog = dialog
        return dialog

    def _select_unit(self, unit_id: int) -> None:
        """Make a unit the current row (a new unit is where the user goes next)."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, _UNIT_ROLE) == unit_id:
                self.tree.setCurrentItem(item)
                return

    def _new_for_selected(self) -> None:
        self.start_new_screening()

    def _new_unit(self) -> None:
        from norddjurs_desktop.services import units  # loads SQLAlchemy

        name, ok = QInputDialog.getText(self, "Ny enhed", "Enhedens navn:")
        if not ok:
            return
        try:
            unit_id = units.create_unit(self.db, name)
        except UserFacingError as error:
            self._error(error)
            return
        change_hub().announce(unit_id.changes)
        self._select_unit(unit_id)

    def _rename_unit(self) -> None:
        from norddjurs_desktop.services import units  # loads SQLAlchemy

        unit_id, _ = self._selected()
        if unit_id is None:
            return
        old = next(u.name for u in list_units(self.db) if u.id == unit_id)
        name, ok = QInputDialog.getText(self, "Omdøb enhed", "Nyt navn:", text=old)
        if not ok:
            return
        try:
            changes = units.rename_unit(self.db, unit_id, name)
        except UserFacingError as error:
            self._error(error)
            return
        change_hub().announce(changes)

    def _delete_selected(self) -> None:
        from norddjurs_desktop.services import screenings, units  # loads SQLAlchemy

        unit_id, screening_id = self._selected()
        if unit_id is None:
            return
        item = self.tree.currentItem()
        if item is None:
            return
        if screening_id is not None:
            question = (
                f"Slet screeningen fra {item.text(0)} med dens noter og handlinger?\n\n"
                "Det kan ikke fortrydes."
            )
        else:
            question = (
                f"Slet enheden '{item.text(0)}' med alle dens screeninger og handlinger?\n\n"
                "Det kan ikke fortrydes."
            )
        answer = QMessageBox.question(
            self,
            "Slet",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            if screening_id is not None:
                changes = screenings.delete_screening(self.db, screening_id)
            else:
                changes = units.delete_unit(self.db, unit_id)
        except UserFacingError as error:
            self._error(error)
            return
        change_hub().announce(changes)
