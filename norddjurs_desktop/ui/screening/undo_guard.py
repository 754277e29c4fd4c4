"""One way onto the undo stack for every edit of a screening, and one place it can fail.

A command runs once before it is pushed, so an edit that was not stored never
reaches the stack: a refusal from the services, a locked or full disk, a
read-only file or an outright bug all count the same. A failure later, on undo
or redo (the database changed under it), is reported instead of escaping from
Qt's undo machinery. Either way the Danish message goes out through
``store.failed``, and ``store.saved`` tells the views when writing works again.

Every run — the first and each undo or redo — is checked against the
screening's version (:meth:`ScreeningStore.editing`): when someone else has
changed the screening meanwhile, nothing is written, the page is reloaded and
the user's typed text is kept (:meth:`ScreeningStore.conflict`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from norddjurs_desktop.services.screening_versions import ConflictError
from norddjurs_desktop.ui.common.failure_text import failure_text
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore


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
            with self.store.editing():
                step()
        except ConflictError as error:
            self.store.conflict(error)
        except Exception as error:  # any failure of the write: said aloud, never raised into Qt
            self.store.failed.emit(failure_text(error))
        else:
            self.store.saved.emit()

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
    """Run ``command`` and put it on the stack; on any failure, report it and push nothing.

    Returns whether the edit is stored, so a field can keep showing it as unsaved.
    """
    try:
        with store.editing():
            command.redo()
    except ConflictError as error:
        store.conflict(error, typed_text(command))
        return False
    except Exception as error:  # not only refusals: a locked or full disk is no success either
        store.failed.emit(failure_text(error))
        return False
    undo_stack.push(_AlreadyDone(command, store))
    store.saved.emit()
    return True


def typed_text(command: QUndoCommand) -> str | None:
    """The text the user typed for this edit (a note, a purpose, an action), if any."""
    new = getattr(command, "new", None) or getattr(command, "data", None)
    if isinstance(new, str):
        return new
    action = getattr(new, "action", None)
    return action if isinstance(action, str) else None
