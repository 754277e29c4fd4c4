"""A palette tile: the theme's colour, symbol and title, and its score as number and words."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QWidget

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.followup import ScoreChange
from norddjurs_desktop.domain.scoring import score_colour, score_label
from norddjurs_desktop.ui.common.theme import current_colours
from norddjurs_desktop.ui.widgets.symbols import paint_symbol


def readable_text_colour(background: QColor) -> QColor:
    """The text colour the printed cards use on the same background."""
    return QColor(ink_for(background.name()))


_factory_installed = False


def _accessible_tile(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Screen readers hear a tile as a button with its theme, score and priority."""
    if isinstance(obj, ThemeTile):
        # No fixed name: Qt then reads the tile's own accessible name, which follows the score.
        return QAccessibleWidget(obj, QAccessible.Role.Button)
    return None


def _install_accessible_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_accessible_tile)
        _factory_installed = True


class ThemeTile(QWidget):
    """Clickable and keyboard-focusable; Enter or Space opens the theme."""

    clicked = Signal(str)

    def __init__(
        self, key: str, title: str, colour: str, symbol: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.key, self.title, self.colour, self.symbol = key, title, QColor(colour), symbol
        self.score: int | None = None
        self.priority: int | None = None
        self.notes = ""
        self.previous: int | None = None  # the score at the screening before (follow-ups)
        self.has_previous = False
        self.setObjectName(f"tile_{key}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(200, 130))
        _install_accessible_factory()
        self._update_accessible()

    def set_theme(self, title: str, colour: str, symbol: str) -> None:
        """The theme as HR last edited it (title, colour, symbol)."""
        self.title, self.colour, self.symbol = title, QColor(colour), symbol
        self._update_accessible()
        self.update()

    def set_state(
        self, score: int | None, priority: int | None, resources: str = "", challenges: str = ""
    ) -> None:
        self.score, self.priority = score, priority
        lines = []
        if resources.strip():
            lines.append(f"+ {' '.join(resources.split())}")
        if challenges.strip():
            lines.append(f"− {' '.join(challenges.split())}")
        self.notes = "\n".join(lines)
        self._update_accessible()
        self.update()

    def set_previous(self, previous: int | None) -> None:
        """Show last screening's score beside today's (↑ ↓ = and both numbers)."""
        self.previous, self.has_previous = previous, True
        self._update_accessible()
        self.update()

    def change_text(self) -> str:
        """'Sidst 2 → nu 3 ↑ bedre', or '' when there is no earlier screening."""
        if not self.has_previous:
            return ""
        change = ScoreChange(self.key, self.title, self.previous, self.score)
        before = "–" if self.previous is None else str(self.previous)
        now = "–" if self.score is None else str(self.score)
        return f"Sidst {before} → nu {now} {change.arrow} {change.words}".replace("  ", " ")

    def _update_accessible(self) -> None:
        text = f"{self.title}: {score_label(self.score)}"
        if self.priority:
            text += f", prioritet {self.priority}"
        if self.change_text():
            text += f"; {self.change_text()}"
        self.setAccessibleName(text)
        self.setToolTip(text)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        # Surface and ink from the palette (dark palettes too); the focus ring from the theme.
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        focus = QColor(current_colours().focus)
        p.setPen(
            QPen(focus, 4) if self.hasFocus() else QPen(palette.color(QPalette.ColorRole.Mid), 1)
        )
        p.setBrush(palette.color(QPalette.ColorRole.Base))
        p.drawRoundedRect(r, 10, 10)
        band = QRectF(r.left(), r.top(), r.width(), 46)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.colour)
        p.drawRoundedRect(band, 10, 10)
        p.drawRect(band.adjusted(0, 23, 0, 0))
        paint_symbol(
            p,
            self.symbol,
            QRectF(band.left() + 10, band.top() + 12, 22, 22),
            readable_text_colour(self.colour),
        )
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.1)
        p.setFont(title_font)
        p.setPen(readable_text_colour(self.colour))
        p.drawText(
            band.adjusted(42, 0, -8, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            self.title,
        )
        # the score: a coloured badge with the number, and the words beside it
        badge = QRectF(r.left() + 12, band.bottom() + 14, 48, 48)
        p.setPen(QPen(ink, 1))
        p.setBrush(QColor(score_colour(self.score)))
        p.drawEllipse(badge)
        number_font = QFont(self.font())
        number_font.setBold(True)
        number_font.setPointSizeF(self.font().pointSizeF() * 1.8)
        p.setFont(number_font)
        p.setPen(readable_text_colour(QColor(score_colour(self.score))))
        p.drawText(
            badge, Qt.AlignmentFlag.AlignCenter, "–" if self.score is None else str(self.score)
        )
        p.setFont(self.font())
        p.setPen(ink)
        words = score_label(self.score).split(" – ")[-1]
        text_rect = QRectF(badge.right() + 10, badge.top(), r.right() - badge.right() - 18, 24)
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, words)
        if self.priority:
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(
                text_rect.translated(0, 24),
                Qt.AlignmentFlag.AlignVCenter,
                f"★ Prioritet {self.priority}",
            )
        top = badge.bottom() + 10
        change = self.change_text()
        if change:
            p.setFont(self.font())
            p.setPen(QColor("#111111"))
            p.drawText(QRectF(r.left() + 12, top, r.width() - 24, 20),
                       Qt.AlignmentFlag.AlignVCenter, change)
            top += 22
        if self.notes:
            small = QFont(self.font())
            small.setPointSizeF(self.font().pointSizeF() * 0.9)
            p.setFont(small)
            p.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            notes_rect = QRectF(r.left() + 12, top, r.width() - 24, 0)
            notes_rect.setBottom(r.bottom() - 8)
            if notes_rect.height() > 14:
                p.drawText(
                    notes_rect,
                    Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                    self.notes,
                )
        p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.key)
        else:
            super().keyPressEvent(event)
