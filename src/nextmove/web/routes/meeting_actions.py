"""The forms of a meeting's page: the next step, scheduling, the agenda, notes, insights,
referrals, tasks, and slots around an uploaded calendar. Each answers with a 303 back to the
page, or the page again with status 400 and the problem next to its field."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from nextmove.config import Settings
from nextmove.errors import NeedsConfirmation, NotFound, UserError
from nextmove.services import meetings as service
from nextmove.services.workspace import Workspace
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.forms import said
from nextmove.web.meeting_view import MAX_ID, STEP_VALUES, form_day, form_text, start_of
from nextmove.web.render import link_for
from nextmove.web.routes.meetings import meeting_page

router = APIRouter(include_in_schema=False)

MAX_BUSY_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Posted:
    """One form posted to a meeting's page, with what answering it needs."""

    request: Request
    meeting_id: int
    db: Workspace
    settings: Settings
    today: date
    now: datetime
    form: Any

    def text(self, name: str, limit: int = 10_000) -> str:
        return form_text(self.form, name, limit)

    def back(self, anchor: str, **params: Any) -> Response:
        """303 to the meeting's page (keeping `?as_of=`), at the section ``anchor``."""
        target = link_for(self.request, f"/meetings/{self.meeting_id}", **params)
        return RedirectResponse(f"{target}#{anchor}", status_code=303)

    def attempt(
        self, field: str | Callable[[UserError], str], action: Callable[[], Response]
    ) -> Response:
        """Run ``action``; a refusal shows the page again with the service's words at
        ``field`` (or where ``field`` says for that error)."""
        try:
            return action()
        except UserError as exc:
            if isinstance(exc, NotFound) and "meeting" in exc.message:
                raise
            where = field if isinstance(field, str) else field(exc)
            return self.page(
                status_code=400,
                problems={where: said(exc)},
                submitted={
                    k: v for k, v in self.form.items() if isinstance(v, str) and k != "csrf_token"
                },
            )

    def page(self, **options: Any) -> HTMLResponse:
        return meeting_page(
            self.request,
            self.db,
            self.settings,
            self.meeting_id,
            self.today,
            self.now,
            **options,
        )


