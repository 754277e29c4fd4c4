"""Small rules everyone relies on: the score scale, Danish dates and numbers, file names."""

from __future__ import annotations

from datetime import date

import pytest

from norddjurs_desktop.domain.dates import (
    danish_date,
    format_number,
    format_percent,
    parse_danish_date,
)
from norddjurs_desktop.domain.plan import ScoreSpread, plan_file_name
from norddjurs_desktop.domain.scoring import is_valid_score, score_colour, score_label


def test_the_score_scale_has_words_for_every_step() -> None:
    assert [score_label(v) for v in range(1, 6)] == [
        "1 – stor udfordring",
        "2 – udfordring",
        "3 – både-og",
        "4 – ressource",
        "5 – stærk ressource",
    ]
    assert score_label(None) == "ikke scoret"
    assert not is_valid_score(0) and not is_valid_score(6) and is_valid_score(None)
    assert len({score_colour(v) for v in range(1, 6)}) == 5


@pytest.mark.parametrize("text", ["03-02-2026", "3.2.2026", "2026-02-03", " 03/02/2026 "])
def test_danish_dates_are_read_in_every_usual_form(text: str) -> None:
    assert parse_danish_date(text) == date(2026, 2, 3)


@pytest.mark.parametrize("text", ["31-02-2026", "2026/02/03", "i morgen", ""])
def test_impossible_or_unknown_dates_are_refused_in_danish(text: str) -> None:
    with pytest.raises(ValueError, match="dato"):
        parse_danish_date(text)


def test_numbers_use_decimal_comma_and_thousands_dot() -> None:
    assert format_percent(7.26) == "7,3 %"
    assert format_number(15800.5, 1) == "15.800,5"
    assert danish_date(date(2026, 11, 22)) == "22-11-2026"


def test_the_plan_file_name_is_unit_and_date_and_safe_for_windows() -> None:
    assert plan_file_name("Børnehuset Ærø", date(2026, 1, 5)) == (
        "Handlingsplan Børnehuset Ærø 05-01-2026.pdf"
    )
    assert "/" not in plan_file_name("Team A/B", date(2026, 1, 5))


def test_a_spread_reports_median_and_range() -> None:
    spread = ScoreSpread(scores=(2, 5, 3, 3), passes=1)
    assert spread.median == 3.0 and spread.spread == 3
    assert ScoreSpread(scores=()).median is None


def test_a_data_reference_does_not_repeat_the_observation_already_given_as_problem() -> None:
    from norddjurs_desktop.domain.plan import DataReference

    ref = DataReference(
        chart="Ugedag for første sygedag",
        period="01-10-2025 – 30-09-2026",
        filter="Team: Humlebien",
        figure="31 % af forløbene starter mandag",
        observation="Mandagene er tunge.",
    )
    full = ref.as_text()
    assert full.endswith("31 % af forløbene starter mandag. Mandagene er tunge.")
    assert "Team: Humlebien" in full
    without = full.removesuffix(" Mandagene er tunge.").rstrip(".")
    assert ref.as_text("Mandagene er  tunge.") == without


def test_screen_and_paper_draw_the_same_symbol_shapes() -> None:
    """The printed card and the tile on screen share one geometry, mirrored for y-down."""
    from norddjurs_desktop.domain.decks import SYMBOLS
    from norddjurs_desktop.domain.symbol_shapes import symbol_points

    polygons = [s for s in SYMBOLS if s not in ("circle", "ring")]
    assert len(polygons) == 6
    for symbol in polygons:
        paper = symbol_points(symbol, 10, 20, 8)
        screen = symbol_points(symbol, 10, 20, 8, y_down=True)
        assert len(paper) >= 3
        mirrored = [(x, 40 - y) for x, y in paper]
        assert all(
            abs(a - c) < 1e-9 and abs(b - d) < 1e-9
            for (a, b), (c, d) in zip(screen, mirrored, strict=True)
        )
        assert all(abs(x - 10) <= 4.5 and abs(y - 20) <= 4.5 for x, y in paper)
