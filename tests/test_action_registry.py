"""Every key is declared once, and every declared key does what it says.

Ctrl+Q used to do nothing on Linux: it was given twice (as the platform's quit
key and by hand), and Qt ignores an ambiguous shortcut. The registry expands
and de-duplicates, and no two commands share a key.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMainWindow, QPushButton

from norddjurs_desktop.ui.shell import settings
from norddjurs_desktop.ui.shell.action_registry import (
    MENU,
    PAGE_KEYS,
    create_actions,
    key_sequences,
)


def test_no_key_is_given_twice_to_the_menu(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = create_actions(window, QUndoStack(window))
    seen: dict[str, str] = {}
    for name, action in actions.all():
        keys = [k.toString() for k in action.shortcuts()]
        assert len(keys) == len(set(keys)), f"{name} has a key twice: {keys}"
        for key in keys:
            assert key not in seen, f"{key} is both {seen[key]} and {name}"
            seen[key] = name
    assert QKeySequence("Ctrl+Q") in actions.quit.shortcuts()
    assert seen["Ctrl+Q"] == "quit"


def test_page_keys_are_not_menu_keys() -> None:
    menu_keys = {k.toString() for spec in MENU.values() for k in key_sequences(spec)}
    for name, spec in PAGE_KEYS.items():
        for key in key_sequences(spec):
            assert key.toString() not in menu_keys, f"{name} uses the menu key {key.toString()}"


def test_the_score_buttons_name_the_key_that_sets_them(qtbot, db) -> None:
    from datetime import date

    from PySide6.QtGui import QUndoStack

    from norddjurs_desktop.services import screenings, units
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
    from norddjurs_desktop.ui.screening.theme_view import ThemeView

    unit = units.create_unit(db, "Køkkenet")
    store = ScreeningStore(db, screenings.create_screening(db, unit, on=date(2026, 1, 5)))
    view = ThemeView(store, QUndoStack(), get_deck(db, "palette"))
    qtbot.addWidget(view)
    view.show()
    view.show_theme("culture")
    button = view.findChild(QPushButton, "score2")
    key = key_sequences(PAGE_KEYS["score_2"])[0]
    assert key.toString(QKeySequence.SequenceFormat.NativeText) in button.toolTip()
    (shortcut,) = [s for s in view.findChildren(QShortcut) if s.key() == key]
    shortcut.activated.emit()  # offscreen Qt has no active window to deliver the key to
    assert store.data.assessment("culture").score == 2


def test_a_setting_of_the_wrong_type_falls_back_to_its_default(qtbot) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(settings.WINDOW_GEOMETRY.key, "not bytes")
    assert settings.WINDOW_GEOMETRY.get() == QByteArray()
    settings.EXPORT_FOLDER.set("/tmp/planer")
    assert settings.EXPORT_FOLDER.get() == "/tmp/planer"
