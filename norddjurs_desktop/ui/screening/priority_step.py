"""Step 4, Prioritering: choose the themes to work on and put them in order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.domain.scoring import score_label
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_commands import SetPrioritiesCommand
from norddjurs_desktop.ui.screening.undo_guard import push_guarded

_KEY = Qt.ItemDataRole.UserRole


class PriorityStep(QWidget):
    def __init__(
        self,
        store: ScreeningStore,
        undo_stack: QUndoStack,
        deck: Deck,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.deck = store, undo_stack, deck
        self.available = named(QListWidget(), "availableThemes")
        self.chosen = named(QListWidget(), "chosenThemes")
        buttons = {}
        for key, text in (
            ("add", "Prioritér ▶"),
            ("remove", "◀ Fjern"),
            ("up", "Flyt op"),
            ("down", "Flyt ned"),
        ):
            buttons[key] = named(QPushButton(text), f"priority_{key}")
        buttons["add"].clicked.connect(self.add_selected)
        buttons["remove"].clicked.connect(self.remove_selected)
        buttons["up"].clicked.connect(lambda: self._move(-1))
        buttons["down"].clicked.connect(lambda: self._move(1))
        self.available.itemActivated.connect(lambda _item: self.add_selected())
        self.chosen.itemActivated.connect(lambda _item: self.remove_selected())
        middle = QVBoxLayout()
        middle.addStretch()
        for key in ("add", "remove", "up", "down"):
            middle.addWidget(buttons[key])
        middle.addStretch()
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Temaer</b> (laveste score først)"), 0, 0)
        grid.addWidget(QLabel("<b>Det vil vi arbejde med</b> – i rækkefølge"), 0, 2)
        grid.addWidget(self.available, 1, 0)
        grid.addLayout(middle, 1, 1)
        grid.addWidget(self.chosen, 1, 2)
        hint = QLabel(
            "Vælg typisk 1–3 temaer. Dobbeltklik eller Enter flytter et tema mellem listerne."
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>4. Prioritering</h2>"))
        layout.addWidget(hint)
        layout.addLayout(grid, 1)
        on_change(self, self._on_change)
        self.refresh()

    def set_deck(self, deck: Deck) -> None:
        self.deck = deck
        self.refresh()

    def _title(self, key: str) -> str:
        return self.deck.theme(key).title

    def _on_change(self, changes: Changes) -> None:
        if self.store.concerns(changes, Kind.ASSESSMENTS, Kind.PRIORITIES):
            self.refresh()

    def refresh(self) -> None:
        chosen = self.store.priorities()
        self.available.clear()
        self.chosen.clear()
        others = [a for a in self.store.data.assessments if a.theme_key not in chosen]
        others.sort(key=lambda a: (a.score is None, a.score or 0))
        for a in others:
            item = QListWidgetItem(f"{self._title(a.theme_key)}  ·  {score_label(a.score)}")
            item.setData(_KEY, a.theme_key)
            self.available.addItem(item)
        for number, key in enumerate(chosen, start=1):
            item = QListWidgetItem(f"{number}. {self._title(key)}")
            item.setData(_KEY, key)
            self.chosen.addItem(item)

    def _push(self, keys: list[str], select: str | None = None) -> None:
        if not push_guarded(self.undo_stack, SetPrioritiesCommand(self.store, keys), self.store):
            return
        if select is not None:
            for i in range(self.chosen.count()):
                if self.chosen.item(i).data(_KEY) == select:
                    self.chosen.setCurrentRow(i)

    def add_selected(self) -> None:
        item = self.available.currentItem()
        if item is not None:
            key = item.data(_KEY)
            self._push([*self.store.priorities(), key], select=key)

    def remove_selected(self) -> None:
        item = self.chosen.currentItem()
        if item is not None:
            self._push([k for k in self.store.priorities() if k != item.data(_KEY)])

    def _move(self, step: int) -> None:
        row = self.chosen.currentRow()
        keys = self.store.priorities()
        target = row + step
        if row < 0 or not 0 <= target < len(keys):
            return
        keys[row], keys[target] = keys[target], keys[row]
        self._push(keys, select=keys[target])
