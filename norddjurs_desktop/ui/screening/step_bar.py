"""The meeting's progress: a bar of the six steps on top, and "Forrige"/"Næste" under each step.

The bar is still a list (one row per step) so arrow keys, Ctrl+1–6 and screen
readers work as before; a delegate draws each row as a numbered circle on a
line, filled with a tick when the step's work is there (participants named,
every theme scored, priorities set, actions written, the meeting closed), as
Parabol's meeting phases show where a group is.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.theme import current_colours, set_primary
from norddjurs_desktop.ui.shell.action_registry import shortcut_text

DONE_ROLE = Qt.ItemDataRole.UserRole + 1
BAR_HEIGHT = 58


class _StepDelegate(QStyledItemDelegate):
    def __init__(self, bar: StepBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(self.bar.item_width(), BAR_HEIGHT - 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        palette = QApplication.palette()
        rect = QRectF(option.rect)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        current = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        done = bool(index.data(DONE_ROLE))
        colours = current_colours()
        accent = QColor(colours.accent)
        ink = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.Mid)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middle = rect.top() + 20
        circle = QRectF(rect.left() + 10, middle - 13, 26, 26)
        title = str(index.data(Qt.ItemDataRole.DisplayRole)).split(". ", 1)[-1]
        title_font = QFont(option.font)  # type: ignore[attr-defined]
        title_font.setBold(current)
        text_width = QFontMetrics(title_font).horizontalAdvance(title)
        text_rect = QRectF(circle.right() + 8, middle - 12, text_width + 2, 24)
        # the line on to the next step, in the accent when this step is done
        if index.row() < index.model().rowCount() - 1 and text_rect.right() + 10 < rect.right():
            painter.setPen(QPen(accent if done else muted, 2))
            painter.drawLine(
                QPointF(text_rect.right() + 8, middle), QPointF(rect.right() - 2, middle)
            )
        if current or done:
            painter.setPen(QPen(accent, 2))
            painter.setBrush(accent)
        else:
            painter.setPen(QPen(muted, 2))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(circle)
        number_font = QFont(option.font)  # type: ignore[attr-defined]
        number_font.setBold(True)
        painter.setFont(number_font)
        painter.setPen(QColor(colours.on_accent) if current or done else ink)
        mark = "✓" if done and not current else str(index.row() + 1)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, mark)
        painter.setFont(title_font)
        painter.setPen(ink)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, title)
        if current:
            painter.setPen(QPen(accent, 3))
            underline = rect.bottom() - 6
            painter.drawLine(
                QPointF(circle.left(), underline), QPointF(text_rect.right(), underline)
            )
        if focused:
            painter.setPen(QPen(QColor(colours.focus), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(
                    circle.left() - 6,
                    rect.top() + 2,
                    text_rect.right() - circle.left() + 14,
                    rect.height() - 4,
                ),
                6,
                6,
            )
        painter.restore()


class StepBar(QListWidget):
    """A list laid out as one row whose items share the width."""

    def item_width(self) -> int:
        return max(120, self.viewport().width() // max(1, self.count()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.doItemsLayout()


def make_step_bar(titles: Sequence[str]) -> StepBar:
    """The six steps side by side; rows keep their "N. Titel" text for keys and readers."""
    bar = named(StepBar(), "stepList")
    bar.setFlow(QListView.Flow.LeftToRight)
    bar.setWrapping(False)
    bar.setUniformItemSizes(True)
    bar.setFrameShape(QFrame.Shape.NoFrame)
    bar.setStyleSheet("#stepList { border: none; background: transparent; }")
    bar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    bar.setFixedHeight(BAR_HEIGHT)
    bar.setItemDelegate(_StepDelegate(bar))
    bar.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    bar.setAccessibleName("Mødets trin")
    for number, title in enumerate(titles, start=1):
        item = QListWidgetItem(title)
        item.setToolTip(f"{title} ({shortcut_text(f'step_{number}')})")
        bar.addItem(item)
    return bar


def mark_done(bar: QListWidget, done: Sequence[bool]) -> None:
    for row, flag in enumerate(done):
        item = bar.item(row)
        if item is not None:
            item.setData(DONE_ROLE, flag)
            title = item.text()
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{title}{' – færdig' if flag else ''}"
            )


class StepFooter(QWidget):
    """ "◀ Forrige: …", "?" and "Næste: … ▶" under the current step."""

    previousClicked = Signal()
    nextClicked = Signal()
    helpClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous = named(QPushButton(), "previousStepButton")
        self.next = named(QPushButton(), "nextStepButton")
        set_primary(self.next)
        self.help = named(QPushButton("?"), "stepHelpButton")
        self.help.setFixedWidth(40)
        self.help.setAccessibleName("Hjælp til dette trin")
        self.help.setToolTip(f"Sådan holder I mødet: dette trin ({_help_key()})")
        self.previous.clicked.connect(self.previousClicked)
        self.next.clicked.connect(self.nextClicked)
        self.help.clicked.connect(self.helpClicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.previous)
        layout.addStretch(1)
        layout.addWidget(self.help)
        layout.addWidget(self.next)

    def show_step(self, index: int, titles: Sequence[str]) -> None:
        first, last = index == 0, index == len(titles) - 1
        self.previous.setVisible(not first)
        self.next.setVisible(not last)
        if not first:
            self.previous.setText(f"◀ Forrige: {_bare(titles[index - 1])}")
            self.previous.setToolTip(f"Forrige trin ({shortcut_text('step_previous')})")
        if not last:
            self.next.setText(f"Næste: {_bare(titles[index + 1])} ▶")
            self.next.setToolTip(f"Næste trin ({shortcut_text('step_next')})")


def _bare(title: str) -> str:
    return title.split(". ", 1)[-1]


def _help_key() -> str:
    from PySide6.QtGui import QKeySequence

    from norddjurs_desktop.ui.shell.action_registry import MENU, key_sequences

    keys = key_sequences(MENU["help_guide"])
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""


def step_progress(
    participants: int,
    scored: int,
    themes: int,
    priorities: int,
    actions: int,
    finished: bool,
    data_seen: bool,
) -> list[bool]:
    """Which of the six steps have their work in place (the ticks on the bar)."""
    return [
        participants > 0,
        themes > 0 and scored == themes,
        data_seen,
        priorities > 0,
        actions > 0,
        finished,
    ]
