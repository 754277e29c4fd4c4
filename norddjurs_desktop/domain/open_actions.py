"""When an action counts as open, and as overdue: one rule for the home, the calendar and HR.

An action is open while its status says it is still to be done ("ikke startet"
or "i gang"), unless a follow-up meeting carried it into a newer plan: the copy
there stands for it, so counting both would count one piece of work twice.
An open action is overdue once its deadline has passed.
"""

from __future__ import annotations

from datetime import date

from norddjurs_desktop.domain.due import is_overdue
from norddjurs_desktop.domain.followup import is_open


def counts_as_open(status: str, carried_on: bool) -> bool:
    """Still to be done here: an open status, and not carried into a newer plan."""
    return is_open(status) and not carried_on


def counts_as_overdue(status: str, carried_on: bool, deadline: date | None, today: date) -> bool:
    """Open and past its deadline (an action without a deadline is never overdue)."""
    return counts_as_open(status, carried_on) and is_overdue(deadline, today)
