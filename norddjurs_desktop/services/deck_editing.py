"""HR's card editor: changing texts, order and visibility, own decks, TOML export and import.

Every change to a shipped deck sets ``user_edited`` on the row it touches, so a
later app update (``sync_shipped_decks``) leaves it alone; the shipped files are
never written. Cards are identified by deck key and card key, themes by deck key
and theme key, as in the TOML files.

Choices worth knowing:

- The themes of a shipped deck are fixed (the palette's eight themes are the
  backbone of scoring). HR can edit their texts, colour and symbol, and add,
  edit, move and hide cards, but themes are added only to HR's own decks.
- Cards are never deleted from a shipped deck, only hidden: the next update
  would bring a deleted shipped card back, and notes may point to it.
- Importing a deck whose key already exists never overwrites anything: it is
  stored as a copy under a new key (``<key>-kopi``, ``<key>-kopi-2`` …) with
  " (kopi)" after its title. This also holds for a shipped key.
- Resetting a shipped deck restores the shipped texts, order and colours,
  clears ``user_edited`` and shows hidden cards again. Cards HR added to it are
  removed, unless a screening holds a note about one: then it is kept, hidden,
  so the note survives. Notes (``CardNote``) are never touched.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlmodel import Session, col, select

from norddjurs_desktop.domain import decks as domain
from norddjurs_desktop.services.decks import get_deck
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Card, CardNote, Deck, DeckTheme

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})
OWN_CARD_MARK = "-egen-"  # in the key of a card HR added, e.g. "handling-egen-01"


# -- small helpers ---------------------------------------------------------------------


def slug(text: str, fallback: str = "kortsaet") -> str:
    """A key from a Danish title: 'Tryghed på tværs' → 'tryghed-paa-tvaers'."""
    value = text.lower().translate(_DANISH)
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")[:40].strip("-")
    return value or fallback


def _deck_row(session: Session, key: str) -> Deck:
    row = session.exec(select(Deck).where(Deck.key == key)).first()
    if row is None:
        raise NotFoundError(f"Der findes intet kortsæt med nøglen '{key}'.")
    return row


def _theme_row(session: Session, deck: Deck, theme_key: str) -> DeckTheme:
    row = session.exec(
        select(DeckTheme).where(DeckTheme.deck_id == deck.id, DeckTheme.key == theme_key)
    ).first()
    if row is None:
        raise NotFoundError(f"Temaet '{theme_key}' findes ikke i kortsættet '{deck.title}'.")
    return row


def _card_row(session: Session, deck: Deck, card_key: str) -> Card:
    row = session.exec(
        select(Card).where(Card.deck_id == deck.id, Card.card_key == card_key)
    ).first()
    if row is None:
        raise NotFoundError(f"Kortet '{card_key}' findes ikke i kortsættet '{deck.title}'.")
    return row


def _theme_cards(session: Session, theme_id: int | None) -> list[Card]:
    return list(
        session.exec(
            select(Card).where(Card.theme_id == theme_id).order_by(col(Card.position), col(Card.id))
        ).all()
    )


def _clean_text(text: str, what: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(f"{what} må ikke være tom.")
    return cleaned


def _check_kind(kind: str) -> str:
    if kind not in domain.CARD_KINDS:
        raise ValidationError(f"Korttypen skal være en af: {', '.join(domain.CARD_KINDS)}.")
    return kind


def _own_deck(deck: Deck, doing: str) -> None:
    if deck.shipped:
        raise ValidationError(
            f"'{deck.title}' følger med programmet, så man kan ikke {doing} i det. "
            "Lav et nyt kortsæt, eller eksportér og importér det som en kopi."
        )


# -- cards -----------------------------------------------------------------------------


def add_card(
    db: Database, deck_key: str, theme_key: str, text: str, kind: str = "spørgsmål"
) -> str:
    """Add a card at the end of a theme; returns its new card key."""
    text = _clean_text(text, "Kortets tekst")
    _check_kind(kind)
    with db.session() as session:
        deck = _deck_row(session, deck_key)
        theme = _theme_row(session, deck, theme_key)
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
    with db.session() as session:
        card = _card_row(session, _deck_row(session, deck_key), card_key)
        if text is not None:
            card.text = _clean_text(text, "Kortets tekst")
        if kind is not None:
            card.kind = _check_kind(kind)
        card.user_edited = True
        session.add(card)


def move_card(db: Database, deck_key: str, card_key: str, step: int) -> bool:
    """Move a card ``step`` places within its theme (-1 up, +1 down); False at either end.

    Cards whose place changes become user-edited, so an update keeps the new order.
    """
    with db.session() as session:
        card = _card_row(session, _deck_row(session, deck_key), card_key)
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
    with db.session() as session:
        card = _card_row(session, _deck_row(session, deck_key), card_key)
        card.hidden = hidden
        card.user_edited = True
        session.add(card)


def delete_card(db: Database, deck_key: str, card_key: str) -> None:
    """Delete a card from HR's own deck (shipped decks hide cards instead)."""
    with db.session() as session:
        deck = _deck_row(session, deck_key)
        _own_deck(deck, "slette kort")
        session.delete(_card_row(session, deck, card_key))


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
        theme = _theme_row(session, _deck_row(session, deck_key), theme_key)
        if title is not None:
            theme.title = _clean_text(title, "Temaets navn")
        if description is not None:
            theme.description = description.strip()
        if colour is not None:
            if not _COLOUR.match(colour):
                raise ValidationError(f"Farven skal skrives som #rrggbb, ikke '{colour}'.")
            theme.colour = colour.lower()
        if symbol is not None:
            if symbol not in domain.SYMBOLS:
                raise ValidationError(f"Ukendt symbol '{symbol}'.")
            theme.symbol = symbol
        theme.user_edited = True
        session.add(theme)


