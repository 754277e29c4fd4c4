"""Undoable edits of the follow-up review: a status, "Virkede det?", a comment, carrying on.

They go onto the screening's undo stack through ``push_guarded`` like every
other edit of the meeting, so Ctrl+Z takes back a wrong status or an action
carried over by mistake, and a write that fails is reported the same way.
Each command saves through the follow-up service both ways and tells the
views what the service says it changed.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from norddjurs_desktop.services import followup
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore

_COMMENT_ID = 1201

# The review's fields: the service's keyword → the label in Rediger › Fortryd.
LABELS = {"status": "Status", "effect": "Virkede det?", "comment": "Kommentar"}


class ReviewFieldCommand(QUndoCommand):
    """A change of one field of one action's review; typing a comment merges into one step."""

    def __init__(
        self, store: ScreeningStore, action_id: int, field: str, old: str, new: str
    ) -> None:
        super().__init__(f"Opfølgning: {LABELS[field].lower()}")
        self.store, self.action_id, self.field = store, action_id, field
        self.old, self.new = old, new

    def _apply(self, value: str) -> None:
        done = followup.review_action(
            self.store.db, self.store.screening_id, self.action_id, **{self.field: value}
        )
        self.store.publish(done.changes)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _COMMENT_ID if self.field == "comment" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ReviewFieldCommand) or other.field != "comment":
            return False
        if other.action_id != self.action_id:
            return False
        self.new = other.new
        return True


class CarryOverCommand(QUndoCommand):
    """Carrying an open action into today's plan, or taking it out again.

    Taking it out keeps the copy as it was, so undoing that puts back the very
    same action (its id, and what was written in it since), not a fresh copy.
    """

    def __init__(self, store: ScreeningStore, action_id: int, carry: bool) -> None:
        super().__init__("Viderefør handling" if carry else "Fjern videreført handling")
        self.store, self.action_id, self.carry = store, action_id, carry
        self.removed: ActionData | None = None

    def _put_in(self) -> None:
        done = followup.carry_over(
            self.store.db, self.store.screening_id, self.action_id, as_before=self.removed
        )
        self.removed = None
        self.store.publish(done.changes)

    def _take_out(self) -> None:
        done = followup.undo_carry_over(self.store.db, self.store.screening_id, self.action_id)
        self.removed = done.value
        self.store.publish(done.changes)

    def redo(self) -> None:
        if self.carry:
            self._put_in()
        else:
            self._take_out()

    def undo(self) -> None:
        if self.carry:
            self._take_out()
        else:
            self._put_in()
