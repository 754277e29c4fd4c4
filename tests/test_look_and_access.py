"""The meeting room's look: readable colours in light and dark, and a visible focus ring."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.decks import Card
from norddjurs_desktop.domain.scoring import SCORE_LEVELS, UNSCORED_COLOUR
from norddjurs_desktop.paths import RESOURCES
from norddjurs_desktop.ui.common.theme import (
    apply_theme,
    colours_for,
    contrast_ratio,
)

DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#2b2c2f",
    QPalette.ColorRole.AlternateBase: "#323336",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#3a3b3e",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Mid: "#6b6c70",
    QPalette.ColorRole.Midlight: "#4a4b4f",
}


def shipped_colours() -> list[str]:
    """Every theme colour of every shipped deck, as HR gets them."""
    found: list[str] = []
    for deck in sorted((RESOURCES / "decks").glob("*.toml")):
        found += re.findall(r'colour\s*=\s*"(#[0-9a-fA-F]{6})"', deck.read_text(encoding="utf-8"))
    return found


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The app's look, as configure_application gives it; the plain look again afterwards."""
    palette = QPalette(qapp.palette())
    apply_theme(qapp)
    yield qapp
    qapp.setPalette(palette)
    qapp.setStyleSheet("")


@pytest.fixture
def dark(themed: QApplication) -> QApplication:
    palette = QPalette(themed.palette())
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    themed.setPalette(palette)
    themed.processEvents()
    return themed


def test_every_theme_and_score_colour_carries_its_text_at_4_5_to_1() -> None:
    colours = shipped_colours()
    assert len(colours) >= 8 + 7 + 4  # the palette, tryghed and aktørskab decks
    pairs = [(c, ink_for(c)) for c in colours]
    pairs += [(level.colour, ink_for(level.colour)) for level in SCORE_LEVELS]
    pairs.append((UNSCORED_COLOUR, ink_for(UNSCORED_COLOUR)))
    weak = [(bg, ink, round(contrast_ratio(bg, ink), 2)) for bg, ink in pairs]
    weak = [pair for pair in weak if pair[2] < 4.5]
    assert weak == []


def test_the_red_one_on_the_voting_sheet_is_white_on_red_not_black() -> None:
    red = SCORE_LEVELS[0].colour
    assert ink_for(red) == "#ffffff"
    assert contrast_ratio(red, ink_for(red)) >= 4.5
    assert contrast_ratio(red, "#000000") < 4.5  # why the black of before failed


def test_the_accent_buttons_read_in_light_and_dark(qapp: QApplication) -> None:
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor(DARK[QPalette.ColorRole.Window]))
    for palette in (light, dark):
        look = colours_for(palette)
        assert contrast_ratio(look.accent, look.on_accent) >= 4.5
        window = palette.color(QPalette.ColorRole.Window).name()
        assert contrast_ratio(look.focus, window) >= 3  # the focus ring against the window


def test_the_dialogue_card_stays_readable_in_a_dark_palette(qtbot, dark: QApplication) -> None:
    from norddjurs_desktop.ui.widgets.card_viewer import CardViewer

    viewer = CardViewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 360)
    viewer.set_cards(
        [Card(id="k1", kind="spørgsmål", text="Hvordan tager vi imod en sygemelding?")],
        set(),
        "#e69f00",
    )
    viewer.show()
    qtbot.waitExposed(viewer)
    image = viewer.grab().toImage()
    # a point inside the card, left of the text and above the buttons: the card's surface
    surface = image.pixelColor(12, viewer.text.geometry().center().y()).name()
    ink = viewer.text.palette().color(viewer.text.foregroundRole()).name()
    assert QColor(surface).lightness() < 100  # a dark card, not a white one
    assert contrast_ratio(surface, ink) >= 4.5


