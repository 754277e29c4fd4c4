"""Step 2, Kortlægning: the palette of eight tiles, and a page per theme."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.followup.hook import previous_scores
from norddjurs_desktop.ui.rounds.round_buttons import RoundButtons
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.theme_view import ThemeView
from norddjurs_desktop.ui.widgets.theme_tile import ThemeTile


class MappingStep(QWidget):
    def __init__(
        self,
        store: ScreeningStore,
        undo_stack: QUndoStack,
        deck: Deck,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.deck = store, deck
        self.tiles: dict[str, ThemeTile] = {}
        palette = QWidget()
        grid = QGridLayout()
        for index, theme in enumerate(deck.themes):
            tile = ThemeTile(theme.key, theme.title, theme.colour, theme.symbol)
            tile.clicked.connect(self.open_theme)
            self.tiles[theme.key] = tile
            grid.addWidget(tile, index // 4, index % 4)
        heading = QLabel("<h2>2. Kortlægning</h2>")
        hint = QLabel(
            "Vælg et tema (klik, eller Tab og Enter). Tal om dialogkortene, og giv temaet en "
            "score fra 1 (stor udfordring) til 5 (stærk ressource)."
        )
        hint.setWordWrap(True)
        self.progress = named(QLabel(), "mappingProgress")
        # the hidden round over all eight themes: everyone scores alone first
        self.round_buttons = RoundButtons(store, undo_stack, deck, lambda: list(PALETTE_KEYS))
        palette_layout = QVBoxLayout(palette)
        palette_layout.addWidget(heading)
        palette_layout.addWidget(hint)
        palette_layout.addLayout(grid, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.progress, 1)
        footer.addWidget(self.round_buttons)
        palette_layout.addLayout(footer)

        self.theme_view = ThemeView(store, undo_stack, deck)
        self.theme_view.backRequested.connect(self.show_palette)
        self.theme_view.moveRequested.connect(self._move)
        # The theme's page (card, scores, notes) scrolls rather than making the window
        # taller than a 1366×768 laptop or a 150 % full-HD screen (it needs ~600 px).
        self.theme_scroll = QScrollArea()
        self.theme_scroll.setObjectName("themeScroll")
        self.theme_scroll.setWidgetResizable(True)
        self.theme_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.theme_scroll.setWidget(self.theme_view)
        self.pages = QStackedWidget()
        self.pages.addWidget(palette)
        self.pages.addWidget(self.theme_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        on_change(self, self._on_change)
        previous_scores(store, self.tiles)
        self.refresh()

    def _on_change(self, changes: Changes) -> None:
        if self.store.concerns(changes, Kind.ASSESSMENTS, Kind.PRIORITIES):
            self.refresh()

    def refresh(self) -> None:
        for assessment in self.store.data.assessments:
            tile = self.tiles.get(assessment.theme_key)
            if tile is not None:
                tile.set_state(
                    assessment.score,
                    assessment.priority,
                    assessment.resources,
                    assessment.challenges,
                )
        scored = sum(1 for a in self.store.data.assessments if a.score is not None)
        self.progress.setText(f"{scored} af {len(self.tiles)} temaer har en score.")

    def set_deck(self, deck: Deck) -> None:
        """Show the cards and themes as just edited, where the group is, undo history intact."""
        self.deck = deck
        for theme in deck.themes:
            tile = self.tiles.get(theme.key)
            if tile is not None:
                tile.set_theme(theme.title, theme.colour, theme.symbol)
        self.round_buttons.deck = deck
        self.theme_view.set_deck(deck)

    def open_theme(self, key: str) -> None:
        self.theme_view.show_theme(key)
        self.pages.setCurrentWidget(self.theme_scroll)

    def show_palette(self) -> None:
        self.theme_view.flush()
        self.pages.setCurrentIndex(0)
        current = self.theme_view.theme
        if current is not None:
            self.tiles[current.key].setFocus()

    def _move(self, step: int) -> None:
        keys = list(self.tiles)
        current = self.theme_view.theme
        if current is None:
            return
        index = (keys.index(current.key) + step) % len(keys)
        self.open_theme(keys[index])

    def flush(self) -> None:
        self.theme_view.flush()
