"""The eight themes of the palette: fixed keys and titles that scoring is built on."""

from __future__ import annotations

PALETTE_DECK_KEY = "palette"

# (key, title) in the order the palette shows them.
PALETTE_THEMES: tuple[tuple[str, str], ...] = (
    ("handling", "Håndtering"),
    ("data", "Brug af data"),
    ("prevention", "Forebyggelse"),
    ("leadership", "Tydelig ledelse"),
    ("ownership", "Organisering og ejerskab"),
    ("coordination", "Koordinering af fremmøde"),
    ("culture", "Kultur for fravær"),
    ("return", "Tilbage til arbejdet"),
)
PALETTE_KEYS: tuple[str, ...] = tuple(key for key, _ in PALETTE_THEMES)
PALETTE_TITLES: dict[str, str] = dict(PALETTE_THEMES)

FORUMS = ("TRIO", "MED-udvalg", "Andet")
ROLES = ("Leder", "TR", "AMR", "Medarbejder", "Andet")
SIGNATURE_ROLES = ("Leder", "TR", "AMR")
