"""Before the big screen: which deck and themes, which screen, and whether a clock runs.

The defaults make Enter enough: the palette's current theme, starting at the
card on the laptop, on the projector when one is connected, with a 15-minute
dialogue clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.decks.library import get_deck, list_decks
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.presenter.countdown import DEFAULT_MINUTES, MAX_MINUTES, PRESET_MINUTES
from norddjurs_desktop.ui.presenter.session import (
    PresenterSession,
    ShownCard,
    cards_to_show,
    default_screen,
)
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.widgets.dialog_buttons import ok_cancel_buttons


@dataclass
class PresenterChoice:
    deck: Deck
    theme_keys: list[str]
    screen: QScreen
    minutes: int | None  # None: no countdown


def screen_label(screen: QScreen, reference: QScreen | None) -> str:
    size = screen.size()
    where = "denne skærm" if screen is reference else "anden skærm / projektor"
    # Numbered, not the system's own name ("screen", "HDMI-1"): the same words everywhere.
    screens = QGuiApplication.screens()
    number = screens.index(screen) + 1 if screen in screens else 1
    return f"Skærm {number} – {size.width()}×{size.height()} ({where})"


class PresenterSetupDialog(QDialog):
    def __init__(
        self,
        db: Database,
        deck_key: str,
        theme_key: str | None,
        reference: QScreen | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Vis kort på storskærm")
        self.db = db
        self.deck: Deck | None = None
        self._initial_theme = theme_key
        self.deck_combo = named(QComboBox(), "presenterDeckCombo")
        for info in list_decks(db):
            self.deck_combo.addItem(f"{info.title} ({info.card_count} kort)", info.key)
        self.themes = named(QListWidget(), "presenterThemeList")
        self.themes.setMinimumHeight(180)
        all_button = QPushButton("Alle temaer")
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button = QPushButton("Ingen")
        none_button.clicked.connect(lambda: self._check_all(False))
        theme_buttons = QHBoxLayout()
        theme_buttons.addWidget(all_button)
        theme_buttons.addWidget(none_button)
        theme_buttons.addStretch()

        self.screen_combo = named(QComboBox(), "presenterScreenCombo")
        chosen = default_screen(reference)
        for screen in QGuiApplication.screens():
            self.screen_combo.addItem(screen_label(screen, reference), screen.name())
            if screen is chosen:
                self.screen_combo.setCurrentIndex(self.screen_combo.count() - 1)
        self.clock = named(QCheckBox("Nedtælling for dialogen"), "presenterClockCheck")
        self.clock.setChecked(True)
        self.minutes = named(QSpinBox(), "presenterMinutesSpin")
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(DEFAULT_MINUTES)
        self.clock.toggled.connect(self.minutes.setEnabled)
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.clock)
        clock_row.addWidget(self.minutes)
        for minutes in PRESET_MINUTES:
            preset = QPushButton(f"{minutes} min")
            preset.clicked.connect(lambda _=False, m=minutes: self.minutes.setValue(m))
            clock_row.addWidget(preset)
        clock_row.addStretch()

        form = QFormLayout()
        form.addRow("Kortsæt:", self.deck_combo)
        form.addRow("Temaer:", self.themes)
        form.addRow("", theme_buttons)
        form.addRow("Vis på:", self.screen_combo)
        form.addRow("Tid:", clock_row)
        buttons = ok_cancel_buttons(self, "Start storskærm")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("presenterStartButton")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        index = self.deck_combo.findData(deck_key)
        self.deck_combo.setCurrentIndex(max(0, index))
        self.deck_combo.currentIndexChanged.connect(self._load_themes)
        self._load_themes()

    def _load_themes(self) -> None:
        key = self.deck_combo.currentData()
        self.themes.clear()
        self.deck = get_deck(self.db, key) if key else None
        if self.deck is None:
            return
        keys = {t.key for t in self.deck.themes}
        initial = self._initial_theme if self._initial_theme in keys else None
        for theme in self.deck.themes:
            visible = sum(1 for card in theme.cards if not card.hidden)
            item = QListWidgetItem(f"{theme.title} ({visible} kort)")
            item.setData(Qt.ItemDataRole.UserRole, theme.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = initial is None or theme.key == initial
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.themes.addItem(item)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.themes.count()):
            self.themes.item(row).setCheckState(state)

    def theme_keys(self) -> list[str]:
        return [
            self.themes.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.themes.count())
            if self.themes.item(row).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        if self.deck is None or not cards_to_show(self.deck, self.theme_keys()):
            QMessageBox.information(
                self, "Ingen kort", "Vælg mindst ét tema med kort, der ikke er skjult."
            )
            return
        super().accept()

    def choice(self) -> PresenterChoice:
        assert self.deck is not None
        screens = QGuiApplication.screens()
        index = self.screen_combo.currentIndex()
        screen = screens[index] if 0 <= index < len(screens) else QGuiApplication.primaryScreen()
        minutes = self.minutes.value() if self.clock.isChecked() else None
        return PresenterChoice(self.deck, self.theme_keys(), screen, minutes)


def start_index(cards: list[ShownCard], card_id: str | None) -> int:
    return next((i for i, item in enumerate(cards) if item.card.id == card_id), 0)


def present(
    parent: QWidget,
    store: ScreeningStore,
    deck_key: str,
    theme_key: str | None = None,
    card_id: str | None = None,
) -> PresenterSession | None:
    """Ask what to show, then show it; the session lives until the group leaves it."""
    dialog = PresenterSetupDialog(store.db, deck_key, theme_key, parent.screen(), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    cards = cards_to_show(choice.deck, choice.theme_keys)
    session = PresenterSession(store, cards, start_index(cards, card_id), choice.minutes, parent)
    session.closed.connect(session.deleteLater)
    session.show(choice.screen, parent.window())
    return session