def test_focus_is_visible_on_the_voting_sheet(qtbot, themed: QApplication, db) -> None:
    from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.ui.rounds.ballot_page import BallotPage

    deck = get_deck(db, PALETTE_DECK_KEY)
    sheet = BallotPage(deck)
    qtbot.addWidget(sheet)
    sheet.resize(1366, 700)
    keys = [t.key for t in deck.themes]
    sheet.start(keys, "Dine svar")
    sheet.show()
    qtbot.waitExposed(sheet)
    button = sheet.findChild(QPushButton, f"ballot_{keys[0]}_3")
    other = sheet.findChild(QPushButton, f"ballot_{keys[0]}_4")
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    unfocused = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    # the focus ring: the button's edge turns the theme's focus colour
    focus = QColor(colours_for(themed.palette()).focus)
    edge_before = unfocused.pixelColor(1, unfocused.height() // 2)
    edge_after = focused.pixelColor(1, focused.height() // 2)
    assert edge_after.name() == focus.name()
    assert edge_before.name() != focus.name()


def test_a_chosen_score_button_reads_at_4_5_to_1_on_the_sheet_and_the_theme_page(
    qtbot, db
) -> None:
    from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.ui.rounds.ballot_page import BallotPage

    deck = get_deck(db, PALETTE_DECK_KEY)
    sheet = BallotPage(deck)
    qtbot.addWidget(sheet)
    sheet.start([deck.themes[0].key], "Dine svar")
    buttons = [b for b in sheet.findChildren(QPushButton) if b.objectName()[-1:].isdigit()]
    assert len(buttons) == len(SCORE_LEVELS)

    from datetime import date

    from PySide6.QtGui import QUndoStack

    from norddjurs_desktop.services.screenings import create_screening
    from norddjurs_desktop.services.units import create_unit
    from norddjurs_desktop.ui.screening.screening_page import ScreeningPage

    unit = create_unit(db, "Kontrastens hus")
    page = ScreeningPage(db, create_screening(db, unit, on=date(2025, 3, 1)), QUndoStack())
    qtbot.addWidget(page)
    page.go_to_step(1)
    page.mapping.open_theme("culture")
    buttons += [page.mapping.theme_view.findChild(QPushButton, f"score{n}") for n in range(1, 6)]
    for button in buttons:
        style = button.styleSheet()
        background = re.search(r"background: (#[0-9a-f]{6})", style).group(1)
        ink = re.search(r"color: (#[0-9a-f]{6})", style).group(1)
        assert contrast_ratio(background, ink) >= 4.5, button.objectName()


def test_a_palette_tile_is_a_button_with_its_theme_and_score_for_a_screen_reader(qtbot) -> None:
    from PySide6.QtGui import QAccessible

    from norddjurs_desktop.ui.widgets.theme_tile import ThemeTile

    tile = ThemeTile("culture", "Kultur for fravær", "#cc79a7", "cross")
    qtbot.addWidget(tile)
    tile.set_state(4, 1)
    tile.show()
    face = QAccessible.queryAccessibleInterface(tile)
    assert face.role() == QAccessible.Role.Button
    name = face.text(QAccessible.Text.Name)
    assert "Kultur for fravær" in name and "4" in name and "prioritet 1" in name
    tile.set_state(2, None)  # a new score is heard at once
    assert "2 – udfordring" in face.text(QAccessible.Text.Name)
    assert tile.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_look_keeps_the_big_buttons_big(qtbot, themed: QApplication, db) -> None:
    """The two-line score buttons were cut to one line: the sheet's min-height won over theirs."""
    from datetime import date

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QPushButton

    from norddjurs_desktop.services import screenings, units
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
    from norddjurs_desktop.ui.screening.theme_view import ThemeView

    unit = units.create_unit(db, "Køkkenet")
    store = ScreeningStore(db, screenings.create_screening(db, unit, on=date(2026, 1, 5)))
    view = ThemeView(store, QUndoStack(), get_deck(db, "palette"))
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    view.show_theme("culture")
    for level in range(1, 6):
        button = view.findChild(QPushButton, f"score{level}")
        assert button.minimumHeight() >= 52
        assert button.height() >= 52


@pytest.mark.parametrize("look", ["themed", "dark"])
def test_a_selection_stays_readable_while_the_window_is_not_active(
    qtbot, request: pytest.FixtureRequest, look: str,
) -> None:
    """The chart list's chosen chart, seen while a dialog has the focus: text at 4.5:1."""
    from PySide6.QtWidgets import QListWidget, QWidget

    from norddjurs_desktop.ui.common.theme import contrast_ratio

    request.getfixturevalue(look)  # the app's light or dark look
    chart_list = QListWidget()
    qtbot.addWidget(chart_list)
    chart_list.addItems(["Sygefravær, rullende 12 måneder", "Fraværsdage efter årsag"])
    chart_list.setCurrentRow(1)
    chart_list.resize(400, 120)
    chart_list.show()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not chart_list.isActiveWindow())
    rect = chart_list.visualItemRect(chart_list.item(1))
    image = chart_list.viewport().grab().toImage()
    background = image.pixelColor(rect.right() - 5, rect.center().y()).name()
    # the text's own pixels: the one that stands out most from the row's background
    inks = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.left() + 200)
            for y in range(rect.top(), rect.bottom())}
    assert max(contrast_ratio(ink, background) for ink in inks) >= 4.5
