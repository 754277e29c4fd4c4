"""The home's lists drawn as cards: a rounded surface with a title, a line under it and a chip.

The lists stay item views (a ``QTreeWidget``), so selection, the keyboard
(arrows, Home/End, Enter), type-to-find and what a screen reader reads (the
item texts) are Qt's own; only the painting changes. Each item carries a
:class:`CardFace` that says what the card shows; colours come from the view's
palette and the theme module, so light and dark palettes both read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.services.dto import ScreeningSummary
from norddjurs_desktop.ui.common.theme import RADIUS, SPACING, colours_for, readable_ink

FACE_ROLE = Qt.ItemDataRole.UserRole + 20
DONE_GREEN = "#1b7a3d"  # white text on it reads at 5,4:1
DONE_GREEN_ON_DARK = "#7ad39a"


@dataclass(frozen=True)
class CardFace:
    """What one card shows. ``header`` draws a group heading (a unit) instead of a card."""

    title: str
    detail: str = ""
    chip: str = ""
    chip_tone: str = "accent"  # "accent", "done", "danger" or "quiet"
    header: bool = False
    warning: bool = False  # a danger stripe on the left (said in words in the text too)


def _tone(tone: str, palette: QPalette) -> QColor:
    colours = colours_for(palette)
    if tone == "done":
        return QColor(DONE_GREEN_ON_DARK if colours.dark else DONE_GREEN)
    if tone == "danger":
        return QColor(colours.danger)
    if tone == "quiet":
        return palette.color(QPalette.ColorRole.Mid)
    return QColor(colours.accent)


class CardDelegate(QStyledItemDelegate):
    """Paints items that carry a :data:`FACE_ROLE`; others as Qt would."""

    def __init__(self, parent: QWidget | None = None, inset: int = SPACING["m"]) -> None:
        super().__init__(parent)
        self.inset = inset  # how far a card sits in from a heading

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = QFont(base)
        title.setBold(True)
        heading = QFont(title)
        heading.setPointSizeF(base.pointSizeF() * 1.15)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.95)
        return heading, title, small

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        face = index.data(FACE_ROLE)
        if not isinstance(face, CardFace):
            return super().sizeHint(option, index)
        heading, title, small = self._fonts(option.font)  # type: ignore[attr-defined]
        pad = SPACING["s"]
        if face.header:
            return QSize(200, QFontMetrics(heading).height() + 2 * pad + SPACING["xs"])
        lines = QFontMetrics(title).height()
        if face.detail:
            lines += QFontMetrics(small).height() + 2
        return QSize(200, lines + 2 * pad + 2 * SPACING["xs"])

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        face = index.data(FACE_ROLE)
        if not isinstance(face, CardFace):
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        full: QRect = option.rect  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        accent = QColor(colours_for(palette).accent)
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        heading, title_font, small = self._fonts(option.font)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(full, base)  # over any row highlight the view drew
        gap = SPACING["xs"]
        left = 0 if face.header else self.inset
        card = QRectF(full).adjusted(left + 2, gap / 2 + 1, -3, -gap / 2 - 1)
        if face.header:
            if selected:
                tint = QColor(accent)
                tint.setAlpha(40)
                painter.setPen(QPen(accent, 2 if focused else 1))
                painter.setBrush(tint)
                painter.drawRoundedRect(card, RADIUS["m"], RADIUS["m"])
        else:
            surface = QColor(palette.color(QPalette.ColorRole.AlternateBase))
            if selected:
                surface = QColor(accent)
                surface.setAlpha(45)
            painter.setPen(QPen(accent if selected else palette.color(QPalette.ColorRole.Mid),
                                2.5 if selected and focused else 1))
            painter.setBrush(surface)
            painter.drawRoundedRect(card, RADIUS["l"], RADIUS["l"])
            if face.warning:
                stripe = QRectF(card.left() + 1, card.top() + 6, 4, card.height() - 12)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_tone("danger", palette))
                painter.drawRoundedRect(stripe, 2, 2)
        pad = SPACING["s"] + (2 if not face.header else 0)
        inner = card.adjusted(pad + (4 if face.warning else 0), pad / 2, -pad, -pad / 2)
        chip_width = self._paint_chip(painter, face, inner, small, palette)
        painter.setPen(text)
        top_font = heading if face.header else title_font
        painter.setFont(top_font)
        top_metrics = QFontMetrics(top_font)
        top_height = top_metrics.height()
        title_box = QRectF(inner.left(), inner.top(), inner.width() - chip_width, top_height)
        if face.header or not face.detail:
            title_box.moveTop(inner.center().y() - top_height / 2)
        painter.drawText(
            title_box,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            top_metrics.elidedText(face.title, Qt.TextElideMode.ElideRight, int(title_box.width())),
        )
        if face.detail and not face.header:
            painter.setFont(small)
            metrics = QFontMetrics(small)
            box = QRectF(inner.left(), title_box.bottom() + 2, inner.width() - chip_width,
                         metrics.height())
            painter.drawText(
                box,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(face.detail, Qt.TextElideMode.ElideRight, int(box.width())),
            )
        painter.restore()

    def _paint_chip(
        self, painter: QPainter, face: CardFace, inner: QRectF, font: QFont, palette: QPalette
    ) -> float:
        """The status chip at the right; returns the width it takes (0 without a chip)."""
        if not face.chip:
            return 0.0
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(face.chip) + 2 * SPACING["s"]
        height = metrics.height() + 4
        chip = QRectF(inner.right() - width, inner.center().y() - height / 2, width, height)
        colour = _tone(face.chip_tone, palette)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(readable_ink(colour)))
        painter.setFont(font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, face.chip)
        return width + SPACING["s"]


def card_list(tree: QTreeWidget, description: str, inset: int = SPACING["m"]) -> QTreeWidget:
    """Turn a tree of rows into a list of cards: no header, no indent, one delegate.

    The columns stay (their texts are what a screen reader and a search read);
    each item spans them with one card.
    """
    tree.setHeaderHidden(True)
    tree.setIndentation(0)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(False)
    tree.setItemDelegate(CardDelegate(tree, inset))
    tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    tree.setAccessibleDescription(description)
    tree.setMouseTracking(True)
    return tree


def screening_face(summary: ScreeningSummary) -> CardFace:
    """A screening as a card: date and forum, its actions, and "I gang"/"Afsluttet"."""
    done = summary.status == "afsluttet"
    actions = summary.action_count
    title = danish_date(summary.date) + (f" · {summary.forum}" if summary.forum else "")
    detail = (
        f"{actions} handling{'er' if actions != 1 else ''} i planen"
        if actions
        else "ingen handlinger endnu"
    )
    return CardFace(
        title, detail, chip=summary.status.capitalize(), chip_tone="done" if done else "accent"
    )
