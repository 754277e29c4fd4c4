"""Card decks as data: themes with a description, a colour, a symbol and dialogue cards.

Decks are shipped as TOML files in ``resources/decks``; this module parses and
validates them without touching Qt or the database, so the CLI, the reports and
the tests read decks the same way the app does.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# Shapes drawn beside a theme's colour so that grayscale print and colour-blind
# readers can still tell the themes apart.
SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross", "ring")
CARD_KINDS = ("spørgsmål", "dilemma", "refleksion", "start", "stop")


class DeckError(ValueError):
    """A deck file that cannot be used; the message is Danish and names the problem."""


@dataclass
class Card:
    id: str
    text: str
    kind: str = "spørgsmål"
    hidden: bool = False


@dataclass
class Theme:
    key: str
    title: str
    description: str
    colour: str
    symbol: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class Deck:
    key: str
    title: str
    description: str
    version: int
    themes: list[Theme] = field(default_factory=list)

    def theme(self, key: str) -> Theme:
        for theme in self.themes:
            if theme.key == key:
                return theme
        raise KeyError(key)

    def all_cards(self) -> list[tuple[Theme, Card]]:
        return [(theme, card) for theme in self.themes for card in theme.cards]


def _text(table: dict, name: str, where: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise DeckError(f"{where}: feltet '{name}' mangler eller er tomt.")
    return value.strip()


def deck_from_dict(data: dict, source: str = "kortsæt") -> Deck:
    """Build a deck from parsed TOML, checking everything a user could get wrong."""
    key = _text(data, "key", source)
    version = data.get("version", 1)
    if not isinstance(version, int) or version < 1:
        raise DeckError(f"{source}: 'version' skal være et helt tal fra 1 og op.")
    deck = Deck(
        key=key,
        title=_text(data, "title", source),
        description=str(data.get("description", "")).strip(),
        version=version,
    )
    themes = data.get("themes")
    if not isinstance(themes, list) or not themes:
        raise DeckError(f"{source}: kortsættet har ingen temaer.")
    seen_themes: set[str] = set()
    seen_cards: set[str] = set()
    for number, raw in enumerate(themes, start=1):
        where = f"{source}, tema {number}"
        theme_key = _text(raw, "key", where)
        if theme_key in seen_themes:
            raise DeckError(f"{where}: temaet '{theme_key}' findes to gange.")
        seen_themes.add(theme_key)
        colour = _text(raw, "colour", where)
        if not (len(colour) == 7 and colour.startswith("#")):
            raise DeckError(f"{where}: farven skal skrives som #rrggbb, ikke '{colour}'.")
        symbol = str(raw.get("symbol", SYMBOLS[(number - 1) % len(SYMBOLS)]))
        if symbol not in SYMBOLS:
            raise DeckError(f"{where}: ukendt symbol '{symbol}'.")
        theme = Theme(
            key=theme_key,
            title=_text(raw, "title", where),
            description=str(raw.get("description", "")).strip(),
            colour=colour.lower(),
            symbol=symbol,
        )
        for card_number, raw_card in enumerate(raw.get("cards", []), start=1):
            card_where = f"{where}, kort {card_number}"
            card_id = _text(raw_card, "id", card_where)
            if card_id in seen_cards:
                raise DeckError(f"{card_where}: kort-id '{card_id}' findes to gange.")
            seen_cards.add(card_id)
            kind = str(raw_card.get("kind", "spørgsmål"))
            if kind not in CARD_KINDS:
                raise DeckError(f"{card_where}: ukendt korttype '{kind}'.")
            theme.cards.append(
                Card(
                    id=card_id,
                    text=_text(raw_card, "text", card_where),
                    kind=kind,
                    hidden=bool(raw_card.get("hidden", False)),
                )
            )
        deck.themes.append(theme)
    return deck


def parse_deck(text: str, source: str = "kortsæt") -> Deck:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DeckError(f"{source}: filen er ikke gyldig TOML ({error}).") from error
    return deck_from_dict(data, source)


def load_deck(path: Path) -> Deck:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DeckError(f"Kan ikke læse kortsættet {path.name}: {error}") from error
    return parse_deck(text, path.name)


def deck_to_toml(deck: Deck) -> str:
    """Write a deck in the shape of the shipped files; ``parse_deck`` reads it back exactly.

    tomli-w does the quoting, so any text HR types (control characters such as
    a carriage return, form feed or backspace included) survives the round trip.
    """
    import tomli_w

    def card(card: Card) -> dict[str, object]:
        fields: dict[str, object] = {"id": card.id, "kind": card.kind, "text": card.text}
        if card.hidden:
            fields["hidden"] = True
        return fields

    data = {
        "key": deck.key,
        "title": deck.title,
        "description": deck.description,
        "version": deck.version,
        "themes": [
            {
                "key": theme.key,
                "title": theme.title,
                "colour": theme.colour,
                "symbol": theme.symbol,
                "description": theme.description,
                "cards": [card(c) for c in theme.cards],
            }
            for theme in deck.themes
        ],
    }
    return tomli_w.dumps(data)