def add_theme(
    db: Database, deck_key: str, title: str, colour: str = "#808080", symbol: str = ""
) -> str:
    """Add a theme at the end of HR's own deck; returns its key."""
    title = _clean_text(title, "Temaets navn")
    if not _COLOUR.match(colour):
        raise ValidationError(f"Farven skal skrives som #rrggbb, ikke '{colour}'.")
    with db.session() as session:
        deck = _deck_row(session, deck_key)
        _own_deck(deck, "tilføje temaer")
        rows = session.exec(select(DeckTheme).where(DeckTheme.deck_id == deck.id)).all()
        taken = {row.key for row in rows}
        key = base = slug(title, "tema")
        number = 2
        while key in taken:
            key = f"{base}-{number}"
            number += 1
        symbol = symbol or domain.SYMBOLS[len(rows) % len(domain.SYMBOLS)]
        if symbol not in domain.SYMBOLS:
            raise ValidationError(f"Ukendt symbol '{symbol}'.")
        assert deck.id is not None
        session.add(
            DeckTheme(
                deck_id=deck.id,
                key=key,
                title=title,
                colour=colour.lower(),
                symbol=symbol,
                position=max((row.position for row in rows), default=-1) + 1,
                user_edited=True,
            )
        )
        return key


def delete_theme(db: Database, deck_key: str, theme_key: str) -> None:
    """Delete a theme and its cards from HR's own deck."""
    with db.session() as session:
        deck = _deck_row(session, deck_key)
        _own_deck(deck, "slette temaer")
        session.delete(_theme_row(session, deck, theme_key))


# -- decks -----------------------------------------------------------------------------


def _check_new_key(session: Session, key: str) -> None:
    if not KEY_PATTERN.match(key):
        raise ValidationError(
            "Nøglen må kun have små bogstaver a–z, tal, - og _ (højst 40 tegn), fx 'tryghed-2'."
        )
    if session.exec(select(Deck.id).where(Deck.key == key)).first() is not None:
        raise ValidationError(f"Der findes allerede et kortsæt med nøglen '{key}'.")


def create_deck(db: Database, key: str, title: str, description: str = "") -> str:
    """Create HR's own, empty deck (not shipped); returns its key."""
    title = _clean_text(title, "Kortsættets titel")
    with db.session() as session:
        _check_new_key(session, key)
        last = session.exec(select(Deck.position).order_by(col(Deck.position).desc())).first()
        session.add(
            Deck(
                key=key,
                title=title,
                description=description.strip(),
                shipped=False,
                shipped_version=1,  # for own decks: the version written on export
                position=(last or 0) + 1,
            )
        )
        return key


def edit_deck(
    db: Database, key: str, *, title: str | None = None, description: str | None = None
) -> None:
    """Rename or re-describe HR's own deck (a shipped deck's title follows the app)."""
    with db.session() as session:
        deck = _deck_row(session, key)
        _own_deck(deck, "ændre titlen")
        if title is not None:
            deck.title = _clean_text(title, "Kortsættets titel")
        if description is not None:
            deck.description = description.strip()
        session.add(deck)


def delete_user_deck(db: Database, key: str) -> None:
    """Delete one of HR's own decks, with its cards and the notes about them."""
    with db.session() as session:
        deck = _deck_row(session, key)
        if deck.shipped:
            raise ValidationError(
                f"'{deck.title}' følger med programmet og kan ikke slettes. "
                "Skjul de kort, I ikke vil bruge, eller nulstil kortsættet."
            )
        session.delete(deck)  # themes, cards and card notes go with it (ON DELETE CASCADE)


def suggest_deck_key(db: Database, title: str) -> str:
    """A free key made from a title, for the "new deck" dialog."""
    with db.session() as session:
        taken = set(session.exec(select(Deck.key)).all())
    return _free_key(slug(title), taken)


def _free_key(base: str, taken: set[str]) -> str:
    key, number = base, 2
    while key in taken:
        key = f"{base[:34]}-{number}"
        number += 1
    return key


# -- export and import -----------------------------------------------------------------


def export_deck_toml(db: Database, key: str) -> str:
    """The deck as a TOML file's text, hidden cards included (marked ``hidden = true``)."""
    deck = get_deck(db, key, include_hidden=True)
    deck.version = max(1, deck.version)
    return domain.deck_to_toml(deck)


def import_deck_toml(db: Database, text: str) -> str:
    """Store a deck from TOML text as HR's own deck; returns the key it was stored under.

    An existing key (shipped or not) is never overwritten: the deck becomes a
    copy under a new key. A file with mistakes raises ``ValidationError`` with
    the Danish message of the parser, and nothing is stored.
    """
    try:
        deck = domain.parse_deck(text, "Filen")
    except domain.DeckError as error:
        raise ValidationError(str(error)) from error
    with db.session() as session:
        taken = set(session.exec(select(Deck.key)).all())
        key, title = deck.key, deck.title
        if key in taken:
            key = _free_key(f"{slug(deck.key)[:30]}-kopi", taken)
            title = f"{deck.title} (kopi)"
        elif not KEY_PATTERN.match(key):
            key = _free_key(slug(key), taken)
        last = session.exec(select(Deck.position).order_by(col(Deck.position).desc())).first()
        row = Deck(
            key=key,
            title=title,
            description=deck.description,
            shipped=False,
            shipped_version=deck.version,
            position=(last or 0) + 1,
        )
        session.add(row)
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
        row = _deck_row(session, key)
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
