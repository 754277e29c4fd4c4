"""HR edits the decks: texts, order, hidden cards, own decks, files in and out, and updates.

No Qt here: the card editor's rules live in ``services.decks.editing``, ``admin``
and ``deck_files``.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from norddjurs_desktop.domain.decks import deck_to_toml, load_deck, parse_deck
from norddjurs_desktop.paths import DECKS
from norddjurs_desktop.reports.cards_pdf import write_card_set
from norddjurs_desktop.services.decks import admin as deck_admin
from norddjurs_desktop.services.decks import editing
from norddjurs_desktop.services.decks import files as deck_files
from norddjurs_desktop.services.decks.library import (
    card_notes,
    get_deck,
    list_decks,
    set_card_note,
    sync_shipped_decks,
)
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.screenings import create_screening
from norddjurs_desktop.services.units import create_unit


def _first_card(db, deck_key: str = "palette") -> tuple[str, str, str]:
    deck = get_deck(db, deck_key)
    theme = deck.themes[0]
    return theme.key, theme.cards[0].id, theme.cards[0].text


def _screening(db) -> int:
    unit_id = create_unit(db, "Dagtilbud Nord")
    return create_screening(db, unit_id, on=date(2026, 3, 2))


def test_an_own_deck_exported_and_imported_again_is_identical(db) -> None:
    deck_admin.create_deck(db, "nyansatte", "Samtaler med nyansatte", "Til introforløbet.")
    first = editing.add_theme(db, "nyansatte", "Første uge", "#0072b2", "star")
    second = editing.add_theme(db, "nyansatte", "Første måned", "#d55e00")
    editing.add_card(db, "nyansatte", first, 'Hvem viser "rundt" den første dag?')
    editing.add_card(db, "nyansatte", first, "Hvad gør vi, hvis vi selv er syge?", "dilemma")
    hidden = editing.add_card(db, "nyansatte", second, "Hvem spørger du?\nOg hvornår?")
    editing.set_card_hidden(db, "nyansatte", hidden, True)

    exported = deck_files.export_deck_toml(db, "nyansatte")
    assert "hidden = true" in exported
    deck_admin.delete_user_deck(db, "nyansatte")
    assert "nyansatte" not in {d.key for d in list_decks(db)}

    assert deck_files.import_deck_toml(db, exported) == "nyansatte"
    assert deck_files.export_deck_toml(db, "nyansatte") == exported
    assert get_deck(db, "nyansatte", include_hidden=True) == parse_deck(exported)


def test_a_shipped_deck_round_trips_and_is_imported_as_a_copy(db) -> None:
    shipped = load_deck(DECKS / "tryghed.toml")
    exported = deck_files.export_deck_toml(db, "tryghed")
    assert exported == deck_to_toml(shipped)

    key = deck_files.import_deck_toml(db, exported)
    assert key == "tryghed-kopi"
    copy = get_deck(db, key, include_hidden=True)
    assert copy.title == f"{shipped.title} (kopi)"
    assert copy.themes == shipped.themes
    assert get_deck(db, "tryghed") == get_deck(db, "tryghed")  # the original untouched
    assert deck_files.import_deck_toml(db, exported) == "tryghed-kopi-2"


def test_a_broken_file_is_refused_in_danish_and_nothing_is_stored(db) -> None:
    before = list_decks(db)
    with pytest.raises(ValidationError, match="ingen temaer"):
        deck_files.import_deck_toml(db, 'key = "tomt"\ntitle = "Tomt"\n')
    with pytest.raises(ValidationError, match="ikke gyldig TOML"):
        deck_files.import_deck_toml(db, "key = ")
    assert list_decks(db) == before


def _bumped_folder(tmp_path: Path, key: str, change) -> Path:
    """A copy of the shipped decks with one deck at version 2, its texts changed by ``change``."""
    folder = tmp_path / "decks-v2"
    shutil.copytree(DECKS, folder)
    path = next(p for p in folder.glob("*.toml") if load_deck(p).key == key)
    deck = load_deck(path)
    deck.version += 1
    change(deck)
    path.write_text(deck_to_toml(deck), encoding="utf-8")
    return folder


def test_hr_edits_survive_a_later_shipped_version(db, tmp_path: Path) -> None:
    theme_key, card_key, _text = _first_card(db)
    deck = get_deck(db, "palette")
    other_card = deck.themes[0].cards[1].id
    hidden_card = deck.themes[0].cards[2].id
    editing.edit_card(db, "palette", card_key, text="Vores egen formulering.", kind="dilemma")
    editing.set_card_hidden(db, "palette", hidden_card, True)
    editing.edit_theme(db, "palette", theme_key, description="Vores beskrivelse.", colour="#123456")
    own = editing.add_card(db, "palette", theme_key, "Et kort, vi selv har skrevet.")

    def update(shipped) -> None:
        for theme in shipped.themes:
            theme.description = "Ny beskrivelse fra opdateringen."
            for card in theme.cards:
                card.text = "Opdateret: " + card.text

    sync_shipped_decks(db, _bumped_folder(tmp_path, "palette", update))
    after = get_deck(db, "palette", include_hidden=True)
    theme = after.theme(theme_key)
    cards = {c.id: c for c in theme.cards}
    assert cards[card_key].text == "Vores egen formulering."
    assert cards[card_key].kind == "dilemma"
    assert cards[hidden_card].hidden
    assert cards[other_card].text.startswith("Opdateret: ")  # untouched cards follow the update
    assert cards[own].text == "Et kort, vi selv har skrevet."
    assert theme.description == "Vores beskrivelse." and theme.colour == "#123456"
    assert after.themes[1].description == "Ny beskrivelse fra opdateringen."


def test_moving_a_card_changes_the_order_and_survives_an_update(db, tmp_path: Path) -> None:
    theme_key, card_key, _text = _first_card(db)
    assert editing.move_card(db, "palette", card_key, -1) is False
    assert editing.move_card(db, "palette", card_key, 1) is True
    order = [c.id for c in get_deck(db, "palette").theme(theme_key).cards]
    assert order[1] == card_key

    sync_shipped_decks(db, _bumped_folder(tmp_path, "palette", lambda deck: None))
    assert [c.id for c in get_deck(db, "palette").theme(theme_key).cards] == order


def test_reset_restores_the_shipped_texts_and_keeps_the_notes(db) -> None:
    shipped = load_deck(DECKS / "palette.toml")
    theme_key, card_key, _text = _first_card(db)
    screening_id = _screening(db)
    set_card_note(db, screening_id, "palette", card_key, discussed=True, note="Vi ringer dag 1.")
    editing.edit_card(db, "palette", card_key, text="Ændret.")
    editing.set_card_hidden(db, "palette", shipped.themes[0].cards[1].id, True)
    editing.move_card(db, "palette", card_key, 2)
    editing.edit_theme(db, "palette", theme_key, title="Omdøbt", symbol="star")
    noted = editing.add_card(db, "palette", theme_key, "Eget kort med en note.")
    set_card_note(db, screening_id, "palette", noted, note="Godt spørgsmål.")
    editing.add_card(db, "palette", theme_key, "Eget kort uden note.")

    deck_files.reset_deck_to_shipped(db, "palette", DECKS)

    assert get_deck(db, "palette") == shipped
    kept = get_deck(db, "palette", include_hidden=True).theme(theme_key).cards
    assert [c.id for c in kept if c.hidden] == [noted]  # kept for its note, hidden
    notes = card_notes(db, screening_id, "palette")
    assert notes[card_key].discussed and notes[card_key].note == "Vi ringer dag 1."
    assert notes[noted].note == "Godt spørgsmål."


def test_hidden_cards_are_left_out_of_the_meeting_and_of_print(db, tmp_path: Path) -> None:
    _theme_key, card_key, text = _first_card(db, "aktoerskab")
    editing.set_card_hidden(db, "aktoerskab", card_key, True)
    deck = get_deck(db, "aktoerskab")
    assert card_key not in {card.id for _theme, card in deck.all_cards()}
    assert card_key in {
        c.id for _t, c in get_deck(db, "aktoerskab", include_hidden=True).all_cards()
    }

    out = tmp_path / "kort.pdf"
    layout = write_card_set([get_deck(db, "aktoerskab", include_hidden=True)], out)
    assert card_key not in {placed.card_id for placed in layout.cards}
    printed = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert f"kort:{card_key}" not in printed  # the invisible marker at each printed card
    assert len(layout.cards) == len(deck.all_cards())
    assert text


def test_shipped_decks_cannot_be_deleted_and_bad_input_changes_nothing(db) -> None:
    with pytest.raises(ValidationError, match="kan ikke slettes"):
        deck_admin.delete_user_deck(db, "palette")
    with pytest.raises(ValidationError, match="faste temaer|tilføje temaer"):
        editing.add_theme(db, "palette", "Et niende tema")
    theme_key, card_key, text = _first_card(db)
    with pytest.raises(ValidationError):
        editing.edit_card(db, "palette", card_key, text="   ")
    with pytest.raises(ValidationError):
        editing.edit_theme(db, "palette", theme_key, colour="rød")
    with pytest.raises(ValidationError):
        deck_admin.create_deck(db, "Med Mellemrum", "Titel")
    with pytest.raises(ValidationError, match="allerede"):
        deck_admin.create_deck(db, "palette", "Titel")
    with pytest.raises(NotFoundError):
        editing.edit_card(db, "palette", "findes-ikke", text="x")
    assert _first_card(db)[2] == text
    with pytest.raises(ValidationError, match="eget kortsæt"):
        deck_admin.create_deck(db, "egne", "Egne kort")
        deck_files.reset_deck_to_shipped(db, "egne", DECKS)
