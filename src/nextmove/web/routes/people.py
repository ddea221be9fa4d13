"""People: search with filters, one page at a time; add a person by hand; a person's page with
history, ties, interactions, meetings and the chain of introductions; edit, delete; exports.
The small forms on a person's page (touch, tie, keep, snooze, merge) are in person_actions."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.config import Settings
from nextmove.domain.people import InteractionKind, TieSource
from nextmove.errors import UserError
from nextmove.services import export as export_service
from nextmove.services import people as service
from nextmove.services import people_view, person_export
from nextmove.services.people import FLAGS
from nextmove.services.people_view import KEEP_STATES, PeopleFilters
from nextmove.web.deps import DbDep, FormDep, NowDep, SettingsDep, TodayDep
from nextmove.web.people_forms import (
    PersonForm,
    edit_from_form,
    form_of,
    new_person_from_form,
    place_error,
)
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

PersonId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Filter = Annotated[str, Query(max_length=200)]
PAGE_SIZE = 50

TIE_WORDS = {
    TieSource.ORGCHART_MANAGER.value: "their manager (org chart)",
    TieSource.ORGCHART_REPORT.value: "reports to them (org chart)",
    TieSource.SAME_TEAM.value: "same team",
    TieSource.INTRODUCED_BY.value: "introduced by them",
    TieSource.MET_AT.value: "met at",
    TieSource.STATED.value: "knows them (you said)",
}


def common() -> dict[str, Any]:
    return {
        "flag_names": FLAGS,
        "keep_states": KEEP_STATES,
        "tiers": ("A", "B", "C"),
        "kinds": [k.value for k in InteractionKind],
        "tie_sources": [s.value for s in TieSource],
        "tie_words": TIE_WORDS,
    }


@router.get("/people", response_class=HTMLResponse, summary="People")
def list_page(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    q: Filter = "",
    level: Filter = "",
    function: Filter = "",
    organization: Filter = "",
    tier: Filter = "",
    keep: Filter = "",
    tag: Filter = "",
    flag: Annotated[list[str] | None, Query(max_length=40)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    filters = PeopleFilters(
        query=q,
        level=level,
        function=function,
        organization=organization,
        tier=tier,
        keep=keep,
        tag=tag,
        flags=tuple(f for f in (flag or []) if f),
    )
    problem = None
    try:
        lines, total = people_view.search_people(
            db,
            filters,
            settings=settings,
            today=today,
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
    except UserError as exc:
        lines, total, problem = [], 0, exc.message
    empty = total == 0 and not filters.active and not people_view.any_people(db)
    params = {
        "q": q or None,
        "level": level or None,
        "function": function or None,
        "organization": organization or None,
        "tier": tier or None,
        "keep": keep or None,
        "tag": tag or None,
        "flag": list(filters.flags) or None,
    }
    pages = max(1, -(-total // PAGE_SIZE))
    return render(
        request,
        "people.html",
        status_code=400 if problem else 200,
        people=lines,
        total=total,
        filters=filters,
        problem=problem,
        empty=empty,
        page=page,
        pages=pages,
        first=(page - 1) * PAGE_SIZE + 1,
        page_link=lambda n: link_for(request, "/people", **params, page=n),
        deleted=request.query_params.get("deleted"),
        rewritten=_count(request.query_params.get("rewritten")),
        **common(),
    )


def _download(body: str, media_type: str, filename: str) -> Response:
    return Response(
        body.encode("utf-8"),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/people/export.vcf", summary="Everyone as vCards")
def export_vcard(db: DbDep) -> Response:
    return _download(export_service.vcard_text(db), "text/vcard; charset=utf-8", "nextmove.vcf")


@router.get("/people/export.csv", summary="Everyone as CSV")
def export_csv(db: DbDep) -> Response:
    return _download(export_service.csv_text(db), "text/csv; charset=utf-8", "nextmove.csv")


@router.get("/people/{person_id}/export.json", summary="Everything about one person (JSON)")
def export_person(person_id: PersonId, db: DbDep, now: NowDep) -> Response:
    text = person_export.export_text(db, str(person_id), now=now)
    return _download(text, "application/json", f"nextmove-person-{person_id}.json")


@router.get("/people/new", response_class=HTMLResponse, summary="Add a person")
def new_page(request: Request) -> HTMLResponse:
    return render(request, "person_form.html", form=PersonForm(), person=None, **common())


@router.post("/people/new", response_class=HTMLResponse, summary="Add a person")
def add(request: Request, posted: FormDep, db: DbDep, today: TodayDep, now: NowDep) -> Response:
    edit, form = new_person_from_form(posted)
    if edit is not None:
        try:
            person = service.add_person(db, edit, now=now, today=today)
        except UserError as exc:
            place_error(form, exc)
        else:
            return RedirectResponse(
                link_for(request, f"/people/{person.id}", saved="added"), status_code=303
            )
    return render(request, "person_form.html", status_code=400, form=form, person=None, **common())


def person_page(
    request: Request,
    db: DbDep,
    settings: Settings,
    today: date,
    person_id: int,
    *,
    status_code: int = 200,
    problems: dict[str, str] | None = None,
    submitted: dict[str, str] | None = None,
) -> HTMLResponse:
    page = people_view.person_page(db, str(person_id), settings=settings, today=today)
    return render(
        request,
        "person.html",
        status_code=status_code,
        page=page,
        p=page.detail.person,
        today=today,
        notice=request.query_params.get("saved"),
        problems=problems or {},
        submitted=submitted or {},
        **common(),
    )


MemberRef = Annotated[str, Path(min_length=3, max_length=300, pattern=r"^[^\s:/]+:[^\s:/]+$")]


@router.get("/people/m/{ref}", response_class=HTMLResponse, summary="A member of an org chart")
def member_page(request: Request, ref: MemberRef, db: DbDep) -> Response:
    detail = people_view.member_page(db, ref)
    if not detail.member_ref:  # one of your people already
        return RedirectResponse(link_for(request, f"/people/{detail.person.id}"), status_code=303)
    return render(request, "member.html", detail=detail, p=detail.person)


@router.post("/people/m/{ref}/add", summary="Add a member of an org chart to your people")
def add_member(
    request: Request, posted: FormDep, ref: MemberRef, db: DbDep, now: NowDep
) -> Response:
    """Add them, then show their page — or, from a suggestion's "Plan a meeting"
    (next=meeting), the meeting form with them."""
    then = posted.get("next")
    person_id = people_view.add_member(db, ref, now=now)
    if then == "meeting":
        return RedirectResponse(
            link_for(request, "/meetings/new", person_id=person_id), status_code=303
        )
    return RedirectResponse(link_for(request, f"/people/{person_id}"), status_code=303)


@router.get("/people/{person_id}", response_class=HTMLResponse, summary="A person")
def detail_page(
    request: Request, person_id: PersonId, db: DbDep, settings: SettingsDep, today: TodayDep
) -> HTMLResponse:
    return person_page(request, db, settings, today, person_id)


@router.get("/people/{person_id}/edit", response_class=HTMLResponse, summary="Edit a person")
def edit_page(request: Request, person_id: PersonId, db: DbDep) -> HTMLResponse:
    person = service.show_person(db, str(person_id)).person
    return render(request, "person_form.html", form=form_of(person), person=person, **common())


@router.post("/people/{person_id}/edit", response_class=HTMLResponse, summary="Save a person")
def save(
    request: Request, posted: FormDep, person_id: PersonId, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    person = service.show_person(db, str(person_id)).person
    edit, form = edit_from_form(posted, person)
    if edit is not None:
        try:
            if not edit.empty:
                service.edit_person(db, str(person_id), edit, now=now, today=today)
        except UserError as exc:
            place_error(form, exc)
        else:
            saved = "nothing" if edit.empty else "edited"
            return RedirectResponse(
                link_for(request, f"/people/{person_id}", saved=saved), status_code=303
            )
    return render(
        request, "person_form.html", status_code=400, form=form, person=person, **common()
    )


@router.get("/people/{person_id}/delete", response_class=HTMLResponse, summary="Delete?")
def delete_page(
    request: Request, person_id: PersonId, db: DbDep, settings: SettingsDep, today: TodayDep
) -> HTMLResponse:
    page = people_view.person_page(db, str(person_id), settings=settings, today=today)
    _, rewrites = service.preview_delete(db, str(person_id))
    return render(request, "person_delete.html", page=page, p=page.detail.person, rewrites=rewrites)


def _count(value: str | None) -> int | None:
    """A small count from the address, or None when absent or not one."""
    return int(value) if value and value.isdigit() and len(value) <= 6 else None


@router.post("/people/{person_id}/delete", summary="Delete a person everywhere")
def delete(request: Request, person_id: PersonId, db: DbDep) -> Response:
    _, rewrites = service.delete_person_reported(db, str(person_id))
    request.app.state.import_jobs.forget_finished()  # their reports may name the person
    # The name stays out of the address (history, server logs): the page says "deleted" and
    # how many other texts were rewritten.
    return RedirectResponse(
        link_for(request, "/people", deleted="1", rewritten=str(rewrites.texts)), status_code=303
    )
