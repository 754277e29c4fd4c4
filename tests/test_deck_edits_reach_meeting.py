"""HR fixes cards in the card editor in the middle of a meeting.

Through the real editor: "Annuller" stores nothing; "Gem" stores the edit once,
the open screening shows it in place, and Ctrl+Z in the meeting takes the whole
edit back (redo puts it back) while the group's note on that card stays.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QPushButton

from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.ui.decks import editor_dialog
from norddjurs_desktop.ui.decks.editor_dialog import DeckEditorDialog
from norddjurs_desktop.ui.shell.main_window import MainWindow

FIRST_NEW = "Ny tekst skrevet af HR: 1-3-10 i praksis."
SECOND_NEW = "Hvem tager over, når lederen er på ferie?"
GROUP_NOTE = "Vi ringer altid på dag 1."


def click_row(qtbot, widget: QListWidget, row: int) -> None:
    item = widget.item(row)
    widget.scrollToItem(item)
    qtbot.mouseClick(
        widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.visualItemRect(item).center()
    )
    assert widget.currentRow() == row


def click_text(qtbot, widget: QListWidget, starts_with: str) -> None:
    rows = [r for r in range(widget.count()) if widget.item(r).text().startswith(starts_with)]
    assert rows, starts_with
    click_row(qtbot, widget, rows[0])


def type_over(qtbot, dialog: DeckEditorDialog, text: str) -> None:
    field = dialog.findChild(QPlainTextEdit, "editorCardText")
    field.selectAll()
    qtbot.keyClicks(field, text)


def edit_card_texts(qtbot, dialog: DeckEditorDialog, texts: list[str]) -> None:
    """Open the palette's Håndtering and type over the first cards, one per text."""
    click_text(qtbot, dialog.findChild(QListWidget, "editorDeckList"), "Samtale- og kortlæg")
    click_text(qtbot, dialog.findChild(QListWidget, "editorThemeList"), "Håndtering")
    for row, text in enumerate(texts):
        click_row(qtbot, dialog.findChild(QListWidget, "editorCardList"), row)
        type_over(qtbot, dialog, text)


def run_editor(monkeypatch, qtbot, steps: Callable[[DeckEditorDialog], None]) -> None:
    """Let the next ``exec`` of the editor show it, run ``steps`` on it, and return."""

    def exec_with_steps(dialog: DeckEditorDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        steps(dialog)
        assert not dialog.isVisible()
        return dialog.result()

    monkeypatch.setattr(editor_dialog.DeckEditorDialog, "exec", exec_with_steps)


def press(qtbot, dialog: DeckEditorDialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def handling_texts(window: MainWindow) -> list[str]:
    return [card.text for card in get_deck(window.db, "palette").theme("handling").cards]


def test_cancel_stores_nothing_and_save_is_one_undoable_step(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = MainWindow(tmp_path / "møde.sqlite")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    page = window.screening_page
    page.go_to_step(1)
    page.mapping.open_theme("handling")
    viewer = page.mapping.theme_view.cards
    first = viewer.current()
    assert first is not None
    # The group writes a note on the first card and scores the theme.
    viewer.note.setPlainText(GROUP_NOTE)
    viewer.flush()
    assert page.store.card_notes("palette")[first.id].note == GROUP_NOTE
    before_score = page.store.data.assessment("handling").score
    new_score = 2 if before_score != 2 else 3
    page.mapping.theme_view.findChild(QPushButton, f"score{new_score}").click()
    assert window.undo_stack.count() == 1
    original = handling_texts(window)

    # Two texts edited, then "Annuller": nothing stored, the meeting unchanged.
    def edit_then_cancel(dialog: DeckEditorDialog) -> None:
        edit_card_texts(qtbot, dialog, [FIRST_NEW, SECOND_NEW])
        press(qtbot, dialog, "editorCancel")

    run_editor(monkeypatch, qtbot, edit_then_cancel)
    window.edit_decks()
    assert handling_texts(window) == original
    assert viewer.text.text() == original[0]
    assert window.undo_stack.count() == 1

    # Edited again, then "Gem": stored, shown in place, one step on the meeting's stack.
    def edit_then_save(dialog: DeckEditorDialog) -> None:
        edit_card_texts(qtbot, dialog, [FIRST_NEW])
        press(qtbot, dialog, "editorSave")

    run_editor(monkeypatch, qtbot, edit_then_save)
    window.edit_decks()
    assert handling_texts(window) == [FIRST_NEW, *original[1:]]
    assert window.screening_page is page and page.steps.currentIndex() == 1
    assert viewer.text.text() == FIRST_NEW
    assert window.undo_stack.count() == 2
    assert window.undo_stack.undoText() == "Ændringer i kortsæt"

    # Ctrl+Z in the meeting takes the whole edit back; the group's note stays on the card.
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert handling_texts(window) == original
    assert viewer.text.text() == original[0]
    assert page.store.card_notes("palette")[first.id].note == GROUP_NOTE
    assert page.store.data.assessment("handling").score == new_score  # only the edit went

    window.undo_stack.redo()
    assert handling_texts(window) == [FIRST_NEW, *original[1:]]
    assert viewer.text.text() == FIRST_NEW
    assert page.store.card_notes("palette")[first.id].note == GROUP_NOTE

    # And further back, the meeting's own score, as before.
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert page.store.data.assessment("handling").score == before_score


def test_escape_never_throws_edits_away(qtbot, db) -> None:
    dialog = DeckEditorDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    original = [c.text for c in get_deck(db, "palette").theme("handling").cards]
    edit_card_texts(qtbot, dialog, [FIRST_NEW])
    qtbot.keyClick(dialog.findChild(QListWidget, "editorCardList"), Qt.Key.Key_Escape)
    assert dialog.isVisible()  # still open, the edit kept for now, and HR is told why
    assert "Gem eller Annuller" in dialog.status.text()
    press(qtbot, dialog, "editorCancel")
    assert not dialog.isVisible()
    assert [c.text for c in get_deck(db, "palette").theme("handling").cards] == original
