"""Plans: the main plan and its alternatives side by side (steps, gauges, the check, the
opportunities that serve each, people to meet for each), with forms to add, rate, edit,
promote and delete. A form with a problem is shown again with the message at its plan."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.domain.check import weaknesses
from nextmove.domain.vision import GAUGE_MEANINGS, GAUGES, MAX_ALTERNATIVES
from nextmove.errors import InvalidInput, NotFound, UserError
from nextmove.services import comments as comment_service
from nextmove.services import plans as service
from nextmove.web.auth import comment_author
from nextmove.web.deps import DbDep, FormDep, NowDep, SettingsDep, TodayDep
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

PEOPLE_PER_PLAN = 3
TEXT_MAX = 20_000  # a plan document in the edit form


def _text(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _page(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    *,
    error: UserError | None = None,
    error_plan: str = "",
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    summaries = service.list_plans(db, today=today)
    people = service.people_for_plans(
        db,
        today=today,
        limit=PEOPLE_PER_PLAN,
        weights=settings.weights(),
        cooldown_days=settings.suggest_cooldown_days,
    )
    return render(
        request,
        "plans.html",
        status_code=status_code,
        summaries=summaries,
        people=people,
        weak={s.name: weaknesses(s.findings) for s in summaries},
        gauges=GAUGES,
        gauge_meanings=GAUGE_MEANINGS,
        can_add=len(summaries) - 1 < MAX_ALTERNATIVES,
        max_alternatives=MAX_ALTERNATIVES,
        error=error,
        error_plan=error_plan,
        values=values or {},
        done=request.query_params.get("done"),
        comments=comment_service.comments_by_plan(db),
        comment_values=values or {},
    )


def _refused(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    error: UserError,
    plan: str,
) -> HTMLResponse:
    """The page again, with the form's problem shown at the plan it was about."""
    return _page(
        request, db, settings, today, error=error, error_plan=plan, status_code=error.http_status
    )


def _back(request: Request, done: str) -> RedirectResponse:
    return RedirectResponse(link_for(request, "/plans", done=done), status_code=303)


@router.get("/plans", response_class=HTMLResponse, summary="Plans side by side")
def plans_page(request: Request, db: DbDep, settings: SettingsDep, today: TodayDep) -> HTMLResponse:
    return _page(request, db, settings, today)


@router.post("/plans/add", response_class=HTMLResponse, summary="Add a plan")
def add_plan(
    request: Request, form: FormDep, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    name, source = _text(form, "name"), _text(form, "from")
    try:
        plan = service.create_plan(db, name, source=source or None, now=now)
    except UserError as exc:
        return _page(
            request,
            db,
            settings,
            today,
            error=exc,
            error_plan="",
            values={"name": name[:200], "from": source[:200]},
            status_code=exc.http_status,
        )
    return _back(request, f"added:{plan.name}")


@router.post("/plans/set", response_class=HTMLResponse, summary="Rate a plan")
def set_plan(
    request: Request, form: FormDep, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    name = _text(form, "plan")
    try:
        gauges: dict[str, int | None] = {}
        for gauge in GAUGES:
            raw = _text(form, gauge)
            if not raw:
                gauges[gauge] = None
            elif raw.lstrip("-").isdigit() and len(raw) <= 4:
                gauges[gauge] = int(raw)
            else:
                raise UserError(f"{raw[:20]!r} is not a whole number from 0 to 100", field=gauge)
        note = form.get("note")
        plan = service.change_plan(
            db,
            name,
            gauges=gauges,
            note=note[:10_000] if isinstance(note, str) else None,
            rename=_text(form, "new_name") or None,
            now=now,
        )
    except UserError as exc:
        return _refused(request, db, settings, today, exc, name)
    return _back(request, f"saved:{plan.name}")


@router.post("/plans/comments", response_class=HTMLResponse, summary="Comment on a plan")
def comment_plan(
    request: Request, form: FormDep, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    """A coach's comment on a client's plan (comment or edit access), or the owner's reply."""
    name = _text(form, "plan")
    raw = form.get("body")
    body = raw if isinstance(raw, str) else ""
    try:
        plan_comment = comment_service.add_comment(
            db, subject="plan", about=name, author=comment_author(request), body=body, now=now
        )
    except NotFound:
        raise  # no such plan (renamed or deleted meanwhile): the error page says so
    except UserError as exc:
        return _page(
            request,
            db,
            settings,
            today,
            error=exc,
            error_plan=name,
            values={"body": body[: comment_service.COMMENT_MAX]},
            status_code=exc.http_status,
        )
    return RedirectResponse(
        link_for(request, "/plans", done=f"commented:{plan_comment.subject_name}")
        + f"#comment-{plan_comment.id}",
        status_code=303,
    )


@router.post("/plans/promote", response_class=HTMLResponse, summary="Promote a plan")
def promote_plan(
    request: Request, form: FormDep, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    name = _text(form, "plan")
    try:
        vision = service.promote(db, name, now=now)
    except UserError as exc:
        return _refused(request, db, settings, today, exc, name)
    return _back(request, f"promoted:{vision.plan_name}")


@router.post("/plans/delete", response_class=HTMLResponse, summary="Delete a plan")
def delete_plan(
    request: Request, form: FormDep, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    name = _text(form, "plan")
    try:
        plan = service.remove_plan(db, name, now=now)
    except UserError as exc:
        return _refused(request, db, settings, today, exc, name)
    return _back(request, f"deleted:{plan.name}")


@router.get("/plans/edit", response_class=HTMLResponse, summary="Edit a plan")
def edit_page(request: Request, db: DbDep) -> HTMLResponse:
    name = request.query_params.get("plan", "")[:200]
    text = service.export_plan(db, name)
    return render(request, "plan_edit.html", name=name, text=text, problems=None)


@router.post("/plans/edit", response_class=HTMLResponse, summary="Save a plan")
def save_plan(request: Request, form: FormDep, db: DbDep, now: NowDep) -> Response:
    name = _text(form, "plan")
    raw = form.get("text")
    text = raw if isinstance(raw, str) else ""
    try:
        if len(text) > TEXT_MAX:
            raise UserError(
                f"the plan is longer than {TEXT_MAX} characters",
                hint="Keep a plan to its steps; put long notes elsewhere.",
            )
        plan = service.import_plan(db, name, text.replace("\r\n", "\n"), source="the form", now=now)
    except UserError as exc:
        problems = (
            [str(p) for p in exc.problems] if isinstance(exc, InvalidInput) else [exc.message]
        )
        return render(
            request,
            "plan_edit.html",
            status_code=exc.http_status,
            name=name,
            text=text[:TEXT_MAX],
            problems=problems,
            hint=exc.hint,
        )
    return _back(request, f"saved:{plan.name}")


@router.post("/meetings/{meeting_id}/plan", summary="Record the plan a meeting explores")
def set_meeting_plan(
    request: Request,
    form: FormDep,
    meeting_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    db: DbDep,
    now: NowDep,
) -> Response:
    service.set_meeting_plan(db, meeting_id, _text(form, "plan")[:200] or None, now=now)
    return RedirectResponse(
        link_for(request, f"/meetings/{meeting_id}", saved="plan"), status_code=303
    )
