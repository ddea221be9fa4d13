"""/api/meetings and /api/tasks: the same operations and shapes as `nextmove meeting … --json`
(and the invitation as `meeting ics`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from nextmove.domain.meetings import describe_target
from nextmove.errors import UserError
from nextmove.formats.meeting_json import (
    insight_json,
    meeting_detail_json,
    meeting_json,
    meeting_list_json,
    slots_json,
    task_json,
)
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.meetings import (
    MAX_ID,
    AgendaPublic,
    AgendaUpdate,
    DraftKindValue,
    DraftPublic,
    InsightCreate,
    InsightPublic,
    MeetingCreate,
    MeetingDetailPublic,
    MeetingListPublic,
    MeetingPublic,
    MeetingStepCreate,
    NoteCreate,
    NotesPublic,
    ReferralCreate,
    ReferralResultPublic,
    ScheduleCreate,
    SlotsPublic,
    StateValue,
    TaskCreate,
    TaskDone,
    TaskPublic,
)
from nextmove.services import meeting_calendar
from nextmove.services import meetings as service
from nextmove.services import plans as plans_service
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.meeting_view import calendar_response, person_ref, start_of

router = APIRouter(tags=["meetings"])

MeetingId = Annotated[int, Path(ge=1, le=MAX_ID, description="The meeting's id.")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "No such meeting."}
}
BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorPublic, "description": "Refused: the reason and a hint."}
}
BOTH = {**BAD, **NOT_FOUND}


def _meeting(db: DbDep, meeting_id: int, settings: SettingsDep, today: TodayDep) -> MeetingPublic:
    detail = service.show_meeting(db, meeting_id, settings=settings, today=today)
    return MeetingPublic.model_validate(meeting_json(detail.meeting, nudge=detail.nudge))


@router.get("/meetings", response_model=MeetingListPublic, summary="All meetings, with nudges")
def list_meetings(
    db: DbDep, settings: SettingsDep, today: TodayDep, state: StateValue | None = None
) -> MeetingListPublic:
    after = settings.nudge_after_days
    meetings = service.list_meetings(db, state=state)
    return meeting_list_json([(m, service.nudge_of(m, today, after)) for m in meetings])


@router.post(
    "/meetings",
    response_model=MeetingPublic,
    status_code=201,
    summary="Plan a meeting with a person (an idea)",
    responses={**BOTH, 409: {"model": ErrorPublic, "description": "Several people match."}},
)
def add_meeting(
    body: MeetingCreate, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> MeetingPublic:
    if body.person_id is not None:
        ref = str(body.person_id)
    elif body.person and body.person.strip():
        ref = person_ref(body.person)
    else:
        raise UserError("give `person_id`, or `person` (an id or a name)")
    meeting = service.add_meeting(
        db, ref, why=body.why, mode=body.mode, kind=body.kind, today=today, now=now
    )
    assert meeting.id is not None
    return _meeting(db, meeting.id, settings, today)


@router.get(
    "/meetings/{meeting_id}",
    response_model=MeetingDetailPublic,
    summary="One meeting, as `meeting show --json`",
    responses=NOT_FOUND,
)
def get_meeting(
    meeting_id: MeetingId, db: DbDep, settings: SettingsDep, today: TodayDep
) -> MeetingDetailPublic:
    d = service.show_meeting(db, meeting_id, settings=settings, today=today)
    return meeting_detail_json(
        d.meeting,
        nudge=d.nudge,
        drafts=d.drafts,
        thanks_due_on=d.thanks_due_on,
        insights=d.insights,
        referrals=d.referrals,
        tasks=d.tasks,
        chain=d.chain,
        vision=d.vision,
        plan=plans_service.meeting_plan(db, meeting_id),
    )


@router.delete(
    "/meetings/{meeting_id}",
    status_code=204,
    summary="Delete a meeting (the people stay)",
    responses=NOT_FOUND,
)
def delete_meeting(meeting_id: MeetingId, db: DbDep) -> Response:
    service.delete_meeting(db, meeting_id)
    return Response(status_code=204)


@router.post(
    "/meetings/{meeting_id}/state",
    response_model=MeetingPublic,
    summary="Take the next step: requested, held, followed-up, declined or no-reply",
    responses={
        **BOTH,
        409: {
            "model": ErrorPublic,
            "description": "Held before its scheduled time: send again with `early: true`.",
        },
    },
)
def advance(
    request: Request,
    meeting_id: MeetingId,
    body: MeetingStepCreate,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> MeetingPublic:
    service.advance(
        db,
        meeting_id,
        body.state,
        day=body.date or today,
        now=start_of(request, now, settings.timezone),
        early=body.early,
        timezone=settings.timezone,
    )
    return _meeting(db, meeting_id, settings, today)


@router.post(
    "/meetings/{meeting_id}/schedule",
    response_model=MeetingPublic,
    summary="Schedule or reschedule (a change bumps the invitation's SEQUENCE)",
    responses=BOTH,
)
def schedule(
    meeting_id: MeetingId,
    body: ScheduleCreate,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> MeetingPublic:
    service.schedule_meeting(
        db,
        meeting_id,
        settings=settings,
        at=body.at,
        minutes=body.minutes,
        mode=body.mode,
        place=body.place,
        link=body.link,
        day=body.date or today,
        now=now,
    )
    return _meeting(db, meeting_id, settings, today)


@router.get(
    "/meetings/{meeting_id}/slots",
    response_model=SlotsPublic,
    summary="Free slots in your working hours, as `meeting slots --json`",
    responses=NOT_FOUND,
)
def slots(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    now: NowDep,
    days: Annotated[int, Query(ge=1, le=366, description="How many days to look ahead.")] = 10,
) -> SlotsPublic:
    start = start_of(request, now, settings.timezone)
    meeting, proposed = service.meeting_slots(
        db, meeting_id, settings=settings, now=start, days=days
    )
    return slots_json(meeting, settings.timezone, proposed)


@router.get(
    "/meetings/{meeting_id}/drafts/{kind}",
    response_model=DraftPublic,
    summary="A message draft: the request, nudge, thank-you or check-in",
    responses=BOTH,
)
def draft(
    request: Request,
    meeting_id: MeetingId,
    kind: DraftKindValue,
    db: DbDep,
    settings: SettingsDep,
    now: NowDep,
) -> DraftPublic:
    start = start_of(request, now, settings.timezone)
    written = service.draft_for_meeting(db, meeting_id, kind, settings=settings, now=start)
    return DraftPublic(
        meeting_id=meeting_id,
        kind=kind,
        subject=written.subject,
        body=written.body,
        text=written.text,
    )


@router.get(
    "/meetings/{meeting_id}/agenda",
    response_model=AgendaPublic,
    summary="The agenda (the one saved, else written from your vision and the person)",
    responses=NOT_FOUND,
)
def agenda(meeting_id: MeetingId, db: DbDep) -> AgendaPublic:
    text = service.meeting_agenda(db, meeting_id)
    return AgendaPublic(meeting_id=meeting_id, agenda=text)


@router.put(
    "/meetings/{meeting_id}/agenda",
    response_model=AgendaPublic,
    summary="Replace the agenda",
    responses=NOT_FOUND,
)
def set_agenda(meeting_id: MeetingId, body: AgendaUpdate, db: DbDep, now: NowDep) -> AgendaPublic:
    service.set_agenda(db, meeting_id, body.agenda, now=now)
    return AgendaPublic(meeting_id=meeting_id, agenda=body.agenda)


@router.post(
    "/meetings/{meeting_id}/notes",
    response_model=NotesPublic,
    status_code=201,
    summary="Add a dated note",
    responses=BOTH,
)
def add_note(
    meeting_id: MeetingId, body: NoteCreate, db: DbDep, today: TodayDep, now: NowDep
) -> NotesPublic:
    meeting = service.add_note(db, meeting_id, body.text, today=body.date or today, now=now)
    return NotesPublic(meeting_id=meeting_id, notes=meeting.notes)


@router.post(
    "/meetings/{meeting_id}/insights",
    response_model=InsightPublic,
    status_code=201,
    summary="Record an insight, linked to the part of your vision it affects",
    responses=BOTH,
)
def add_insight(
    meeting_id: MeetingId,
    body: InsightCreate,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
) -> InsightPublic:
    found = service.add_insight(db, meeting_id, body.text, affects=body.affects, today=today)
    detail = service.show_meeting(db, meeting_id, settings=settings, today=today)
    saved = next((i for i in detail.insights if i.id == found.id), found)
    return InsightPublic.model_validate(insight_json(saved, describe_target(saved, detail.vision)))


@router.post(
    "/meetings/{meeting_id}/referrals",
    response_model=ReferralResultPublic,
    status_code=201,
    summary='Record a referral ("talk to Maria at X"): the person, a tie and a meeting idea',
    responses={**BOTH, 409: {"model": ErrorPublic, "description": "Several people match."}},
)
def refer(
    meeting_id: MeetingId, body: ReferralCreate, db: DbDep, today: TodayDep, now: NowDep
) -> ReferralResultPublic:
    result = service.refer(
        db,
        meeting_id,
        body.name,
        organization=body.organization,
        title=body.title,
        email=body.email,
        today=today,
        now=now,
    )
    return ReferralResultPublic(
        person={"id": result.person_id, "name": result.name},  # type: ignore[arg-type]
        created_person=result.created_person,
        meeting_id=result.meeting_id,
        already_referred=result.already_referred,
    )


@router.post(
    "/meetings/{meeting_id}/tasks",
    response_model=TaskPublic,
    status_code=201,
    summary="Add a follow-up task, due on a date",
    responses=BOTH,
)
def add_task(meeting_id: MeetingId, body: TaskCreate, db: DbDep, now: NowDep) -> TaskPublic:
    task = service.add_task(db, meeting_id, body.text, due=body.due, now=now)
    return TaskPublic.model_validate(task_json(task))


@router.post(
    "/tasks/{task_id}/done",
    response_model=TaskPublic,
    summary="Mark a follow-up task done",
    responses={404: {"model": ErrorPublic, "description": "No such task."}},
)
def task_done(
    task_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The task's id.")],
    body: TaskDone,
    db: DbDep,
    today: TodayDep,
) -> TaskPublic:
    day = body.date or today
    return TaskPublic.model_validate(task_json(service.complete_task(db, task_id, day=day)))


@router.get(
    "/meetings/{meeting_id}/invite.ics",
    summary="The invitation (.ics, METHOD:REQUEST) of a scheduled meeting",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {}}, "description": "The invitation."},
        **BOTH,
    },
)
def invitation(meeting_id: MeetingId, db: DbDep, settings: SettingsDep, now: NowDep) -> Response:
    data = meeting_calendar.invitation(db, meeting_id, settings=settings, now=now)
    return calendar_response(data, f"meeting-{meeting_id}.ics")
