"""Decks as TOML files: export, import as HR's own copy, and reset to the shipped file.

Choices worth knowing:

- Importing a deck whose key already exists never overwrites anything: it is
  stored as a copy under a new key (``<key>-kopi``, ``<key>-kopi-2`` …) with
  " (kopi)" after its title. This also holds for a shipped key.
- Resetting a shipped deck restores the shipped texts, order and colours,
  clears ``user_edited`` and shows hidden cards again. Cards HR added to it are
  removed, unless a screening holds a note about one: then it is kept, hidden,
  so the note survives. Notes (``CardNote``) are never touched.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from norddjurs_desktop.domain import decks as domain
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.services.decks.rows import (
    KEY_PATTERN,
    deck_row,
    free_key,
    new_own_deck,
    slug,
)
from norddjurs_desktop.services.decks.schema import check_deck_text
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Card, CardNote, Deck, DeckTheme

# -- export and import -----------------------------------------------------------------


def export_deck_toml(db: Database, key: str) -> str:
    """The deck as a TOML file's text, hidden cards included (marked ``hidden = true``)."""
    deck = get_deck(db, key, include_hidden=True)
    deck.version = max(1, deck.version)
    return domain.deck_to_toml(deck)


def import_deck_toml(db: Database, text: str) -> str:
    """Store a deck from TOML text as HR's own deck; returns the key it was stored under.

    An existing key (shipped or not) is never overwritten: the deck becomes a
    copy under a new key. The file is checked whole first (every field's type,
    format and length, see :mod:`.deck_schema`); a mistake raises
    ``ValidationError`` with a Danish message naming the field, and nothing is
    stored.
    """
    db.backup_before("foer-kortsaetimport")  # a copy to go back to (issue 7)
    try:
        deck: domain.Deck = check_deck_text(text, lambda data: domain.deck_from_dict(
            dict(data), "Filen"))
    except domain.DeckError as error:
        raise ValidationError(str(error)) from error
    with db.session() as session:
        taken = set(session.exec(select(Deck.key)).all())
        key, title = deck.key, deck.title
        if key in taken:
            key = free_key(f"{slug(deck.key)[:30]}-kopi", taken)
            title = f"{deck.title} (kopi)"
        elif not KEY_PATTERN.match(key):
            key = free_key(slug(key), taken)
        row = new_own_deck(session, key, title, deck.description, version=deck.version)
        session.flush()
        assert row.id is not None
        for theme_position, theme in enumerate(deck.themes):
            theme_row = DeckTheme(
                deck_id=row.id,
                key=theme.key,
                title=theme.title,
                description=theme.description,
                colour=theme.colour,
                symbol=theme.symbol,
                position=theme_position,
            )
            session.add(theme_row)
            session.flush()
            assert theme_row.id is not None
            for card_position, card in enumerate(theme.cards):
                session.add(
                    Card(
                        deck_id=row.id,
                        theme_id=theme_row.id,
                        card_key=card.id,
                        kind=card.kind,
                        text=card.text,
                        position=card_position,
                        hidden=card.hidden,
                    )
                )
        return key


# -- back to the shipped texts ---------------------------------------------------------


def shipped_deck_file(folder: Path, key: str) -> domain.Deck:
    for path in sorted(folder.glob("*.toml")):
        deck = domain.load_deck(path)
        if deck.key == key:
            return deck
    raise NotFoundError(f"Programmet har ingen medfølgende udgave af kortsættet '{key}'.")


def reset_deck_to_shipped(db: Database, key: str, folder: Path) -> None:
    """Undo every edit HR made to a shipped deck; notes about its cards are kept."""
    with db.session() as session:
        row = deck_row(session, key)
        if not row.shipped:
            raise ValidationError(
                f"'{row.title}' er jeres eget kortsæt; kun medfølgende kortsæt kan nulstilles."
            )
        shipped = shipped_deck_file(folder, key)
        row.title, row.description = shipped.title, shipped.description
        row.shipped_version = shipped.version
        session.add(row)
        themes = {
            t.key: t for t in session.exec(select(DeckTheme).where(DeckTheme.deck_id == row.id))
        }
        cards = {c.card_key: c for c in session.exec(select(Card).where(Card.deck_id == row.id))}
        shipped_keys: set[str] = set()
        for theme_position, theme in enumerate(shipped.themes):
            theme_row = themes.get(theme.key) or DeckTheme(
                deck_id=row.id or 0, key=theme.key, title=theme.title
            )
            theme_row.title, theme_row.description = theme.title, theme.description
            theme_row.colour, theme_row.symbol = theme.colour, theme.symbol
            theme_row.position, theme_row.user_edited = theme_position, False
            session.add(theme_row)
            session.flush()
            assert theme_row.id is not None
            for card_position, card in enumerate(theme.cards):
                shipped_keys.add(card.id)
                card_row = cards.get(card.id) or Card(
                    deck_id=row.id or 0, theme_id=theme_row.id, card_key=card.id, text=card.text
                )
                card_row.theme_id = theme_row.id
                card_row.text, card_row.kind = card.text, card.kind
                card_row.position, card_row.hidden = card_position, card.hidden
                card_row.user_edited = False
                session.add(card_row)
        noted = set(session.exec(select(CardNote.card_id)).all())
        for card_key, card_row in cards.items():
            if card_key in shipped_keys:
                continue
            if card_row.id in noted:
                card_row.hidden = True
                session.add(card_row)
            else:
                session.delete(card_row)
