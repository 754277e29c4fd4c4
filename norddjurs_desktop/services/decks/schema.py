"""A deck file checked whole before anything of it is stored.

A deck file comes from outside (HR mails it around, edits it by hand), and
what it holds ends up on every screen and in every PDF. The parser in
:mod:`norddjurs_desktop.domain.decks` was written for the shipped files: it
trusted types (``themes = [1, 2]`` crashed it), took ``hidden = "false"`` as
true, accepted ``colour = "#zzzzzz"`` (which broke the PDFs later) and any
length (a 100,000-character title ran the PDF for minutes). Here every field
of the parsed TOML is checked for its type, format and length, and the first
problem is reported in Danish naming the deck, the theme, the card and the
field — e.g. "Kortet 'x' i temaet 'y': feltet 'hidden' skal være true eller
false." Nothing is stored unless all of it passes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

from norddjurs_desktop.domain.decks import CARD_KINDS, SYMBOLS
from norddjurs_desktop.services.errors import ValidationError

__all__ = [
    "MAX_CARDS",
    "MAX_CARD_TEXT",
    "MAX_FILE_CHARS",
    "MAX_TITLE",
    "check_deck_text",
]

MAX_TITLE = 120
MAX_CARD_TEXT = 1_000
MAX_CARDS = 500
MAX_THEMES = 50
MAX_DESCRIPTION = 2_000
MAX_KEY = 60
MAX_VERSION = 1_000_000
MAX_FILE_CHARS = 2_000_000  # 500 cards of 1,000 characters with room for the TOML around them
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_DECK_FIELDS = ("key", "title", "description", "version", "themes")
_THEME_FIELDS = ("key", "title", "description", "colour", "symbol", "cards")
_CARD_FIELDS = ("id", "kind", "text", "hidden")


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:27] + "…"


def _fail(where: str, field: str, rule: str) -> ValidationError:
    return ValidationError(f"{where}: feltet '{field}' {rule}.")


def _text(
    table: Mapping[str, Any], field: str, where: str, limit: int, *, required: bool = True
) -> str:
    value = table.get(field)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        missing = "mangler" if value is None else f"skal være tekst, ikke {_kind(value)}"
        raise _fail(where, field, missing)
    if required and not value.strip():
        raise _fail(where, field, "må ikke være tomt")
    if len(value) > limit:
        raise _fail(where, field, f"må højst være {limit:,} tegn langt (er {len(value):,})"
                    .replace(",", "."))
    return value.strip()


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "en sandhedsværdi"
    if isinstance(value, int | float):
        return "et tal"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en tabel"
    return "en dato" if value is not None else "tom"


def _unknown(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    for field in table:
        if field not in known:
            raise ValidationError(
                f"{where}: feltet '{_short(field)}' kendes ikke. Tilladte felter: "
                f"{', '.join(known)}."
            )


def _tables(value: object, where: str, field: str, each: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        raise _fail(where, field, f"skal være en liste af {each}, ikke {_kind(value)}")
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise ValidationError(
                f"{where}: element {number} i '{field}' skal være en tabel, ikke {_kind(item)}."
            )
    return value


def _check_card(card: Mapping[str, Any], where: str) -> None:
    _unknown(card, _CARD_FIELDS, where)
    _text(card, "id", where, MAX_KEY)
    _text(card, "text", where, MAX_CARD_TEXT)
    kind = card.get("kind", CARD_KINDS[0])
    if kind not in CARD_KINDS or not isinstance(kind, str):
        raise _fail(where, "kind", f"skal være en af {', '.join(CARD_KINDS)}")
    if not isinstance(card.get("hidden", False), bool):
        raise _fail(where, "hidden", "skal være true eller false")


def _check_theme(theme: Mapping[str, Any], number: int, seen_cards: set[str]) -> int:
    key = theme.get("key")
    where = f"Temaet '{_short(key)}'" if isinstance(key, str) and key.strip() else f"Tema {number}"
    _unknown(theme, _THEME_FIELDS, where)
    _text(theme, "key", where, MAX_KEY)
    _text(theme, "title", where, MAX_TITLE)
    _text(theme, "description", where, MAX_DESCRIPTION, required=False)
    colour = _text(theme, "colour", where, 7)
    if not _COLOUR.fullmatch(colour):
        raise _fail(where, "colour", f"skal være en farve som #RRGGBB (fx #4477aa), ikke "
                                     f"'{_short(colour)}'")
    symbol = theme.get("symbol", SYMBOLS[0])
    if not isinstance(symbol, str) or symbol not in SYMBOLS:
        raise _fail(where, "symbol", f"skal være et af {', '.join(SYMBOLS)}")
    cards = _tables(theme.get("cards", []), where, "cards", "kort")
    in_theme = "i t" + where[1:] if where.startswith("Temaet") else f"i tema {number}"
    for card_number, card in enumerate(cards, start=1):
        card_id = card.get("id")
        named = isinstance(card_id, str) and card_id.strip()
        card_where = (
            f"Kortet '{_short(card_id)}' {in_theme}" if named
            else f"Kort {card_number} {in_theme}"
        )
        _check_card(card, card_where)
        if card_id in seen_cards:
            raise ValidationError(f"{card_where}: kort-id'et findes to gange i kortsættet.")
        seen_cards.add(str(card_id))
    return len(cards)


def check_deck_data(data: Mapping[str, Any]) -> None:
    """Raise :class:`ValidationError` for the first field that is wrong; else return."""
    where = "Kortsættet"
    _unknown(data, _DECK_FIELDS, where)
    _text(data, "key", where, MAX_KEY)
    _text(data, "title", where, MAX_TITLE)
    _text(data, "description", where, MAX_DESCRIPTION, required=False)
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or not (
        1 <= version <= MAX_VERSION
    ):
        raise _fail(where, "version", f"skal være et helt tal fra 1 til {MAX_VERSION:,}"
                    .replace(",", "."))
    if not data.get("themes"):
        raise _fail(where, "themes", "mangler eller er tomt: kortsættet har ingen temaer")
    themes = _tables(data["themes"], where, "themes", "temaer")
    if len(themes) > MAX_THEMES:
        raise _fail(where, "themes", f"må højst have {MAX_THEMES} temaer")
    seen_themes: set[str] = set()
    seen_cards: set[str] = set()
    cards = 0
    for number, theme in enumerate(themes, start=1):
        cards += _check_theme(theme, number, seen_cards)
        key = str(theme["key"]).strip()
        if key in seen_themes:
            raise ValidationError(f"Temaet '{_short(key)}' findes to gange i kortsættet.")
        seen_themes.add(key)
        if cards > MAX_CARDS:
            raise ValidationError(
                f"Kortsættet har mere end {MAX_CARDS} kort; højst {MAX_CARDS} er tilladt."
            )


def check_deck_text(text: str, parse: Callable[[Mapping[str, Any]], Any]) -> Any:
    """Parse TOML ``text``, check it whole, then build the deck with ``parse`` (no error left)."""
    if len(text) > MAX_FILE_CHARS:
        raise ValidationError(
            f"Filen er for stor til et kortsæt (over {MAX_FILE_CHARS:,} tegn).".replace(",", ".")
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError(f"Filen er ikke gyldig TOML ({error}).") from error
    except (RecursionError, ValueError) as error:  # absurdly nested arrays, odd dates
        raise ValidationError("Filen er ikke gyldig TOML (den kan ikke læses).") from error
    check_deck_data(data)
    return parse(data)
