"""The open screening as seen by the widgets: calls services and announces changes.

Pages never call services for a screening directly; they go through this
store so that every change (also one made by undo) reaches every page that
shows it, through one signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from norddjurs_desktop.services import actions as action_service
from norddjurs_desktop.services import decks as deck_service
from norddjurs_desktop.services import screenings as screening_service
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.dto import ActionData, ScreeningData
from norddjurs_desktop.ui.failure_text import failure_text


class ScreeningStore(QObject):
    """One screening's state with change signals. Every setter saves at once."""

    changed = Signal()  # anything about the screening (header, preparation)
    assessmentChanged = Signal(str)  # theme key
    prioritiesChanged = Signal()
    actionsChanged = Signal()
    cardNotesChanged = Signal()
    failed = Signal(str)  # a Danish message: an edit was NOT stored
    saved = Signal()  # an edit was stored (after a failure: writing works again)

    def __init__(self, db: Database, screening_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.screening_id = screening_id
        self._data = screening_service.get_screening(db, screening_id)

    # -- reading -------------------------------------------------------------
    @property
    def data(self) -> ScreeningData:
        return self._data

    def reload(self) -> None:
        self._data = screening_service.get_screening(self.db, self.screening_id)

    def actions(self) -> list[ActionData]:
        return action_service.list_actions(self.db, self.screening_id)

    # -- preparation -----------------------------------------------------------
    def update_preparation(self, **fields: object) -> None:
        screening_service.update_preparation(self.db, self.screening_id, **fields)  # type: ignore[arg-type]
        self.reload()
        self.changed.emit()

    def add_participant(self, name: str, role: str) -> int:
        pid = screening_service.add_participant(self.db, self.screening_id, name, role)
        self.reload()
        self.changed.emit()
        return pid

    def update_participant(self, participant_id: int, name: str, role: str) -> None:
        screening_service.update_participant(self.db, participant_id, name, role)
        self.reload()
        self.changed.emit()

    def remove_participant(self, participant_id: int) -> None:
        screening_service.remove_participant(self.db, participant_id)
        self.reload()
        self.changed.emit()

    # -- mapping ----------------------------------------------------------------
    def set_score(self, theme_key: str, score: int | None) -> None:
        screening_service.set_score(self.db, self.screening_id, theme_key, score)
        self.reload()
        self.assessmentChanged.emit(theme_key)

    def set_notes(
        self, theme_key: str, *, resources: str | None = None, challenges: str | None = None
    ) -> None:
        screening_service.set_notes(
            self.db, self.screening_id, theme_key, resources=resources, challenges=challenges
        )
        self.reload()
        self.assessmentChanged.emit(theme_key)

    def set_priorities(self, ordered_keys: list[str]) -> None:
        screening_service.set_priorities(self.db, self.screening_id, ordered_keys)
        self.reload()
        self.prioritiesChanged.emit()

    def priorities(self) -> list[str]:
        chosen = [a for a in self._data.assessments if a.priority is not None]
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
            deck_service.set_card_note(
                self.db, self.screening_id, deck_key, card_key, discussed=discussed, note=note
            )
        except Exception as error:  # a locked or full disk must not pass for saved
            self.failed.emit(failure_text(error))
            return False
        self.saved.emit()
        self.cardNotesChanged.emit()
        return True

    # -- actions ------------------------------------------------------------------
    def add_action(self, data: ActionData) -> ActionData:
        stored = action_service.add_action(self.db, self.screening_id, data)
        self.actionsChanged.emit()
        return stored

    def update_action(self, data: ActionData) -> ActionData:
        stored = action_service.update_action(self.db, data)
        self.actionsChanged.emit()
        return stored

    def delete_action(self, action_id: int) -> ActionData:
        removed = action_service.delete_action(self.db, action_id)
        self.actionsChanged.emit()
        return removed

    def restore_action(self, data: ActionData) -> ActionData:
        stored = action_service.restore_action(self.db, self.screening_id, data)
        self.actionsChanged.emit()
        return stored

    def reorder_actions(self, ordered_ids: list[int]) -> None:
        action_service.reorder_actions(self.db, self.screening_id, ordered_ids)
        self.actionsChanged.emit()
