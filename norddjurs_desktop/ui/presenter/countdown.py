"""The dialogue countdown: a QTimer ticking seconds down, with text for the big screen.

The sources use dialogues of 15 and 40 minutes; the time can be changed a
minute at a time while the dialogue runs. At zero the clock stops and says
"Tiden er gået" rather than counting into negative numbers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_MINUTES = 15
PRESET_MINUTES = (15, 40)
MAX_MINUTES = 180
TIME_UP = "Tiden er gået"


def clock_text(seconds: int) -> str:
    """'14:05' for 845 seconds; hours only when needed ('1:02:00')."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Countdown(QObject):
    """Seconds left of a dialogue. ``tick()`` is public so tests need not wait."""

    changed = Signal(int)  # seconds left
    runningChanged = Signal(bool)
    finished = Signal()

    def __init__(
        self, minutes: int = DEFAULT_MINUTES, interval_ms: int = 1000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.total = minutes * 60
        self.remaining = self.total
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def is_up(self) -> bool:
        return self.remaining <= 0

    def text(self) -> str:
        return TIME_UP if self.is_up else clock_text(self.remaining)

    def start(self) -> None:
        if self.is_up or self.running:
            return
        self._timer.start()
        self.runningChanged.emit(True)

    def pause(self) -> None:
        if self.running:
            self._timer.stop()
            self.runningChanged.emit(False)

    def toggle(self) -> None:
        if self.running:
            self.pause()
        elif self.is_up:
            self.reset()
            self.start()
        else:
            self.start()

    def reset(self) -> None:
        self.pause()
        self.remaining = self.total
        self.changed.emit(self.remaining)

    def set_minutes(self, minutes: int) -> None:
        """A new length for the dialogue; the clock starts over from it."""
        self.total = max(1, min(MAX_MINUTES, minutes)) * 60
        self.reset()

    def adjust(self, minutes: int) -> None:
        """Add or take away minutes from the time left (never below one minute)."""
        self.remaining = max(60, min(MAX_MINUTES * 60, self.remaining + minutes * 60))
        self.total = max(self.total, self.remaining)
        self.changed.emit(self.remaining)

    def tick(self) -> None:
        if self.remaining <= 0:
            return
        self.remaining -= 1
        self.changed.emit(self.remaining)
        if self.remaining <= 0:
            self.pause()
            self.finished.emit()