async def _posted(
    request: Request,
    meeting_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Posted:
    form = await request.form()
    return Posted(request, meeting_id, db, settings, today, now, form)


PostedDep = Annotated[Posted, Depends(_posted)]


@router.post("/meetings/{meeting_id}/state", summary="Take the next step")
def change_state(p: PostedDep) -> Response:
    def act() -> Response:
        target = p.text("state", 40)
        if target not in STEP_VALUES:
            raise UserError(f"choose a step ({', '.join(sorted(STEP_VALUES))}), not {target!r}")
        day = form_day(p.form, "date", p.today)
        service.advance(
            p.db,
            p.meeting_id,
            target,
            day=day,
            now=start_of(p.request, p.now, p.settings.timezone),
            early=p.text("early", 5) == "yes",
            timezone=p.settings.timezone,
        )
        return p.back("state-h", saved=target)

    return p.attempt(
        lambda exc: "confirm_held" if isinstance(exc, NeedsConfirmation) else "step", act
    )


@router.post("/meetings/{meeting_id}/schedule", summary="Schedule or reschedule")
def schedule(p: PostedDep) -> Response:
    def act() -> Response:
        at = p.text("at", 40)
        if not at:
            raise UserError("--at: give the date and time", hint="For example 2026-11-24 10:00.")
        raw_minutes = p.text("minutes", 10)
        minutes = None
        if raw_minutes:
            if not raw_minutes.isascii() or not raw_minutes.isdigit():
                raise UserError(f"--minutes {raw_minutes!r}: a number of minutes, 5 to 480")
            minutes = int(raw_minutes)
        service.schedule_meeting(
            p.db,
            p.meeting_id,
            settings=p.settings,
            at=at,
            minutes=minutes,
            mode=p.text("mode", 40) or None,
            place=p.text("place", 2000) if "place" in p.form else None,
            # Not cut at 2000: a longer link is refused (check_link), not silently shortened.
            link=p.text("link", 10_000) if "link" in p.form else None,
            day=p.today,
            now=p.now,
        )
        # At the notice (its time and the invitation), not in Schedule: a fragment inside a
        # collapsed section would open it, and a scheduled meeting's open section is Prepare.
        return p.back("scheduled-notice", saved="scheduled")

    return p.attempt(_schedule_field, act)


def _schedule_field(error: UserError) -> str:
    """Which field of the schedule form a refusal is about."""
    if error.field in ("minutes", "at", "link"):
        return error.field
    return "mode" if "meeting mode" in error.message else "schedule"


@router.post("/meetings/{meeting_id}/agenda", summary="Replace the agenda")
def save_agenda(p: PostedDep) -> Response:
    service.set_agenda(p.db, p.meeting_id, p.text("agenda", 50_000), now=p.now)
    return p.back("agenda-h", saved="agenda")


@router.post("/meetings/{meeting_id}/notes", summary="Add a note")
def add_note(p: PostedDep) -> Response:
    def act() -> Response:
        day = form_day(p.form, "date", p.today)
        service.add_note(p.db, p.meeting_id, p.text("text"), today=day, now=p.now)
        return p.back("notes-h", saved="note")

    return p.attempt("note", act)


@router.post("/meetings/{meeting_id}/insights", summary="Add an insight")
def add_insight(p: PostedDep) -> Response:
    def act() -> Response:
        affects = p.text("affects", 100) or None
        service.add_insight(p.db, p.meeting_id, p.text("text"), affects=affects, today=p.today)
        return p.back("insights-h", saved="insight")

    return p.attempt(lambda e: "affects" if e.field == "affects" else "insight", act)


@router.post("/meetings/{meeting_id}/referrals", summary="Add a referral")
def add_referral(p: PostedDep) -> Response:
    def act() -> Response:
        result = service.refer(
            p.db,
            p.meeting_id,
            p.text("name", 300),
            organization=p.text("organization", 300),
            title=p.text("title", 300),
            email=p.text("email", 300),
            today=p.today,
            now=p.now,
        )
        return p.back(
            "referrals-h",
            referred=result.person_id,
            new=1 if result.created_person else None,
            again=1 if result.already_referred else None,
        )

    return p.attempt("referral", act)


@router.post("/meetings/{meeting_id}/tasks", summary="Add a follow-up task")
def add_task(p: PostedDep) -> Response:
    def act() -> Response:
        due = form_day(p.form, "due", p.today)
        service.add_task(p.db, p.meeting_id, p.text("text", 2000), due=due, now=p.now)
        return p.back("tasks-h", saved="task")

    return p.attempt(lambda e: "due" if e.field == "due" else "task", act)


@router.post("/tasks/{task_id}/done", summary="Mark a follow-up task done")
def task_done(
    request: Request, task_id: Annotated[int, Path(ge=1, le=MAX_ID)], db: DbDep, today: TodayDep
) -> Response:
    task = service.complete_task(db, task_id, day=today)
    target = link_for(request, f"/meetings/{task.meeting_id}", saved="done")
    return RedirectResponse(f"{target}#tasks-h", status_code=303)


@router.post("/meetings/{meeting_id}/slots", response_class=HTMLResponse, summary="Free slots")
async def slots_around_busy(p: PostedDep) -> Response:
    """Proposed slots that avoid the busy times of an uploaded calendar (.ics)."""
    upload = p.form.get("busy")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return p.attempt("busy", lambda: _refuse("choose your calendar's .ics file to upload"))
    data = await upload.read(MAX_BUSY_BYTES + 1)
    name = upload.filename.replace("\x00", "")[:200]
    start = start_of(p.request, p.now, p.settings.timezone)

    def act() -> Response:
        if len(data) > MAX_BUSY_BYTES:
            raise UserError("the calendar file is over 5 MB", hint="Export fewer weeks.")
        with tempfile.TemporaryDirectory(prefix="nextmove-") as tmp:
            path = FilePath(tmp) / "busy.ics"
            path.write_bytes(data)
            try:
                _meeting, proposed = service.meeting_slots(
                    p.db, p.meeting_id, settings=p.settings, now=start, busy_file=path
                )
            except UserError as exc:
                exc.message = exc.message.replace(str(path), name)
                raise
        return p.page(slots=proposed, busy_note=f"Avoiding the busy times in {name}.")

    return p.attempt("busy", act)


def _refuse(message: str) -> Response:
    raise UserError(message)
