"""Undoable edits of a screening: scores, notes, priorities and actions.

Each command saves through the store both ways, so undo and redo are saved
at once just like the edit itself.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from norddjurs_desktop.domain.palette import PALETTE_TITLES
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore

_SCORE_ID = 1001
_NOTES_ID = 1002


class SetScoreCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, theme_key: str, new: int | None) -> None:
        super().__init__(f"Score for {PALETTE_TITLES.get(theme_key, theme_key)}")
        self.store, self.key, self.new = store, theme_key, new
        self.old = store.data.assessment(theme_key).score

    def redo(self) -> None:
        self.store.set_score(self.key, self.new)

    def undo(self) -> None:
        self.store.set_score(self.key, self.old)

    def id(self) -> int:
        return _SCORE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetScoreCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True


class SetNotesCommand(QUndoCommand):
    """A change of one notes field; consecutive edits of the same field merge."""

    def __init__(self, store: ScreeningStore, theme_key: str, field: str, new: str) -> None:
        label = "ressourcer" if field == "resources" else "udfordringer"
        super().__init__(f"Noter om {label} for {PALETTE_TITLES.get(theme_key, theme_key)}")
        self.store, self.key, self.field, self.new = store, theme_key, field, new
        self.old = getattr(store.data.assessment(theme_key), field)

    def _apply(self, text: str) -> None:
        self.store.set_notes(self.key, **{self.field: text})

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _NOTES_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetNotesCommand):
            return False
        if (other.key, other.field) != (self.key, self.field):
            return False
        self.new = other.new
        return True


class SetPrioritiesCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, new: list[str]) -> None:
        super().__init__("Prioritering")
        self.store, self.new, self.old = store, list(new), store.priorities()

    def redo(self) -> None:
        self.store.set_priorities(self.new)

    def undo(self) -> None:
        self.store.set_priorities(self.old)


class AddActionCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, data: ActionData) -> None:
        super().__init__("Ny handling")
        self.store, self.data = store, data
        self.stored: ActionData | None = None

    def redo(self) -> None:
        if self.stored is None:
            self.stored = self.store.add_action(self.data)
        else:  # redo after undo: put it back where it was
            self.stored = self.store.restore_action(self.stored)

    def undo(self) -> None:
        if self.stored is not None and self.stored.id is not None:
            self.stored = self.store.delete_action(self.stored.id)


class EditActionCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, old: ActionData, new: ActionData) -> None:
        super().__init__("Ret handling")
        self.store, self.old, self.new = store, old, new

    def redo(self) -> None:
        self.store.update_action(self.new)

    def undo(self) -> None:
        self.store.update_action(self.old)


class DeleteActionCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, data: ActionData) -> None:
        super().__init__("Slet handling")
        self.store, self.data = store, data

    def redo(self) -> None:
        assert self.data.id is not None
        self.data = self.store.delete_action(self.data.id)

    def undo(self) -> None:
        restored = self.store.restore_action(self.data)
        self.data = replace(self.data, id=restored.id)
