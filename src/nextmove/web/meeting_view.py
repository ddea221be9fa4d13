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


# The section of a meeting's page open for each state, the one the user acts in next (the
# others start collapsed, their summary lines saying what is inside): an idea's request is
# written in Prepare; a request waits for a reply, a time or a nudge in Schedule; a scheduled
# meeting's agenda is prepared before it (its time shows on the Schedule line); after it, the
# notes, insights, referrals and tasks. A closed meeting (declined, no reply) has nothing
# next: all three stay collapsed, their lines still saying what is inside.
STAGE_OPEN: dict[MeetingState, str] = {
    MeetingState.IDEA: "prepare",
    MeetingState.REQUESTED: "schedule",
    MeetingState.SCHEDULED: "prepare",
    MeetingState.HELD: "after",
    MeetingState.FOLLOWED_UP: "after",
    MeetingState.DECLINED: "",
    MeetingState.NO_REPLY: "",
}


def short_when(moment: datetime | None, timezone: str, today: date) -> str:
    """'Tue 24 Nov 10:00' (with the year when it is not this year's), or ''."""
    shown = local(moment, timezone)
    if shown is None:
        return ""
    return f"{shown:%a %d %b %Y %H:%M}" if shown.year != today.year else f"{shown:%a %d %b %H:%M}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def stage_lines(
    meeting: Meeting,
    *,
    timezone: str,
    today: date,
    agenda: str,
    counts: Mapping[str, int],
    nudge_due: bool,
    thanks_due_on: date | None,
) -> dict[str, str]:
    """Each section's summary line: what is inside and where it stands, so a collapsed
    section still tells the user what they would find (e.g. "Tue 24 Nov 10:00, in person")."""
    state = meeting.state
    questions = sum(1 for line in agenda.splitlines() if line.lstrip().startswith(("- ", "* ")))
    agenda_said = f"agenda: {_count(questions, 'item')}" if questions else "the agenda"
    if state is MeetingState.IDEA:
        prepare = f"the request to send, {agenda_said}"
    elif meeting.requested_on is not None:
        prepare = f"request sent {meeting.requested_on}, {agenda_said}"
    else:
        prepare = f"why them, {agenda_said}"
    when = short_when(meeting.starts_at, timezone, today)
    mode = meeting.mode.value.replace("-", " ")
    if state is MeetingState.SCHEDULED and when:
        schedule = f"{when}, {mode}"
    elif state is MeetingState.REQUESTED:
        schedule = "no time yet: " + ("the nudge is due" if nudge_due else "waiting for a reply")
    elif state is MeetingState.IDEA:
        schedule = "no time yet: send the request first"
    elif state is MeetingState.NO_REPLY:
        schedule = "no reply: the nudge"
    elif when:
        schedule = f"was {when}, {mode}"
    else:
        schedule = "not scheduled"
    parts = [_count(counts.get(k, 0), k) for k in ("note", "insight", "referral") if counts.get(k)]
    if counts.get("task"):
        parts.append(_count(counts["task"], "open task"))
    if thanks_due_on is not None and state is MeetingState.HELD:
        parts.insert(0, f"thank-you due {thanks_due_on}")
    after = ", ".join(parts) or "notes, insights, referrals, tasks, the thank-you"
    return {"prepare": prepare, "schedule": schedule, "after": after}
