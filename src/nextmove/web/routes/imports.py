"""The import page: upload a file, watch the import's progress, read its report. The file goes
through the same importer as `nextmove import KIND FILE`, in a background thread."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from nextmove.config import Settings
from nextmove.domain.imports import ImportReport
from nextmove.errors import NotFound
from nextmove.services import imports as import_service
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.import_forms import (
    ACCEPT_ANY,
    COLUMN_FIELDS,
    KINDS,
    ImportForm,
    import_request_from_form,
)
from nextmove.web.import_jobs import ImportJob, ImportJobs, JobProgress, run_import
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

JobId = Annotated[str, PathParam(max_length=64)]
RECENT = 10
SHOWN_PROBLEMS = 200
SHOWN_CHANGES = 50


def import_jobs(request: Request) -> ImportJobs:
    jobs: ImportJobs = request.app.state.import_jobs
    return jobs


def _job(request: Request, job_id: str) -> ImportJob:
    job = import_jobs(request).get(job_id)
    if job is None:
        raise NotFound(
            "there is no import with this number",
            hint="Imports are kept in memory for the last 20 uploads, until nextmove "
            "restarts; the people imported are in People.",
        )
    return job


def _form_page(
    request: Request, db: Workspace, settings: Settings, form: ImportForm, *, status_code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "import.html",
        status_code=status_code,
        form=form,
        kinds=KINDS,
        accept_any=ACCEPT_ANY,
        column_fields=COLUMN_FIELDS,
        limit_mb=f"{settings.upload_limit_mb:g}",
        recent=import_service.recent_imports(db, limit=RECENT),
        my_organization=vision_service.get_vision(db).me.organization,
    )


@router.get("/import", response_class=HTMLResponse, summary="Import a file")
def import_page(request: Request, db: DbDep, settings: SettingsDep) -> HTMLResponse:
    return _form_page(request, db, settings, ImportForm())


@router.post("/import", response_class=HTMLResponse, summary="Start an import")
async def start_import(
    request: Request, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> Response:
    wanted, upload, form = import_request_from_form(await request.form())
    if wanted is None or upload is None:
        return _form_page(request, db, settings, form, status_code=400)

    def run(path: Path, progress: JobProgress) -> ImportReport:
        return run_import(
            db, wanted, path, now=now, today=today, timezone=settings.timezone, progress=progress
        )

    job = import_jobs(request).start(wanted, upload.file, run, now=now)
    return RedirectResponse(link_for(request, f"/import/jobs/{job.id}"), status_code=303)


@router.get("/import/jobs/{job_id}", response_class=HTMLResponse, summary="An import's progress")
def job_page(request: Request, job_id: JobId) -> HTMLResponse:
    job = _job(request, job_id)
    status = job.status_json()
    code = {"refused": 400, "failed": 500}.get(status["state"], 200)
    return render(
        request,
        "import_job.html",
        status_code=code,
        job=job,
        status=status,
        kind=next(k for k in KINDS if k.key == job.request.kind),
        shown_problems=SHOWN_PROBLEMS,
        shown_changes=SHOWN_CHANGES,
    )


@router.get("/import/jobs/{job_id}/status", summary="An import's progress, as JSON")
def job_status(request: Request, job_id: JobId) -> JSONResponse:
    job = _job(request, job_id)
    return JSONResponse(job.status_json(), headers={"Cache-Control": "no-store"})
