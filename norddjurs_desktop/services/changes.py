"""What a change touched, so every view can decide for itself whether to show it again.

A mutating use case answers with a :class:`Changes`: which screening or unit,
and which kinds of data. The GUI sends it out once, app-wide; each view asks
:meth:`Changes.touches` about what it shows. No view calls another view's
refresh, and nothing is rebuilt to show a change (as Anki's ``OpChanges``).

Every mutating service returns one: a :class:`Changes` when it has nothing
else to return, a :class:`Changed` around a stored record, or a :class:`NewId`
for a row it created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar


class Kind(StrEnum):
    """The kinds of data a change can touch."""

    SCREENING = "screening"  # the screening's own fields: date, forum, purpose, summary …
    PARTICIPANTS = "participants"
    ASSESSMENTS = "assessments"  # scores and notes of the themes
    PRIORITIES = "priorities"
    ACTIONS = "actions"
    CARD_NOTES = "card_notes"
    ROUNDS = "rounds"  # the hidden scoring round: votes, anonymity
    SCREENINGS = "screenings"  # screenings created or deleted
    UNITS = "units"
    ABSENCE = "absence"  # imported absence data and typed key figures of a unit
    DECKS = "decks"  # card texts, themes, decks
    CONTACT_MODEL = "contact_model"  # the contact model HR chose (1-3-10, 1-5-14 …)


@dataclass(frozen=True)
class Changes:
    """A change: its kinds, and the screening and unit it belongs to where there is one.

    ``screening_id``/``unit_id`` None means "not tied to one" (a deck edit), and
    a view showing any screening or unit must then consider itself touched.
    """

    kinds: frozenset[Kind] = field(default_factory=frozenset)
    screening_id: int | None = None
    unit_id: int | None = None

    @classmethod
    def of(
        cls, *kinds: Kind, screening_id: int | None = None, unit_id: int | None = None
    ) -> Changes:
        return cls(frozenset(kinds), screening_id, unit_id)

    def touches(
        self, *kinds: Kind, screening_id: int | None = None, unit_id: int | None = None
    ) -> bool:
        """Whether a view showing ``kinds`` of that screening/unit must show this change."""
        if not self.kinds.intersection(kinds):
            return False
        if screening_id is not None and self.screening_id not in (None, screening_id):
            return False
        return unit_id is None or self.unit_id in (None, unit_id)

    def __or__(self, other: Changes) -> Changes:
        """Two changes as one (an operation made of several steps); no change adds nothing."""
        if not other.kinds:
            return self
        if not self.kinds:
            return other
        screening = self.screening_id if self.screening_id == other.screening_id else None
        unit = self.unit_id if self.unit_id == other.unit_id else None
        return Changes(self.kinds | other.kinds, screening, unit)


T = TypeVar("T")


@dataclass(frozen=True)
class Changed(Generic[T]):
    """What a mutating use case hands back when it has a result besides the change:
    the stored record (an action as saved, a review) and what the change touched."""

    value: T
    changes: Changes


class NewId(int):
    """The id of a row a use case created, carrying what the creation changed.

    It is the id itself (an ``int``), so every caller that only wants the id —
    the CLI, the demo, dozens of tests — uses it as before, while the GUI reads
    :attr:`changes` to tell the views.
    """

    changes: Changes

    def __new__(cls, value: int, changes: Changes) -> NewId:
        made = super().__new__(cls, value)
        made.changes = changes
        return made

    def __repr__(self) -> str:  # shown as the plain id it stands for
        return int.__repr__(self)

    def __reduce__(self) -> tuple[type[NewId], tuple[int, Changes]]:
        return (NewId, (int(self), self.changes))
