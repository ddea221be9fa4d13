"""The round: how the current round of research meetings is going (per week, each person
linking to their meeting) and a form to plan the next one — preview first, then save."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.errors import UserError
from nextmove.services import meeting_rounds
from nextmove.services import suggest as suggest_service
from nextmove.services import vision as vision_service
from nextmove.services.suggest import RoundPlan
from nextmove.web.deps import DbDep, FormDep, SettingsDep, TodayDep
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

SIZE_DEFAULT, SIZE_MAX = 6, 30
WEEKS_DEFAULT, WEEKS_MAX = 3, 12
STATES = ("idea", "requested", "scheduled", "held", "closed")


@dataclass
class RoundForm:
    values: dict[str, str] = field(
        default_factory=lambda: {"size": str(SIZE_DEFAULT), "weeks": str(WEEKS_DEFAULT)}
    )
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)


def _number(form: RoundForm, name: str, label: str, maximum: int) -> int:
    text = form.values.get(name, "").strip()
    if not text.isdigit() or not 1 <= int(text) <= maximum:
        form.errors[name] = f"{label} must be a whole number from 1 to {maximum}."
        return 0
    return int(text)


def _page(
    request: Request,
    db: DbDep,
    *,
    form: RoundForm,
    plan: RoundPlan | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    round_id = meeting_rounds.current_round_id(db)
    progress = meeting_rounds.round_progress(db, round_id) if round_id is not None else None
    by_week: dict[int, list[Any]] = {}
    if round_id is not None:
        for meeting in meeting_rounds.round_meetings(db, round_id):
            by_week.setdefault(meeting.week or 0, []).append(meeting)
    vision = vision_service.get_vision(db)
    return render(
        request,
        "round.html",
        status_code=status_code,
        progress=progress,
        by_week=by_week,
        states=STATES,
        form=form,
        plan=plan,
        has_vision=bool(vision.steps),
        plan_options=[
            (p.name, p.name + (" (main plan)" if i == 0 else ""))
            for i, p in enumerate(vision.plans)
        ],
        saved=request.query_params.get("saved"),
        size_max=SIZE_MAX,
        weeks_max=WEEKS_MAX,
    )


@router.get("/round", response_class=HTMLResponse, summary="The round")
def round_page(request: Request, db: DbDep) -> HTMLResponse:
    return _page(request, db, form=RoundForm())


@router.post("/round", response_class=HTMLResponse, summary="Preview or save a round")
def plan_round(
    request: Request, submitted: FormDep, db: DbDep, settings: SettingsDep, today: TodayDep
) -> Response:
    form = RoundForm(values={k: v for k, v in submitted.items() if isinstance(v, str)})
    size = _number(form, "size", "The number of people", SIZE_MAX)
    weeks = _number(form, "weeks", "The number of weeks", WEEKS_MAX)
    save = form.values.get("action") == "save"
    if form.errors:
        return _page(request, db, form=form, status_code=400)
    try:
        plan = suggest_service.plan_research_round(
            db,
            today=today,
            size=size,
            weeks=weeks,
            weights=settings.weights(),
            cooldown_days=settings.suggest_cooldown_days,
            save=save,
            plan=form.values.get("plan", "").strip()[:120] or None,
        )
    except UserError as exc:
        form.general_errors.append(exc.message)
        return _page(request, db, form=form, status_code=400)
    if plan.round_id is None:
        return _page(request, db, form=form, plan=plan)
    return RedirectResponse(link_for(request, "/round", saved=plan.round_id), status_code=303)
