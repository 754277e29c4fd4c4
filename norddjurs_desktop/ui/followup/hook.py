"""The one place the screening page asks whether it needs the follow-up review."""

from __future__ import annotations

from norddjurs_desktop.services.followup import previous_screening
from norddjurs_desktop.ui.followup.review_step import ReviewStep
from norddjurs_desktop.ui.screening_store import ScreeningStore


def follow_up_review(store: ScreeningStore) -> ReviewStep | None:
    """The review step for a follow-up screening, None for a first screening."""
    if previous_screening(store.db, store.screening_id) is None:
        return None
    return ReviewStep(store)
