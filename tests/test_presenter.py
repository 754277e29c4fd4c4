"""Cards on the big screen: the TRIO walks through a theme's cards by keyboard, with a clock.

Notes and "talt om" made on the laptop's control panel end up in the screening.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QListWidget, QPushButton

from norddjurs_desktop.services.decks.library import card_notes, get_deck
from norddjurs_desktop.services.screenings import create_screening
from norddjurs_desktop.services.units import create_unit
from norddjurs_desktop.ui.presenter.countdown import TIME_UP, Countdown, clock_text
from norddjurs_desktop.ui.presenter.presenter_window import PresenterWindow
from norddjurs_desktop.ui.presenter.session import PresenterSession, cards_to_show, default_screen
from norddjurs_desktop.ui.presenter.setup_dialog import PresenterSetupDialog
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore


@pytest.fixture
def store(db, qtbot):
    unit_id = create_unit(db, "Hjemmeplejen Syd")
    screening_id = create_screening(db, unit_id, on=date(2026, 5, 4))
    return ScreeningStore(db, screening_id)


def start(store, theme_key: str = "handling", start_at: int = 0, minutes: int | None = 15):
    deck = get_deck(store.db, "palette")
    cards = cards_to_show(deck, [theme_key])
    session = PresenterSession(store, cards, start_at, minutes)
    session.show(QGuiApplication.primaryScreen())
    assert isinstance(session.window, PresenterWindow)
    return session, cards


def test_the_presenter_opens_moves_by_keyboard_and_closes(qtbot, store) -> None:
    session, cards = start(store, start_at=1)
    window = session.window
    qtbot.waitExposed(window)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert session.current() == cards[1]

    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert session.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert session.index == 3
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_Left)  # stays on the first card
    assert session.current() == cards[0]
    window.grab()  # paints without errors
    assert session.control.findChild(QPushButton, "presenterNext") is not None

    with qtbot.waitSignal(session.closed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_the_countdown_counts_down_and_says_when_time_is_up(qtbot, store) -> None:
    session, _cards = start(store, minutes=15)
    countdown = session.countdown
    assert countdown is not None and countdown.text() == "15:00"
    qtbot.keyClick(session.window, Qt.Key.Key_S)
    assert countdown.running
    countdown.tick()
    assert countdown.text() == "14:59"
    qtbot.keyClick(session.window, Qt.Key.Key_Plus)
    assert countdown.remaining == 15 * 60 + 59
    qtbot.keyClick(session.window, Qt.Key.Key_Minus)
    qtbot.keyClick(session.window, Qt.Key.Key_S)
    assert not countdown.running
    session.close()

    quick = Countdown(1, interval_ms=1)
    quick.remaining = 3
    with qtbot.waitSignal(quick.finished, timeout=2000):
        quick.start()
    assert quick.is_up and quick.text() == TIME_UP and not quick.running
    assert clock_text(40 * 60) == "40:00" and clock_text(61 * 60) == "1:01:00"


def test_notes_and_talt_om_on_the_control_panel_are_stored(qtbot, store) -> None:
    session, cards = start(store)
    panel = session.control
    panel.findChild(QCheckBox, "presenterDiscussed").click()
    note = panel.note
    qtbot.keyClicks(note, "Vi ringer ikke altid på dag 3.")
    qtbot.keyClick(session.window, Qt.Key.Key_Right)  # moving on saves the note
    qtbot.keyClicks(note, "Godt kort")
    qtbot.keyClick(session.window, Qt.Key.Key_M)  # M marks the card on the big screen too
    with qtbot.waitSignal(session.closed):
        qtbot.mouseClick(panel.findChild(QPushButton, "presenterLeave"), Qt.MouseButton.LeftButton)

    notes = card_notes(store.db, store.screening_id, "palette")
    first, second = cards[0].card.id, cards[1].card.id
    assert notes[first].discussed and notes[first].note == "Vi ringer ikke altid på dag 3."
    assert notes[second].discussed and notes[second].note == "Godt kort"
    assert cards[2].card.id not in notes


def test_the_setup_chooses_any_deck_and_its_themes(qtbot, store) -> None:
    dialog = PresenterSetupDialog(store.db, "palette", "data", QGuiApplication.primaryScreen())
    qtbot.addWidget(dialog)
    assert dialog.theme_keys() == ["data"]
    dialog.deck_combo.setCurrentIndex(dialog.deck_combo.findData("aktoerskab"))
    themes = dialog.findChild(QListWidget, "presenterThemeList")
    assert themes.count() == len(get_deck(store.db, "aktoerskab").themes)
    choice = dialog.choice()
    assert choice.deck.key == "aktoerskab" and choice.minutes == 15
    assert default_screen(QGuiApplication.primaryScreen()) is QGuiApplication.primaryScreen()


def test_f5_in_the_theme_view_shows_the_current_card_on_the_big_screen(qtbot, store) -> None:
    from PySide6.QtGui import QUndoStack

    from norddjurs_desktop.ui.screening.theme_view import ThemeView

    deck = get_deck(store.db, "palette")
    view = ThemeView(store, QUndoStack(), deck)
    qtbot.addWidget(view)
    view.show()
    view.show_theme("culture")
    view.cards.show_next()

    def accept_setup() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PresenterSetupDialog)
        dialog.accept()

    QTimer.singleShot(0, accept_setup)
    qtbot.mouseClick(view.findChild(QPushButton, "presentButton"), Qt.MouseButton.LeftButton)
    session = view.presenter
    assert isinstance(session, PresenterSession)
    assert session.current().card.id == deck.theme("culture").cards[1].id
    session.control.note.setPlainText("Skrevet under dialogen")
    session.close()
    # the theme view shows the note the group wrote on the panel
    assert view.cards.note.toPlainText() == "Skrevet under dialogen"


def test_on_a_single_screen_the_card_has_the_screen_and_n_shows_the_notes(qtbot, store) -> None:
    session, _cards = start(store)
    window = session.window
    assert session.control is not None and not session.control.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert session.control.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert not session.control.isVisible()
    session.close()


def test_the_big_screen_closes_with_the_screening_it_shows(qtbot, store) -> None:
    """Going home from the meeting leaves no card on the projector."""
    session, _cards = start(store)
    window = session.window
    qtbot.waitExposed(window)
    with qtbot.waitSignal(session.closed, timeout=5_000):
        store.closing.emit()
    assert not window.isVisible()


def test_on_one_screen_the_notes_panel_never_covers_the_card_and_keys_work_from_it(
    qtbot, store
) -> None:
    session, cards = start(store)
    window, control = session.window, session.control
    qtbot.waitExposed(window)
    assert window.content_width() == window.width()  # panel hidden: the card has it all
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert control.isVisible()
    panel_left = control.frameGeometry().left() - window.geometry().left()
    assert window.content_width() <= panel_left  # the words end before the panel starts
    # a key pressed while the panel has focus still moves the card
    control.activateWindow()
    control.setFocus()
    counter = control.findChild(QLabel, "presenterCounter")
    qtbot.keyClick(counter, Qt.Key.Key_Right)
    assert session.current() == cards[1]
    qtbot.keyClick(control, Qt.Key.Key_N)  # and N hides it again, from the panel
    assert not control.isVisible()
    assert window.content_width() == window.width()
    session.close()


def test_a_long_deck_name_is_made_smaller_never_cut() -> None:
    from PySide6.QtGui import QFontMetrics

    from norddjurs_desktop.ui.presenter.presenter_window import deck_title_font

    title = "Psykologisk tryghed – syv refleksioner til MED-udvalget og TRIO'en"
    font = deck_title_font(title, 520, 30, 12)
    assert QFontMetrics(font).horizontalAdvance(title) <= 520
    assert font.pixelSize() < 30
