"""Meetings: the board by state, planning a meeting with a person, a meeting's page (agenda,
drafts to copy, notes, insights, referrals, tasks, slots, the invitation), deleting one, and
the calendar feed. The page's forms post to `meeting_actions`."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.config import Settings
from nextmove.domain.meetings import (
    CHOICE_SUBJECTS,
    MeetingKind,
    MeetingMode,
    MeetingState,
    describe_target,
    thanks_due_on,
)
from nextmove.domain.slots import Interval
from nextmove.errors import UserError
from nextmove.services import meeting_calendar
from nextmove.services import meetings as service
from nextmove.services import plans as plans_service
from nextmove.services.workspace import Workspace
from nextmove.web.deps import DbDep, FormDep, NowDep, SettingsDep, TodayDep
from nextmove.web.forms import said
from nextmove.web.meeting_view import (
    CLOSED,
    COLUMNS,
    MAX_ID,
    STAGE_OPEN,
    PlanForm,
    board_columns,
    calendar_response,
    form_text,
    local,
    notes_of,
    person_ref,
    stage_lines,
    start_of,
    steps_for,
    when_text,
)
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

MeetingId = Annotated[int, Path(ge=1, le=MAX_ID)]
KINDS = [k.value for k in MeetingKind]
MODES = [m.value for m in MeetingMode]
TASK_DAYS = 7  # a new task is due a week out unless given


@router.get("/meetings", response_class=HTMLResponse, summary="Meetings")
def board_page(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    kind: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    if kind and kind not in KINDS:
        raise UserError(f"unknown meeting kind {kind!r}", hint=f"Use one of: {', '.join(KINDS)}.")
    meetings = service.list_meetings(db)
    every = len(meetings)
    if kind:
        meetings = [m for m in meetings if m.kind.value == kind]
    nudges = {m.id: service.nudge_of(m, today, settings.nudge_after_days) for m in meetings}
    return render(
        request,
        "meetings.html",
        columns=COLUMNS,
        closed=CLOSED,
        grouped=board_columns(meetings),
        nudges=nudges,
        thanks={m.id: thanks_due_on(m) for m in meetings},
        when={m.id: when_text(m.starts_at, settings.timezone) for m in meetings},
        every=every,
        kind=kind or "",
        kinds=KINDS,
        today=today,
        deleted=request.query_params.get("deleted"),
    )


@router.get("/meetings/new", response_class=HTMLResponse, summary="Plan a meeting")
def new_page(
    request: Request,
    db: DbDep,
    person_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> HTMLResponse:
    form = PlanForm(values={"kind": MeetingKind.RESEARCH.value, "mode": MeetingMode.VIDEO.value})
    person = None
    if person_id is not None:
        person, why = service.planning_for(db, str(person_id))
        form.values.update(person_id=str(person_id), why=why)
    return render(request, "meeting_new.html", form=form, person=person, kinds=KINDS, modes=MODES)


@router.post("/meetings", response_class=HTMLResponse, summary="Plan a meeting")
def plan(request: Request, submitted: FormDep, db: DbDep, today: TodayDep, now: NowDep) -> Response:
    values = {k: form_text(submitted, k, 2000) for k in ("person", "person_id", "why")}
    values.update({k: form_text(submitted, k, 40) for k in ("kind", "mode")})
    form = PlanForm(values=values)
    ref = values["person_id"] or values["person"]
    person = None
    if not ref:
        form.errors["person"] = "Say who: their id or their name."
    else:
        try:
            person, _why = service.planning_for(db, person_ref(ref))
        except UserError as exc:
            form.errors["person"] = said(exc)
    if values["kind"] not in KINDS:
        form.errors["kind"] = "Choose research or advisor check-in."
    if values["mode"] not in MODES:
        form.errors["mode"] = "Choose in person, video or phone."
    if not form.errors and person is not None:
        try:
            meeting = service.add_meeting(
                db,
                str(person.id),
                why=values["why"],
                mode=values["mode"],
                kind=values["kind"],
                today=today,
                now=now,
            )
        except UserError as exc:
            form.general_errors.append(said(exc))
        else:
            target = link_for(request, f"/meetings/{meeting.id}", saved="planned")
            return RedirectResponse(target, status_code=303)
    return render(
        request,
        "meeting_new.html",
        status_code=400,
        form=form,
        person=person if values["person_id"] else None,
        kinds=KINDS,
        modes=MODES,
    )


def meeting_page(
    request: Request,
    db: Workspace,
    settings: Settings,
    meeting_id: int,
    today: date,
    now: datetime,
    *,
    status_code: int = 200,
    problems: dict[str, str] | None = None,
    submitted: dict[str, str] | None = None,
    slots: list[Interval] | None = None,
    busy_note: str = "",
) -> HTMLResponse:
    """The meeting page; after a refused form, with each problem next to its field."""
    detail = service.show_meeting(db, meeting_id, settings=settings, today=today)
    meeting = detail.meeting
    start = start_of(request, now, settings.timezone)
    agenda = service.meeting_agenda(db, meeting_id)
    drafts: list[dict[str, str]] = []
    for kind in detail.drafts:
        try:
            draft = service.draft_for_meeting(db, meeting_id, kind, settings=settings, now=start)
            drafts.append({"kind": kind, "text": draft.text, "problem": ""})
        except UserError as exc:
            drafts.append({"kind": kind, "text": "", "problem": said(exc)})
    if slots is None:
        _meeting, slots = service.meeting_slots(db, meeting_id, settings=settings, now=start)
    tz = settings.timezone
    starts = local(meeting.starts_at, tz)
    chosen = {
        "at": f"{starts:%Y-%m-%dT%H:%M}" if starts else "",
        "minutes": str(meeting.minutes if meeting.starts_at else settings.meeting_minutes),
        "mode": meeting.mode.value,
        "place": meeting.place,
        "link": meeting.link,
        "due": (today + timedelta(days=TASK_DAYS)).isoformat(),
    }
    chosen.update(submitted or {})
    vision = detail.vision
    affects = [
        (
            f"step:{i}",
            f"{'Next job' if i == 1 else 'Two jobs from now' if i == 2 else f'Step {i}'}"
            + (f": {s.title}" if s.title else ""),
        )
        for i, s in enumerate(vision.steps, start=1)
    ]
    affects += [
        (f"priority:{i}", f"Priority {i}: {p.name}")
        for i, p in enumerate(vision.priorities, start=1)
    ]
    affects += [(f"choice:{c}", f"Stay or change: {c}") for c in CHOICE_SUBJECTS]
    notice = request.query_params.get("saved")
    referred = _referred_notice(request, detail)
    return render(
        request,
        "meeting.html",
        status_code=status_code,
        d=detail,
        m=meeting,
        person=detail.person,
        when=when_text(meeting.starts_at, tz),
        timezone=tz,
        history=meeting.history(),
        explores=plans_service.meeting_plan(db, meeting_id),
        plan_names=[p.name for p in vision.plans],
        steps=steps_for(meeting.state),
        agenda=agenda,
        drafts=drafts,
        slots=[(local(s.start, tz), local(s.end, tz)) for s in slots],
        busy_note=busy_note,
        notes=notes_of(meeting.notes),
        insights=[(i, describe_target(i, vision)) for i in detail.insights],
        affects=affects,
        modes=MODES,
        chosen=chosen,
        problems=problems or {},
        today=today,
        notice=notice,
        referred=referred,
        email_set=bool(meeting_calendar.organizer_email(db, settings)),
        me_id=meeting_calendar.where_to_set_email(db),
        lead_hours=settings.slot_lead_hours,
        scheduled=meeting.state is MeetingState.SCHEDULED,
        # One section open: a refused form's own, else the one the state acts in next.
        stage_open=_problem_stage(problems or {}) or STAGE_OPEN[meeting.state],
        stage_now=STAGE_OPEN[meeting.state],
        stage_lines=stage_lines(
            meeting,
            timezone=tz,
            today=today,
            agenda=agenda,
            counts={
                "note": len(notes_of(meeting.notes)),
                "insight": len(detail.insights),
                "referral": len(detail.referrals),
                "task": sum(1 for t in detail.tasks if not t.done_on),
            },
            nudge_due=bool(detail.nudge and detail.nudge.due),
            thanks_due_on=detail.thanks_due_on,
        ),
        now_before_start=meeting.starts_at is not None and start < meeting.starts_at,
    )


_PROBLEM_STAGES = {
    "at": "schedule",
    "minutes": "schedule",
    "mode": "schedule",
    "schedule": "schedule",
    "busy": "schedule",
    "link": "schedule",
    "agenda": "prepare",
    "note": "after",
    "insight": "after",
    "affects": "after",
    "referral": "after",
    "task": "after",
    "due": "after",
}


def _problem_stage(problems: dict[str, str]) -> str:
    """The section a refused form belongs to: it opens, whatever the state."""
    return next((_PROBLEM_STAGES[k] for k in problems if k in _PROBLEM_STAGES), "")


def _referred_notice(request: Request, detail: service.MeetingDetail) -> str:
    """After a referral: "Maria Lopez added as a meeting idea, introduced by Ana Ruiz." """
    raw = request.query_params.get("referred", "")
    if not raw.isdigit():
        return ""
    found = next((r for r in detail.referrals if r.person_id == int(raw)), None)
    if found is None:
        return ""
    by = detail.person.name
    if request.query_params.get("again"):
        return f"{found.person_name} was already referred by {by} in this meeting."
    known = "" if request.query_params.get("new") else " (already in your network)"
    return f"{found.person_name}{known} added as a meeting idea, introduced by {by}."


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse, summary="A meeting")
def detail_page(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> HTMLResponse:
    return meeting_page(request, db, settings, meeting_id, today, now)


@router.get("/meetings/{meeting_id}/invite.ics", summary="The invitation (.ics)")
def invite(meeting_id: MeetingId, db: DbDep, settings: SettingsDep, now: NowDep) -> Response:
    data = meeting_calendar.invitation(db, meeting_id, settings=settings, now=now)
    return calendar_response(data, f"meeting-{meeting_id}.ics")


@router.get("/calendar.ics", summary="Your meetings and what is due, as one calendar")
def calendar_feed(
    request: Request, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    data = meeting_calendar.export_feed(
        db, settings=settings, today=today, now=start_of(request, now, settings.timezone)
    )
    return calendar_response(data, "nextmove.ics")


@router.get("/meetings/{meeting_id}/delete", response_class=HTMLResponse, summary="Delete?")
def delete_page(
    request: Request, meeting_id: MeetingId, db: DbDep, settings: SettingsDep, today: TodayDep
) -> HTMLResponse:
    detail = service.show_meeting(db, meeting_id, settings=settings, today=today)
    return render(request, "meeting_delete.html", m=detail.meeting, d=detail)


@router.post("/meetings/{meeting_id}/delete", summary="Delete a meeting")
def delete(request: Request, meeting_id: MeetingId, db: DbDep) -> Response:
    meeting = service.delete_meeting(db, meeting_id)
    target = link_for(request, "/meetings", deleted=f"#{meeting.id} with {meeting.person_name}")
    return RedirectResponse(target, status_code=303)
