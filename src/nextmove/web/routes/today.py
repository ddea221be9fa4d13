"""Today: the vision check and journal highlights (the digest arrives with issue 5)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextmove.domain.check import weaknesses
from nextmove.services import vision as vision_service
from nextmove.web.charts import energy_by_day
from nextmove.web.deps import DbDep, TodayDep
from nextmove.web.render import render

router = APIRouter(include_in_schema=False)

HIGHLIGHT_DAYS = 14


@router.get("/", response_class=HTMLResponse, summary="Today")
def today_page(request: Request, db: DbDep, today: TodayDep) -> HTMLResponse:
    vision = vision_service.get_vision(db)
    findings = vision_service.run_check(db, today=today)
    start, end = vision_service.journal_window(today, HIGHLIGHT_DAYS)
    entries = vision_service.list_journal(db, start=start, end=end)
    summary = vision_service.summarize(db, today=today, days=HIGHLIGHT_DAYS, limit=3)
    return render(
        request,
        "today.html",
        today=today,
        vision=vision,
        findings=findings,
        weak=weaknesses(findings),
        summary=summary,
        chart=energy_by_day(entries, start=start, end=end),
        highlight_days=HIGHLIGHT_DAYS,
    )
