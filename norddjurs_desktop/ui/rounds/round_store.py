"""The scoring round of the open screening as the widgets see it.

There is one per screening, held by the screening's store (``store.rounds``);
every change to the round goes out on the app-wide hub as the service reports it
(``Kind.ROUNDS``), so
the palette, the theme page, the preparation step and the dialogs all hear it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from norddjurs_desktop.services import rounds as round_service
from norddjurs_desktop.services.dto import ParticipantData
from norddjurs_desktop.services.rounds import ThemeRound

if TYPE_CHECKING:
    from norddjurs_desktop.ui.screening.screening_store import ScreeningStore


class RoundStore(QObject):
    def __init__(self, store: ScreeningStore) -> None:
        super().__init__(store)
        self.store = store

    @property
    def participants(self) -> tuple[ParticipantData, ...]:
        return self.store.data.participants

    def anonymity(self) -> str:
        return round_service.anonymity(self.store.db, self.store.screening_id)

    def set_anonymity(self, mode: str) -> None:
        self.store.publish(
            round_service.set_anonymity(self.store.db, self.store.screening_id, mode)
        )

    def start_round(self, theme_keys: list[str]) -> None:
        self.store.publish(
            round_service.start_round(self.store.db, self.store.screening_id, theme_keys)
        )

    def record_votes(
        self, voter: str, role: str, scores: dict[str, int | None], *, by_facilitator: bool
    ) -> None:
        self.store.publish(
            round_service.record_votes(
                self.store.db,
                self.store.screening_id,
                voter,
                role,
                scores,
                by_facilitator=by_facilitator,
            )
        )

    def results(self, *, for_facilitator: bool = False) -> list[ThemeRound]:
        return round_service.round_results(
            self.store.db, self.store.screening_id, for_facilitator=for_facilitator
        )

    def has_round(self, theme_keys: list[str] | None = None) -> bool:
        held = {result.theme_key for result in self.results()}
        return bool(held if theme_keys is None else held & set(theme_keys))
