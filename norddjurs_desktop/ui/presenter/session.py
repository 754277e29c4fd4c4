"""One presentation: the cards being shown, which one is current, and what the group noted.

The session is the single owner of that state. The full-screen window on the
projector and the control panel on the laptop both draw from it and call it;
neither talks to the other. Notes and "talt om" are saved to the screening
through the :class:`ScreeningStore`, as soon as they are made.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from norddjurs_desktop.domain.decks import Card, Deck, Theme
from norddjurs_desktop.services.decks.library import CardNoteData, set_card_note
from norddjurs_desktop.ui.common.operations import Done, run_op
from norddjurs_desktop.ui.presenter.countdown import Countdown
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore


@dataclass(frozen=True)
class ShownCard:
    deck_key: str
    deck_title: str
    theme: Theme
    card: Card


def cards_to_show(deck: Deck, theme_keys: list[str] | None = None) -> list[ShownCard]:
    """The visible cards of the chosen themes (all themes when None), in deck order."""
    return [
        ShownCard(deck.key, deck.title, theme, card)
        for theme in deck.themes
        if theme_keys is None or theme.key in theme_keys
        for card in theme.cards
        if not card.hidden
    ]


def default_screen(reference: QScreen | None) -> QScreen:
    """A screen other than ``reference`` (the projector) when there is one, else ``reference``."""
    screens = QGuiApplication.screens()
    others = [screen for screen in screens if screen is not reference]
    if others and reference is not None:
        return others[0]
    return reference or QGuiApplication.primaryScreen()


class PresenterSession(QObject):
    currentChanged = Signal(int)
    notesChanged = Signal()
    closed = Signal()

    def __init__(
        self,
        store: ScreeningStore | None,
        cards: list[ShownCard],
        start: int = 0,
        countdown_minutes: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        # kept so that a note typed while the screening page closes still reaches the file
        self._target = (store.db, store.screening_id) if store is not None else None
        if store is not None:
            # The page says when it closes; if the session goes first, PySide ends the
            # connection (a bound method of a QObject).
            store.closing.connect(self._store_gone)
        self.cards = cards
        self.index = max(0, min(start, len(cards) - 1))
        self.countdown: Countdown | None = None
        if countdown_minutes is not None:
            self.countdown = Countdown(countdown_minutes, parent=self)
        self.notes: dict[tuple[str, str], CardNoteData] = {}
        if store is not None:
            for deck_key in dict.fromkeys(item.deck_key for item in cards):
                for card_key, data in store.card_notes(deck_key).items():
                    self.notes[(deck_key, card_key)] = data
        self.window: QWidget | None = None
        self.control: QWidget | None = None
        self._closing = False

    # -- reading ------------------------------------------------------------------
    def current(self) -> ShownCard | None:
        return self.cards[self.index] if self.cards else None

    def note_data(self, item: ShownCard | None = None) -> CardNoteData:
        item = item or self.current()
        if item is None:
            return CardNoteData(False, "")
        return self.notes.get((item.deck_key, item.card.id), CardNoteData(False, ""))

    def discussed_count(self) -> int:
        return sum(1 for item in self.cards if self.note_data(item).discussed)

    # -- moving -------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if self.cards and 0 <= index < len(self.cards) and index != self.index:
            self.index = index
            self.currentChanged.emit(index)

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    # -- what the group records ---------------------------------------------------------
    def set_discussed(self, discussed: bool) -> None:
        self._save(discussed=discussed)

    def toggle_control_panel(self) -> None:
        """Show or hide the notes panel (on a single screen it starts hidden)."""
        if self.control is None:
            return
        self.control.setVisible(not self.control.isVisible())
        if self.control.isVisible():
            self.control.raise_()
            self.control.activateWindow()
        self.keep_card_clear()

    def keep_card_clear(self) -> None:
        """On one screen, the card's words move left of the notes panel while it shows."""
        from norddjurs_desktop.ui.presenter.presenter_window import PresenterWindow

        window, control = self.window, self.control
        if not isinstance(window, PresenterWindow) or control is None:
            return
        same_screen = control.screen() is window.screen()
        if same_screen and control.isVisible():
            left_edge = control.frameGeometry().left() - window.geometry().left()
            window.reserve_right(window.width() - left_edge + 16)
        else:
            window.reserve_right(0)

    def toggle_discussed(self) -> None:
        self.set_discussed(not self.note_data().discussed)

    def set_note(self, text: str, item: ShownCard | None = None) -> None:
        self._save(note=text, item=item)

    def _save(
        self,
        *,
        discussed: bool | None = None,
        note: str | None = None,
        item: ShownCard | None = None,
    ) -> None:
        item = item or self.current()
        if item is None:
            return
        old = self.note_data(item)
        if self.store is not None:
            self.store.set_card_note(item.deck_key, item.card.id, discussed=discussed, note=note)
        elif self._target is not None:
            db, screening_id = self._target
            key = item.deck_key, item.card.id

            def write() -> Done[None]:
                changes = set_card_note(db, screening_id, *key, discussed=discussed, note=note)
                return Done(None, changes)

            run_op(write, parent=self.control if isinstance(self.control, QWidget) else None)
        self.notes[(item.deck_key, item.card.id)] = CardNoteData(
            old.discussed if discussed is None else discussed, old.note if note is None else note
        )
        self.notesChanged.emit()

    def _store_gone(self, *_args: object) -> None:
        self.store = None
        self.close()

    # -- showing and leaving ------------------------------------------------------------
    def show(self, screen: QScreen, control_parent: QWidget | None = None) -> None:
        """The card full screen on ``screen``; the control panel beside ``control_parent``."""
        from norddjurs_desktop.ui.presenter.control_panel import ControlPanel
        from norddjurs_desktop.ui.presenter.presenter_window import PresenterWindow

        window = PresenterWindow(self)
        self.window = window
        window.show_on(screen)
        control = ControlPanel(self, control_parent)
        self.control = control
        control.place(screen, control_parent)

    def close(self) -> None:
        """Leave the big screen: save the note being typed, close both windows."""
        if self._closing:
            return
        self._closing = True
        if self.store is not None:
            # Ended here, not left to PySide: a session collected before its store must
            # not leave the store a connection to a slot that is gone.
            with contextlib.suppress(RuntimeError, TypeError):
                self.store.closing.disconnect(self._store_gone)
        if self.countdown is not None:
            self.countdown.pause()
        for widget in (self.control, self.window):
            if widget is not None:
                widget.close()
        if self.control is not None:
            # The panel is a child of the main window (to stay on the laptop screen):
            # without this every presentation left one behind until the app quit.
            self.control.deleteLater()
        self.closed.emit()
