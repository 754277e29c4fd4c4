"""A deck exported as TOML reads back exactly, whatever characters HR typed.

The earlier hand-written writer escaped only backslash, quote and newline, so a
card text holding a carriage return, form feed or backspace (pasted from Word or
a PDF) produced a file that could not be imported again.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from norddjurs_desktop.domain.decks import Card, Deck, Theme, deck_to_toml, load_deck, parse_deck
from norddjurs_desktop.paths import DECKS

CONTROL = [chr(c) for c in range(0x20)] + ["\x7f", "\u2028", "\u2029", "\ufeff", "\x85"]


def deck_with(text: str) -> Deck:
    return Deck(
        key="eget", title=f"Titel {text}", description=f"Om {text} \\ \" '''", version=2,
        themes=[Theme(key="t1", title=f"Tema{text}", description=text, colour="#112233",
                      symbol="circle",
                      cards=[Card(id="k1", text=f"Før{text}efter", kind="dilemma"),
                             Card(id="k2", text=text + "x", hidden=True)])],
    )


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_every_control_character_survives_export_and_import(char: str) -> None:
    deck = deck_with(f"a{char}b")
    written = deck_to_toml(deck)
    assert tomllib.loads(written)["themes"][0]["cards"][0]["text"] == f"Føra{char}befter"
    assert parse_deck(written) == deck


def test_all_control_characters_in_one_text() -> None:
    deck = deck_with("start" + "".join(CONTROL) + "slut")
    assert parse_deck(deck_to_toml(deck)) == deck


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=60))
def test_any_text_round_trips(text: str) -> None:
    deck = deck_with(text.strip() or "x")
    assert parse_deck(deck_to_toml(deck)) == deck


@pytest.mark.parametrize("path", sorted(DECKS.glob("*.toml")), ids=lambda p: p.name)
def test_shipped_decks_are_written_in_their_own_shape(path: Path) -> None:
    deck = load_deck(path)
    written = deck_to_toml(deck)
    assert "[[themes]]" in written and "[[themes.cards]]" in written
    assert parse_deck(written) == deck
