"""The one way a change reaches the views: run an operation, then tell everyone what changed.

An operation is a call into the services that returns what it did; with it
comes the :class:`~norddjurs_desktop.services.changes.Changes` it made. This
module runs it — on the GUI thread for a small edit, on the thread pool for
anything slow, with a progress dialog when asked — maps any failure to one
Danish sentence, and then emits the single app-wide :attr:`ChangeHub.changed`.
Every view listens to that signal and decides for itself whether to refresh
(as Anki's ``operations`` and ``OpChanges``).

Callbacks belong to an owner widget: when the owner is gone before a
background result arrives, the callbacks are dropped instead of touching a
deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from norddjurs_desktop.services.changes import Changes
from norddjurs_desktop.ui.common.busy import BusyDialog
from norddjurs_desktop.ui.common.failure_text import failure_text
from norddjurs_desktop.ui.common.tasks import BackgroundTask, run_in_background
from norddjurs_desktop.ui.widgets.plain_text import plain_message

T = TypeVar("T")

PROGRESS_DELAY_MS = 300  # a quick operation finishes before any dialog flickers up


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an operation returns: its value and the changes it made."""

    value: T
    changes: Changes


class ChangeHub(QObject):
    """The app-wide announcement of every change; one per application."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        if changes.kinds:
            self.changed.emit(changes)


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    """The application's hub (made on first use, on the GUI thread)."""
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


def run_op(
    op: Callable[[], Done[T]],
    *,
    on_failure: Callable[[str], None] | None = None,
    parent: QWidget | None = None,
) -> T | None:
    """Run a small operation now, on the GUI thread; None (and the message) when it fails.

    Without ``on_failure`` the sentence is shown in a message box over ``parent``.
    """
    try:
        done = op()
    except Exception as error:  # every failure of a write is said aloud
        _report(failure_text(error), on_failure, parent)
        return None
    change_hub().announce(done.changes)
    return done.value


def run_op_in_background(
    op: Callable[[], Done[T]],
    *,
    owner: QWidget,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    progress: str | None = None,
) -> BackgroundTask[Done[T]]:
    """Run a slow operation on the pool; the changes are announced on the GUI thread.

    The announcement happens even when the owner is gone (the change is real and
    other views must hear of it); only the owner's callbacks are dropped.
    """
    dialog = _delayed_progress(owner, progress) if progress else None
    task: BackgroundTask[Done[T]]

    def finished(done: Done[T]) -> None:
        _close(dialog)
        change_hub().announce(done.changes)
        if task.owner_alive and on_success is not None:
            on_success(done.value)

    def failed(error: BaseException) -> None:
        _close(dialog)
        if task.owner_alive:
            _report(failure_text(error), on_failure, owner)

    # No owner for the task itself: the announcement must happen even without it.
    task = run_in_background(op, finished, failed)
    owner.destroyed.connect(task.forget_owner)
    return task


def _report(text: str, on_failure: Callable[[str], None] | None, parent: QWidget | None) -> None:
    if on_failure is not None:
        on_failure(text)
    else:
        QMessageBox.warning(parent, "Ikke gemt", plain_message(text))


def _delayed_progress(owner: QWidget, text: str) -> BusyDialog:
    return BusyDialog(owner, text)


def _close(dialog: BusyDialog | None) -> None:
    if dialog is not None:
        dialog.finish()


def on_change(view: QObject, slot: Callable[[Changes], Any]) -> None:
    """Call ``slot``, a method of ``view``, with every change while ``view`` exists.

    PySide ties a connection to a bound method of a QObject to that object, so
    the connection ends with the view; a lambda would outlive it.
    """
    owner = getattr(slot, "__self__", None)
    if owner is not view:
        raise ValueError("on_change needs a method of the view itself")
    change_hub().changed.connect(slot)
