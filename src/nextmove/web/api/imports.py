"""/api/imports: send a file's bytes, get the import's report (as `nextmove import KIND FILE
--json`); and the progress of an import started on the import page."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from nextmove.domain.import_kinds import FILE_KIND_NAMES
from nextmove.errors import NotFound, UserError
from nextmove.formats.json_shapes import import_report_public
from nextmove.formats.orgchart import parse_column_map
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.imports import ImportErrorPublic, ImportJobPublic, ImportReportPublic
from nextmove.web.deps import BodyDep, DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.import_jobs import (
    JOB_ID,
    ImportJobs,
    ImportRequest,
    display_name,
    private_copy,
    run_import,
)

router = APIRouter(prefix="/imports", tags=["imports"])

# What a file upload is sent as: a type no HTML form on another site can send (web/security.py).
UPLOAD_TYPE = "application/octet-stream"
# The kinds of file in the registry (domain.import_kinds): the OpenAPI enum derives from it.
Kind = Literal[FILE_KIND_NAMES]  # type: ignore[valid-type]
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"


def _jobs(request: Request) -> ImportJobs:
    jobs: ImportJobs = request.app.state.import_jobs
    return jobs


@router.post(
    "",
    response_model=ImportReportPublic,
    summary="Import a file: its bytes as the body, the report back",
    description="The same importer as `nextmove import KIND FILE --json`, run before the "
    "answer comes. The body is the file itself, sent as `Content-Type: application/"
    "octet-stream`; it is written to a private temporary file, removed when the import ends.",
    responses={
        400: {
            "model": ImportErrorPublic,
            "description": "The importer refused the file (nothing was imported): why, and "
            "every problem with its line or card.",
        },
        403: {"model": ErrorPublic, "description": "Not application/octet-stream, or cross-site."},
        413: {"model": ErrorPublic, "description": "Larger than the upload limit."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "The file's bytes.",
            "content": {UPLOAD_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
def import_upload(
    request: Request,
    body: BodyDep,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
    kind: Annotated[Kind, Query(description="What the file is.")],
    dry_run: Annotated[bool, Query(description="Report what it would do; change nothing.")] = False,
    partial: Annotated[
        bool, Query(description="Import the good rows and report the others.")
    ] = False,
    filename: Annotated[
        str,
        Query(max_length=200, pattern=NO_CONTROL, description="The file's name, for the report."),
    ] = "upload",
    organization: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_CONTROL, description="Org charts: whose chart it is."),
    ] = None,
    column_map: Annotated[
        list[Annotated[str, Query(max_length=200, pattern=NO_CONTROL)]] | None,
        Query(
            alias="map",
            max_length=20,
            description="Org charts: FIELD=COLUMN, repeated (e.g. map=manager_id=Boss).",
        ),
    ] = None,
    me: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_CONTROL, description="Org charts: your employee id."),
    ] = None,
) -> ImportReportPublic:
    if not body:
        raise UserError(
            "the request has no body", hint="Send the file's bytes as the request body."
        )
    wanted = ImportRequest(
        kind=kind,
        filename=display_name(filename),
        dry_run=dry_run,
        partial=partial,
        organization=organization or None,
        column_map=parse_column_map(column_map) or None,
        me=me or None,
    )
    jobs = _jobs(request)

    with jobs.one_at_a_time, private_copy(body, wanted.filename) as path:
        report = run_import(db, wanted, path, now=now, today=today, timezone=settings.timezone)
    return import_report_public(report)


@router.get(
    "/{job_id}",
    response_model=ImportJobPublic,
    summary="An import started on the import page: its progress, then its report",
    responses={404: {"model": ErrorPublic, "description": "No such import (kept: the last 20)."}},
)
def import_job(
    request: Request,
    job_id: Annotated[str, Path(max_length=64, description="The id in the import page's address.")],
) -> ImportJobPublic:
    job = _jobs(request).get(job_id) if JOB_ID.match(job_id) else None
    if job is None:
        raise NotFound(f"there is no import {job_id!r}", hint="Imports are kept for the last 20.")
    status: dict[str, Any] = job.status_json()
    return ImportJobPublic.model_validate(status)
