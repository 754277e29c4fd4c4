"""What a new action starts with: the first prioritised theme that has no action yet."""

from __future__ import annotations

from collections.abc import Iterable


def default_theme(priorities: Iterable[tuple[str, int | None]], planned: Iterable[str]) -> str:
    """The theme a new action is most likely about, or "" when every priority has one.

    ``priorities`` are (theme key, priority number or None); ``planned`` the theme
    keys of the actions already written. The group works down its own order, so
    the lowest priority number without an action comes first.
    """
    have = set(planned)
    ranked = sorted((number, key) for key, number in priorities if number is not None)
    for _number, key in ranked:
        if key not in have:
            return key
    return ranked[0][1] if ranked else ""
