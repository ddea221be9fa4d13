"""`nextmove meeting`: research meetings from the idea to the thank-you (docs/meetings.md)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import (
    AsOf,
    JsonFlag,
    console,
    err_console,
    now,
    now_from,
    parse_date,
    print_json,
    state,
    today_from,
)
from nextmove.cli.editor import edit_text
from nextmove.domain.meetings import MeetingState, describe_target
from nextmove.errors import NeedsConfirmation, UserError
from nextmove.formats.meeting_json import (
    meeting_detail_json,
    meeting_list_json,
    slots_json,
)
from nextmove.services import meeting_calendar
from nextmove.services import meetings as service
from nextmove.services import plans as plans_service

app = typer.Typer(
    help="Research meetings: idea → requested → scheduled → held → followed up (docs/meetings.md).",
    no_args_is_help=True,
)

MeetingId = Annotated[int, typer.Argument(help="The meeting's # (see `nextmove meeting list`).")]
Ref = Annotated[str, typer.Argument(help="The person: their # or their name.")]
Day = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="YYYY-MM-DD", help="When it happened; default: --as-of or today."
    ),
]
Mode = Annotated[
    str | None, typer.Option("--mode", help="in-person, video (the default) or phone.")
]
BusyFile = Annotated[
    Path | None,
    typer.Option("--busy", metavar="FILE.ics", help="An .ics export of your calendar to avoid."),
]


def _day(day: str | None, as_of: str | None) -> date:
    return parse_date(day, option="--date") if day else today_from(as_of)


@app.command("add")
def add(
    ctx: typer.Context,
    ref: Ref,
    why: Annotated[str, typer.Option("--why", help="Why this person (used in the request).")] = "",
    mode: Mode = None,
    kind: Annotated[
        str, typer.Option("--kind", help="research (the default) or advisor-checkin.")
    ] = "research",
    as_of: AsOf = None,
) -> None:
    """Add a meeting idea with a person."""
    meeting = service.add_meeting(
        state(ctx).db(), ref, why=why, mode=mode, kind=kind, today=today_from(as_of), now=now()
    )
    console.print(
        f"Meeting #{meeting.id} with {escape(meeting.person_name)}: an idea. Next: "
        f"`nextmove meeting draft {meeting.id} --kind request`."
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    state_: Annotated[
        str | None,
        typer.Option(
            "--state", help="Only this state: " + ", ".join(s.value for s in MeetingState)
        ),
    ] = None,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """List meetings, with the requests whose nudge is due."""
    st = state(ctx)
    today = today_from(as_of)
    meetings = service.list_meetings(st.db(), state=state_)
    after = st.settings.nudge_after_days
    if json:
        print_json(meeting_list_json([(m, service.nudge_of(m, today, after)) for m in meetings]))
        return
    if not meetings:
        console.print("No meetings yet. Add one: `nextmove meeting add REF --why …`.")
        return
    table = Table()
    for column in ("#", "with", "kind", "state", "since", "when", "next"):
        table.add_column(column)
    tz = st.settings.timezone
    for m in meetings:
        nudge = service.nudge_of(m, today, after)
        history = m.history()
        since = history[-1][1].isoformat() if history else ""
        when = ""
        if m.starts_at is not None:
            when = f"{m.starts_at.astimezone(ZoneInfo(tz)):%a %d %b %H:%M}"
        table.add_row(
            str(m.id),
            escape(m.person_name),
            m.kind.value,
            m.state.value,
            since,
            when,
            _next_step(m.state, nudge.due if nudge else False),
        )
    console.print(table)


def _next_step(state_: MeetingState, nudge_due: bool) -> str:
    if nudge_due:
        return "nudge due"
    return {
        MeetingState.IDEA: "request",
        MeetingState.REQUESTED: "wait for a reply",
        MeetingState.SCHEDULED: "prepare the agenda",
        MeetingState.HELD: "thank-you",
    }.get(state_, "")


@app.command("show")
def show(
    ctx: typer.Context, meeting_id: MeetingId, as_of: AsOf = None, json: JsonFlag = False
) -> None:
    """Show a meeting: its history, agenda, drafts available, notes, insights, referrals,
    tasks and the chain of introductions to the person."""
    st = state(ctx)
    detail = service.show_meeting(
        st.db(), meeting_id, settings=st.settings, today=today_from(as_of)
    )
    m = detail.meeting
    explores = plans_service.meeting_plan(st.db(), meeting_id)
    if json:
        shape = meeting_detail_json(
            m,
            nudge=detail.nudge,
            drafts=detail.drafts,
            thanks_due_on=detail.thanks_due_on,
            insights=detail.insights,
            referrals=detail.referrals,
            tasks=detail.tasks,
            chain=detail.chain,
            vision=detail.vision,
            plan=explores,
        )
        print_json(shape)
        return
    person = detail.person
    role = ", ".join(x for x in (person.title, person.organization) if x)
    console.print(
        f"[bold]Meeting #{m.id}[/] with {escape(person.name)}"
        + (f" ({escape(role)})" if role else "")
        + f" — {m.kind.value}, {m.minutes} min, {m.mode.value}"
    )
    console.print("  " + " → ".join(f"{s} {d.isoformat()}" for s, d in m.history()))
    if m.starts_at is not None:
        local = m.starts_at.astimezone(ZoneInfo(st.settings.timezone))
        console.print(f"  When: {local:%A %d %B %Y, %H:%M} ({st.settings.timezone})")
    if m.place or m.link:
        console.print(f"  Where: {escape(m.place or m.link)}")
    if m.why:
        console.print(f"  Why this person: {escape(m.why)}")
    if explores:
        console.print(f"  Explores the plan: {escape(explores)}")
    if len(detail.chain) > 1:
        console.print("  Introduced: " + escape(" → ".join(c.name for c in detail.chain)))
    if detail.nudge is not None:
        when = detail.nudge.nudge_on
        label = "due" if detail.nudge.due else f"from {when}"
        console.print(f"  Nudge: {label} (waiting {detail.nudge.days_waiting} days)")
    if detail.thanks_due_on:
        console.print(f"  Thank-you due: {detail.thanks_due_on.isoformat()}")
    if detail.drafts:
        kinds = ", ".join(detail.drafts)
        console.print(f"  Drafts: {kinds} (`nextmove meeting draft {m.id} --kind …`)")
    console.print(
        "  Agenda: " + ("saved" if m.agenda else f"`nextmove meeting agenda {m.id}` writes one")
    )
    if m.notes:
        console.print("\n[bold]Notes[/]")
        console.print(escape(m.notes))
    if detail.insights:
        console.print("\n[bold]Insights[/]")
        for i in detail.insights:
            target = describe_target(i, detail.vision)
            console.print(
                f"  • {escape(i.text)}" + (f" [dim]({escape(target)})[/]" if target else "")
            )
    if detail.referrals:
        console.print("\n[bold]Referrals[/]")
        for r in detail.referrals:
            console.print(f"  • {escape(r.person_name)} (meeting #{r.new_meeting_id})")
    if detail.tasks:
        console.print("\n[bold]Tasks[/]")
        for t in detail.tasks:
            done = f"done {t.done_on}" if t.done_on else f"due {t.due_on}"
            console.print(f"  • #{t.id} {escape(t.text)} ({done})")


def _moved(verb: str, target: MeetingState, help_text: str) -> None:
    def command(
        ctx: typer.Context, meeting_id: MeetingId, day: Day = None, as_of: AsOf = None
    ) -> None:
        _advance(ctx, meeting_id, target, day, as_of, early=False)

    command.__doc__ = help_text
    app.command(verb)(command)


def _advance(
    ctx: typer.Context,
    meeting_id: int,
    target: MeetingState,
    day: str | None,
    as_of: str | None,
    *,
    early: bool,
) -> None:
    st = state(ctx)
    tz = st.settings.timezone
    try:
        meeting = service.advance(
            st.db(),
            meeting_id,
            target,
            day=_day(day, as_of),
            now=now_from(as_of, tz) if target is MeetingState.HELD else now(),
            early=early,
            timezone=tz,
        )
    except NeedsConfirmation as exc:
        exc.hint = f"If it took place early, say so: `nextmove meeting held {meeting_id} --early`."
        raise
    console.print(
        f"Meeting #{meeting.id} with {escape(meeting.person_name)}: {target.value}."
        + _after(target, meeting.id)
    )


def _after(target: MeetingState, meeting_id: int | None) -> str:
    return {
        MeetingState.HELD: f" Next: notes, insights, referrals, then "
        f"`nextmove meeting draft {meeting_id} --kind thanks`.",
        MeetingState.REQUESTED: " A nudge will be due if there is no reply.",
    }.get(target, "")


_moved("request", MeetingState.REQUESTED, "Mark a meeting as requested (you sent the request).")


@app.command("held")
def held(
    ctx: typer.Context,
    meeting_id: MeetingId,
    day: Day = None,
    as_of: AsOf = None,
    early: Annotated[
        bool,
        typer.Option(
            "--early", help="Confirm it was held although its scheduled time has not come yet."
        ),
    ] = False,
) -> None:
    """Mark a meeting as held (logs a touch with the person)."""
    _advance(ctx, meeting_id, MeetingState.HELD, day, as_of, early=early)


_moved(
    "followed-up", MeetingState.FOLLOWED_UP, "Mark a held meeting as followed up (thank-you sent)."
)
_moved("declined", MeetingState.DECLINED, "Mark a meeting as declined.")
_moved("no-reply", MeetingState.NO_REPLY, "Close a request that got no reply.")


@app.command("delete")
def delete(ctx: typer.Context, meeting_id: MeetingId) -> None:
    """Delete a meeting with its notes, insights, tasks and referrals (people stay)."""
    meeting = service.delete_meeting(state(ctx).db(), meeting_id)
    console.print(f"Deleted meeting #{meeting.id} with {escape(meeting.person_name)}.")


@app.command("plan")
def plan(
    ctx: typer.Context,
    meeting_id: MeetingId,
    name: Annotated[
        str | None,
        typer.Argument(help="The plan it explores ('main' for your main plan)."),
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Record no plan.")] = False,
) -> None:
    """Record which of your plans a research meeting explores."""
    if name is None and not clear:
        raise UserError("name a plan, or --clear", hint="`nextmove plan list` shows your plans.")
    explores = plans_service.set_meeting_plan(
        state(ctx).db(), meeting_id, None if clear else name, now=now()
    )
    console.print(
        f"Meeting #{meeting_id} explores the plan {escape(explores)!r}."
        if explores
        else f"Meeting #{meeting_id} records no plan."
    )


@app.command("schedule")
def schedule(
    ctx: typer.Context,
    meeting_id: MeetingId,
    at: Annotated[
        str,
        typer.Option(
            "--at", metavar="'YYYY-MM-DD HH:MM'", help="When, in your time zone (`timezone`)."
        ),
    ],
    minutes: Annotated[
        int | None, typer.Option("--minutes", help="Length in minutes (default 30).")
    ] = None,
    mode: Mode = None,
    place: Annotated[str | None, typer.Option("--place", help="Where you meet.")] = None,
    link: Annotated[str | None, typer.Option("--link", help="The video call link.")] = None,
    day: Day = None,
    as_of: AsOf = None,
) -> None:
    """Schedule or reschedule a meeting; a change bumps the invitation's SEQUENCE."""
    st = state(ctx)
    meeting = service.schedule_meeting(
        st.db(),
        meeting_id,
        settings=st.settings,
        at=at,
        minutes=minutes,
        mode=mode,
        place=place,
        link=link,
        day=_day(day, as_of),
        now=now(),
    )
    assert meeting.starts_at is not None
    local = meeting.starts_at.astimezone(ZoneInfo(st.settings.timezone))
    console.print(
        f"Meeting #{meeting.id} with {escape(meeting.person_name)}: scheduled "
        f"{local:%a %d %b %Y %H:%M} ({meeting.minutes} min, {meeting.mode.value}). "
        f"Invitation: `nextmove meeting ics {meeting.id}`."
    )


