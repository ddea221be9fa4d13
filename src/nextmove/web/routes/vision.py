"""Vision: the plan (view, edit form, vision-file upload and download) and its check."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from nextmove.domain.check import weaknesses
from nextmove.errors import InvalidInput, UserError
from nextmove.formats.vision_toml import MAX_STEPS
from nextmove.services import vision as vision_service
from nextmove.web.deps import DbDep, FormDep, NowDep, TodayDep
from nextmove.web.forms import VisionForm, place_problems, vision_data_from_form
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)


@router.get("/vision", response_class=HTMLResponse, summary="Vision")
def vision_page(request: Request, db: DbDep, today: TodayDep) -> HTMLResponse:
    vision = vision_service.get_vision(db)
    checks = vision_service.run_plan_checks(db, today=today)
    findings = checks[0].findings
    return render(
        request,
        "vision.html",
        vision=vision,
        findings=findings,
        weak=weaknesses(findings),
        other_plans=[(c.plan.name, len(weaknesses(c.findings))) for c in checks[1:]],
        saved=request.query_params.get("saved"),
    )


@router.get("/vision/edit", response_class=HTMLResponse, summary="Edit the vision")
def edit_page(request: Request, db: DbDep) -> HTMLResponse:
    form = VisionForm.of(vision_service.get_vision(db), max_steps=MAX_STEPS)
    return render(request, "vision_edit.html", form=form, max_steps=MAX_STEPS)


@router.post("/vision/edit", response_class=HTMLResponse, summary="Save the vision")
def save_vision(request: Request, submitted: FormDep, db: DbDep, now: NowDep) -> Response:
    data, form = vision_data_from_form(submitted, max_steps=MAX_STEPS)
    if submitted.get("add_step"):
        form.step_slots = min(MAX_STEPS, form.step_slots + 1)
        return render(request, "vision_edit.html", form=form, max_steps=MAX_STEPS)
    try:
        vision_service.save_vision_data(db, data, source="the form", now=now)
    except InvalidInput as exc:
        place_problems(form, exc)
        return render(request, "vision_edit.html", status_code=400, form=form, max_steps=MAX_STEPS)
    return RedirectResponse(link_for(request, "/vision", saved="form"), status_code=303)


@router.post("/vision/import", response_class=HTMLResponse, summary="Upload a vision file")
def import_vision(request: Request, submitted: FormDep, db: DbDep, now: NowDep) -> Response:
    upload = submitted.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise UserError("choose a vision file (TOML) to upload", hint="docs/vision-file.md")
    raw = upload.file.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{upload.filename}: not UTF-8 text (byte {exc.start})",
            hint="Vision files are TOML, which is UTF-8 text.",
        ) from None
    vision_service.import_vision(db, text, source=upload.filename, now=now)
    return RedirectResponse(link_for(request, "/vision", saved="file"), status_code=303)


@router.get("/vision/export", summary="Download the vision file")
def export_vision(db: DbDep) -> Response:
    return Response(
        vision_service.export_vision(db),
        media_type="application/toml; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="vision.toml"'},
    )
