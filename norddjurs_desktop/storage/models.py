"""The tables. Every schema change goes through an Alembic migration in ``migrations/``.

Names of constraints follow one convention (see ``NAMING``) so that SQLite's
batch migrations can find and alter them later.
"""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import UTC, datetime

from sqlalchemy import MetaData, UniqueConstraint
from sqlmodel import Field, SQLModel

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING)


def new_uid() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Unit(SQLModel, table=True):
    """An 'enhed': the workplace that screens itself."""

    __tablename__ = "unit"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    # the same in every database the unit is shared into (share files)
    uid: str = Field(default_factory=new_uid, unique=True)
    # "Område": the forvaltning or area the unit belongs to, for grouping ("" = none)
    area: str = Field(default="", sa_column_kwargs={"server_default": ""})
    created_at: datetime = Field(default_factory=utc_now)


class Screening(SQLModel, table=True):
    __tablename__ = "screening"
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
    date: dt.date
    forum: str = "TRIO"
    purpose: str = ""
    status: str = "i gang"  # "i gang" or "afsluttet"
    next_follow_up: dt.date | None = None
    summary: str = ""
    # who may see the names in a scoring round: "navne", "facilitator" or "anonym"
    anonymity: str = "navne"
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    # the same in every database the screening is shared into (share files)
    uid: str = Field(default_factory=new_uid, unique=True)
    # counts the screening's edits (every edit goes through services.screenings.touch)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class Participant(SQLModel, table=True):
    __tablename__ = "participant"
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", index=True)
    name: str
    role: str
    position: int = 0


class ThemeAssessment(SQLModel, table=True):
    """The group's agreed view of one palette theme in one screening."""

    __tablename__ = "theme_assessment"
    __table_args__ = (UniqueConstraint("screening_id", "theme_key"),)
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", index=True)
    theme_key: str
    score: int | None = None
    resources: str = ""
    challenges: str = ""
    priority: int | None = None


class Action(SQLModel, table=True):
    # AUTOINCREMENT: ids are never reused, so undo can put a deleted action back
    # under its old id without clashing with one added meanwhile.
    __tablename__ = "action"
    __table_args__ = {"sqlite_autoincrement": True}
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", index=True)
    theme_key: str = ""
    problem: str = ""
    action: str = ""
    owner: str = ""
    deadline: dt.date | None = None
    follow_up: dt.date | None = None
    status: str = "ikke startet"
    success: str = ""
    position: int = 0
    data_reference: str | None = None  # JSON of domain.plan.DataReference


class Deck(SQLModel, table=True):
    __tablename__ = "deck"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    title: str
    description: str = ""
    shipped: bool = False
    shipped_version: int = 0
    position: int = 0


class DeckTheme(SQLModel, table=True):
    __tablename__ = "deck_theme"
    __table_args__ = (UniqueConstraint("deck_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    deck_id: int = Field(foreign_key="deck.id", ondelete="CASCADE", index=True)
    key: str
    title: str
    description: str = ""
    colour: str = "#808080"
    symbol: str = "circle"
    position: int = 0
    user_edited: bool = False


class Card(SQLModel, table=True):
    __tablename__ = "card"
    __table_args__ = (UniqueConstraint("deck_id", "card_key"),)
    id: int | None = Field(default=None, primary_key=True)
    deck_id: int = Field(foreign_key="deck.id", ondelete="CASCADE", index=True)
    theme_id: int = Field(foreign_key="deck_theme.id", ondelete="CASCADE", index=True)
    card_key: str
    kind: str = "spørgsmål"
    text: str
    position: int = 0
    hidden: bool = False
    user_edited: bool = False


class CardNote(SQLModel, table=True):
    """A card talked about in a screening, and what the group noted while doing so."""

    __tablename__ = "card_note"
    __table_args__ = (UniqueConstraint("screening_id", "card_id"),)
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", index=True)
    card_id: int = Field(foreign_key="card.id", ondelete="CASCADE", index=True)
    discussed: bool = False
    note: str = ""


class FollowUp(SQLModel, table=True):
    """Marks a screening as the follow-up of an earlier one of the same unit.

    ``previous_id`` is cleared, not cascaded, when the earlier screening is
    deleted: the follow-up and its own plan stay.
    """

    __tablename__ = "follow_up"
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", unique=True)
    previous_id: int | None = Field(
        default=None, foreign_key="screening.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = Field(default_factory=utc_now)


class ActionReview(SQLModel, table=True):
    """What a follow-up meeting said about one action of the previous plan.

    The action's new status is kept on the action itself; ``effect`` is the
    answer to "Virkede det?" ("" until answered); ``carried_action_id`` is the
    action in the new plan that carries it on.
    """

    __tablename__ = "action_review"
    __table_args__ = (UniqueConstraint("screening_id", "action_id"),)
    id: int | None = Field(default=None, primary_key=True)
    screening_id: int = Field(foreign_key="screening.id", ondelete="CASCADE", index=True)
    action_id: int = Field(foreign_key="action.id", ondelete="CASCADE", index=True)
    effect: str = ""
    comment: str = ""
    carried_action_id: int | None = Field(
        default=None, foreign_key="action.id", ondelete="SET NULL", index=True
    )
    position: int = 0
