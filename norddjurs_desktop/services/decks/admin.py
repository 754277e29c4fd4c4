"""HR's own decks as a whole: create, delete, and a free key for a new one.

Shipped decks are not HR's to delete: their titles follow the app,
and a deleted shipped deck would come back with the next update. HR hides the
cards they will not use, or resets the deck (``deck_files``), instead.
"""

from __future__ import annotations

from sqlmodel import Session, select

from norddjurs_desktop.services.decks.rows import (
    KEY_PATTERN,
    clean_text,
    deck_row,
    free_key,
    new_own_deck,
    slug,
)
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Deck


def _check_new_key(session: Session, key: str) -> None:
    if not KEY_PATTERN.match(key):
        raise ValidationError(
            "Nøglen må kun have små bogstaver a–z, tal, - og _ (højst 40 tegn), fx 'tryghed-2'."
        )
    if session.exec(select(Deck.id).where(Deck.key == key)).first() is not None:
        raise ValidationError(f"Der findes allerede et kortsæt med nøglen '{key}'.")


def create_deck(db: Database, key: str, title: str, description: str = "") -> str:
    """Create HR's own, empty deck (not shipped); returns its key."""
    title = clean_text(title, "Kortsættets titel")
    with db.session() as session:
        _check_new_key(session, key)
        new_own_deck(session, key, title, description.strip(), version=1)
        return key


def delete_user_deck(db: Database, key: str) -> None:
    """Delete one of HR's own decks, with its cards and the notes about them."""
    with db.session() as session:
        deck = deck_row(session, key)
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
    return free_key(slug(title), taken)
