"""Before the round: which themes, and who votes (the participants, plus anyone added)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.domain.palette import ROLES
from norddjurs_desktop.domain.rounds import ANONYMITY_LABELS
from norddjurs_desktop.services.dto import ParticipantData
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.theme import set_role
from norddjurs_desktop.ui.widgets.plain_text import plain

_MODE_NOTES = {
    "navne": "Navnene vises ved siden af prikkerne, når runden vises.",
    "facilitator": "Kun facilitatoren kan se navnene; den fælles visning er uden navne.",
    "anonym": "Runden er anonym: navnene gemmes ikke, og ingen kan se, hvem der gav hvad.",
}


@dataclass(frozen=True)
class Voter:
    name: str
    role: str


class RoundSetup(QWidget):
    """Emits ``started(theme_keys, voters)`` when the facilitator starts the round."""

    started = Signal(list, list)

    def __init__(
        self,
        deck: Deck,
        participants: tuple[ParticipantData, ...],
        theme_keys: list[str],
        mode: str,
        held: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.held = held
        self.theme_boxes: dict[str, QCheckBox] = {}
        themes = QGridLayout()
        for index, theme in enumerate(deck.themes):
            box = named(QCheckBox(theme.title), f"roundTheme_{theme.key}")
            box.setChecked(theme.key in theme_keys)
            box.toggled.connect(lambda _on: self._update())
            self.theme_boxes[theme.key] = box
            themes.addWidget(box, index // 2, index % 2)
        every = named(QPushButton("Alle otte"), "roundAllThemes")
        every.clicked.connect(lambda: self._check_all(True))
        none = QPushButton("Ingen")
        none.clicked.connect(lambda: self._check_all(False))
        themes.addWidget(every, 4, 0)
        themes.addWidget(none, 4, 1)
        themes.setRowStretch(5, 1)
        theme_box = QGroupBox("Temaer i runden")
        theme_box.setLayout(themes)

        self.voters = named(QListWidget(), "roundVoterList")
        for p in participants:
            self._add_item(p.name, p.role)
        self.extra_name = named(QLineEdit(), "roundExtraName")
        self.extra_name.setPlaceholderText("Navn på en, der ikke er på listen")
        self.extra_role = named(QComboBox(), "roundExtraRole")
        self.extra_role.addItems(list(ROLES))
        add = named(QPushButton("Tilføj"), "roundAddVoter")
        add.clicked.connect(self._add_extra)
        self.extra_name.returnPressed.connect(self._add_extra)
        adder = QHBoxLayout()
        adder.addWidget(self.extra_name, 2)
        adder.addWidget(self.extra_role, 1)
        adder.addWidget(add)
        voter_layout = QVBoxLayout()
        voter_layout.addWidget(QLabel("Sæt flueben ved dem, der giver en score, i den rækkefølge:"))
        voter_layout.addWidget(self.voters, 1)
        voter_layout.addLayout(adder)
        voter_box = QGroupBox("Hvem scorer?")
        voter_box.setLayout(voter_layout)

        intro = QLabel(
            "<h2>Skjult runde</h2>Hver deltager scorer først for sig selv på computeren; "
            "ingen ser de andres svar, før alle har svaret. Så viser I spredningen og "
            f"bliver enige om en fælles score.<br><b>{ANONYMITY_LABELS[mode]}:</b> "
            f"{_MODE_NOTES[mode]}"
        )
        intro.setWordWrap(True)
        self.warning = plain(named(QLabel(), "roundReplaceWarning"))
        self.warning.setWordWrap(True)
        set_role(self.warning, "error")
        self.start_button = named(QPushButton("Start runden"), "roundStartButton")
        self.start_button.setMinimumHeight(44)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        columns = QHBoxLayout()
        columns.addWidget(theme_box, 1)
        columns.addWidget(voter_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.start_button)
        self.voters.itemChanged.connect(lambda _item: self._update())
        self._update()

    def _add_item(self, name: str, role: str) -> None:
        item = QListWidgetItem(f"{name} ({role})")
        item.setData(Qt.ItemDataRole.UserRole, (name, role))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.voters.addItem(item)

    def _add_extra(self) -> None:
        name = " ".join(self.extra_name.text().split())
        if name:
            self._add_item(name, self.extra_role.currentText())
            self.extra_name.clear()

    def _check_all(self, on: bool) -> None:
        for box in self.theme_boxes.values():
            box.setChecked(on)

    def chosen_themes(self) -> list[str]:
        return [key for key, box in self.theme_boxes.items() if box.isChecked()]

    def chosen_voters(self) -> list[Voter]:
        found = []
        for row in range(self.voters.count()):
            item = self.voters.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                name, role = item.data(Qt.ItemDataRole.UserRole)
                found.append(Voter(name, role))
        return found

    def _update(self) -> None:
        themes, voters = self.chosen_themes(), self.chosen_voters()
        self.start_button.setEnabled(bool(themes) and bool(voters))
        replaced = [
            box.text()
            for key, box in self.theme_boxes.items()
            if box.isChecked() and key in self.held
        ]
        self.warning.setText(
            "En ny runde erstatter de tidligere stemmer for: " + ", ".join(replaced) + "."
            if replaced
            else ("" if themes and voters else "Vælg mindst ét tema og én deltager.")
        )

    def _start(self) -> None:
        if self.start_button.isEnabled():
            self.started.emit(self.chosen_themes(), self.chosen_voters())
