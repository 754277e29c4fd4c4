"""When the service refuses an undoable edit, the user is told and nothing is half done.

Scores, notes and priorities go onto the undo stack the same guarded way as
the action plan: a refusal never reaches the stack, a refusal on undo or redo
is reported instead of escaping, and what the screen shows is what is stored.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QPushButton

from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY
from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.ui.screening.mapping_step import MappingStep
from norddjurs_desktop.ui.screening.priority_step import PriorityStep
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore

THEME = "handling"  # Håndtering
REFUSAL = "Screeningen er låst, så scoren kan ikke ændres."


@pytest.fixture
def store(db) -> ScreeningStore:
    unit_id = units.create_unit(db, "Børnehuset Æblegården")
    screening_id = screenings.create_screening(db, unit_id, on=date(2025, 3, 10), forum="TRIO")
    return ScreeningStore(db, screening_id)


@pytest.fixture
def messages(store: ScreeningStore) -> list[str]:
    shown: list[str] = []
    store.failed.connect(shown.append)
    return shown


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def mapping(qtbot, db, store: ScreeningStore, stack: QUndoStack) -> MappingStep:
    deck = get_deck(db, PALETTE_DECK_KEY)
    assert THEME in [theme.key for theme in deck.themes]
    widget = MappingStep(store, stack, deck)
    qtbot.addWidget(widget)
    widget.show()
    widget.open_theme(THEME)
    return widget


def refuse(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    def refused(*_args: object, **_kwargs: object) -> None:
        raise ValidationError(REFUSAL)

    monkeypatch.setattr(screenings, name, refused)


def click_score(qtbot, mapping: MappingStep, value: int) -> None:
    button = mapping.theme_view.findChild(QPushButton, f"score{value}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored_score(store: ScreeningStore) -> int | None:
    return screenings.get_screening(store.db, store.screening_id).assessment(THEME).score


def test_a_refused_score_is_told_and_never_reaches_the_undo_stack(
    qtbot, mapping, store, stack, messages, monkeypatch
):
    click_score(qtbot, mapping, 2)
    assert stack.count() == 1 and stored_score(store) == 2

    refuse(monkeypatch, "set_score")
    click_score(qtbot, mapping, 4)

    assert stack.count() == 1
    assert messages == [REFUSAL]
    assert stored_score(store) == 2
    assert mapping.tiles[THEME].score == 2
    view = mapping.theme_view
    assert view.findChild(QPushButton, "score2").isChecked()
    assert not view.findChild(QPushButton, "score4").isChecked()


def test_a_refusal_on_undo_and_redo_is_told_and_the_score_stays_as_stored(
    qtbot, mapping, store, stack, messages, monkeypatch
):
    click_score(qtbot, mapping, 3)
    refuse(monkeypatch, "set_score")

    stack.undo()  # the refusal must not escape from the undo stack
    assert messages == [REFUSAL]
    assert stored_score(store) == 3 and mapping.tiles[THEME].score == 3

    stack.redo()
    assert messages == [REFUSAL, REFUSAL]
    assert stored_score(store) == 3 and mapping.tiles[THEME].score == 3

    monkeypatch.undo()  # the service accepts again: undo works as before
    stack.undo()
    assert stored_score(store) is None and mapping.tiles[THEME].score is None


def test_guarded_scores_and_notes_still_merge_into_one_undo_step(
    qtbot, mapping, store, stack, messages
):
    click_score(qtbot, mapping, 1)
    click_score(qtbot, mapping, 5)
    assert stack.count() == 1 and stored_score(store) == 5

    notes = mapping.theme_view.findChild(QPlainTextEdit, "resourcesEdit")
    qtbot.keyClicks(notes, "Vi ringer")
    mapping.theme_view.flush()
    qtbot.keyClicks(notes, " dag 1")
    mapping.theme_view.flush()
    assert stack.count() == 2

    stack.undo()
    assert store.data.assessment(THEME).resources == ""
    stack.undo()
    assert stored_score(store) is None
    assert messages == []


def test_a_refused_priority_is_told_and_the_lists_stay_as_stored(
    qtbot, db, store, stack, messages, monkeypatch
):
    step = PriorityStep(store, stack, get_deck(db, PALETTE_DECK_KEY))
    qtbot.addWidget(step)
    step.show()
    refuse(monkeypatch, "set_priorities")

    step.findChild(QListWidget, "availableThemes").setCurrentRow(0)
    qtbot.mouseClick(step.findChild(QPushButton, "priority_add"), Qt.MouseButton.LeftButton)

    assert stack.count() == 0
    assert messages == [REFUSAL]
    assert store.priorities() == []
    assert step.findChild(QListWidget, "chosenThemes").count() == 0
