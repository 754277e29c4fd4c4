"""Storage failures a user can understand: each message is Danish and one line."""

from norddjurs_desktop.domain.errors import UserFacingError


class StorageError(UserFacingError):
    """Base for database problems shown to the user."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer version of the app; we leave it untouched."""


class NotADatabaseError(StorageError):
    """The file is not a Fremmødepaletten database (or not SQLite at all)."""