@app.command("draft")
def draft(
    ctx: typer.Context,
    meeting_id: MeetingId,
    kind: Annotated[
        str, typer.Option("--kind", help="request, nudge, thanks or checkin.")
    ] = "request",
    busy: BusyFile = None,
    as_of: AsOf = None,
) -> None:
    """Write a message draft from your templates (docs/templates.md)."""
    st = state(ctx)
    result = service.draft_for_meeting(
        st.db(),
        meeting_id,
        kind,
        settings=st.settings,
        now=now_from(as_of, st.settings.timezone),
        busy_file=busy,
    )
    sys.stdout.write(result.text)


@app.command("agenda")
def agenda(
    ctx: typer.Context,
    meeting_id: MeetingId,
    edit: Annotated[bool, typer.Option("--edit", help="Open the agenda in your editor.")] = False,
) -> None:
    """Show the meeting's agenda: the one you saved, else one written from your vision and
    the person (saved only when you edit it)."""
    st = state(ctx)
    db = st.db()
    text = service.meeting_agenda(db, meeting_id)
    if not edit:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    edited = edit_text(st.settings.editor, text, f"meeting-{meeting_id}-agenda.md")
    if edited == text:
        console.print("No changes.")
        return
    service.set_agenda(db, meeting_id, edited, now=now())
    console.print(f"Saved the agenda of meeting #{meeting_id}.")


