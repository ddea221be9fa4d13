"""Today: the daily digest (meetings, replies awaited, thank-yous and follow-ups, advisors and
contacts due, the round, who to reach out to next), the vision check and journal highlights."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextmove.domain.check import weaknesses
from nextmove.services import today as today_service
from nextmove.services import vision as vision_service
from nextmove.web.charts import energy_by_day
from nextmove.web.clock import moment
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.render import render

router = APIRouter(include_in_schema=False)

HIGHLIGHT_DAYS = 14
CONTACTS_SHOWN = 5
GUIDE_LINKS = {
    "you": ("/vision/edit#f-me", "Say where you stand"),
    "plan": ("/vision/edit#step-0", "Write your plan"),
    "people": ("/import", "Import your network"),
    "meet": ("/suggestions", "See whom to meet"),
}


@router.get("/", response_class=HTMLResponse, summary="Today")
def today_page(
    request: Request, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> HTMLResponse:
    vision = vision_service.get_vision(db)
    findings = vision_service.run_check(db, today=today)
    start, end = vision_service.journal_window(today, HIGHLIGHT_DAYS)
    entries = vision_service.list_journal(db, start=start, end=end)
    summary = vision_service.summarize(db, today=today, days=HIGHLIGHT_DAYS, limit=3)
    digest = today_service.build_digest(
        db, settings=settings, today=today, now=moment(today, now, settings.timezone)
    )
    guide = today_service.first_run_guide(db, vision)
    zone = ZoneInfo(settings.timezone)

    def local(at: datetime) -> datetime:
        return at.astimezone(zone)

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
        digest=digest,
        local=local,
        timezone=settings.timezone,
        nudge_after_days=settings.nudge_after_days,
        contacts_shown=CONTACTS_SHOWN,
        guide=guide,
        guide_open=not all(step.done for step in guide),
        guide_links=GUIDE_LINKS,
        guide_next=next((step.key for step in guide if not step.done), None),
    )
