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
from dataclasses import dataclass

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
from norddjurs_desktop.storage.models import Card, Deck, DeckTheme

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


# -- snapshots: a deck's themes and cards as they were, to go back to --------------------


@dataclass(frozen=True)
class ThemeState:
    id: int
    key: str
    title: str
    description: str
    colour: str
    symbol: str
    position: int
    user_edited: bool


@dataclass(frozen=True)
class CardState:
    id: int
    theme_id: int
    card_key: str
    kind: str
    text: str
    position: int
    hidden: bool
    user_edited: bool


@dataclass(frozen=True)
class DeckSnapshot:
    """One deck's themes and cards, by row id, at one moment.

    Restoring goes back to it by updating the same rows in place: card notes of
    a screening point to card ids (ON DELETE CASCADE), so a card that was only
    edited must keep its row, or the notes about it would vanish.
    """

    deck_key: str
    themes: tuple[ThemeState, ...]
    cards: tuple[CardState, ...]


_THEME_FIELDS = ("key", "title", "description", "colour", "symbol", "position", "user_edited")
_CARD_FIELDS = ("theme_id", "card_key", "kind", "text", "position", "hidden", "user_edited")


def snapshot_deck(db: Database, deck_key: str) -> DeckSnapshot:
    with db.session() as session:
        deck = deck_row(session, deck_key)
        themes = session.exec(
            select(DeckTheme).where(DeckTheme.deck_id == deck.id).order_by(col(DeckTheme.id))
        ).all()
        cards = session.exec(
            select(Card).where(Card.deck_id == deck.id).order_by(col(Card.id))
        ).all()
        return DeckSnapshot(
            deck_key,
            tuple(
                ThemeState(t.id or 0, *(getattr(t, name) for name in _THEME_FIELDS))
                for t in themes
            ),
            tuple(
                CardState(c.id or 0, *(getattr(c, name) for name in _CARD_FIELDS)) for c in cards
            ),
        )


def snapshot_decks(db: Database) -> dict[str, DeckSnapshot]:
    """Every deck, read in one transaction (the card editor's "before")."""
    with db.session() as session:
        keys = list(session.exec(select(Deck.key).order_by(col(Deck.position))).all())
        return {key: snapshot_deck(db, key) for key in keys}


def restore_deck(db: Database, snapshot: DeckSnapshot) -> None:
    """Put a deck's themes and cards back as ``snapshot`` holds them, in one transaction.

    Rows that exist in both are updated in place (their ids, and the card notes
    that point to them, stay); themes and cards added since are deleted; the
    ones deleted since are made again with their old ids.
    """
    with db.session() as session:
        deck = deck_row(session, snapshot.deck_key)
        assert deck.id is not None
        themes = {
            t.id: t for t in session.exec(select(DeckTheme).where(DeckTheme.deck_id == deck.id))
        }
        cards = {c.id: c for c in session.exec(select(Card).where(Card.deck_id == deck.id))}
        wanted_themes = {state.id for state in snapshot.themes}
        wanted_cards = {state.id for state in snapshot.cards}
        # Added since: gone first, so their keys are free for the rows that come back.
        for card_id, card in cards.items():
            if card_id not in wanted_cards:
                session.delete(card)
        for theme_id, theme in themes.items():
            if theme_id not in wanted_themes:
                session.delete(theme)
        session.flush()
        for theme_state in snapshot.themes:
            theme_row_ = themes.get(theme_state.id) or DeckTheme(
                id=theme_state.id, deck_id=deck.id, key=theme_state.key, title=theme_state.title
            )
            for name in _THEME_FIELDS:
                setattr(theme_row_, name, getattr(theme_state, name))
            session.add(theme_row_)
        session.flush()
        for card_state in snapshot.cards:
            card = cards.get(card_state.id) or Card(
                id=card_state.id,
                deck_id=deck.id,
                theme_id=card_state.theme_id,
                card_key=card_state.card_key,
                text=card_state.text,
            )
            for name in _CARD_FIELDS:
                setattr(card, name, getattr(card_state, name))
            session.add(card)
