"""Run slow work (a PDF, an import) on QThreadPool and get the answer back on the GUI thread.

The worker only calls the function and emits a signal; the callbacks run on
the GUI thread, where touching widgets is safe. A task keeps itself alive in
a module-level set until its callbacks have run, so callers may drop it. A
task given an ``owner`` drops its callbacks when the owner is gone, so a late
result never touches a deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")

_running: set[BackgroundTask[Any]] = set()


class _Runnable(QRunnable):
    """Calls the function on a pool thread and reports through the task's signals."""

    def __init__(self, task: BackgroundTask[Any], fn: Callable[[], Any]) -> None:
        super().__init__()
        self._task = task
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # reported to the GUI thread, never raised here
            self._task._failed.emit(error)
        else:
            self._task._finished.emit(result)


class BackgroundTask(QObject, Generic[T]):
    """One piece of background work. ``done`` fires on the GUI thread after the callbacks."""

    done = Signal()
    _finished = Signal(object)
    _failed = Signal(object)

    def __init__(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self._fn = fn
        self._owner_alive = True
        if owner is not None:
            owner.destroyed.connect(self.forget_owner)
        self._on_done = on_done
        self._on_error = on_error
        self.result: T | None = None
        self.error: BaseException | None = None
        self.finished = False
        # Queued: the signals are emitted on a pool thread, the slots run here.
        self._finished.connect(self._handle_result, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._handle_error, Qt.ConnectionType.QueuedConnection)

    def start(self, pool: QThreadPool | None = None) -> BackgroundTask[T]:
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self, self._fn))
        return self

    @property
    def owner_alive(self) -> bool:
        return self._owner_alive

    @Slot()
    def forget_owner(self) -> None:
        """The owner is gone: no callback may touch it."""
        self._owner_alive = False

    @Slot(object)
    def _handle_result(self, result: object) -> None:
        self.result = result  # type: ignore[assignment]
        try:
            if self._on_done is not None and self._owner_alive:
                self._on_done(result)  # type: ignore[arg-type]
        finally:
            self._finish()

    @Slot(object)
    def _handle_error(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self.error = error
        try:
            if self._on_error is not None and self._owner_alive:
                self._on_error(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.finished = True
        self.done.emit()
        _running.discard(self)


def run_in_background(
    fn: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> BackgroundTask[T]:
    """Start ``fn()`` on the pool; ``on_done(result)`` or ``on_error(exc)`` runs on the GUI thread.

    Tests wait with ``qtbot.waitSignal(task.done)``: the signal cannot fire
    before control returns to the event loop, so there is no race.
    """
    return BackgroundTask(fn, on_done, on_error, owner).start(pool)


class Latest:
    """Latest request wins: a view that recomputes as the user changes a choice
    numbers each request and shows a result only if no newer one was asked for."""

    def __init__(self) -> None:
        self._number = 0

    def next(self) -> int:
        """A new request; every earlier one is stale from now on."""
        self._number += 1
        return self._number

    @property
    def number(self) -> int:
        """The latest request (for work that continues it, such as a second pass)."""
        return self._number

    def is_current(self, number: int) -> bool:
        return number == self._number
