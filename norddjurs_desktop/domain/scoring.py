"""The 1–5 score scale of the palette and the words that go with it."""

from __future__ import annotations

from dataclasses import dataclass

SCORE_MIN = 1
SCORE_MAX = 5


@dataclass(frozen=True)
class ScoreLevel:
    value: int
    label: str
    colour: str  # red → green; the number is always written beside it


SCORE_LEVELS: tuple[ScoreLevel, ...] = (
    ScoreLevel(1, "stor udfordring", "#c0392b"),
    ScoreLevel(2, "udfordring", "#e67e22"),
    ScoreLevel(3, "både-og", "#f1c40f"),
    ScoreLevel(4, "ressource", "#7dbb42"),
    ScoreLevel(5, "stærk ressource", "#2a7f3a"),  # white on it 5,0:1 (was 4,3:1)
)

UNSCORED_COLOUR = "#d9d9d9"


def is_valid_score(value: int | None) -> bool:
    """A score is either absent (not yet scored) or a whole number on the scale."""
    return value is None or (isinstance(value, int) and SCORE_MIN <= value <= SCORE_MAX)


def score_level(value: int) -> ScoreLevel:
    if not is_valid_score(value) or value is None:
        raise ValueError(f"Scoren skal være et helt tal fra {SCORE_MIN} til {SCORE_MAX}.")
    return SCORE_LEVELS[value - SCORE_MIN]


def score_label(value: int | None) -> str:
    """'3 – både-og', or 'ikke scoret' when no score is set."""
    if value is None:
        return "ikke scoret"
    return f"{value} – {score_level(value).label}"


def score_colour(value: int | None) -> str:
    return UNSCORED_COLOUR if value is None else score_level(value).colour
