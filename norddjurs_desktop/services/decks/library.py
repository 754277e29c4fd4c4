"""Card decks in the database: loading the shipped files, reading decks, card notes.

The shipped TOML files are never changed. On start the database takes what is
new in them: new decks, themes and cards are added, and texts the user has not
edited follow the shipped version. Notes a group wrote about a card live in
their own table and are never touched by an update.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from norddjurs_desktop.domain import decks as domain
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import NotFoundError
from norddjurs_desktop.services.screenings import touch
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Card, CardNote, Deck, DeckTheme


@dataclass(frozen=True)
class DeckInfo:
    key: str
    title: str
    shipped: bool
    theme_count: int
    card_count: int


@dataclass(frozen=True)
class CardNoteData:
    discussed: bool
    note: str


def _sync_deck(session: Session, deck: domain.Deck, position: int) -> None:
    row = session.exec(select(Deck).where(Deck.key == deck.key)).first()
    if row is not None and row.shipped_version >= deck.version:
        return
    if row is None:
        row = Deck(key=deck.key, title=deck.title, shipped=True, position=position)
    row.description = deck.description
    row.shipped_version = deck.version
    session.add(row)
    session.flush()
    assert row.id is not None
    themes = {t.key: t for t in session.exec(select(DeckTheme).where(DeckTheme.deck_id == row.id))}
    cards = {c.card_key: c for c in session.exec(select(Card).where(Card.deck_id == row.id))}
    for theme_position, theme in enumerate(deck.themes):
        theme_row = themes.get(theme.key)
        if theme_row is None:
            theme_row = DeckTheme(deck_id=row.id, key=theme.key, title=theme.title)
        if not theme_row.user_edited:
            theme_row.title = theme.title
            theme_row.description = theme.description
            theme_row.colour = theme.colour
            theme_row.symbol = theme.symbol
            theme_row.position = theme_position
        session.add(theme_row)
        session.flush()
        assert theme_row.id is not None
        for card_position, card in enumerate(theme.cards):
            card_row = cards.get(card.id)
            if card_row is None:
                card_row = Card(
                    deck_id=row.id, theme_id=theme_row.id, card_key=card.id, text=card.text
                )
            if not card_row.user_edited:
                card_row.text = card.text
                card_row.kind = card.kind
                card_row.position = card_position
            session.add(card_row)


def sync_shipped_decks(db: Database, folder: Path) -> None:
    """Bring the shipped decks in ``folder`` into the database (cheap when nothing changed)."""
    files = sorted(folder.glob("*.toml"))
    order = {"palette": 0, "tryghed": 1, "aktoerskab": 2}
    parsed = sorted(
        (domain.load_deck(path) for path in files), key=lambda d: (order.get(d.key, 9), d.key)
    )
    with db.session() as session:
        for position, deck in enumerate(parsed):
            _sync_deck(session, deck, position)


def list_decks(db: Database) -> list[DeckInfo]:
    with db.session() as session:
        result = []
        for deck in session.exec(select(Deck).order_by(col(Deck.position), col(Deck.key))):
            themes = session.exec(select(DeckTheme.id).where(DeckTheme.deck_id == deck.id)).all()
            cards = session.exec(
                select(Card.id).where(Card.deck_id == deck.id, Card.hidden == False)  # noqa: E712
            ).all()
            result.append(DeckInfo(deck.key, deck.title, deck.shipped, len(themes), len(cards)))
        return result


def get_deck(db: Database, key: str, *, include_hidden: bool = False) -> domain.Deck:
    with db.session() as session:
        row = session.exec(select(Deck).where(Deck.key == key)).first()
        if row is None:
            raise NotFoundError(f"Der findes intet kortsæt med nøglen '{key}'.")
        deck = domain.Deck(
            key=row.key, title=row.title, description=row.description, version=row.shipped_version
        )
        theme_rows = session.exec(
            select(DeckTheme).where(DeckTheme.deck_id == row.id).order_by(col(DeckTheme.position))
        ).all()
        for theme_row in theme_rows:
            theme = domain.Theme(
                key=theme_row.key,
                title=theme_row.title,
                description=theme_row.description,
                colour=theme_row.colour,
                symbol=theme_row.symbol,
            )
            card_rows = session.exec(
                select(Card)
                .where(Card.theme_id == theme_row.id)
                .order_by(col(Card.position), col(Card.id))
            ).all()
            theme.cards = [
                domain.Card(id=c.card_key, text=c.text, kind=c.kind, hidden=c.hidden)
                for c in card_rows
                if include_hidden or not c.hidden
            ]
            deck.themes.append(theme)
        return deck


def _card(session: Session, deck_key: str, card_key: str) -> Card:
    card = session.exec(
        select(Card).join(Deck).where(Deck.key == deck_key, Card.card_key == card_key)
    ).first()
    if card is None:
        raise NotFoundError(f"Kortet '{card_key}' findes ikke.")
    return card


def set_card_note(
    db: Database,
    screening_id: int,
    deck_key: str,
    card_key: str,
    *,
    discussed: bool | None = None,
    note: str | None = None,
) -> Changes:
    """Mark a card as talked about and/or keep what the group noted about it."""
    with db.session() as session:
        unit_id = touch(session, screening_id).unit_id
        card = _card(session, deck_key, card_key)
        row = session.exec(
            select(CardNote).where(
                CardNote.screening_id == screening_id, CardNote.card_id == card.id
            )
        ).first()
        if row is None:
            assert card.id is not None
            row = CardNote(screening_id=screening_id, card_id=card.id)
        if discussed is not None:
            row.discussed = discussed
        if note is not None:
            row.note = note
        session.add(row)
    return Changes.of(Kind.CARD_NOTES, screening_id=screening_id, unit_id=unit_id)


def card_notes(db: Database, screening_id: int, deck_key: str) -> dict[str, CardNoteData]:
    """Card key → what the screening recorded about it."""
    with db.session() as session:
        rows = session.exec(
            select(Card.card_key, CardNote.discussed, CardNote.note)
            .join(Card, col(Card.id) == col(CardNote.card_id))
            .join(Deck, col(Deck.id) == col(Card.deck_id))
            .where(CardNote.screening_id == screening_id, Deck.key == deck_key)
        ).all()
        return {key: CardNoteData(bool(discussed), note) for key, discussed, note in rows}
