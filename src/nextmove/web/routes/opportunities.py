"""Opportunities: the list with its source mix, adding one (by hand or from a pasted posting),
its page with the whole evaluation, status, ratings and decisions, and the comparison."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.domain.evaluate import Evaluation
from nextmove.domain.opportunities import (
    CLOSED_STATUSES,
    DECISION_STATUS,
    RATING_MAX,
    RATING_MIN,
    ROLES,
    SOURCE_HELP,
    Source,
    Status,
)
from nextmove.errors import NotFound, UserError
from nextmove.services import comments as comment_service
from nextmove.services import opportunities as service
from nextmove.services import opportunity_people as opp_people
from nextmove.web.auth import comment_author
from nextmove.web.deps import DbDep, FormDep, NowDep, TodayDep
from nextmove.web.forms import said
from nextmove.web.meeting_view import form_day
from nextmove.web.opp_forms import (
    OpportunityForm,
    edit_fields_from_form,
    form_of,
    opportunity_input_from_form,
    place_error,
)
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

OppId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _form_text(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _common() -> dict[str, Any]:
    return {
        "sources": [(s.value, SOURCE_HELP[s]) for s in Source],
        "statuses": [s.value for s in Status],
        "closed": {s.value for s in CLOSED_STATUSES},
        "decision_choices": list(DECISION_STATUS),
        "rating_range": range(RATING_MIN, RATING_MAX + 1),
    }


@router.get("/opportunities", response_class=HTMLResponse, summary="Opportunities")
def list_page(
    request: Request,
    db: DbDep,
    today: TodayDep,
    status: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    opportunities, mix = service.list_opportunities(db, status=status or None)
    verdicts: dict[int, Evaluation] = {}
    if opportunities:
        try:
            evaluations, _mix = service.evaluate(
                db, [o.id for o in opportunities if o.id is not None], today=today
            )
            verdicts = {e.opportunity.id: e for e in evaluations if e.opportunity.id is not None}
        except UserError:
            verdicts = {}  # no plan yet: the list still shows
    open_statuses = [s.value for s in Status if s not in CLOSED_STATUSES]
    shown_statuses = [status] if status in open_statuses else open_statuses if not status else []
    columns = [
        {"status": s, "cards": [o for o in opportunities if o.status.value == s]}
        for s in shown_statuses
    ]
    return render(
        request,
        "opportunities.html",
        columns=columns,
        closed_items=[o for o in opportunities if o.status in CLOSED_STATUSES],
        status_order=[s.value for s in Status],
        open_count=len(open_statuses),
        opportunities=opportunities,
        mix=mix,
        verdicts=verdicts,
        status=status or "",
        deleted=request.query_params.get("deleted"),
        moved=next(
            (o for o in opportunities if str(o.id) == request.query_params.get("moved")), None
        ),
        **_common(),
    )


@router.get("/opportunities/new", response_class=HTMLResponse, summary="Add an opportunity")
def new_page(request: Request) -> HTMLResponse:
    return render(request, "opportunity_new.html", form=OpportunityForm.blank(), **_common())


@router.post("/opportunities/new", response_class=HTMLResponse, summary="Add an opportunity")
def add(request: Request, posted: FormDep, db: DbDep, today: TodayDep, now: NowDep) -> Response:
    data, form = opportunity_input_from_form(posted)

    def again() -> HTMLResponse:
        return render(request, "opportunity_new.html", status_code=400, form=form, **_common())

    if data is None:
        return again()
    try:
        added = service.add_from_input(
            db,
            data.given,
            posting=data.posting.encode("utf-8") if data.posting else None,
            posting_source="the pasted posting",
            today=today,
            now=now,
        )
    except UserError as exc:
        place_error(form, exc)
        return again()
    opp, found = added.opportunity, added.found or added.filled
    target = link_for(
        request,
        f"/opportunities/{opp.id}",
        added="posting" if data.posting else "form",
        found=len(found) or None,
    )
    return RedirectResponse(target, status_code=303)


@router.get("/opportunities/compare", response_class=HTMLResponse, summary="Compare")
def compare_page(
    request: Request,
    db: DbDep,
    today: TodayDep,
    ids: Annotated[list[int] | None, Query(description="Two or more opportunity ids.")] = None,
) -> HTMLResponse:
    chosen = [i for i in (ids or []) if 1 <= i <= 2**31 - 1]
    if len(set(chosen)) < 2:
        opportunities, _mix = service.list_opportunities(db)
        return render(
            request,
            "opportunities_compare.html",
            status_code=400 if ids else 200,
            evaluations=[],
            opportunities=opportunities,
            chosen=set(chosen),
            too_few=bool(ids),
        )
    evaluations = service.compare(db, chosen, today=today)
    names = [p.name for p in evaluations[0].priorities]
    return render(
        request,
        "opportunities_compare.html",
        evaluations=evaluations,
        priority_names=names,
        opportunities=[],
        chosen=set(chosen),
        too_few=False,
    )


def _detail(
    request: Request,
    db: DbDep,
    opp_id: int,
    today: date,
    *,
    status_code: int = 200,
    problems: dict[str, str] | None = None,
    submitted: dict[str, str] | None = None,
) -> HTMLResponse:
    opp = service.get_opportunity(db, opp_id)
    evaluation: Evaluation | None = None
    no_plan: UserError | None = None
    try:
        evaluations, _mix = service.evaluate(db, [opp_id], today=today)
        evaluation = evaluations[0]
    except UserError as exc:
        no_plan = exc
    others, _mix = service.list_opportunities(db)
    return render(
        request,
        "opportunity.html",
        status_code=status_code,
        opp=opp,
        e=evaluation,
        no_plan=no_plan,
        others=[o for o in others if o.id != opp_id],
        people=opp_people.people_for(db, opp_id),
        comments=comment_service.list_comments(db, subject="opportunity", about=opp_id),
        people_notice=_people_notice(request),
        roles=ROLES,
        today=today,
        notice=request.query_params.get("saved"),
        added=request.query_params.get("added"),
        problems=problems or {},
        submitted=submitted or {},
        **_common(),
    )


@router.get("/opportunities/{opp_id}", response_class=HTMLResponse, summary="An opportunity")
def detail_page(request: Request, opp_id: OppId, db: DbDep, today: TodayDep) -> HTMLResponse:
    return _detail(request, db, opp_id, today)


@router.get(
    "/opportunities/{opp_id}/edit", response_class=HTMLResponse, summary="Edit an opportunity"
)
def edit_page(request: Request, opp_id: OppId, db: DbDep) -> HTMLResponse:
    opp = service.get_opportunity(db, opp_id)
    return render(request, "opportunity_new.html", form=form_of(opp), opp=opp, **_common())


@router.post(
    "/opportunities/{opp_id}/edit", response_class=HTMLResponse, summary="Save an opportunity"
)
def save(request: Request, posted: FormDep, opp_id: OppId, db: DbDep, now: NowDep) -> Response:
    opp = service.get_opportunity(db, opp_id)
    fields, form = edit_fields_from_form(posted)
    try:
        service.edit_opportunity(db, opp_id, fields, now=now)
    except UserError as exc:
        place_error(form, exc)
        return render(
            request, "opportunity_new.html", status_code=400, form=form, opp=opp, **_common()
        )
    return _back(request, opp_id, "edited")


def _back(request: Request, opp_id: int, saved: str, anchor: str = "") -> Response:
    target = link_for(request, f"/opportunities/{opp_id}", saved=saved)
    return RedirectResponse(target + (f"#{anchor}" if anchor else ""), status_code=303)


def _refused(
    request: Request,
    db: DbDep,
    opp_id: int,
    today: date,
    form: str,
    error: UserError,
    submitted: dict[str, str] | None = None,
) -> HTMLResponse:
    """The page again, with the service's words next to the form it refused (400)."""
    return _detail(
        request,
        db,
        opp_id,
        today,
        status_code=400,
        problems={form: said(error)},
        submitted=submitted,
    )


