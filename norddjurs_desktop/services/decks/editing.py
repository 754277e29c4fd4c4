"""HR's card editor for cards and themes: texts, order, visibility, colour and symbol.

Every change to a shipped deck sets ``user_edited`` on the row it touches, so a
later app update (``sync_shipped_decks``) leaves it alone; the shipped files are
never written. Whole decks (new, renamed, deleted) are in ``deck_admin``, TOML
export, import and reset in ``deck_files``.

Choices worth knowing:

- The themes of a shipped deck are fixed (the palette's eight themes are the
  backbone of scoring). HR can edit their texts, colour and symbol, and add,
  edit, move and hide cards, but themes are added only to HR's own decks.
- Cards are never deleted from a shipped deck, only hidden: the next update
  would bring a deleted shipped card back, and notes may point to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session, col, select

from norddjurs_desktop.domain import decks as domain
from norddjurs_desktop.services.decks.rows import (
    card_row,
    clean_text,
    deck_row,
    free_key,
    own_deck,
    slug,
    theme_row,
)
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Card, DeckTheme

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
OWN_CARD_MARK = "-egen-"  # in the key of a card HR added, e.g. "handling-egen-01"


# -- checks ----------------------------------------------------------------------------


def _check_kind(kind: str) -> str:
    if kind not in domain.CARD_KINDS:
        raise ValidationError(f"Korttypen skal være en af: {', '.join(domain.CARD_KINDS)}.")
    return kind


def _check_colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise ValidationError(f"Farven skal skrives som #rrggbb, ikke '{colour}'.")
    return colour.lower()


def _check_symbol(symbol: str) -> str:
    if symbol not in domain.SYMBOLS:
        raise ValidationError(f"Ukendt symbol '{symbol}'.")
    return symbol


def _theme_cards(session: Session, theme_id: int | None) -> list[Card]:
    return list(
        session.exec(
            select(Card).where(Card.theme_id == theme_id).order_by(col(Card.position), col(Card.id))
        ).all()
    )


@contextmanager
def _edited_card(db: Database, deck_key: str, card_key: str) -> Iterator[Card]:
    """The card to change in place; marked user-edited and saved when the block ends."""
    with db.session() as session:
        card = card_row(session, deck_row(session, deck_key), card_key)
        yield card
        card.user_edited = True
        session.add(card)


# -- cards -----------------------------------------------------------------------------


def add_card(
    db: Database, deck_key: str, theme_key: str, text: str, kind: str = "spørgsmål"
) -> str:
    """Add a card at the end of a theme; returns its new card key."""
    text = clean_text(text, "Kortets tekst")
    _check_kind(kind)
    with db.session() as session:
        deck = deck_row(session, deck_key)
        theme = theme_row(session, deck, theme_key)
        taken = set(session.exec(select(Card.card_key).where(Card.deck_id == deck.id)).all())
        number = 1
        while f"{theme_key}{OWN_CARD_MARK}{number:02d}" in taken:
            number += 1
        key = f"{theme_key}{OWN_CARD_MARK}{number:02d}"
        cards = _theme_cards(session, theme.id)
        position = max((c.position for c in cards), default=-1) + 1
        assert deck.id is not None and theme.id is not None
        session.add(
            Card(
                deck_id=deck.id,
                theme_id=theme.id,
                card_key=key,
                kind=kind,
                text=text,
                position=position,
                user_edited=True,
            )
        )
        return key


def edit_card(
    db: Database,
    deck_key: str,
    card_key: str,
    *,
    text: str | None = None,
    kind: str | None = None,
) -> None:
    with _edited_card(db, deck_key, card_key) as card:
        if text is not None:
            card.text = clean_text(text, "Kortets tekst")
        if kind is not None:
            card.kind = _check_kind(kind)


def move_card(db: Database, deck_key: str, card_key: str, step: int) -> bool:
    """Move a card ``step`` places within its theme (-1 up, +1 down); False at either end.

    Cards whose place changes become user-edited, so an update keeps the new order.
    """
    with db.session() as session:
        card = card_row(session, deck_row(session, deck_key), card_key)
        cards = _theme_cards(session, card.theme_id)
        index = next(i for i, c in enumerate(cards) if c.id == card.id)
        target = index + step
        if step == 0 or not 0 <= target < len(cards):
            return False
        cards.insert(target, cards.pop(index))
        for position, row in enumerate(cards):
            if row.position != position:
                row.position = position
                row.user_edited = True
                session.add(row)
        card.user_edited = True
        session.add(card)
        return True


def set_card_hidden(db: Database, deck_key: str, card_key: str, hidden: bool) -> None:
    """Hide a card from the meeting and from print (or show it again)."""
    with _edited_card(db, deck_key, card_key) as card:
        card.hidden = hidden


def delete_card(db: Database, deck_key: str, card_key: str) -> None:
    """Delete a card from HR's own deck (shipped decks hide cards instead)."""
    with db.session() as session:
        deck = deck_row(session, deck_key)
        own_deck(deck, "slette kort")
        session.delete(card_row(session, deck, card_key))


# -- themes ----------------------------------------------------------------------------


def edit_theme(
    db: Database,
    deck_key: str,
    theme_key: str,
    *,
    title: str | None = None,
    description: str | None = None,
    colour: str | None = None,
    symbol: str | None = None,
) -> None:
    with db.session() as session:
        theme = theme_row(session, deck_row(session, deck_key), theme_key)
        if title is not None:
            theme.title = clean_text(title, "Temaets navn")
        if description is not None:
            theme.description = description.strip()
        if colour is not None:
            theme.colour = _check_colour(colour)
        if symbol is not None:
            theme.symbol = _check_symbol(symbol)
        theme.user_edited = True
        session.add(theme)


def add_theme(
    db: Database, deck_key: str, title: str, colour: str = "#808080", symbol: str = ""
) -> str:
    """Add a theme at the end of HR's own deck; returns its key."""
    title = clean_text(title, "Temaets navn")
    colour = _check_colour(colour)
    with db.session() as session:
        deck = deck_row(session, deck_key)
        own_deck(deck, "tilføje temaer")
        rows = session.exec(select(DeckTheme).where(DeckTheme.deck_id == deck.id)).all()
        key = free_key(slug(title, "tema"), {row.key for row in rows}, cut=None)
        symbol = _check_symbol(symbol or domain.SYMBOLS[len(rows) % len(domain.SYMBOLS)])
        assert deck.id is not None
        session.add(
            DeckTheme(
                deck_id=deck.id,
                key=key,
                title=title,
                colour=colour,
                symbol=symbol,
                position=max((row.position for row in rows), default=-1) + 1,
                user_edited=True,
            )
        )
        return key


def delete_theme(db: Database, deck_key: str, theme_key: str) -> None:
    """Delete a theme and its cards from HR's own deck."""
    with db.session() as session:
        deck = deck_row(session, deck_key)
        own_deck(deck, "slette temaer")
        session.delete(theme_row(session, deck, theme_key))
