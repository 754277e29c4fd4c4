"""What the user reads when something could not be done: one Danish sentence, always.

A refusal from the services or storage is already worded for the user and is
shown as it is. Anything else (a bug, an error from a library) must still not
look like success, so it gets a general sentence that says the change is not
saved, and the details go to the log for whoever investigates.
"""

from __future__ import annotations

import logging

from norddjurs_desktop.domain.errors import UserFacingError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Ændringen blev ikke gemt på grund af en uventet fejl. Prøv igen; hjælper det ikke, "
    "så luk programmet og åbn det igen – det, der allerede er gemt, er i behold."
)


def failure_text(error: BaseException) -> str:
    """The Danish sentence for ``error``; unexpected errors are logged with their traceback."""
    if isinstance(error, UserFacingError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        return f"Ændringen blev ikke gemt: {error.strerror}."
    log.error("Unexpected failure", exc_info=(type(error), error, error.__traceback__))
    return UNEXPECTED
