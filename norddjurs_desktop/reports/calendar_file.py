"""Due dates as an iCalendar file (.ics) that Outlook and other calendars import.

One all-day event per date. Each event's UID comes from what it is (unit,
screening, action, kind), so importing a newer file updates the events
instead of doubling them. DTSTAMP is the time the plan last changed, so two
exports of an unchanged plan are byte for byte the same. Nothing but what
the group typed goes in: no participants, no absence figures.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from norddjurs_desktop.domain.due import DueItem, calendar_stamp

PRODUCT = "-//Fremmødepaletten//Handlingsplan//DA"
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def calendar_bytes(items: Iterable[DueItem], name: str) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for item in sorted(items, key=lambda i: (i.day, i.uid)):
        event = Event()
        event.add("uid", item.uid)
        stamp = calendar_stamp(item.changed or _EPOCH)
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("last-modified", stamp.astimezone(UTC))
        event.add("dtstart", item.day)  # a date: an all-day event
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.details:
            event.add("description", item.details)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy meeting
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_calendar(items: Iterable[DueItem], name: str, out: Path) -> None:
    """Write the events to ``out`` (beside it first, then moved into place)."""
    data = calendar_bytes(items, name)
    out = Path(out)
    handle, temp_name = tempfile.mkstemp(prefix=".kalender-", suffix=".ics", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        with contextlib.suppress(OSError):
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
