"""The small forms on a person's page: log a touch, add a tie, set a tier or a cadence,
snooze, merge a duplicate in, say "this is me". Each answers 303 back to the page with a notice, or the page
again (400) with the problem next to its form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from nextmove.config import Settings
from nextmove.errors import NotFound, UserError
from nextmove.services import keep as keep_service
from nextmove.services import people as service
from nextmove.web.deps import DbDep, FormDep, NowDep, SettingsDep, TodayDep
from nextmove.web.forms import said
from nextmove.web.meeting_view import form_day
from nextmove.web.render import link_for
from nextmove.web.routes.people import PersonId, person_page

router = APIRouter(include_in_schema=False)


def _text(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip()[:2000] if isinstance(value, str) else ""


def _act(
    request: Request,
    form: FormData,
    db: DbDep,
    settings: Settings,
    today: date,
    person_id: int,
    form_name: str,
    action: Callable[[Any], str],
) -> Response:
    """Run one form's action; 303 back with its notice, or the page again with the problem."""
    try:
        notice = action(form)
    except UserError as exc:
        if isinstance(exc, NotFound) and form_name not in ("tie", "merge"):
            raise
        return person_page(
            request,
            db,
            settings,
            today,
            person_id,
            status_code=400,
            problems={form_name: said(exc)},
            submitted={k: v for k, v in form.items() if isinstance(v, str)},
        )
    target = link_for(request, f"/people/{person_id}", saved=notice)
    return RedirectResponse(target + f"#{form_name}-h", status_code=303)


@router.post("/people/{person_id}/touches", summary="Log a touch")
def log_touch(
    request: Request,
    form: FormDep,
    person_id: PersonId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    def action(form: Any) -> str:
        day = form_day(form, "date", today)
        service.touch(
            db,
            str(person_id),
            kind=_text(form, "kind") or "met",
            note=_text(form, "note"),
            day=day,
            now=now,
        )
        return "touch"

    return _act(request, form, db, settings, today, person_id, "touch", action)


@router.post("/people/{person_id}/ties", summary="Add a tie")
def add_tie(
    request: Request,
    form: FormDep,
    person_id: PersonId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    def action(form: Any) -> str:
        other = _text(form, "other")
        if not other:
            raise UserError("other person: give their name or #id")
        strength = _text(form, "strength") or "3"
        if not strength.isdigit():
            raise UserError(f"strength: {strength!r} is not 1–5")
        service.add_tie(
            db,
            str(person_id),
            other,
            source=_text(form, "source") or "stated",
            strength=int(strength),
            note=_text(form, "note"),
            now=now,
        )
        return "tie"

    return _act(request, form, db, settings, today, person_id, "tie", action)


@router.post("/people/{person_id}/keep", summary="Set a tier or a cadence")
def set_keep(
    request: Request,
    form: FormDep,
    person_id: PersonId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
) -> Response:
    def action(form: Any) -> str:
        tier, every = _text(form, "tier"), _text(form, "every")
        if tier and every:
            raise UserError("give a tier or a personal cadence, not both")
        if not (tier or every):
            raise UserError("choose a tier or give a personal cadence")
        keep_service.set_keep(
            db, str(person_id), tier=tier or None, every=every or None, settings=settings
        )
        return "keep"

    return _act(request, form, db, settings, today, person_id, "keep", action)


@router.post("/people/{person_id}/snooze", summary="Snooze until a date")
def snooze(
    request: Request,
    form: FormDep,
    person_id: PersonId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
) -> Response:
    def action(form: Any) -> str:
        until = form_day(form, "until", None)
        keep_service.snooze(db, str(person_id), until=until)
        return "snooze" if until else "unsnooze"

    return _act(request, form, db, settings, today, person_id, "snooze", action)


@router.post("/people/{person_id}/merge", summary="Merge a duplicate into this person")
def merge(
    request: Request,
    form: FormDep,
    person_id: PersonId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    def action(form: Any) -> str:
        other = _text(form, "other")
        if not other:
            raise UserError("duplicate: give their name or #id")
        service.merge_people(db, str(person_id), other, now=now, today=today)
        return "merged"

    return _act(request, form, db, settings, today, person_id, "merge", action)


@router.post("/people/{person_id}/me", summary="Link or unlink you to this person record")
def link_me(
    request: Request,
    form: FormDep,
    person_id: PersonId,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
) -> Response:
    def action(form: Any) -> str:
        if _text(form, "link") == "no":
            service.link_me(db, None)
            return "unlinked-me"
        service.link_me(db, str(person_id))
        return "linked-me"

    return _act(request, form, db, settings, today, person_id, "me", action)
