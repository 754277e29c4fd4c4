"""Errors a user can act on. Messages are Danish, one sentence, ready to show."""

from norddjurs_desktop.domain.errors import UserFacingError


class ServiceError(UserFacingError):
    """Base for problems reported to the user."""


class ValidationError(ServiceError):
    """The input was refused; nothing was changed."""


class NotFoundError(ServiceError):
    """The thing asked for does not exist (any more)."""


# Storage problems reach the front ends through here, so they need not know storage.
from norddjurs_desktop.storage.errors import (  # noqa: E402
    DamagedDatabaseError,
    DatabaseInUseError,
    NewerDatabaseError,
    ReadOnlyError,
    StorageError,
    WriteFailedError,
)

__all__ = [
    "DamagedDatabaseError",
    "DatabaseInUseError",
    "NewerDatabaseError",
    "NotFoundError",
    "ReadOnlyError",
    "ServiceError",
    "StorageError",
    "UserFacingError",
    "ValidationError",
    "WriteFailedError",
]