@app.command("note")
def note(
    ctx: typer.Context,
    meeting_id: MeetingId,
    text: Annotated[str, typer.Argument(help="What to remember.")],
    day: Day = None,
    as_of: AsOf = None,
) -> None:
    """Add a dated note to a meeting."""
    service.add_note(state(ctx).db(), meeting_id, text, today=_day(day, as_of), now=now())
    console.print(f"Noted on meeting #{meeting_id}.")


@app.command("insight")
def insight(
    ctx: typer.Context,
    meeting_id: MeetingId,
    text: Annotated[str, typer.Argument(help="What you learned.")],
    affects: Annotated[
        str | None,
        typer.Option(
            "--affects",
            help="The part of your vision it affects: step:N (1 = next job), priority:N or "
            "choice:industry|company|city.",
        ),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Record an insight from a meeting, linked to the part of your vision it affects."""
    found = service.add_insight(
        state(ctx).db(), meeting_id, text, affects=affects, today=today_from(as_of)
    )
    console.print(
        f"Insight #{found.id} on meeting #{meeting_id}"
        + (f" (affects {found.target})" if found.target else "")
        + "."
    )


@app.command("refer")
def refer(
    ctx: typer.Context,
    meeting_id: MeetingId,
    name: Annotated[str, typer.Argument(help="Who they suggested you talk to.")],
    org: Annotated[str, typer.Option("--org", help="Their organization.")] = "",
    title: Annotated[str, typer.Option("--title", help="Their title.")] = "",
    email: Annotated[str, typer.Option("--email", help="Their e-mail address.")] = "",
    as_of: AsOf = None,
) -> None:
    """Record a referral ("talk to Maria at X"): the person (created if new), a tie
    introduced-by the person you met, and a new meeting idea."""
    result = service.refer(
        state(ctx).db(),
        meeting_id,
        name,
        organization=org,
        title=title,
        email=email,
        today=today_from(as_of),
        now=now(),
    )
    if result.already_referred:
        console.print(f"{escape(result.name)} was already referred in meeting #{meeting_id}.")
        return
    who = "Added" if result.created_person else "Found"
    console.print(
        f"{who} {escape(result.name)} (#{result.person_id}), introduced by the person you met; "
        f"meeting idea #{result.meeting_id}."
    )


@app.command("task")
def task(
    ctx: typer.Context,
    meeting_id: MeetingId,
    text: Annotated[str, typer.Argument(help="What you will do.")],
    due: Annotated[str, typer.Option("--due", metavar="YYYY-MM-DD", help="When it is due.")],
) -> None:
    """Add a follow-up task to a meeting, due on a date."""
    found = service.add_task(
        state(ctx).db(), meeting_id, text, due=parse_date(due, option="--due"), now=now()
    )
    console.print(f"Task #{found.id}: {escape(found.text)}, due {found.due_on}.")


@app.command("slots")
def slots(
    ctx: typer.Context,
    meeting_id: MeetingId,
    busy: BusyFile = None,
    days: Annotated[
        int, typer.Option("--days", min=1, max=366, help="How many days to look ahead.")
    ] = 10,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """Propose times for a meeting within your working hours, avoiding busy times."""
    st = state(ctx)
    meeting, proposed = service.meeting_slots(
        st.db(),
        meeting_id,
        settings=st.settings,
        now=now_from(as_of, st.settings.timezone),
        busy_file=busy,
        days=days,
    )
    if json:
        print_json(slots_json(meeting, st.settings.timezone, proposed))
        return
    if not proposed:
        console.print(f"No free {meeting.minutes}-minute slot in the next {days} day(s).")
        return
    console.print(
        f"{meeting.minutes}-minute slots for meeting #{meeting.id} with "
        f"{escape(meeting.person_name)} ({st.settings.timezone}):"
    )
    for slot in proposed:
        console.print(f"  • {slot.start:%a %d %b, %H:%M}–{slot.end:%H:%M}")


@app.command("ics")
def ics(
    ctx: typer.Context,
    meeting_id: MeetingId,
    path: Annotated[
        Path | None, typer.Argument(help="Where to write the .ics; default: standard output.")
    ] = None,
) -> None:
    """Write an invitation (.ics, METHOD:REQUEST) for a scheduled meeting."""
    st = state(ctx)
    data = meeting_calendar.invitation(st.db(), meeting_id, settings=st.settings, now=now())
    if path is None or str(path) == "-":
        sys.stdout.write(data.decode("utf-8"))
        return
    path.expanduser().write_bytes(data)
    err_console.print(f"Wrote {path}")


@app.command("brief")
def brief(
    ctx: typer.Context,
    meeting_id: MeetingId,
    path: Annotated[
        Path, typer.Argument(metavar="FILE.pdf", help="The PDF to write (replaced if it exists).")
    ],
    as_of: AsOf = None,
) -> None:
    """Write a one-page brief to read before the meeting (PDF): the person, how they got
    where they are, the way to them, the agenda and questions, what to share of your plan."""
    from nextmove.services import meeting_brief

    st = state(ctx)
    written = meeting_brief.write_brief(
        st.db(), meeting_id, path, settings=st.settings, today=today_from(as_of)
    )
    console.print(f"Wrote {written.path}.")


task_app = typer.Typer(help="Follow-up tasks from meetings.", no_args_is_help=True)


@task_app.command("done")
def task_done(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(help="The task's #.")],
    day: Day = None,
    as_of: AsOf = None,
) -> None:
    """Mark a follow-up task as done."""
    found = service.complete_task(state(ctx).db(), task_id, day=_day(day, as_of))
    console.print(f"Task #{found.id} done: {escape(found.text)}.")
