"""The open screening as seen by the widgets: calls services and announces what changed.

Pages never call services for a screening directly; they go through this
store, and every change (also one made by undo, or by another window such as
the presenter) goes out as one :class:`Changes` on the app-wide hub
(:mod:`norddjurs_desktop.ui.common.operations`). The store itself listens too: what
it holds is read again the first time it is asked for after a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from norddjurs_desktop.services import actions as action_service
from norddjurs_desktop.services import screening_versions
from norddjurs_desktop.services import screenings as screening_service
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changed, Changes, Kind
from norddjurs_desktop.services.decks import library as deck_service
from norddjurs_desktop.services.dto import ActionData, ScreeningData
from norddjurs_desktop.ui.common.failure_text import failure_text
from norddjurs_desktop.ui.common.operations import change_hub, on_change
from norddjurs_desktop.ui.rounds.round_store import RoundStore

T = TypeVar("T")

# What the store holds of the screening: a change of these means reading it again.
HELD = (Kind.SCREENING, Kind.PARTICIPANTS, Kind.ASSESSMENTS, Kind.PRIORITIES, Kind.UNITS)
# Everything of one screening a page shows: announced when it was reloaded after a conflict.
RELOADED = (*HELD, Kind.ACTIONS, Kind.CARD_NOTES, Kind.ROUNDS)


class ScreeningStore(QObject):
    """One screening's state. Every setter saves at once and announces the change."""

    failed = Signal(str)  # a Danish message: an edit was NOT stored
    saved = Signal()  # an edit was stored (after a failure: writing works again)
    closing = Signal()  # the screening's page is about to close

    def __init__(self, db: Database, screening_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.screening_id = screening_id
        # The version first: an edit by someone else after it is caught, not adopted.
        screening_versions.remember_version(db, screening_id)
        self._data = screening_service.get_screening(db, screening_id)
        self._stale = False
        self._editing = False
        self._pending: list[Changes] = []  # announced once the edit is committed
        self.rounds = RoundStore(self)
        on_change(self, self._on_change)

    # -- reading -------------------------------------------------------------
    @property
    def data(self) -> ScreeningData:
        if self._stale:
            self.reload()
        return self._data

    def reload(self) -> None:
        self._data = screening_service.get_screening(self.db, self.screening_id)
        self._stale = False

    def _on_change(self, changes: Changes) -> None:
        if changes.touches(*HELD, screening_id=self.screening_id):
            self._stale = True

    def changes(self, *kinds: Kind) -> Changes:
        """A change of this screening, ready to announce."""
        return Changes.of(*kinds, screening_id=self.screening_id, unit_id=self._data.unit_id)

    def announce(self, *kinds: Kind) -> None:
        self.publish(self.changes(*kinds))

    def publish(self, changes: Changes) -> None:
        """Tell every view what a service says it changed."""
        self._stale = True  # before the views hear of it, whatever order they were connected in
        if self._editing:  # inside a checked edit: the views hear of it after the commit
            self._pending.append(changes)
        else:
            change_hub().announce(changes)

    # -- concurrent edits ---------------------------------------------------------
    @contextmanager
    def editing(self) -> Iterator[None]:
        """One edit, refused with ``ConflictError`` if someone else changed the screening.

        The version check and the edit run in one transaction (the row locked), so
        nobody can slip in between; the views hear of the edit once it is committed.
        """
        if self._editing:  # an edit made of several store calls: one check for all
            yield
            return
        self._editing = True
        try:
            with self.db.session():
                screening_service.check_version(self.db, self.screening_id)
                yield
        except BaseException:
            self._pending.clear()
            raise
        finally:
            self._editing = False
        pending, self._pending = self._pending, []
        for changes in pending:
            change_hub().announce(changes)

    def conflict(self, error: BaseException, kept: str | None = None) -> str:
        """Reload what is stored now and say so; ``kept`` is the user's unsaved text.

        The views are told after the failed edit has finished, so a note field that
        still holds the typed text keeps it (marked unsaved) unless that very field
        was changed by the other person — then the text is in the message to copy.
        """
        screening_versions.remember_version(self.db, self.screening_id)
        self.reload()
        message = failure_text(error)
        if kept and kept.strip():
            message += (
                f" Din tekst er ikke gemt, men bevaret her, så du kan sætte den ind igen: »{kept}«"
            )
        changes = Changes.of(*RELOADED, screening_id=self.screening_id, unit_id=self._data.unit_id)
        QTimer.singleShot(0, self, lambda: change_hub().announce(changes))
        self.failed.emit(message)
        return message

    def concerns(self, changes: Changes, *kinds: Kind) -> bool:
        """Whether ``changes`` touches ``kinds`` of this screening (for the views' slots)."""
        return changes.touches(*kinds, screening_id=self.screening_id)

    def actions(self) -> list[ActionData]:
        return action_service.list_actions(self.db, self.screening_id)

    # -- preparation -----------------------------------------------------------
    def update_preparation(self, **fields: object) -> None:
        self.publish(
            screening_service.update_preparation(self.db, self.screening_id, **fields)  # type: ignore[arg-type]
        )

    def add_participant(self, name: str, role: str) -> int:
        pid = screening_service.add_participant(self.db, self.screening_id, name, role)
        self.publish(pid.changes)
        return pid

    def update_participant(self, participant_id: int, name: str, role: str) -> None:
        self.publish(screening_service.update_participant(self.db, participant_id, name, role))

    def remove_participant(self, participant_id: int) -> None:
        self.publish(screening_service.remove_participant(self.db, participant_id))

    # -- mapping ----------------------------------------------------------------
    def set_score(self, theme_key: str, score: int | None) -> None:
        self.publish(screening_service.set_score(self.db, self.screening_id, theme_key, score))

    def set_notes(
        self, theme_key: str, *, resources: str | None = None, challenges: str | None = None
    ) -> None:
        self.publish(screening_service.set_notes(
            self.db, self.screening_id, theme_key, resources=resources, challenges=challenges
        ))

    def set_priorities(self, ordered_keys: list[str]) -> None:
        self.publish(screening_service.set_priorities(self.db, self.screening_id, ordered_keys))

    def priorities(self) -> list[str]:
        chosen = [a for a in self.data.assessments if a.priority is not None]
        return [a.theme_key for a in sorted(chosen, key=lambda a: a.priority or 0)]

    def card_notes(self, deck_key: str) -> dict[str, deck_service.CardNoteData]:
        return deck_service.card_notes(self.db, self.screening_id, deck_key)

    def set_card_note(
        self,
        deck_key: str,
        card_key: str,
        *,
        discussed: bool | None = None,
        note: str | None = None,
    ) -> bool:
        """Card notes are not undoable, so a failure is reported here rather than raised."""
        try:
            with self.editing():
                changes = deck_service.set_card_note(
                    self.db, self.screening_id, deck_key, card_key, discussed=discussed, note=note
                )
        except screening_versions.ConflictError as error:
            self.conflict(error, note)
            return False
        except Exception as error:  # a locked or full disk must not pass for saved
            self.failed.emit(failure_text(error))
            return False
        self.saved.emit()
        self.publish(changes)
        return True

    # -- actions ------------------------------------------------------------------
    def add_action(self, data: ActionData) -> ActionData:
        return self._published(action_service.add_action(self.db, self.screening_id, data))

    def update_action(self, data: ActionData) -> ActionData:
        return self._published(action_service.update_action(self.db, data))

    def delete_action(self, action_id: int) -> ActionData:
        return self._published(action_service.delete_action(self.db, action_id))

    def restore_action(self, data: ActionData) -> ActionData:
        return self._published(action_service.restore_action(self.db, self.screening_id, data))

    def reorder_actions(self, ordered_ids: list[int]) -> None:
        self.publish(action_service.reorder_actions(self.db, self.screening_id, ordered_ids))

    def _published(self, done: Changed[T]) -> T:
        self.publish(done.changes)
        return done.value
