"""The moment a page reasons from: now, or, when the page is seen `?as_of=` another day, the
start of that day in the user's time zone (as the CLI's `--as-of`)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def moment(today: date, now: datetime, timezone: str) -> datetime:
    zone = ZoneInfo(timezone)
    if now.astimezone(zone).date() == today:
        return now
    return datetime.combine(today, datetime.min.time(), tzinfo=zone)
