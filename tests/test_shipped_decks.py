"""The card decks shipped in resources/decks: they load, and their content keeps its shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from norddjurs_desktop.domain.decks import (
    CARD_KINDS,
    SYMBOLS,
    Deck,
    deck_to_toml,
    load_deck,
    parse_deck,
)

DECKS_DIR = Path(__file__).resolve().parents[1] / "resources" / "decks"
SHIPPED = ("palette", "tryghed", "aktoerskab")

PALETTE_THEMES = [
    ("handling", "Håndtering"),
    ("data", "Brug af data"),
    ("prevention", "Forebyggelse"),
    ("leadership", "Tydelig ledelse"),
    ("ownership", "Organisering og ejerskab"),
    ("coordination", "Koordinering af fremmøde"),
    ("culture", "Kultur for fravær"),
    ("return", "Tilbage til arbejdet"),
]

# A card is about 9 x 6 cm printed in 11-12 pt type.
MAX_CARD_CHARS = 260


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def deck(key: str) -> Deck:
    return load_deck(DECKS_DIR / f"{key}.toml")


def all_deck_files() -> list[Path]:
    return sorted(DECKS_DIR.glob("*.toml"))


def test_every_shipped_deck_file_exists() -> None:
    for key in SHIPPED:
        assert (DECKS_DIR / f"{key}.toml").is_file(), key


@pytest.mark.parametrize("key", SHIPPED)
def test_deck_key_matches_file_name(key: str) -> None:
    assert deck(key).key == key


def test_palette_has_the_eight_themes_in_order() -> None:
    palette = deck("palette")
    assert [(theme.key, theme.title) for theme in palette.themes] == PALETTE_THEMES


def test_palette_themes_have_at_least_six_cards() -> None:
    for theme in deck("palette").themes:
        assert len(theme.cards) >= 6, theme.key


def test_palette_uses_the_colour_blind_friendly_colours() -> None:
    expected = {
        "handling": ("#e69f00", "circle"),
        "data": ("#56b4e9", "square"),
        "prevention": ("#009e73", "triangle"),
        "leadership": ("#f0e442", "diamond"),
        "ownership": ("#0072b2", "star"),
        "coordination": ("#d55e00", "hexagon"),
        "culture": ("#cc79a7", "cross"),
        "return": ("#8c8c8c", "ring"),
    }
    palette = deck("palette")
    assert {theme.key: (theme.colour, theme.symbol) for theme in palette.themes} == expected


def test_the_1_3_10_model_is_on_a_handling_card() -> None:
    handling = deck("palette").theme("handling")
    assert any("1-3-10" in card.text for card in handling.cards)


def test_opus_alerts_and_retention_plan_are_covered() -> None:
    palette = deck("palette")
    handling_text = " ".join(card.text for card in palette.theme("handling").cards)
    assert "OPUS" in handling_text and "28" in handling_text
    return_text = " ".join(card.text for card in palette.theme("return").cards)
    assert "fastholdelsesplan" in return_text
    assert "§56" in return_text


def test_data_cards_use_the_municipal_figures() -> None:
    data_text = " ".join(card.text for card in deck("palette").theme("data").cards)
    for fact in ("7,2 %", "5 %", "15,8", "rullende år", "Bradford"):
        assert fact in data_text, fact


def test_tryghed_has_seven_themes_with_two_to_four_cards() -> None:
    tryghed = deck("tryghed")
    assert tryghed.title == "Psykologisk tryghed"
    assert len(tryghed.themes) == 7
    for theme in tryghed.themes:
        assert 2 <= len(theme.cards) <= 4, theme.key
        assert {card.kind for card in theme.cards} <= {"refleksion", "dilemma"}
    assert any(card.kind == "dilemma" for _, card in tryghed.all_cards())
    assert any(card.kind == "refleksion" for _, card in tryghed.all_cards())


def test_aktoerskab_has_four_themes_each_with_start_and_stop() -> None:
    aktoerskab = deck("aktoerskab")
    assert aktoerskab.title == "Professionelt aktørskab"
    assert len(aktoerskab.themes) == 4
    for theme in aktoerskab.themes:
        kinds = [card.kind for card in theme.cards]
        assert "start" in kinds, theme.key
        assert "stop" in kinds, theme.key


@pytest.mark.parametrize("path", all_deck_files(), ids=lambda path: path.stem)
def test_card_ids_are_unique_and_follow_the_theme_key(path: Path) -> None:
    loaded = load_deck(path)
    ids = [card.id for _, card in loaded.all_cards()]
    assert len(ids) == len(set(ids))
    for theme in loaded.themes:
        for card in theme.cards:
            assert re.fullmatch(rf"{re.escape(theme.key)}-\d\d", card.id), card.id


@pytest.mark.parametrize("path", all_deck_files(), ids=lambda path: path.stem)
def test_colours_and_symbols_are_distinct(path: Path) -> None:
    loaded = load_deck(path)
    colours = [theme.colour for theme in loaded.themes]
    symbols = [theme.symbol for theme in loaded.themes]
    assert len(colours) == len(set(colours))
    assert len(symbols) == len(set(symbols))
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for colour in colours)
    assert set(symbols) <= set(SYMBOLS)


@pytest.mark.parametrize("path", all_deck_files(), ids=lambda path: path.stem)
def test_theme_descriptions_have_two_to_four_sentences(path: Path) -> None:
    for theme in load_deck(path).themes:
        assert 2 <= len(sentences(theme.description)) <= 4, theme.key


@pytest.mark.parametrize("path", all_deck_files(), ids=lambda path: path.stem)
def test_cards_fit_on_a_printed_card(path: Path) -> None:
    for _, card in load_deck(path).all_cards():
        assert card.kind in CARD_KINDS
        assert len(card.text) <= MAX_CARD_CHARS, card.id
        assert 1 <= len(sentences(card.text)) <= 3, card.id


@pytest.mark.parametrize("path", all_deck_files(), ids=lambda path: path.stem)
def test_no_card_text_is_repeated(path: Path) -> None:
    texts = [card.text for _, card in load_deck(path).all_cards()]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("path", all_deck_files(), ids=lambda path: path.stem)
def test_deck_round_trips_through_toml(path: Path) -> None:
    loaded = load_deck(path)
    assert parse_deck(deck_to_toml(loaded), path.name) == loaded
