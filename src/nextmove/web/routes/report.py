"""Printed documents to download: the career-plan report and a meeting's one-page brief
(PDF, docs/report.md). Reading them changes nothing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from nextmove.services import meeting_brief
from nextmove.services import report as report_service
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.meeting_view import MAX_ID

router = APIRouter(include_in_schema=False)

PLAN_NAME_MAX = 60


def pdf_response(data: bytes, filename: str) -> Response:
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",  # it holds your plan and other people's names
        },
    )


@router.get("/report.pdf", summary="Your career-plan report (PDF)")
def report_pdf(
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
    plan: Annotated[str | None, Query(max_length=PLAN_NAME_MAX)] = None,
    private: bool = False,
) -> Response:
    data = report_service.report_pdf(
        db, settings=settings, today=today, now=now, plan=plan or None, private=private
    )
    suffix = "-private" if private else ""
    return pdf_response(data, f"career-plan-{today}{suffix}.pdf")


@router.get("/meetings/{meeting_id}/brief.pdf", summary="A meeting's one-page brief (PDF)")
def brief_pdf(
    meeting_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
) -> Response:
    data = meeting_brief.brief_pdf(db, meeting_id, settings=settings, today=today)
    return pdf_response(data, f"meeting-{meeting_id}-brief.pdf")
