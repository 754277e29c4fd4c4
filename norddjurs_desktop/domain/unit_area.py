"""A unit's "Område" (forvaltning or area): the label HR groups units by."""

from __future__ import annotations

from norddjurs_desktop.domain.errors import UserFacingError

AREA_MAX_LEN = 120


class AreaError(UserFacingError):
    """The typed area cannot be used; nothing was changed."""


def clean_area(area: str) -> str:
    """The area as stored: spaces collapsed, "" for none; too long or control characters refused."""
    cleaned = " ".join(area.split())
    if len(cleaned) > AREA_MAX_LEN:
        raise AreaError(f"Området må højst være {AREA_MAX_LEN} tegn.")
    if any(not ch.isprintable() for ch in cleaned):
        raise AreaError("Området må ikke indeholde styretegn.")
    return cleaned
