"""When an action of the plan is acceptable: one rule for the form, the service and the CLI.

The dialog asks it to point at the field to fix before anything is stored; the
service asks it again and refuses, whoever calls. Both show the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.domain.plan import ACTION_STATUSES


@dataclass(frozen=True)
class ActionProblem:
    """The first thing wrong with an action: the field to fix and a Danish sentence."""

    field: str  # "action", "theme", "status", "deadline" or "follow_up"
    message: str


def action_problem(
    *,
    action: str,
    theme_key: str,
    status: str,
    deadline: date | None,
    follow_up: date | None,
    screening_date: date,
) -> ActionProblem | None:
    """None when the action may be stored; else what to fix first.

    Dates run forward: the screening, then the deadline, then the follow-up.
    A follow-up without a deadline must still come after the screening.
    """
    if not action.strip():
        return ActionProblem("action", "Skriv hvad handlingen går ud på.")
    if theme_key and theme_key not in PALETTE_KEYS:
        return ActionProblem("theme", f"Ukendt tema '{theme_key}'.")
    if status not in ACTION_STATUSES:
        return ActionProblem("status", f"Status skal være en af: {', '.join(ACTION_STATUSES)}.")
    if deadline and deadline < screening_date:
        return ActionProblem(
            "deadline",
            f"Deadline ({danish_date(deadline)}) ligger før screeningens dato "
            f"({danish_date(screening_date)}).",
        )
    if follow_up and deadline and follow_up < deadline:
        return ActionProblem(
            "follow_up",
            f"Opfølgningsdatoen ({danish_date(follow_up)}) ligger før deadline "
            f"({danish_date(deadline)}).",
        )
    if follow_up and follow_up < screening_date:
        return ActionProblem(
            "follow_up",
            f"Opfølgningsdatoen ({danish_date(follow_up)}) ligger før screeningens dato "
            f"({danish_date(screening_date)}).",
        )
    return None
