"""One way onto the undo stack for every undoable edit of a screening.

A command runs once before it is pushed, so an edit the service refuses never
reaches the stack; a refusal later, on undo or redo (the database changed under
it), is reported instead of escaping from Qt's undo machinery. Either way the
Danish message goes out through ``store.failed`` and nothing is half done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from norddjurs_desktop.services.errors import ServiceError
from norddjurs_desktop.ui.screening_store import ScreeningStore


class _AlreadyDone(QUndoCommand):
    """Wraps a command that has already run once; later undo/redo report refusals.

    It passes the inner command's id and merging on, so consecutive scores or
    notes of one field still become a single undo step.
    """

    def __init__(self, inner: QUndoCommand, store: ScreeningStore) -> None:
        super().__init__(inner.text())
        self.inner, self.store, self._first = inner, store, True

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except ServiceError as error:
            self.store.failed.emit(str(error))

    def redo(self) -> None:
        if self._first:  # Qt redoes on push; the command has already run
            self._first = False
            return
        self._guarded(self.inner.redo)

    def undo(self) -> None:
        self._guarded(self.inner.undo)

    def id(self) -> int:
        return self.inner.id()

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _AlreadyDone) or not self.inner.mergeWith(other.inner):
            return False
        self.setText(self.inner.text())
        return True


def push_guarded(undo_stack: QUndoStack, command: QUndoCommand, store: ScreeningStore) -> bool:
    """Run ``command`` and put it on the stack; on a refusal, report it and push nothing."""
    try:
        command.redo()
    except ServiceError as error:
        store.failed.emit(str(error))
        return False
    undo_stack.push(_AlreadyDone(command, store))
    return True
