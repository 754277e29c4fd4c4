"""Absence records and figures for the data view — the one module callers import.

The implementation is split by concern (records, metrics, trends, interval
arithmetic) to keep each file readable; this module gathers the public API so
services, the CLI and the GUI depend on one name only.
"""

from __future__ import annotations

from .absence_metrics import (
    AGE_GROUP,
    BRADFORD_BANDS,
    DURATION_BANDS,
    JOB_GROUP,
    MIN_GROUP_SIZE,
    TEAM,
    WEEKDAYS,
    AbsenceStats,
    compute_stats,
    suppress_small_groups,
)
from .absence_privacy import hide_groups, shown_groups
from .absence_records import (
    AGE_GROUPS,
    REASONS,
    SICK_REASONS,
    UNAVAILABLE_REASONS,
    AbsenceRow,
    StaffMember,
    age_group,
    data_range,
    default_period,
    job_group_label,
    normalise_reason,
    team_label,
)
from .absence_trends import PeriodFigure, rolling_absence, yearly_absence

__all__ = [
    "AGE_GROUP",
    "AGE_GROUPS",
    "BRADFORD_BANDS",
    "DURATION_BANDS",
    "JOB_GROUP",
    "MIN_GROUP_SIZE",
    "REASONS",
    "SICK_REASONS",
    "TEAM",
    "UNAVAILABLE_REASONS",
    "WEEKDAYS",
    "AbsenceRow",
    "AbsenceStats",
    "PeriodFigure",
    "StaffMember",
    "age_group",
    "compute_stats",
    "data_range",
    "default_period",
    "hide_groups",
    "job_group_label",
    "normalise_reason",
    "rolling_absence",
    "shown_groups",
    "suppress_small_groups",
    "team_label",
    "yearly_absence",
]
