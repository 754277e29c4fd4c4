"""The deck editor's shared ground: rows found by key, and the checks every edit makes.

Cards are identified by deck key and card key, themes by deck key and theme
key, as in the TOML files; the lookups here turn those keys into rows or a
Danish ``NotFoundError``. The editing, admin and file modules all use them,
so a missing key or an empty text reads the same wherever it is caught.
"""

from __future__ import annotations

import re
from typing import TypeVar

from sqlmodel import Session, col, select

from norddjurs_desktop.services.decks.schema import MAX_CARD_TEXT, MAX_TITLE
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.storage.models import Card, Deck, DeckTheme

CARD_TEXT = "Kortets tekst"
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_Row = TypeVar("_Row")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})


def slug(text: str, fallback: str = "kortsaet") -> str:
    """A key from a Danish title: 'Tryghed på tværs' → 'tryghed-paa-tvaers'."""
    value = text.lower().translate(_DANISH)
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")[:40].strip("-")
    return value or fallback


def free_key(base: str, taken: set[str], cut: int | None = 34) -> str:
    """``base``, or ``base-2``, ``base-3`` … (base cut to ``cut`` characters) if taken."""
    key, number = base, 2
    while key in taken:
        key = f"{base[:cut]}-{number}"
        number += 1
    return key


def deck_row(session: Session, key: str) -> Deck:
    row = session.exec(select(Deck).where(Deck.key == key)).first()
    return _found(row, f"Der findes intet kortsæt med nøglen '{key}'.")


def theme_row(session: Session, deck: Deck, theme_key: str) -> DeckTheme:
    query = select(DeckTheme).where(DeckTheme.deck_id == deck.id, DeckTheme.key == theme_key)
    message = f"Temaet '{theme_key}' findes ikke i kortsættet '{deck.title}'."
    return _found(session.exec(query).first(), message)


def card_row(session: Session, deck: Deck, card_key: str) -> Card:
    query = select(Card).where(Card.deck_id == deck.id, Card.card_key == card_key)
    message = f"Kortet '{card_key}' findes ikke i kortsættet '{deck.title}'."
    return _found(session.exec(query).first(), message)


def _found(row: _Row | None, message: str) -> _Row:
    if row is None:
        raise NotFoundError(message)
    return row


def new_own_deck(session: Session, key: str, title: str, description: str, version: int) -> Deck:
    """Add HR's own deck (not shipped) after the last deck; ``version`` is written on export."""
    last = session.exec(select(Deck.position).order_by(col(Deck.position).desc())).first()
    row = Deck(
        key=key,
        title=title,
        description=description,
        shipped=False,
        shipped_version=version,
        position=(last or 0) + 1,
    )
    session.add(row)
    return row


def clean_text(text: str, what: str) -> str:
    """``text`` stripped; refused when empty or longer than a deck file may hold.

    The editor keeps the same limits as :mod:`.deck_schema` (card text 1,000
    characters, titles 120), so a deck can always be exported and imported
    again, and no title can make a PDF run for minutes.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(f"{what} må ikke være tom.")
    limit = MAX_CARD_TEXT if what == CARD_TEXT else MAX_TITLE
    if len(cleaned) > limit:
        raise ValidationError(
            f"{what} må højst være {limit:,} tegn (er {len(cleaned):,}).".replace(",", ".")
        )
    return cleaned


def own_deck(deck: Deck, doing: str) -> None:
    """Refuse ``doing`` in a shipped deck: only HR's own decks may change shape."""
    if deck.shipped:
        raise ValidationError(
            f"'{deck.title}' følger med programmet, så man kan ikke {doing} i det. "
            "Lav et nyt kortsæt, eller eksportér og importér det som en kopi."
        )
