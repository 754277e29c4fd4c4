"""Where the shipped resources live (decks, demo data), independent of the working directory."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DECKS = RESOURCES / "decks"
DEMO = RESOURCES / "demo"
