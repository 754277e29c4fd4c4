"""Every score of a round as a dot on the 1–5 scale, stacked when equal, with the median.

Painted large on purpose: the group reads it from across the table.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from norddjurs_desktop.domain.rounds import decimal_text
from norddjurs_desktop.domain.scoring import SCORE_LEVELS, SCORE_MAX, SCORE_MIN, score_colour

DOT = 30  # diameter in pixels
GAP = 6
AXIS_BAND = 62  # the coloured scale and its numbers at the bottom
TOP = 30  # room for the median label
MARGIN = 80.0  # room for the words under 1 and 5, and for names beside their dots


class ScoreDots(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores: list[int] = []
        self.names: list[str] = []  # one per score when names may be shown, else empty
        self.median: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_round(self, scores: list[int], median: float | None, names: list[str]) -> None:
        """Scores, the median, and the voters' names in the same order (or no names)."""
        self.scores = list(scores)
        self.names = list(names) if len(names) == len(scores) else []
        self.median = median
        words = ", ".join(str(s) for s in sorted(self.scores)) or "ingen"
        self.setAccessibleName(f"Scorer: {words}")
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def stacks(self) -> dict[int, list[str]]:
        """Score → the labels of its dots (names or empty strings), bottom first."""
        stacked: dict[int, list[str]] = defaultdict(list)
        labels = self.names or [""] * len(self.scores)
        for score, label in sorted(zip(self.scores, labels, strict=True)):
            stacked[score].append(label)
        return dict(stacked)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        tallest = max((len(v) for v in self.stacks().values()), default=1)
        return QSize(640, TOP + AXIS_BAND + tallest * (DOT + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, self.sizeHint().height())

    def _x(self, score: float) -> float:
        left, width = MARGIN, self.width() - 2 * MARGIN
        return left + width * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.height() - AXIS_BAND
        self._paint_axis(p, base)
        self._paint_median(p, base)  # behind the dots, so a dot on the median stays whole
        self._paint_dots(p, base)
        p.end()

    def _paint_axis(self, p: QPainter, base: float) -> None:
        p.setPen(QPen(QColor("#555555"), 2))
        p.drawLine(QPointF(self._x(SCORE_MIN), base), QPointF(self._x(SCORE_MAX), base))
        number = QFont(self.font())
        number.setPointSizeF(17)
        number.setBold(True)
        words = QFont(self.font())
        words.setPointSizeF(10.5)
        for level in SCORE_LEVELS:
            x = self._x(level.value)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(level.colour))
            p.drawRoundedRect(QRectF(x - 22, base + 6, 44, 28), 6, 6)
            p.setPen(QColor("#111111"))
            p.setFont(number)
            p.drawText(
                QRectF(x - 22, base + 6, 44, 28), Qt.AlignmentFlag.AlignCenter, str(level.value)
            )
            p.setFont(words)
            p.drawText(
                QRectF(x - 70, base + 36, 140, 22), Qt.AlignmentFlag.AlignCenter, level.label
            )

    def _paint_dots(self, p: QPainter, base: float) -> None:
        name_font = QFont(self.font())
        name_font.setPointSizeF(12)
        p.setFont(name_font)
        for score, labels in self.stacks().items():
            x = self._x(score)
            for row, label in enumerate(labels):
                y = base - GAP - DOT / 2 - row * (DOT + GAP)
                p.setPen(QPen(QColor("#222222"), 2))
                p.setBrush(QColor(score_colour(score)))
                p.drawEllipse(QPointF(x, y), DOT / 2, DOT / 2)
                if label:  # to the right, except at 5 where the edge is near
                    p.setPen(QColor("#111111"))
                    left = score == SCORE_MAX
                    box = (
                        QRectF(x - DOT / 2 - 4 - 160, y - 12, 160, 24)
                        if left
                        else QRectF(x + DOT / 2 + 4, y - 12, 160, 24)
                    )
                    side = Qt.AlignmentFlag.AlignRight if left else Qt.AlignmentFlag.AlignLeft
                    p.drawText(box, side | Qt.AlignmentFlag.AlignVCenter, label)

    def _paint_median(self, p: QPainter, base: float) -> None:
        if self.median is None:
            return
        x = self._x(self.median)
        pen = QPen(QColor("#111111"), 3, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(x, TOP - 2), QPointF(x, base))
        font = QFont(self.font())
        font.setPointSizeF(13)
        font.setBold(True)
        p.setFont(font)
        p.drawText(
            QRectF(x - 90, 2, 180, TOP - 4),
            Qt.AlignmentFlag.AlignCenter,
            f"median {decimal_text(self.median)}",
        )
