"""Where the screening's pages ask for the follow-up parts: the review step and the
previous scores beside today's on the palette tiles."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QUndoStack

from norddjurs_desktop.services.followup import previous_screening
from norddjurs_desktop.services.history import score_changes
from norddjurs_desktop.ui.followup.review_step import ReviewStep
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.widgets.theme_tile import ThemeTile


def follow_up_review(store: ScreeningStore, undo_stack: QUndoStack) -> ReviewStep | None:
    """The review step for a follow-up screening, None for a first screening; its edits
    go onto the screening's undo stack like every other edit."""
    if previous_screening(store.db, store.screening_id) is None:
        return None
    return ReviewStep(store, undo_stack)


def previous_scores(store: ScreeningStore, tiles: Mapping[str, ThemeTile]) -> None:
    """Give each tile the unit's previous score, when there was an earlier screening."""
    changes = score_changes(store.db, store.screening_id)
    if all(c.previous is None for c in changes) and (
        previous_screening(store.db, store.screening_id) is None
    ):
        return  # a unit's first screening: nothing to compare with
    for change in changes:
        tile = tiles.get(change.key)
        if tile is not None:
            tile.set_previous(change.previous)
