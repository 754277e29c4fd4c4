"""Deck files are checked whole: a wrong field gives one Danish message and stores nothing."""

from __future__ import annotations

import json
import math
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from norddjurs_desktop.cli import main
from norddjurs_desktop.services.decks.files import import_deck_toml
from norddjurs_desktop.services.errors import ValidationError


def toml_value(value: Any) -> str:
    """Any JSON-like value as TOML (inline arrays and tables), for crafting files."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "nan"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml(data: dict[str, Any]) -> str:
    return "\n".join(f"{toml_value(k)} = {toml_value(v)}" for k, v in data.items()) + "\n"


def good_deck(**changes: Any) -> dict[str, Any]:
    deck: dict[str, Any] = {
        "key": "eget", "title": "Eget kortsæt", "description": "Til afprøvning", "version": 1,
        "themes": [{
            "key": "y", "title": "Tema Y", "colour": "#4477aa", "symbol": "star",
            "description": "", "cards": [{"id": "x", "kind": "spørgsmål", "text": "Hvad?"}],
        }],
    }
    deck.update(changes)
    return deck


def with_theme(**changes: Any) -> dict[str, Any]:
    deck = good_deck()
    deck["themes"][0].update(changes)
    return deck


def with_card(**changes: Any) -> dict[str, Any]:
    deck = good_deck()
    deck["themes"][0]["cards"][0].update(changes)
    return deck


def snapshot(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return [
            *conn.execute("SELECT key, title FROM deck ORDER BY id"),
            *conn.execute("SELECT deck_id, key, title, colour FROM deck_theme ORDER BY id"),
            *conn.execute("SELECT deck_id, card_key, text, hidden FROM card ORDER BY id"),
        ]


WRONG = [
    (good_deck(themes=[1, 2]), "Kortsættet: element 1 i 'themes' skal være en tabel"),
    (with_theme(cards="abc"), "Temaet 'y': feltet 'cards' skal være en liste af kort"),
    (with_theme(colour="#zzzzzz"), "Temaet 'y': feltet 'colour' skal være en farve som #RRGGBB"),
    (with_theme(colour="red"), "feltet 'colour'"),
    (with_card(hidden="false"),
     "Kortet 'x' i temaet 'y': feltet 'hidden' skal være true eller false."),
    (with_card(hidden=1), "feltet 'hidden' skal være true eller false"),
    (good_deck(title="T" * 121), "Kortsættet: feltet 'title' må højst være 120 tegn"),
    (good_deck(title=42), "feltet 'title' skal være tekst, ikke et tal"),
    (with_theme(title="T" * 121), "Temaet 'y': feltet 'title' må højst være 120 tegn"),
    (with_card(text="t" * 1001), "Kortet 'x' i temaet 'y': feltet 'text' må højst være 1.000"),
    (with_card(kind="quiz"), "feltet 'kind' skal være en af"),
    (good_deck(version="1"), "feltet 'version' skal være et helt tal"),
    (good_deck(version=True), "feltet 'version' skal være et helt tal"),
    (good_deck(version=0), "feltet 'version' skal være et helt tal"),
    (good_deck(hiden=True), "feltet 'hiden' kendes ikke"),
    (good_deck(themes=[]), "kortsættet har ingen temaer"),
    (with_theme(cards=[{"id": f"k{n}", "text": "?"} for n in range(501)]),
     "mere end 500 kort; højst 500"),
]


@pytest.mark.parametrize(("data", "message"), WRONG)
def test_wrong_fields_are_named_and_nothing_is_stored(db, db_path: Path, data, message) -> None:
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        import_deck_toml(db, toml(data))
    assert message in str(caught.value)
    assert snapshot(db_path) == before


def test_the_limits_themselves_are_accepted(db) -> None:
    deck = with_theme(title="T" * 120,
                      cards=[{"id": f"k{n}", "text": "t" * 1000, "hidden": n == 0}
                             for n in range(500)])
    key = import_deck_toml(db, toml(deck))
    from norddjurs_desktop.services.decks.library import get_deck

    stored = get_deck(db, key, include_hidden=True)
    assert len(stored.themes[0].cards) == 500 and stored.themes[0].cards[0].hidden


json_values = st.recursive(
    st.none().map(lambda _: "") | st.booleans() | st.integers(-3, 10**7)
    | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["key", "title", "id", "text", "kind", "hidden", "colour", "symbol",
                         "cards", "themes", "version", "x"]), inner, max_size=5),
    max_leaves=12,
)


def mutate(data: Any, path: list[int], value: Any) -> Any:
    """Replace one value somewhere in ``data`` (chosen by ``path``) with ``value``."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    if isinstance(data, dict):
        key = sorted(data)[path[0] % len(data)]
        return {**data, key: mutate(data[key], path[1:], value)}
    index = path[0] % len(data)
    return [*data[:index], mutate(data[index], path[1:], value), *data[index + 1:]]


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.integers(0, 9), max_size=5), json_values)
def test_fuzzed_structures_give_a_clean_danish_error_or_a_deck(db, db_path: Path, path,
                                                               value) -> None:
    data = mutate(good_deck(), path, value)
    text = toml(data) if isinstance(data, dict) else f"x = {toml_value(data)}\n"
    before = snapshot(db_path)
    try:
        import_deck_toml(db, text)
    except ValidationError as error:
        assert str(error) and "Traceback" not in str(error)
        assert snapshot(db_path) == before


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_fuzzed_text_never_raises_anything_else(db, db_path: Path, text: str) -> None:
    before = snapshot(db_path)
    try:
        import_deck_toml(db, text)
    except ValidationError:
        assert snapshot(db_path) == before


