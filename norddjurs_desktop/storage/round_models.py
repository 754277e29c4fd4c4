"""The individual votes of a hidden scoring round."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

# models.py sets the shared metadata and its naming convention; import it first.
from norddjurs_desktop.storage.models import utc_now


class Vote(SQLModel, table=True):
    """One participant's own score of one theme, before the group agrees.

    ``voter`` is empty when the screening's votes are anonymous; ``score`` is
    None when the participant passed ("ved ikke").
    """

    __tablename__ = "vote"
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", index=True)
    theme_key: str
    voter: str = ""
    voter_role: str = ""
    position: int = 0
    score: int | None = None
    by_facilitator: bool = False
    created_at: datetime = Field(default_factory=utc_now)
