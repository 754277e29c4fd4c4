"""HR edits the cards in the card editor, through its real lists, fields and buttons.

Each story checks what HR sees in the dialog and what the database now holds
(``get_deck``), since the editor has no Save button: every change is stored
when it is made.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from norddjurs_desktop.domain.decks import Card
from norddjurs_desktop.paths import DECKS
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.ui.decks.editor_dialog import DeckEditorDialog

PALETTE = "palette"
THEME = "handling"  # Håndtering
NEW_TEXT = "Hvem ringer på dag 1, 3 og 10, når lederen er på ferie?"

C = TypeVar("C", bound=QObject)


def child(parent: QObject, cls: type[C], name: str) -> C:
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The editor's 'Ikke gemt' boxes, collected instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text)
    )
    return shown


@pytest.fixture
def open_editor(qtbot, db) -> Iterator:
    def opened() -> DeckEditorDialog:
        dialog = DeckEditorDialog(db, decks_folder=DECKS)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    yield opened


def click_item(qtbot, widget: QListWidget, starts_with: str) -> None:
    """Click the row whose text starts with ``starts_with``, as HR would."""
    for row in range(widget.count()):
        item = widget.item(row)
        if item.text().startswith(starts_with):
            widget.scrollToItem(item)
            centre = widget.visualItemRect(item).center()
            qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)
            assert widget.currentRow() == row
            return
    raise AssertionError(f"no row starting with {starts_with!r}")


def open_handling(qtbot, dialog: DeckEditorDialog) -> None:
    click_item(qtbot, child(dialog, QListWidget, "editorDeckList"), "Samtale- og kortlæg")
    click_item(qtbot, child(dialog, QListWidget, "editorThemeList"), "Håndtering")
    assert dialog.current_deck_key() == PALETTE and dialog.current_theme_key() == THEME


def card_list(dialog: DeckEditorDialog) -> QListWidget:
    return child(dialog, QListWidget, "editorCardList")


def shown_ids(dialog: DeckEditorDialog) -> list[str]:
    cards = card_list(dialog)
    return [cards.item(row).data(Qt.ItemDataRole.UserRole) for row in range(cards.count())]


def stored_cards(db, deck_key: str = PALETTE, *, include_hidden: bool = True) -> list[Card]:
    return get_deck(db, deck_key, include_hidden=include_hidden).theme(THEME).cards


def press(qtbot, dialog: DeckEditorDialog, name: str) -> None:
    button = child(dialog, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_card_text(qtbot, dialog: DeckEditorDialog, text: str) -> None:
    field = child(dialog, QPlainTextEdit, "editorCardText")
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_hr_edits_a_card_text_and_finds_it_again(qtbot, db, open_editor, warnings):
    dialog = open_editor()
    open_handling(qtbot, dialog)
    click_item(qtbot, card_list(dialog), "Spørgsmål: Hvordan melder man sig syg")
    card_id = dialog.card_panel.current_id()
    assert card_id == "handling-02"

    type_card_text(qtbot, dialog, NEW_TEXT)
    qtbot.waitUntil(lambda: stored_cards(db)[1].text == NEW_TEXT, timeout=3000)
    assert card_list(dialog).currentItem().text() == f"Spørgsmål: {NEW_TEXT}"
    press(qtbot, dialog, "editorSave")
    assert not dialog.isVisible()

    again = open_editor()
    open_handling(qtbot, again)
    click_item(qtbot, card_list(again), f"Spørgsmål: {NEW_TEXT}")
    assert child(again, QPlainTextEdit, "editorCardText").toPlainText() == NEW_TEXT
    assert warnings == []


def test_hr_adds_a_new_card_and_chooses_its_kind(qtbot, db, open_editor, warnings):
    dialog = open_editor()
    open_handling(qtbot, dialog)
    before = len(stored_cards(db))

    press(qtbot, dialog, "editorCard_new")
    new_id = dialog.card_panel.current_id()
    assert new_id is not None and shown_ids(dialog)[-1] == new_id
    type_card_text(qtbot, dialog, "Hvad gør vi, når ingen tager telefonen?")
    kind = child(dialog, QComboBox, "editorCardKind")
    kind.setFocus()
    qtbot.keyClicks(kind, "D")  # keyboard choice, like HR: Dilemma

    assert kind.currentText() == "Dilemma"
    qtbot.waitUntil(lambda: len(stored_cards(db)) == before + 1, timeout=3000)
    qtbot.waitUntil(lambda: stored_cards(db)[-1].kind == "dilemma", timeout=3000)
    assert stored_cards(db)[-1] == Card(
        new_id, "Hvad gør vi, når ingen tager telefonen?", "dilemma", False
    )
    assert card_list(dialog).currentItem().text().startswith("Dilemma: Hvad gør vi")
    assert warnings == []


def test_hr_moves_a_card_down(qtbot, db, open_editor, warnings):
    dialog = open_editor()
    open_handling(qtbot, dialog)
    first, second = shown_ids(dialog)[:2]
    click_item(qtbot, card_list(dialog), "Spørgsmål: Kommunen har skiftet")

    press(qtbot, dialog, "editorCard_down")

    assert shown_ids(dialog)[:2] == [second, first]
    assert dialog.card_panel.current_id() == first  # the moved card stays selected
    assert [card.id for card in stored_cards(db)][:2] == [second, first]
    assert warnings == []


def test_a_hidden_card_leaves_the_meeting_but_stays_in_the_editor(qtbot, db, open_editor, warnings):
    dialog = open_editor()
    open_handling(qtbot, dialog)
    click_item(qtbot, card_list(dialog), "Dilemma: Opkaldet på dag 3")
    hidden_id = dialog.card_panel.current_id()

    press(qtbot, dialog, "editorCard_hide")

    assert card_list(dialog).currentItem().text().startswith("(skjult) Dilemma:")
    assert child(dialog, QPushButton, "editorCard_hide").text() == "Vis igen"
    assert hidden_id in [card.id for card in stored_cards(db)]
    assert hidden_id not in [card.id for card in stored_cards(db, include_hidden=False)]
    assert warnings == []


def test_hr_creates_a_new_deck(qtbot, db, open_editor, warnings, monkeypatch):
    answers = iter(["Introsamtaler"])

    def get_text(_parent, _title, _label, _echo=None, proposed="", *_a, **_k):
        # the title is typed; the suggested key is accepted as it is
        return next(answers, proposed), True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    dialog = open_editor()

    press(qtbot, dialog, "editorDeck_new")

    key = dialog.current_deck_key()
    assert key is not None and key != PALETTE
    assert (
        child(dialog, QListWidget, "editorDeckList")
        .currentItem()
        .text()
        .startswith("Introsamtaler\n")
    )
    assert "Introsamtaler" in child(dialog, QLabel, "editorStatus").text()
    stored = get_deck(db, key, include_hidden=True)
    assert stored.title == "Introsamtaler"
    assert [theme.title for theme in stored.themes] == ["Første tema"]
    assert child(dialog, QListWidget, "editorThemeList").item(0).text() == "Første tema"
    assert child(dialog, QPushButton, "editorDeck_delete").isEnabled()  # an own deck
    assert warnings == []


def test_a_deck_exported_and_imported_again_has_the_same_cards(
    qtbot, db, open_editor, warnings, monkeypatch, tmp_path: Path
):
    dialog = open_editor()
    open_handling(qtbot, dialog)
    click_item(qtbot, card_list(dialog), "Dilemma: Opkaldet på dag 3")
    press(qtbot, dialog, "editorCard_hide")  # hidden cards travel too
    target = tmp_path / "ud" / "palette-til-kollega.toml"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "Kortsæt (*.toml)")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), "Kortsæt (*.toml)")
    )

    press(qtbot, dialog, "editorDeck_export")
    assert target.exists()
    assert str(target) in child(dialog, QLabel, "editorStatus").text()
    press(qtbot, dialog, "editorDeck_import")

    copy_key = dialog.current_deck_key()
    assert copy_key is not None and copy_key != PALETTE
    assert "importeret" in child(dialog, QLabel, "editorStatus").text()
    original = get_deck(db, PALETTE, include_hidden=True)
    copy = get_deck(db, copy_key, include_hidden=True)
    assert [theme.cards for theme in copy.themes] == [theme.cards for theme in original.themes]
    assert copy.title == f"{original.title} (kopi)"
    assert warnings == []


def click_when_asked(button_text: str, asked: list[str]) -> None:
    """Answer the next question box by pressing its ``button_text`` button."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, answer)


def test_reset_brings_back_the_shipped_text(qtbot, db, open_editor, warnings):
    shipped = stored_cards(db)[0].text
    dialog = open_editor()
    open_handling(qtbot, dialog)
    click_item(qtbot, card_list(dialog), "Spørgsmål: Kommunen har skiftet")
    type_card_text(qtbot, dialog, NEW_TEXT)
    qtbot.waitUntil(lambda: stored_cards(db)[0].text == NEW_TEXT, timeout=3000)

    asked: list[str] = []
    click_when_asked("Nulstil", asked)
    press(qtbot, dialog, "editorDeck_reset")

    assert asked and "Alle ændringer" in asked[0]
    assert stored_cards(db)[0].text == shipped
    assert dialog.current_theme_key() == THEME
    assert child(dialog, QPlainTextEdit, "editorCardText").toPlainText() == shipped
    assert "medfølgende tekster" in child(dialog, QLabel, "editorStatus").text()
    assert warnings == []