def test_deeply_nested_arrays_are_refused_cleanly(db) -> None:
    with pytest.raises(ValidationError):
        import_deck_toml(db, "x = " + "[" * 5000 + "]" * 5000 + "\n")


def test_import_deck_on_the_command_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    good = tmp_path / "eget.toml"
    good.write_text(toml(good_deck()), encoding="utf-8")
    assert main(["import-deck", "--db", str(db), "--file", str(good)]) == 0
    assert "'Eget kortsæt' er importeret med nøglen 'eget'" in capsys.readouterr().out
    assert main(["decks", "--db", str(db)]) == 0
    assert "eget" in capsys.readouterr().out
    before = snapshot(db)
    bad = tmp_path / "forkert.toml"
    bad.write_text(toml(with_card(hidden="false")), encoding="utf-8")
    assert main(["import-deck", "--db", str(db), "--file", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == ("Fejl: Kortet 'x' i temaet 'y': feltet 'hidden' skal være true eller "
                   "false.\n")
    assert snapshot(db) == before
    for path, words in ((tmp_path / "mangler.toml", "Kan ikke læse"), (tmp_path, "Kan ikke læse")):
        assert main(["import-deck", "--db", str(db), "--file", str(path)]) == 2
        assert words in capsys.readouterr().err
    latin = tmp_path / "latin.toml"
    latin.write_bytes(toml(good_deck()).replace("Eget kortsæt", "Æbler").encode("cp1252"))
    assert main(["import-deck", "--db", str(db), "--file", str(latin)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_the_editor_keeps_the_same_limits(db, db_path: Path) -> None:
    from norddjurs_desktop.services.decks import admin as deck_admin
    from norddjurs_desktop.services.decks import editing as deck_editing
    from norddjurs_desktop.services.decks.library import get_deck

    theme = get_deck(db, "palette").themes[0]
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match="højst være 120 tegn"):
        deck_editing.edit_theme(db, "palette", theme.key, title="T" * 121)
    with pytest.raises(ValidationError, match="højst være 1.000 tegn"):
        deck_editing.edit_card(db, "palette", theme.cards[0].id, text="t" * 1001)
    with pytest.raises(ValidationError, match="højst være 120 tegn"):
        deck_admin.create_deck(db, "lang", "T" * 121)
    assert snapshot(db_path) == before
