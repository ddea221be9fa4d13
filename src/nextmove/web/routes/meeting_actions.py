"""The forms of a meeting's page: the next step, scheduling, the agenda, notes, insights,
referrals, tasks, and slots around an uploaded calendar. Each answers with a 303 back to the
page, or the page again with status 400 and the problem next to its field."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from nextmove.config import Settings
from nextmove.errors import NotFound, UserError
from nextmove.services import meetings as service
from nextmove.services.workspace import Database
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.meeting_view import MAX_ID, STEP_VALUES, form_day, form_text, said, start_of
from nextmove.web.render import link_for
from nextmove.web.routes.meetings import meeting_page

router = APIRouter(include_in_schema=False)

MeetingId = Annotated[int, Path(ge=1, le=MAX_ID)]
MAX_BUSY_BYTES = 5 * 1024 * 1024


def _back(request: Request, meeting_id: int, anchor: str, **params: Any) -> Response:
    target = link_for(request, f"/meetings/{meeting_id}", **params)
    return RedirectResponse(f"{target}#{anchor}", status_code=303)


def _attempt(
    request: Request,
    db: Database,
    settings: Settings,
    meeting_id: int,
    today: date,
    now: datetime,
    *,
    field: str | Callable[[UserError], str],
    form: Any,
    action: Callable[[], Response],
) -> Response:
    """Run ``action``; a refusal shows the page again with the service's words at ``field``
    (or where ``field`` says for that error)."""
    try:
        return action()
    except UserError as exc:
        if isinstance(exc, NotFound) and "meeting" in exc.message:
            raise
        if not isinstance(field, str):
            field = field(exc)
        submitted = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
        return meeting_page(
            request,
            db,
            settings,
            meeting_id,
            today,
            now,
            status_code=400,
            problems={field: said(exc)},
            submitted=submitted,
        )


@router.post("/meetings/{meeting_id}/state", summary="Take the next step")
async def change_state(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    form = await request.form()
    target = form_text(form, "state", 40)

    def act() -> Response:
        if target not in STEP_VALUES:
            raise UserError(f"choose a step ({', '.join(sorted(STEP_VALUES))}), not {target!r}")
        day = form_day(form, "date", today)
        service.advance(db, meeting_id, target, day=day, now=now)
        return _back(request, meeting_id, "state-h", saved=target)

    return _attempt(
        request, db, settings, meeting_id, today, now, field="step", form=form, action=act
    )


@router.post("/meetings/{meeting_id}/schedule", summary="Schedule or reschedule")
async def schedule(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    form = await request.form()

    def act() -> Response:
        at = form_text(form, "at", 40)
        if not at:
            raise UserError("--at: give the date and time", hint="For example 2026-11-24 10:00.")
        raw_minutes = form_text(form, "minutes", 10)
        minutes = None
        if raw_minutes:
            if not raw_minutes.isascii() or not raw_minutes.isdigit():
                raise UserError(f"--minutes {raw_minutes!r}: a number of minutes, 5 to 480")
            minutes = int(raw_minutes)
        mode = form_text(form, "mode", 40) or None
        service.schedule_meeting(
            db,
            meeting_id,
            settings=settings,
            at=at,
            minutes=minutes,
            mode=mode,
            place=form_text(form, "place", 2000) if "place" in form else None,
            link=form_text(form, "link", 2000) if "link" in form else None,
            day=today,
            now=now,
        )
        return _back(request, meeting_id, "schedule-h", saved="scheduled")

    return _attempt(
        request, db, settings, meeting_id, today, now, field=_schedule_field, form=form, action=act
    )


def _schedule_field(error: UserError) -> str:
    """Which field of the schedule form a refusal is about."""
    if error.message.startswith("--minutes"):
        return "minutes"
    if "meeting mode" in error.message:
        return "mode"
    return "at" if error.message.startswith("--at") else "schedule"


def _raise(error: UserError) -> Response:
    raise error


@router.post("/meetings/{meeting_id}/agenda", summary="Replace the agenda")
async def save_agenda(request: Request, meeting_id: MeetingId, db: DbDep, now: NowDep) -> Response:
    form = await request.form()
    service.set_agenda(db, meeting_id, form_text(form, "agenda", 50_000), now=now)
    return _back(request, meeting_id, "agenda-h", saved="agenda")


@router.post("/meetings/{meeting_id}/notes", summary="Add a note")
async def add_note(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    form = await request.form()

    def act() -> Response:
        day = form_day(form, "date", today)
        service.add_note(db, meeting_id, form_text(form, "text"), today=day, now=now)
        return _back(request, meeting_id, "notes-h", saved="note")

    return _attempt(
        request, db, settings, meeting_id, today, now, field="note", form=form, action=act
    )


@router.post("/meetings/{meeting_id}/insights", summary="Add an insight")
async def add_insight(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    form = await request.form()

    def act() -> Response:
        affects = form_text(form, "affects", 100) or None
        service.add_insight(db, meeting_id, form_text(form, "text"), affects=affects, today=today)
        return _back(request, meeting_id, "insights-h", saved="insight")

    return _attempt(
        request, db, settings, meeting_id, today, now, field="insight", form=form, action=act
    )


@router.post("/meetings/{meeting_id}/referrals", summary="Add a referral")
async def add_referral(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    form = await request.form()

    def act() -> Response:
        result = service.refer(
            db,
            meeting_id,
            form_text(form, "name", 300),
            organization=form_text(form, "organization", 300),
            title=form_text(form, "title", 300),
            email=form_text(form, "email", 300),
            today=today,
            now=now,
        )
        return _back(
            request,
            meeting_id,
            "referrals-h",
            referred=result.person_id,
            new=1 if result.created_person else None,
            again=1 if result.already_referred else None,
        )

    return _attempt(
        request, db, settings, meeting_id, today, now, field="referral", form=form, action=act
    )


@router.post("/meetings/{meeting_id}/tasks", summary="Add a follow-up task")
async def add_task(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    form = await request.form()

    def act() -> Response:
        due = form_day(form, "due", today)
        service.add_task(db, meeting_id, form_text(form, "text", 2000), due=due, now=now)
        return _back(request, meeting_id, "tasks-h", saved="task")

    return _attempt(
        request, db, settings, meeting_id, today, now, field="task", form=form, action=act
    )


@router.post("/tasks/{task_id}/done", summary="Mark a follow-up task done")
async def task_done(
    request: Request, task_id: Annotated[int, Path(ge=1, le=MAX_ID)], db: DbDep, today: TodayDep
) -> Response:
    task = service.complete_task(db, task_id, day=today)
    return _back(request, task.meeting_id, "tasks-h", saved="done")


@router.post("/meetings/{meeting_id}/slots", response_class=HTMLResponse, summary="Free slots")
async def slots_around_busy(
    request: Request,
    meeting_id: MeetingId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    """Proposed slots that avoid the busy times of an uploaded calendar (.ics)."""
    form = await request.form()
    upload = form.get("busy")
    start = start_of(request, now, settings.timezone)
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _attempt(
            request,
            db,
            settings,
            meeting_id,
            today,
            now,
            field="busy",
            form=form,
            action=lambda: _raise(UserError("choose your calendar's .ics file to upload")),
        )
    data = await upload.read(MAX_BUSY_BYTES + 1)
    name = upload.filename.replace("\x00", "")[:200]

    def act() -> Response:
        if len(data) > MAX_BUSY_BYTES:
            raise UserError("the calendar file is over 5 MB", hint="Export fewer weeks.")
        with tempfile.TemporaryDirectory(prefix="nextmove-") as tmp:
            path = FilePath(tmp) / "busy.ics"
            path.write_bytes(data)
            try:
                _meeting, proposed = service.meeting_slots(
                    db, meeting_id, settings=settings, now=start, busy_file=path
                )
            except UserError as exc:
                exc.message = exc.message.replace(str(path), name)
                raise
        return meeting_page(
            request,
            db,
            settings,
            meeting_id,
            today,
            now,
            slots=proposed,
            busy_note=f"Avoiding the busy times in {name}.",
        )

    return _attempt(
        request, db, settings, meeting_id, today, now, field="busy", form=form, action=act
    )
