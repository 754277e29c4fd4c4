"""Undoable edits of the screening's own fields and its participants.

The preparation form, the closing step's summary, the next follow-up date and
the finished flag all change the screening itself; each such change is one
command, so Ctrl+Z takes back a wrong date or a deleted participant exactly as
it takes back a score. Consecutive edits of one text field merge into one step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand

from norddjurs_desktop.ui.screening.screening_store import ScreeningStore

_FIELD_ID = 1101

# Each field the command can change: the store's keyword, the label in Rediger ›
# Fortryd, and the attribute of ScreeningData that holds the stored value.
FIELDS: dict[str, tuple[str, str]] = {
    "on": ("Screeningens dato", "date"),
    "forum": ("Forum", "forum"),
    "purpose": ("Formål", "purpose"),
    "status": ("Afsluttet", "status"),
    "next_follow_up": ("Næste opfølgning", "next_follow_up"),
    "summary": ("Opsummering og aftaler", "summary"),
}

FieldValue = str | date | None


class SetScreeningFieldCommand(QUndoCommand):
    """A change of one of the screening's own fields."""

    def __init__(self, store: ScreeningStore, field: str, new: FieldValue) -> None:
        label, attribute = FIELDS[field]
        super().__init__(label)
        self.store, self.field, self.new = store, field, new
        self.old: FieldValue = getattr(store.data, attribute)

    def _apply(self, value: FieldValue) -> None:
        self.store.update_preparation(**{self.field: value})

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetScreeningFieldCommand) or other.field != self.field:
            return False
        if self.field not in ("purpose", "summary"):  # typing merges; a date or choice does not
            return False
        self.new = other.new
        return True


class AddParticipantCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, name: str, role: str) -> None:
        super().__init__(f"Tilføj deltager {name}")
        self.store, self.name, self.role = store, name, role
        self.participant_id: int | None = None

    def redo(self) -> None:
        self.participant_id = self.store.add_participant(self.name, self.role)

    def undo(self) -> None:
        if self.participant_id is not None:
            self.store.remove_participant(self.participant_id)


class EditParticipantCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, participant_id: int, name: str, role: str) -> None:
        super().__init__("Ret deltager")
        self.store, self.participant_id = store, participant_id
        old = next(p for p in store.data.participants if p.id == participant_id)
        self.old, self.new = (old.name, old.role), (name, role)

    def redo(self) -> None:
        self.store.update_participant(self.participant_id, *self.new)

    def undo(self) -> None:
        self.store.update_participant(self.participant_id, *self.old)


class RemoveParticipantCommand(QUndoCommand):
    """Removing a participant; undo adds the same name and role back."""

    def __init__(self, store: ScreeningStore, participant_id: int) -> None:
        old = next(p for p in store.data.participants if p.id == participant_id)
        super().__init__(f"Fjern deltager {old.name}")
        self.store, self.participant_id = store, participant_id
        self.name, self.role = old.name, old.role

    def redo(self) -> None:
        self.store.remove_participant(self.participant_id)

    def undo(self) -> None:
        self.participant_id = self.store.add_participant(self.name, self.role)
