"""Which groups of a breakdown may be shown, and so which groups may be chosen as a filter.

Absence is health data: no figure may describe fewer than :data:`MIN_GROUP_SIZE`
persons, neither directly nor as a difference of figures that are shown. A
breakdown (team, job group, age group) hides every group below five persons;
if what is hidden then adds up to fewer than five persons (one small group, or
several tiny ones), the smallest shown groups are hidden as well until the hidden
persons are at least five, so "whole unit minus the shown groups" describes at
least five people.

A filter is the same question asked differently: choosing a team shows that
team's headline figures, so a team may be chosen only when the unit's team
breakdown for the same period shows it. One rule (:func:`shown_groups`) answers
both, for every front end.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

__all__ = [
    "COMPLEMENT",
    "FILTERED",
    "MIN_GROUP_SIZE",
    "SMALL",
    "HiddenGroups",
    "hide_groups",
    "refusal_text",
    "shown_groups",
]

MIN_GROUP_SIZE = 5
SMALL = "small"  # the group itself has fewer than five persons
COMPLEMENT = "complement"  # hidden so a smaller hidden group cannot be worked out
# Hidden because the view is already one team: the unit's job-group row minus the
# same row inside every team could narrow down to a few persons (two-way tables).
FILTERED = "filtered"

#: group label → why it is hidden (:data:`SMALL` or :data:`COMPLEMENT`).
HiddenGroups = dict[str, str]


def hide_groups(sizes: Mapping[str, int], empty: Collection[str] = ()) -> HiddenGroups:
    """The groups of one breakdown that must not be shown, each with the reason.

    ``sizes`` maps every group with at least one person to its person count.
    ``empty`` names groups that carry no figure at all (no possible working
    days): they add nothing to a total, so hiding them protects no one; they
    are never picked as the extra group and their persons do not count
    towards the five. Ties between equally small groups go by label, so the
    choice is the same on every run and in every front end.
    """
    hidden: HiddenGroups = {
        label: SMALL for label, persons in sizes.items() if persons < MIN_GROUP_SIZE
    }
    if not hidden:
        return hidden
    candidates = sorted(
        (persons, label)
        for label, persons in sizes.items()
        if label not in hidden and label not in empty
    )

    def covered() -> int:
        return sum(sizes[label] for label in hidden if label not in empty)

    while candidates and (len(hidden) < 2 or covered() < MIN_GROUP_SIZE):
        hidden[candidates.pop(0)[1]] = COMPLEMENT
    return hidden


def hide_all(sizes: Mapping[str, int]) -> HiddenGroups:
    """Every group of a breakdown, hidden: a breakdown inside a team is never shown."""
    return dict.fromkeys(sizes, FILTERED)


def shown_groups(sizes: Mapping[str, int], empty: Collection[str] = ()) -> frozenset[str]:
    """The groups whose figures may be shown — and which alone may be chosen as a filter."""
    return frozenset(sizes) - frozenset(hide_groups(sizes, empty))


def refusal_text(what: str, label: str, reason: str, period: str) -> str:
    """The Danish explanation for a filter that cannot be chosen (``what``: "Teamet" …)."""
    if reason == SMALL:
        why = f"har færre end {MIN_GROUP_SIZE} personer i perioden {period}"
    else:
        why = (
            f"skjules i perioden {period} for at beskytte en mindre gruppe, hvis tal ellers "
            "kunne regnes ud som forskellen mellem hele enheden og de viste grupper"
        )
    return (
        f"{what} '{label}' kan ikke vælges: gruppen {why}. Af hensyn til de ansattes "
        "privatliv vises ingen tal for den – vælg en anden gruppe eller hele enheden."
    )

