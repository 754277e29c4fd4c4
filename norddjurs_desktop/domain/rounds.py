"""The hidden scoring round: everyone scores on their own, then the spread opens the talk.

Pure rules over plain values: turning one theme's votes into a
:class:`~norddjurs_desktop.domain.plan.ScoreSpread`, measuring how much the
group disagrees (to start where views differ most), and the words the reveal
and the plan use for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from statistics import pstdev

from norddjurs_desktop.domain.plan import ScoreSpread
from norddjurs_desktop.domain.scoring import is_valid_score

# Who may see whose score: stored on the screening, chosen in the preparation step.
ANONYMITY_MODES: tuple[str, ...] = ("navne", "facilitator", "anonym")
ANONYMITY_LABELS: dict[str, str] = {
    "navne": "Alle ser, hvem der gav hvilken score",
    "facilitator": "Kun ordstyreren ser, hvem der gav hvilken score",
    "anonym": "Ingen navne – helt anonymt",
}


def names_visible(mode: str, *, for_facilitator: bool) -> bool:
    """Whether a view may show who gave which score under this anonymity mode."""
    if mode == "navne":
        return True
    if mode == "facilitator":
        return for_facilitator
    return False


def spread_of(scores: Iterable[int | None]) -> ScoreSpread:
    """The spread of one theme's votes; ``None`` is a pass ("ved ikke"), counted apart."""
    given: list[int] = []
    passes = 0
    for score in scores:
        if score is None:
            passes += 1
        elif is_valid_score(score):
            given.append(score)
        else:
            raise ValueError(f"Ugyldig score i runden: {score!r}.")
    return ScoreSpread(scores=tuple(sorted(given)), passes=passes)


def _quantile(ordered: list[int], q: float) -> float:
    """Linear-interpolation quantile of sorted values (the 'inclusive' method)."""
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def interquartile_range(spread: ScoreSpread) -> float:
    ordered = sorted(spread.scores)
    if len(ordered) < 2:
        return 0.0
    return _quantile(ordered, 0.75) - _quantile(ordered, 0.25)


def disagreement(spread: ScoreSpread) -> tuple[int, float, float]:
    """A sort key, larger = more disagreement: range, then IQR, then standard deviation.

    The range alone ties often on a 1–5 scale (one outlier gives the same range
    as a split group); the interquartile range and the deviation break the tie
    in favour of the theme where the group is really divided.
    """
    if not spread.scores:
        return (-1, 0.0, 0.0)  # no votes at all: last
    return (spread.spread or 0, interquartile_range(spread), pstdev(spread.scores))


def suggested_score(spread: ScoreSpread) -> int | None:
    """The median rounded half up (3,5 → 4), as the proposal for the shared score."""
    if spread.median is None:
        return None
    return math.floor(spread.median + 0.5)


def decimal_text(value: float) -> str:
    """'3' or '3,5': one decimal with a comma, none when the value is whole."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def agreement_words(spread: ScoreSpread) -> str:
    """The spread in words, for the reveal: how far apart the group is."""
    if not spread.scores:
        return "Ingen gav en score"
    width = spread.spread or 0
    if len(spread.scores) == 1:
        return "Kun én gav en score"
    if width == 0:
        return "Helt enige"
    if width == 1:
        return "Næsten enige"
    if width == 2:
        return "Nogen uenighed"
    return "Stor uenighed"


def spread_summary(spread: ScoreSpread) -> str:
    """'Median 3,5 · spredning 2 (2–4) · 3 scorer · 1 ved ikke' — never any names."""
    parts: list[str] = []
    if spread.median is not None and spread.scores:
        parts.append(f"Median {decimal_text(spread.median)}")
        parts.append(f"spredning {spread.spread} ({min(spread.scores)}–{max(spread.scores)})")
    count = len(spread.scores)
    parts.append("1 score" if count == 1 else f"{count} scorer")
    if spread.passes:
        parts.append(f"{spread.passes} ved ikke")
    return " · ".join(parts)
