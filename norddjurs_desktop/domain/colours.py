"""Text colour on a theme colour: the same choice on screen and on paper."""

from __future__ import annotations

LIGHT_INK = "#ffffff"
DARK_INK = "#111111"  # near-black; #1a1a1a left the vermilion theme at 4,50:1


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance (0 black … 1 white) of ``#rrggbb``."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ink_for(hex_colour: str) -> str:
    """White or near-black, whichever has the higher WCAG contrast on the background."""
    lum = relative_luminance(hex_colour)
    against_white = 1.05 / (lum + 0.05)
    against_dark = (lum + 0.05) / (relative_luminance(DARK_INK) + 0.05)
    return LIGHT_INK if against_white >= against_dark else DARK_INK
