"""The rules of the hidden round: spread, median, disagreement and the words for them."""

from __future__ import annotations

import pytest

from norddjurs_desktop.domain.plan import ScoreSpread
from norddjurs_desktop.domain.rounds import (
    agreement_words,
    decimal_text,
    disagreement,
    interquartile_range,
    names_visible,
    spread_of,
    spread_summary,
    suggested_score,
)


def test_passes_are_counted_apart_from_the_scores() -> None:
    spread = spread_of([4, None, 2, 5, None])
    assert spread.scores == (2, 4, 5)
    assert spread.passes == 2
    assert spread.median == 4.0
    assert spread.spread == 3


def test_an_even_number_of_scores_gives_a_median_with_a_decimal() -> None:
    spread = spread_of([2, 3, 4, 5])
    assert spread.median == 3.5
    assert decimal_text(spread.median) == "3,5"
    assert decimal_text(4.0) == "4"
    assert suggested_score(spread) == 4  # half up, not Python's round-half-even
    assert suggested_score(spread_of([2, 3])) == 3


def test_only_passes_has_no_median_and_sorts_last() -> None:
    spread = spread_of([None, None])
    assert spread.median is None and spread.spread is None
    assert suggested_score(spread) is None
    assert disagreement(spread) < disagreement(spread_of([3, 3]))
    assert agreement_words(spread) == "Ingen gav en score"


def test_invalid_scores_are_refused() -> None:
    with pytest.raises(ValueError):
        spread_of([0])
    with pytest.raises(ValueError):
        spread_of([6])


def test_a_divided_group_sorts_before_one_outlier_with_the_same_range() -> None:
    outlier = spread_of([1, 4, 4, 4, 4])
    divided = spread_of([1, 1, 4, 4, 4])
    assert outlier.spread == divided.spread == 3
    assert interquartile_range(outlier) == 0
    assert interquartile_range(divided) == 3
    ordered = sorted([outlier, divided, spread_of([3, 3, 3])], key=disagreement, reverse=True)
    assert ordered == [divided, outlier, spread_of([3, 3, 3])]


def test_equal_range_and_iqr_falls_back_to_the_standard_deviation() -> None:
    wide = spread_of([1, 1, 5, 5])
    narrow = spread_of([1, 3, 3, 5])
    assert disagreement(wide)[0] == disagreement(narrow)[0]
    assert disagreement(wide) > disagreement(narrow)


@pytest.mark.parametrize(
    ("scores", "words"),
    [
        ([3, 3, 3], "Helt enige"),
        ([3, 4], "Næsten enige"),
        ([2, 4], "Nogen uenighed"),
        ([1, 5], "Stor uenighed"),
        ([4], "Kun én gav en score"),
    ],
)
def test_the_spread_in_words(scores: list[int], words: str) -> None:
    assert agreement_words(spread_of(scores)) == words


def test_the_summary_has_median_spread_and_passes() -> None:
    text = spread_summary(ScoreSpread(scores=(2, 3, 4, 5), passes=1))
    assert text == "Median 3,5 · spredning 3 (2–5) · 4 scorer · 1 ved ikke"


@pytest.mark.parametrize(
    ("mode", "shared", "facilitator"),
    [("navne", True, True), ("facilitator", False, True), ("anonym", False, False)],
)
def test_who_may_see_names(mode: str, shared: bool, facilitator: bool) -> None:
    assert names_visible(mode, for_facilitator=False) is shared
    assert names_visible(mode, for_facilitator=True) is facilitator