@router.post("/opportunities/{opp_id}/status", summary="Change the status")
def change_status(
    request: Request, form: FormDep, opp_id: OppId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    try:
        service.set_status(
            db,
            opp_id,
            _form_text(form, "status") or _form_text(form, "to"),  # a button, or the list
            day=form_day(form, "date", today),
            note=_form_text(form, "note"),
            now=now,
        )
    except UserError as exc:
        if isinstance(exc, NotFound):
            raise
        return _refused(request, db, opp_id, today, "status", exc)
    if _form_text(form, "back") == "board":
        target = link_for(request, "/opportunities", moved=opp_id)
        return RedirectResponse(f"{target}#opp-{opp_id}", status_code=303)
    return _back(request, opp_id, "status", "status-h")


@router.post("/opportunities/{opp_id}/ratings", summary="Rate against your priorities")
def rate(
    request: Request, form: FormDep, opp_id: OppId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    ratings: dict[str, int | None] = {}
    try:
        for key, value in form.items():
            if not key.startswith("rating[") or not isinstance(value, str) or value == "":
                continue  # a blank choice leaves the rating as it was
            rank = key[len("rating[") :].rstrip("]")
            if value == "clear":
                ratings[rank] = None
            elif value.isdigit() and len(value) <= 2:
                ratings[rank] = int(value)
            else:
                raise UserError(f"rating: {value[:20]!r} is not 1–5", hint="Choose from the list.")
        if ratings:
            service.rate_many(db, opp_id, ratings, now=now)
    except UserError as exc:
        if isinstance(exc, NotFound):
            raise
        return _refused(request, db, opp_id, today, "ratings", exc)
    return _back(request, opp_id, "ratings" if ratings else "nothing", "fit-h")


@router.post("/opportunities/{opp_id}/decide", summary="Record a decision")
def decide(
    request: Request, form: FormDep, opp_id: OppId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    choice = _form_text(form, "choice")
    if choice == "other":
        choice = _form_text(form, "choice_other")
    try:
        service.decide(
            db,
            opp_id,
            choice=choice,
            why=_form_text(form, "why"),
            day=form_day(form, "date", today),
            now=now,
        )
    except UserError as exc:
        if isinstance(exc, NotFound):
            raise
        submitted = {k: v for k, v in form.items() if isinstance(v, str)}
        return _refused(request, db, opp_id, today, "decide", exc, submitted)
    return _back(request, opp_id, "decision", "decisions-h")


@router.post("/opportunities/{opp_id}/comments", summary="Comment on an opportunity")
def comment(
    request: Request, form: FormDep, opp_id: OppId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    """A coach's comment on a client's opportunity (comment or edit access), or the owner's
    reply."""
    body = _form_text(form, "body")
    try:
        made = comment_service.add_comment(
            db,
            subject="opportunity",
            about=opp_id,
            author=comment_author(request),
            body=body,
            now=now,
        )
    except NotFound:
        raise
    except UserError as exc:
        return _refused(
            request,
            db,
            opp_id,
            today,
            "comment",
            exc,
            {"body": body[: comment_service.COMMENT_MAX]},
        )
    return _back(request, opp_id, "commented", f"comment-{made.id}")


@router.post("/opportunities/{opp_id}/delete", summary="Delete an opportunity")
def delete(request: Request, opp_id: OppId, db: DbDep) -> Response:
    service.delete_opportunity(db, opp_id)
    return RedirectResponse(link_for(request, "/opportunities", deleted=opp_id), status_code=303)


def _people_notice(request: Request) -> str | None:
    linked, unlinked = request.query_params.get("linked"), request.query_params.get("unlinked")
    if linked:
        return f"Linked {linked}."
    if unlinked:
        return f"Unlinked {unlinked}."
    return None


@router.post("/opportunities/{opp_id}/people", summary="Link a person to an opportunity")
def link_person(
    request: Request, form: FormDep, opp_id: OppId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    service.get_opportunity(db, opp_id)  # an unknown opportunity is the 404 page
    submitted = {"person": _form_text(form, "person"), "role": _form_text(form, "role")}
    try:
        if not submitted["person"]:
            raise UserError("person: say who, by name or #id")
        name, _added = opp_people.link_person(
            db, opp_id, submitted["person"], role=submitted["role"] or "contact", now=now
        )
    except UserError as exc:
        return _refused(request, db, opp_id, today, "people", exc, submitted)
    target = link_for(request, f"/opportunities/{opp_id}", linked=name)
    return RedirectResponse(target + "#people-h", status_code=303)


@router.post("/opportunities/{opp_id}/unlink", summary="Unlink a person from an opportunity")
def unlink_person(request: Request, form: FormDep, opp_id: OppId, db: DbDep) -> Response:
    person = _form_text(form, "person_id")
    opp_people.unlink_person(db, opp_id, person, role=None)
    target = link_for(request, f"/opportunities/{opp_id}", unlinked=f"#{person}")
    return RedirectResponse(target + "#people-h", status_code=303)


@router.post("/opportunities/{opp_id}/meet", summary="Plan a meeting about an opportunity")
def meet(
    request: Request, form: FormDep, opp_id: OppId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    service.get_opportunity(db, opp_id)  # an unknown opportunity is the 404 page
    try:
        meeting = opp_people.plan_meeting(
            db, opp_id, _form_text(form, "person_id"), today=today, now=now
        )
    except UserError as exc:  # e.g. an open meeting with them already
        return _refused(request, db, opp_id, today, "meet", exc)
    return RedirectResponse(
        link_for(request, f"/meetings/{meeting.id}", planned=1), status_code=303
    )
