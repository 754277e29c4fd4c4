"""Settings that belong to the database file rather than to one computer.

QSettings keeps window state per user and machine; a choice HR makes for
everyone who opens the same file (the contact model) must travel with the
file, so it is stored here as plain key/value text.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

# models.py sets the shared metadata and its naming convention; import it first.
from norddjurs_desktop.storage.models import utc_now


class AppSetting(SQLModel, table=True):
    """One setting of the whole file, e.g. ``contact_model`` = ``1-3-10``."""

    __tablename__ = "app_setting"
    key: str = Field(primary_key=True)
    value: str
    updated_at: datetime = Field(default_factory=utc_now)
