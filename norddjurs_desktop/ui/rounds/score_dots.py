"""Every score of a round as a dot on the 1–5 scale, equal scores side by side, with the median.

Compact on purpose: the reveal shows all eight themes at once (as TeamRetro's
health check does), so a theme's dots fit one row. Equal scores sit next to
each other in their score's slot and wrap upwards, so no two dots ever overlap;
names are never painted beside dots (two neighbours' names ran into each
other) — the reveal writes them out in words under the row.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.rounds import decimal_text
from norddjurs_desktop.domain.scoring import SCORE_LEVELS, SCORE_MAX, SCORE_MIN, score_colour

DOT = 14  # diameter in pixels
GAP = 3
AXIS_BAND = 20  # the coloured scale with its numbers at the bottom
TOP = 4
MARGIN = 22.0  # half a scale box, so 1 and 5 are whole


class ScoreDots(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores: list[int] = []
        self.names: list[str] = []  # one per score when names may be shown, else empty
        self.median: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(300)

    def set_round(self, scores: list[int], median: float | None, names: list[str]) -> None:
        """Scores, the median, and the voters' names in the same order (or no names)."""
        self.scores = list(scores)
        self.names = list(names) if len(names) == len(scores) else []
        self.median = median
        words = ", ".join(str(s) for s in sorted(self.scores)) or "ingen"
        median_words = f", median {decimal_text(median)}" if median is not None else ""
        self.setAccessibleName(f"Scorer: {words}{median_words}")
        self.setToolTip(self._names_text() or f"Scorer: {words}{median_words}")
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def _names_text(self) -> str:
        stacks = self.stacks().items()
        return "\n".join(f"{score}: {', '.join(names)}" for score, names in stacks if any(names))

    def stacks(self) -> dict[int, list[str]]:
        """Score → the labels of its dots (names or empty strings), in order."""
        stacked: dict[int, list[str]] = defaultdict(list)
        labels = self.names or [""] * len(self.scores)
        for score, label in sorted(zip(self.scores, labels, strict=True)):
            stacked[score].append(label)
        return dict(stacked)

    def _per_row(self, width: int | None = None) -> int:
        slot = ((width or self.width() or 420) - 2 * MARGIN) / (SCORE_MAX - SCORE_MIN)
        return max(1, int((slot - GAP) // (DOT + GAP)))

    def rows_needed(self, width: int | None = None) -> int:
        tallest = max((len(v) for v in self.stacks().values()), default=1)
        per_row = self._per_row(width)
        return max(1, -(-tallest // per_row))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, TOP + AXIS_BAND + self.rows_needed(420) * (DOT + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        wanted = TOP + AXIS_BAND + self.rows_needed() * (DOT + GAP) + GAP
        if wanted != self.height():
            self.setFixedHeight(wanted)

    def _x(self, score: float) -> float:
        left, width = MARGIN, self.width() - 2 * MARGIN
        return left + width * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)

    def dot_centres(self) -> list[QPointF]:
        """Where each dot is drawn (for the test that none overlap)."""
        base = self.height() - AXIS_BAND
        per_row = self._per_row()
        centres: list[QPointF] = []
        for score, labels in self.stacks().items():
            x0 = self._x(score)
            for i in range(len(labels)):
                row, column = divmod(i, per_row)
                in_row = min(per_row, len(labels) - row * per_row)
                offset = (column - (in_row - 1) / 2) * (DOT + GAP)
                centres.append(QPointF(x0 + offset, base - GAP - DOT / 2 - row * (DOT + GAP)))
        return centres

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.height() - AXIS_BAND
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        self._paint_axis(p, base, ink)
        self._paint_median(p, base, ink)  # behind the dots, so a dot on the median stays whole
        p.setPen(QPen(ink, 1.5))
        colours = [score for score, labels in self.stacks().items() for _ in labels]
        for centre, score in zip(self.dot_centres(), colours, strict=True):
            p.setBrush(QColor(score_colour(score)))
            p.drawEllipse(centre, DOT / 2, DOT / 2)
        p.end()

    def _paint_axis(self, p: QPainter, base: float, ink: QColor) -> None:
        p.setPen(QPen(ink, 1))
        p.drawLine(QPointF(self._x(SCORE_MIN), base), QPointF(self._x(SCORE_MAX), base))
        number = QFont(self.font())
        number.setBold(True)
        p.setFont(number)
        for level in SCORE_LEVELS:
            x = self._x(level.value)
            box = QRectF(x - 16, base + 3, 32, AXIS_BAND - 5)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(level.colour))
            p.drawRoundedRect(box, 4, 4)
            p.setPen(QColor(ink_for(level.colour)))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(level.value))

    def _paint_median(self, p: QPainter, base: float, ink: QColor) -> None:
        if self.median is None:
            return
        x = self._x(self.median)
        p.setPen(QPen(ink, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, TOP - 2), QPointF(x, base))
