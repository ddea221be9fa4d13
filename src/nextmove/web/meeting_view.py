"""What the meeting pages share: the board's columns, the steps a meeting can take next, times
in the user's zone, the planning form, and a service's words put next to a form field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import Response

from nextmove.domain.days import parse_day
from nextmove.domain.meetings import ALLOWED_FROM, Meeting, MeetingState
from nextmove.errors import NotFound, UserError

MAX_ID = 2**31 - 1
D = TypeVar("D", date, None)

# The board: open states first, each a column; the closed ones folded away.
COLUMNS = (
    (MeetingState.IDEA, "Ideas", "People to ask: send the request."),
    (MeetingState.REQUESTED, "Requested", "Waiting for a reply; nudge when it is due."),
    (MeetingState.SCHEDULED, "Scheduled", "Prepare the agenda."),
    (MeetingState.HELD, "Held", "Send the thank-you."),
    (MeetingState.FOLLOWED_UP, "Followed up", "Done: keep in touch."),
)
CLOSED = (MeetingState.DECLINED, MeetingState.NO_REPLY)

# The steps of the meeting page (scheduling has its own form), with their button words.
STEPS = (
    (MeetingState.REQUESTED, "Request sent"),
    (MeetingState.HELD, "Held"),
    (MeetingState.FOLLOWED_UP, "Followed up"),
    (MeetingState.DECLINED, "Declined"),
    (MeetingState.NO_REPLY, "No reply"),
)
STEP_VALUES = frozenset(s.value for s, _label in STEPS)


def steps_for(state: MeetingState) -> list[tuple[str, str]]:
    """The steps a meeting in ``state`` may take next: (state, button label)."""
    return [(s.value, label) for s, label in STEPS if state in ALLOWED_FROM[s]]


def local(moment: datetime | None, timezone: str) -> datetime | None:
    return moment.astimezone(ZoneInfo(timezone)) if moment is not None else None


def when_text(moment: datetime | None, timezone: str) -> str:
    """'Mon 23 Nov 2026, 10:00 (Europe/Berlin)', or '' when not scheduled."""
    shown = local(moment, timezone)
    return f"{shown:%a %d %b %Y, %H:%M} ({timezone})" if shown else ""


def start_of(request: Request, now: datetime, timezone: str) -> datetime:
    """Where slots and drafts start: the start of `?as_of=` in the user's zone, else now
    (as `--as-of` does for the CLI)."""
    as_of = request.query_params.get("as_of")
    if not as_of:
        return now
    try:
        day = date.fromisoformat(as_of)
    except ValueError:
        return now
    return datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo(timezone))


def person_ref(text: str) -> str:
    """A person's reference as typed ("12", "#12", "Ana Ruiz"); a number no id can be is
    NotFound here, before it reaches the database."""
    bare = text.strip().lstrip("#").strip()
    if bare.isdigit() and not (bare.isascii() and 1 <= int(bare) <= MAX_ID):
        raise NotFound(f"no person with id {bare}", hint="Give their id or their name.")
    return text.strip()


def form_text(form: Mapping[str, Any], name: str, limit: int = 10_000) -> str:
    """A submitted text field, trimmed, without NUL characters (databases refuse them), cut
    to ``limit`` characters."""
    value = form.get(name)
    return value.replace("\x00", "").strip()[:limit] if isinstance(value, str) else ""


def form_day(form: Mapping[str, Any], name: str, default: D) -> date | D:
    """An optional date field: blank means ``default`` (a date, or None for "no date"). The
    browser's date picker sends YYYY-MM-DD or nothing; anything else is refused in the
    picker's words (the page keeps what was typed)."""
    text = form_text(form, name, 40)
    if not text:
        return default
    try:
        return parse_day(text, field=name)
    except UserError:
        raise UserError(
            f"{text[:20]!r} is not a day the date picker knows",
            hint="Pick a day from the calendar, or leave the field blank.",
            field=name,
        ) from None


@dataclass
class PlanForm:
    """The planning form's values and problems."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)


def notes_of(text: str) -> list[tuple[str, str]]:
    """A meeting's notes ("2026-11-22: …" lines) as (day, text); undated lines keep ''."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        head, sep, rest = line.partition(": ")
        try:
            date.fromisoformat(head)
        except ValueError:
            out.append(("", line.strip()))
            continue
        out.append((head, rest.strip()) if sep else ("", line.strip()))
    return out


def board_columns(meetings: list[Meeting]) -> dict[MeetingState, list[Meeting]]:
    grouped: dict[MeetingState, list[Meeting]] = {state: [] for state in MeetingState}
    for meeting in meetings:
        grouped[meeting.state].append(meeting)
    return grouped


def calendar_response(data: bytes, filename: str) -> Response:
    """An .ics file to download (or subscribe to)."""
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
