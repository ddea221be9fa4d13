"""`nextmove today`: one digest of what needs you today."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import typer
from rich.markup import escape

from nextmove.cli.context import AsOf, JsonFlag, console, now_from, print_json, state, today_from
from nextmove.domain.meetings import Meeting
from nextmove.services import today as service


def today(ctx: typer.Context, as_of: AsOf = None, json: JsonFlag = False) -> None:
    """Today's digest: meetings today and this week, requests awaiting a reply, thank-yous
    and follow-ups due, advisors and contacts due, the round's progress, who to reach out to."""
    st = state(ctx)
    day = today_from(as_of)
    digest = service.build_digest(
        st.db(), settings=st.settings, today=day, now=now_from(as_of, st.settings.timezone)
    )
    if json:
        from nextmove.formats.digest_json import today_json

        print_json(today_json(digest))
        return
    tz = ZoneInfo(st.settings.timezone)
    console.print(f"[bold]Today, {day:%A %d %B %Y}[/]")
    _section("Meetings today", [_when(m, tz) for m in digest.meetings_today])
    _section("This week", [_when(m, tz) for m in digest.meetings_this_week])
    _section(
        "Requests awaiting a reply (nudge due)",
        [
            f"#{m.id} {escape(m.person_name)}: `nextmove meeting draft {m.id} --kind nudge`"
            for m in digest.nudges_due
        ],
    )
    _section(
        "Thank-yous due",
        [
            f"#{m.id} {escape(m.person_name)}: `nextmove meeting draft {m.id} --kind thanks`"
            for m in digest.thanks_due
        ],
    )
    _section(
        "Follow-ups due",
        [
            f"task #{t.id} {escape(t.text)} ({escape(t.person_name)}, due {t.due_on})"
            for t in digest.tasks_due
        ],
    )
    _section(
        "Advisors to see",
        [
            f"seat {s.seat} {escape(s.name)}: {s.status.state.value if s.status else ''}"
            for s in digest.advisors_due
        ],
    )
    _section(
        "Keep in touch",
        [
            f"#{c.person_id} {escape(c.name)}: {c.status.state.value} since "
            f"{c.status.overdue_on if c.status.state.value == 'overdue' else c.status.due_on}"
            for c in digest.contacts_due
        ],
    )
    if digest.round is not None:
        totals = digest.round.totals
        console.print(
            f"\n[bold]Round {digest.round.round_id}[/] ({digest.round.size} people over "
            f"{digest.round.weeks} weeks): " + ", ".join(f"{v} {k}" for k, v in totals.items())
        )
    if digest.next_people:
        _section(
            "Next people to reach out to",
            [
                escape(
                    f"{s.candidate.name} — {s.reasons[0].text}" if s.reasons else s.candidate.name
                )
                for s in digest.next_people
            ],
        )


def _section(title: str, lines: list[str]) -> None:
    if not lines:
        return
    console.print(f"\n[bold]{title}[/]")
    for line in lines:
        console.print(f"  • {line}", soft_wrap=True)


def _when(meeting: Meeting, tz: ZoneInfo) -> str:
    start = meeting.starts_at.astimezone(tz) if meeting.starts_at else None
    at = f"{start:%a %d %b %H:%M}" if start else ""
    where = f", {meeting.place or meeting.link}" if meeting.place or meeting.link else ""
    return f"{at} #{meeting.id} {escape(meeting.person_name)} ({meeting.mode.value}{escape(where)})"
