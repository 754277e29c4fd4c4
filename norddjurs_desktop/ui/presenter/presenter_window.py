"""The card on the big screen: frameless, full screen, type sized from the screen's height.

Everything is painted, not laid out, so the proportions stay the same on a
1024×768 projector and on a 4K screen: the theme's colour band with its
symbol and name on top, the card text as large as fits, the countdown at the
bottom right. Keys: → / mellemrum / Page Down next, ← / Page Up previous (what
presentation remotes send), M talt om, S start/pause the time, + / − a
minute more or less, R the time from the start, Esc leave.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from norddjurs_desktop.ui.presenter.countdown import TIME_UP
from norddjurs_desktop.ui.presenter.session import PresenterSession
from norddjurs_desktop.ui.widgets.card_viewer import KIND_LABELS
from norddjurs_desktop.ui.widgets.symbols import paint_symbol
from norddjurs_desktop.ui.widgets.theme_tile import readable_text_colour

PAPER = QColor("#fbfaf6")
INK = QColor("#161616")
MUTED = QColor("#4d4d4d")
TIME_UP_COLOUR = QColor("#b00020")
DONE_COLOUR = QColor("#1b6e2a")
HINT = (
    "→ / mellemrum: næste   ← : forrige   M: talt om   S: start/pause tid   "
    "+ / − : minutter   N: noter   Esc: afslut"
)
# Heights as parts of the screen height; the card text is fitted between these sizes.
BAND = 0.16
TEXT_LARGEST = 0.078
TEXT_SMALLEST = 0.034


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    return font


def fit_font(text: str, rect: QRect, largest: float, smallest: float) -> QFont:
    """The largest font (in pixels, between the two sizes) at which ``text`` fits ``rect``."""
    size = largest
    flags = int(Qt.TextFlag.TextWordWrap)
    while True:
        font = _font(size)
        bounds = QFontMetrics(font).boundingRect(rect, flags, text)
        if (
            bounds.height() <= rect.height() and bounds.width() <= rect.width()
        ) or size <= smallest:
            return font
        size = max(smallest, size * 0.92)


def bold_title_font(text: str, rect: QRect, largest: float, smallest: float) -> QFont:
    """The largest bold font at which ``text`` fits ``rect``: one line first, else wrapped."""
    size = largest
    while True:
        font = _font(size, bold=True)
        if QFontMetrics(font).horizontalAdvance(text) <= rect.width():
            return font
        wrapped = QFontMetrics(font).boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        if size <= smallest or (
            size <= largest * 0.7
            and wrapped.height() <= rect.height()
            and wrapped.width() <= rect.width()
        ):
            return font
        size = max(smallest, size * 0.92)


def deck_title_font(title: str, width: int, largest: float, smallest: float) -> QFont:
    """The largest size from ``largest`` down to ``smallest`` at which ``title`` fits ``width``."""
    size = largest
    while True:
        font = _font(size)
        if QFontMetrics(font).horizontalAdvance(title) <= width or size <= smallest:
            return font
        size = max(smallest, size * 0.92)


class PresenterWindow(QWidget):
    def __init__(self, session: PresenterSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("presenterWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Fremmødepaletten – storskærm")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session = session
        # On one screen the notes panel sits at the right: the card keeps clear of it.
        self.reserved_right = 0
        session.currentChanged.connect(self.update)
        session.notesChanged.connect(self.update)
        if session.countdown is not None:
            session.countdown.changed.connect(self.update)
            session.countdown.runningChanged.connect(self.update)

    def show_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def content_width(self) -> int:
        """The width the card's words may use: the screen less the notes panel's room."""
        return max(self.width() // 4, self.width() - self.reserved_right)

    def reserve_right(self, pixels: int) -> None:
        self.reserved_right = max(0, pixels)
        self.update()

    # -- keys --------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key
        countdown = self.session.countdown
        k = event.key()
        if k in (key.Key_Right, key.Key_Space, key.Key_PageDown, key.Key_Down, key.Key_Return):
            self.session.next()
        elif k in (key.Key_Left, key.Key_PageUp, key.Key_Up, key.Key_Backspace):
            self.session.previous()
        elif k == key.Key_Home:
            self.session.go_to(0)
        elif k == key.Key_End:
            self.session.go_to(len(self.session.cards) - 1)
        elif k == key.Key_Escape:
            self.close()
        elif k == key.Key_M:
            self.session.toggle_discussed()
        elif k == key.Key_N:
            self.session.toggle_control_panel()
        elif countdown is not None and k == key.Key_S:
            countdown.toggle()
        elif countdown is not None and k == key.Key_R:
            countdown.reset()
        elif countdown is not None and k in (key.Key_Plus, key.Key_Equal):
            countdown.adjust(1)
        elif countdown is not None and k in (key.Key_Minus, key.Key_Underscore):
            countdown.adjust(-1)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        super().closeEvent(event)
        self.session.close()

    # -- painting ------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        full_width, h = self.width(), self.height()
        w = self.content_width()
        painter.fillRect(self.rect(), PAPER)
        item = self.session.current()
        margin = round(min(w, h) * 0.055)
        if item is None:
            painter.setFont(_font(h * 0.05))
            painter.setPen(INK)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Ingen kort at vise.")
            return
        colour = QColor(item.theme.colour)
        ink = readable_text_colour(colour)
        band = round(h * BAND)
        painter.fillRect(QRect(0, 0, full_width, band), colour)
        # a thin line of the theme's colour at the bottom frames the card
        painter.fillRect(QRect(0, h - round(h * 0.012), full_width, round(h * 0.012)), colour)

        symbol = band * 0.58
        symbol_rect = QRectF(margin, (band - symbol) / 2, symbol, symbol)
        paint_symbol(painter, item.theme.symbol, symbol_rect, ink)
        title_left = round(margin + symbol + margin * 0.5)
        counter = f"Kort {self.session.index + 1} af {len(self.session.cards)}"
        painter.setPen(ink)
        # The deck's name whole: a smaller size rather than "…" (it was cut short).
        deck_font = deck_title_font(item.deck_title, round(w * 0.42), band * 0.2, band * 0.1)
        painter.setFont(deck_font)
        small = QFontMetrics(deck_font)
        right_width = max(
            QFontMetrics(_font(band * 0.2)).horizontalAdvance(counter),
            small.horizontalAdvance(item.deck_title),
        )
        right = QRect(w - margin - right_width, 0, right_width, band)
        painter.drawText(
            right.adjusted(0, round(band * 0.18), 0, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            item.deck_title,
        )
        painter.setFont(_font(band * 0.2))
        painter.drawText(
            right.adjusted(0, 0, 0, -round(band * 0.18)),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            counter,
        )
        title_rect = QRect(title_left, 0, right.left() - title_left - margin // 2, band)
        # Measured in bold, as drawn: on one line when it fits, else on two, never "…"
        # while the words fit the band (the notes panel can take half the width).
        title_font = bold_title_font(item.theme.title, title_rect, band * 0.46, band * 0.2)
        painter.setFont(title_font)
        painter.drawText(
            title_rect,
            int(
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                | Qt.TextFlag.TextWordWrap
            ),
            item.theme.title,
        )

        kind_size = h * 0.042
        kind_top = band + round(h * 0.035)
        painter.setPen(MUTED)
        painter.setFont(_font(kind_size, bold=True))
        kind = KIND_LABELS.get(item.card.kind, item.card.kind).upper()
        painter.drawText(QRect(margin, kind_top, w - 2 * margin, round(kind_size * 1.4)), 0, kind)
        data = self.session.note_data()
        if data.discussed:
            painter.setPen(DONE_COLOUR)
            painter.drawText(
                QRect(margin, kind_top, w - 2 * margin, round(kind_size * 1.4)),
                int(Qt.AlignmentFlag.AlignRight),
                "✓ Talt om",
            )

        footer = round(h * 0.13)
        text_rect = QRect(margin, kind_top + round(kind_size * 1.9), w - 2 * margin, 0)
        text_rect.setBottom(h - footer - round(h * 0.02))
        font = fit_font(item.card.text, text_rect, h * TEXT_LARGEST, h * TEXT_SMALLEST)
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(
            text_rect,
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            item.card.text,
        )
        self._paint_footer(painter, QRect(margin, h - footer, w - 2 * margin, footer - margin // 3))

    def _paint_footer(self, painter: QPainter, rect: QRect) -> None:
        h = self.height()
        painter.setPen(MUTED)
        countdown = self.session.countdown
        # The key hints shrink (then wrap) to stay clear of the clock, never cut off.
        room = rect.width()
        if countdown is not None:  # the clock's pill, and "pause (S)" left of it when paused
            clock = QFontMetrics(_font(h * 0.085, bold=True)).horizontalAdvance(countdown.text())
            room -= clock + round(h * (0.06 if countdown.running else 0.36))
        painter.setFont(deck_title_font(HINT, room, h * 0.019, h * 0.014))
        painter.drawText(
            QRect(rect.left(), rect.top(), room, rect.height()),
            int(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
                | Qt.TextFlag.TextWordWrap
            ),
            HINT,
        )
        if countdown is None:
            return
        text = countdown.text()
        font = _font(h * (0.06 if text == TIME_UP else 0.085), bold=True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(text) + round(h * 0.04)
        height = metrics.height() + round(h * 0.01)
        pill = QRect(rect.right() - width, rect.bottom() - height, width, height)
        if text == TIME_UP:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TIME_UP_COLOUR)
            painter.drawRoundedRect(pill, height * 0.2, height * 0.2)
            painter.setPen(QColor("white"))
        else:
            painter.setPen(INK if countdown.running else MUTED)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        if not countdown.running and text != TIME_UP:
            painter.setFont(_font(h * 0.02))
            painter.setPen(MUTED)
            painter.drawText(
                QRect(pill.left() - round(h * 0.3), pill.top(), round(h * 0.28), pill.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "pause (S)",
            )
