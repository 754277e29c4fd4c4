"""The laptop's side of presenting: which card is up, "talt om", a note, and the clock.

A small tool window beside the main window, so the group can write while the
projector shows the card. The note saves itself like the other notes (a moment
after typing stops, on leaving the field and before the card changes).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.presenter.countdown import MAX_MINUTES, PRESET_MINUTES
from norddjurs_desktop.ui.presenter.session import PresenterSession, ShownCard
from norddjurs_desktop.ui.shell.action_registry import add_page_shortcut
from norddjurs_desktop.ui.widgets.card_viewer import KIND_LABELS
from norddjurs_desktop.ui.widgets.note_edit import NoteEdit
from norddjurs_desktop.ui.widgets.plain_text import plain


class ControlPanel(QWidget):
    def __init__(self, session: PresenterSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setObjectName("presenterControlPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Storskærm – styring")
        self.session = session
        self._shown: ShownCard | None = None

        self.counter = named(QLabel(), "presenterCounter")
        self.theme = named(QLabel(), "presenterTheme")
        self.card_text = plain(named(QLabel(), "presenterCardText"))
        self.card_text.setWordWrap(True)
        self.card_text.setMinimumWidth(340)
        previous = named(QPushButton("◀ Forrige"), "presenterPrevious")
        following = named(QPushButton("Næste ▶"), "presenterNext")
        previous.clicked.connect(session.previous)
        following.clicked.connect(session.next)
        self.discussed = named(QCheckBox("Vi har talt om dette kort"), "presenterDiscussed")
        self.discussed.toggled.connect(self._discussed_toggled)
        self.note = NoteEdit(self._note_saved)
        self.note.setObjectName("presenterNote")
        self.note.setPlaceholderText("Hvad sagde gruppen? Gemmes af sig selv.")
        self.note.setMaximumHeight(110)
        leave = named(QPushButton("Afslut storskærm (Esc)"), "presenterLeave")
        leave.clicked.connect(session.close)
        add_page_shortcut(self, "presenter_close", session.close)
        add_page_shortcut(self, "presenter_next", session.next)
        add_page_shortcut(self, "presenter_previous", session.previous)

        moving = QHBoxLayout()
        moving.addWidget(previous)
        moving.addWidget(self.counter, 1, Qt.AlignmentFlag.AlignCenter)
        moving.addWidget(following)
        layout = QVBoxLayout(self)
        layout.addWidget(self.theme)
        layout.addWidget(self.card_text)
        layout.addLayout(moving)
        layout.addWidget(self.discussed)
        layout.addWidget(QLabel("<b>Noter til kortet</b>"))
        layout.addWidget(self.note)
        if session.countdown is not None:
            layout.addWidget(self._clock_box())
        layout.addWidget(leave)
        session.currentChanged.connect(self._show_current)
        session.notesChanged.connect(self._refresh_marks)
        self._show_current()

    def _clock_box(self) -> QGroupBox:
        countdown = self.session.countdown
        assert countdown is not None
        self.clock = named(QLabel(countdown.text()), "presenterClock")
        font = self.clock.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.clock.setFont(font)
        self.start_button = named(QPushButton("Start"), "presenterStartClock")
        self.start_button.clicked.connect(countdown.toggle)
        less = named(QPushButton("−1 min"), "presenterLessTime")
        less.clicked.connect(lambda: countdown.adjust(-1))
        more = named(QPushButton("+1 min"), "presenterMoreTime")
        more.clicked.connect(lambda: countdown.adjust(1))
        self.minutes = named(QSpinBox(), "presenterMinutes")
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(countdown.total // 60)
        restart = named(QPushButton("Forfra"), "presenterResetClock")
        restart.clicked.connect(lambda: countdown.set_minutes(self.minutes.value()))
        row = QHBoxLayout()
        row.addWidget(self.clock, 1)
        row.addWidget(self.start_button)
        row.addWidget(less)
        row.addWidget(more)
        presets = QHBoxLayout()
        presets.addWidget(QLabel("Dialogens længde:"))
        presets.addWidget(self.minutes)
        for minutes in PRESET_MINUTES:
            button = QPushButton(f"{minutes} min")
            button.clicked.connect(lambda _=False, m=minutes: self._preset(m))
            presets.addWidget(button)
        presets.addWidget(restart)
        box = QGroupBox("Nedtælling")
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addLayout(presets)
        countdown.changed.connect(self._clock_changed)
        countdown.runningChanged.connect(self._clock_changed)
        return box

    def _preset(self, minutes: int) -> None:
        assert self.session.countdown is not None
        self.minutes.setValue(minutes)
        self.session.countdown.set_minutes(minutes)

    def _clock_changed(self, *_args: object) -> None:
        countdown = self.session.countdown
        assert countdown is not None
        self.clock.setText(countdown.text())
        self.start_button.setText("Pause" if countdown.running else "Start")

    def place(self, presenter_screen: QScreen, near: QWidget | None) -> None:
        """Show at the right edge of the laptop's screen (or of the presenter's, if the same)."""
        self.adjustSize()
        screen = near.screen() if near is not None else presenter_screen
        area: QRect = screen.availableGeometry()
        size = self.sizeHint()
        self.move(area.right() - size.width() - 24, area.top() + 60)
        if screen is presenter_screen and self.session.window is not None:
            # One screen: the card gets the whole screen; N shows the panel when needed.
            self.session.window.activateWindow()
            return
        self.show()

    # -- following the session ---------------------------------------------------------
    def _show_current(self, *_args: object) -> None:
        self.note.flush()  # a note being typed belongs to the card it was typed for
        item = self.session.current()
        self._shown = item
        if item is None:
            self.theme.setText("Ingen kort")
            self.card_text.setText("")
            return
        kind = KIND_LABELS.get(item.card.kind, item.card.kind)
        self.theme.setText(
            f"<span style='background:{item.theme.colour}'>&nbsp;&nbsp;&nbsp;</span> "
            f"<b>{escape(item.theme.title)}</b> · {escape(kind)}"
        )
        self.card_text.setText(item.card.text)
        data = self.session.note_data(item)
        self.note.set_saved_text(data.note)
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        item = self._shown
        data = self.session.note_data(item) if item is not None else None
        self.discussed.blockSignals(True)
        self.discussed.setChecked(bool(data and data.discussed))
        self.discussed.blockSignals(False)
        self.counter.setText(
            f"Kort {self.session.index + 1} af {len(self.session.cards)} · "
            f"{self.session.discussed_count()} talt om"
        )

    def _discussed_toggled(self, checked: bool) -> None:
        self.session.set_discussed(checked)

    def _note_saved(self, text: str) -> None:
        if self._shown is not None:
            self.session.set_note(text, self._shown)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Keys the panel's own fields did not use go to the big screen (next card, N, S …)."""
        window = self.session.window
        if window is not None and event.key() != Qt.Key.Key_Tab:
            window.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.note.flush()
        super().closeEvent(event)
        self.session.close()
