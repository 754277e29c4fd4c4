"""The two screens each voter sees: the hand-over, and their own score sheet.

Large type on purpose: the hand-over is read from across the table, and the
sheet is used by people who have not touched the app before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.domain.scoring import SCORE_LEVELS
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.widgets.plain_text import plain
from norddjurs_desktop.ui.widgets.theme_tile import readable_text_colour

PASS_ID = 0  # the button id of "Ved ikke"


def sized(widget: QLabel | QPushButton, points: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


def band_style(colour: str) -> str:
    """A label in the theme's colour with readable text on it."""
    text = readable_text_colour(QColor(colour)).name()
    return f"background: {colour}; color: {text}; padding: 6px 10px; border-radius: 6px;"


class HandoverPage(QWidget):
    """'Giv computeren videre til …': ``start(by_facilitator)`` when the voter is ready."""

    start = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = named(QLabel(), "handoverProgress")
        sized(self.progress, 16)
        self.label = plain(named(QLabel(), "handoverLabel"))
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sized(self.label, 34, bold=True)
        self.start_button = named(QPushButton(), "startVoterButton")
        sized(self.start_button, 26, bold=True)
        self.start_button.setMinimumHeight(90)
        self.start_button.setMinimumWidth(520)
        self.start_button.clicked.connect(lambda: self.start.emit(False))
        self.facilitator_button = named(
            QPushButton("Indtast for en deltager"), "facilitatorEntryButton"
        )
        sized(self.facilitator_button, 13)
        self.facilitator_button.setToolTip(
            "Facilitatoren skriver scoren ind for deltageren (fx en, der er med i telefonen)."
        )
        self.facilitator_button.clicked.connect(lambda: self.start.emit(True))
        hint = QLabel("Ingen kan se de andres svar, før alle har svaret.")
        sized(hint, 15)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addSpacing(30)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.addWidget(self.facilitator_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_voter(self, number: int, total: int, name: str, role: str, anonymous: bool) -> None:
        self.progress.setText(f"Deltager {number} af {total}")
        if anonymous:
            self.label.setText("Giv computeren videre til næste deltager")
            self.start_button.setText("Næste deltager – start")
        else:
            self.label.setText(f"Giv computeren videre til {name} ({role})")
            self.start_button.setText(f"Jeg er {name} – start")
        self.start_button.setFocus()


class BallotPage(QWidget):
    """One voter's own scores: 1–5 with words, or 'Ved ikke', per theme; then 'Gem mine svar'."""

    saved = Signal(dict)  # theme key → score or None

    def __init__(self, deck: Deck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck = deck
        self.groups: dict[str, QButtonGroup] = {}
        self.header = plain(named(QLabel(), "ballotHeader"))
        self.header.setWordWrap(True)
        sized(self.header, 22, bold=True)
        self.sheet = QWidget()
        self.grid = QGridLayout(self.sheet)
        self.sheet_scroll = scroll = named(QScrollArea(), "ballotScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.sheet)
        self.missing = named(QLabel(), "ballotMissing")
        sized(self.missing, 14)
        self.save_button = named(QPushButton("Gem mine svar"), "saveBallotButton")
        sized(self.save_button, 20, bold=True)
        self.save_button.setMinimumHeight(64)
        self.save_button.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.save_button)

    def start(self, theme_keys: list[str], header: str) -> None:
        """A fresh, empty sheet: nothing of the previous voter is left on it."""
        self.header.setText(header)
        for group in self.groups.values():
            group.deleteLater()
        self.groups = {}
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # gone at once, answers and all
                widget.setParent(None)
                widget.deleteLater()
        for row, key in enumerate(theme_keys):
            theme = self.deck.theme(key)
            title = plain(QLabel(theme.title))
            sized(title, 16, bold=True)
            title.setMinimumWidth(230)
            title.setWordWrap(True)
            title.setStyleSheet(band_style(theme.colour))
            self.grid.addWidget(title, row, 0)
            group = QButtonGroup(self)
            for column, level in enumerate(SCORE_LEVELS, start=1):
                button = self._choice(
                    f"{level.value}\n{level.label}", f"ballot_{key}_{level.value}"
                )
                # The chosen score in its colour with ink that reads on it (white on red).
                ink = readable_text_colour(QColor(level.colour)).name()
                button.setStyleSheet(
                    f"QPushButton:checked {{ background: {level.colour}; color: {ink};"
                    " font-weight: bold; border: 4px solid palette(text); }"
                )
                button.setAccessibleName(f"{theme.title}: {level.value} – {level.label}")
                group.addButton(button, level.value)
                self.grid.addWidget(button, row, column)
            passing = self._choice("Ved ikke", f"ballot_{key}_pass")
            passing.setStyleSheet(
                "QPushButton:checked { background: #bbbbbb; color: #111111; font-weight: bold;"
                " border: 4px solid palette(text); }"
            )
            passing.setAccessibleName(f"{theme.title}: ved ikke")
            group.addButton(passing, PASS_ID)
            self.grid.addWidget(passing, row, len(SCORE_LEVELS) + 1)
            group.idClicked.connect(lambda _id: self._update())
            self.groups[key] = group
        self._update()
        # Each voter starts at the top of the sheet, not where the last one left it.
        self.sheet_scroll.verticalScrollBar().setValue(0)
        self.sheet_scroll.ensureVisible(0, 0)

    def _choice(self, text: str, name: str) -> QPushButton:
        button = named(QPushButton(text), name)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the theme draws its focus ring
        button.setMinimumSize(118, 64)
        sized(button, 13)
        return button

    def answers(self) -> dict[str, int | None]:
        """The answered themes: a score, or None for 'Ved ikke'."""
        found: dict[str, int | None] = {}
        for key, group in self.groups.items():
            chosen = group.checkedId()
            if chosen != -1:
                found[key] = None if chosen == PASS_ID else chosen
        return found

    def _update(self) -> None:
        left = len(self.groups) - len(self.answers())
        self.save_button.setEnabled(left == 0)
        self.missing.setText(
            ""
            if left == 0
            else f"Mangler svar på {left} {'tema' if left == 1 else 'temaer'} – vælg en score "
            "eller „Ved ikke“."
        )

    def _save(self) -> None:
        if self.save_button.isEnabled():
            self.saved.emit(self.answers())
