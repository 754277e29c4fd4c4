"""HR edits a card while a meeting is open: the meeting shows the new text at once,
in place, and Ctrl+Z still takes back what the group did before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton

from norddjurs_desktop.services.decks.editing import edit_card, edit_theme
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.ui.decks import editor_dialog
from norddjurs_desktop.ui.shell.main_window import MainWindow


def test_a_card_edited_during_a_meeting_shows_in_the_open_screening(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = MainWindow(tmp_path / "møde.sqlite")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    page = window.screening_page
    page.go_to_step(1)
    first = get_deck(window.db, "palette").themes[0].cards[0]

    def edit_instead_of_showing(dialog) -> int:
        edit_card(window.db, "palette", first.id, text="Ny tekst skrevet af HR: 1-3-10 i praksis.")
        edit_theme(window.db, "palette", "handling", title="Håndtering af sygefravær")
        return 0

    monkeypatch.setattr(editor_dialog.DeckEditorDialog, "exec", edit_instead_of_showing)
    page.mapping.open_theme("handling")
    before = page.store.data.assessment("handling").score
    new = 2 if before != 2 else 3
    page.mapping.theme_view.findChild(QPushButton, f"score{new}").click()
    assert page.store.data.assessment("handling").score == new
    assert window.undo_stack.count() == 1
    window.edit_decks()

    # The same page, on the same step and theme, with its undo history.
    assert window.screening_page is page
    assert page.steps.currentIndex() == 1
    assert page.mapping.theme_view.cards.text.text() == (
        "Ny tekst skrevet af HR: 1-3-10 i praksis."
    )
    assert page.mapping.tiles["handling"].title == "Håndtering af sygefravær"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert page.store.data.assessment("handling").score == before
