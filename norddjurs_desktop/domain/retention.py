"""Which automatic backups to keep: 7 daily, 4 weekly and 6 monthly, plus the newest day's.

A pure rule over time stamps, so it can be tested without files. For each of
the most recent days (weeks, months) that have a backup, the newest backup of
that day (ISO week, month) is kept. Every backup from the newest day is kept
as well, so a copy made before an import that same day is still there when
the import turns out wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 6


def _newest_per_period(
    stamps: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for stamp in sorted(stamps, reverse=True):
        key = period(stamp)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(stamp)
    return kept


def backups_to_keep(
    stamps: Iterable[datetime], *, daily: int = DAILY, weekly: int = WEEKLY, monthly: int = MONTHLY
) -> set[datetime]:
    """The time stamps whose backups stay; every other automatic backup may be deleted."""
    stamps = list(stamps)
    if not stamps:
        return set()
    newest_day = max(stamps).date()
    kept = {stamp for stamp in stamps if stamp.date() == newest_day}
    kept |= _newest_per_period(stamps, lambda s: s.date(), daily)
    kept |= _newest_per_period(stamps, lambda s: s.isocalendar()[:2], weekly)
    kept |= _newest_per_period(stamps, lambda s: (s.year, s.month), monthly)
    return kept
