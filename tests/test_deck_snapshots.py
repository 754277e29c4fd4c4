"""Going back to a deck as it was (the card editor's Annuller and the meeting's undo).

A deck is put back row by row: an edited card keeps its row, so the notes a
group wrote about it stay; cards and themes added since go; cards deleted
since come back.
"""

from __future__ import annotations

from datetime import date

from norddjurs_desktop.services.decks import admin as deck_admin
from norddjurs_desktop.services.decks import editing
from norddjurs_desktop.services.decks.library import card_notes, get_deck, set_card_note
from norddjurs_desktop.services.screenings import create_screening
from norddjurs_desktop.services.units import create_unit


def _texts(db, deck_key: str) -> dict[str, list[tuple[str, str, bool]]]:
    deck = get_deck(db, deck_key, include_hidden=True)
    return {
        f"{theme.title}|{theme.colour}": [(c.id, c.text, c.hidden) for c in theme.cards]
        for theme in deck.themes
    }


def test_restoring_the_palette_keeps_the_groups_card_notes(db) -> None:
    unit = create_unit(db, "Hjemmeplejen Nord")
    screening = create_screening(db, unit, on=date(2026, 11, 2))
    card = get_deck(db, "palette").themes[0].cards[0]
    set_card_note(db, screening, "palette", card.id, note="Dag 1 virker.")
    before = editing.snapshot_deck(db, "palette")
    shown_before = _texts(db, "palette")

    editing.edit_card(db, "palette", card.id, text="Ny tekst")
    editing.edit_theme(db, "palette", "handling", title="Håndtering af fravær", colour="#123456")
    editing.set_card_hidden(db, "palette", card.id, True)
    added = editing.add_card(db, "palette", "handling", "Et nyt kort")
    after = editing.snapshot_deck(db, "palette")
    shown_after = _texts(db, "palette")
    assert after != before

    editing.restore_deck(db, before)
    assert _texts(db, "palette") == shown_before
    assert added not in {c.id for t in get_deck(db, "palette").themes for c in t.cards}
    assert card_notes(db, screening, "palette")[card.id].note == "Dag 1 virker."
    assert editing.snapshot_deck(db, "palette") == before

    editing.restore_deck(db, after)  # redo
    assert _texts(db, "palette") == shown_after
    assert card_notes(db, screening, "palette")[card.id].note == "Dag 1 virker."


def test_cards_and_themes_deleted_from_an_own_deck_come_back(db) -> None:
    deck_admin.create_deck(db, "egne-kort", "Egne kort")
    theme = editing.add_theme(db, "egne-kort", "Tale om fejl")
    first = editing.add_card(db, "egne-kort", theme, "Hvad gjorde vi sidst?")
    second = editing.add_card(db, "egne-kort", theme, "Hvem kan man spørge?")
    before = editing.snapshot_deck(db, "egne-kort")
    shown_before = _texts(db, "egne-kort")

    editing.delete_card(db, "egne-kort", first)
    editing.move_card(db, "egne-kort", second, -1)
    extra = editing.add_theme(db, "egne-kort", "Et ekstra tema")
    editing.add_card(db, "egne-kort", extra, "Kort i det ekstra tema")
    editing.delete_theme(db, "egne-kort", theme)

    editing.restore_deck(db, before)
    assert _texts(db, "egne-kort") == shown_before
    assert [t.key for t in get_deck(db, "egne-kort").themes] == [theme]
    assert editing.snapshot_deck(db, "egne-kort") == before
