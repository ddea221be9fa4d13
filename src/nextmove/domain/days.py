"""Dates as people write them (YYYY-MM-DD), within the range nextmove counts days in: one
parser, so the CLI, the web pages and the API refuse a bad date in the same words."""

from __future__ import annotations

from datetime import date

from nextmove.errors import UserError

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)
DATE_HINT = "Write dates as YYYY-MM-DD."


def parse_day(text: str, *, field: str | None = None) -> date:
    """A date from YYYY-MM-DD; a UserError about `field` otherwise."""
    value = text.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{value!r} is not a date", hint=DATE_HINT, field=field) from None
    return check_day(day, field)


def check_day(day: date, field: str | None = None) -> date:
    """A date the app can count days from (cadences add to it)."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UserError(
            f"{day} is out of range",
            hint=f"Give a date from {FIRST_DAY.year} to {LAST_DAY.year}.",
            field=field,
        )
    return day
