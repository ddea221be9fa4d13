"""Journal: log activities, see what energizes and drains you, as lists and charts."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.domain.journal import JournalEntry
from nextmove.services import vision as vision_service
from nextmove.web.charts import energy_by_day, tally_bars
from nextmove.web.deps import DbDep, FormDep, NowDep, TodayDep
from nextmove.web.forms import JournalForm, journal_input_from_form
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

WINDOWS = (7, 30, 90, 365)
LIST_LIMIT = 25  # entries shown before "show all"
Days = Annotated[int, Query(ge=1, le=3660, description="How many days back.")]


def _page(
    request: Request,
    db: DbDep,
    today: date,
    days: int,
    form: JournalForm,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    start, end = vision_service.journal_window(today, days)
    entries = vision_service.list_journal(db, start=start, end=end)
    summary = vision_service.summarize(db, today=today, days=days, limit=5)
    added = request.query_params.get("added")
    show_all = request.query_params.get("all") == "1"
    return render(
        request,
        "journal.html",
        status_code=status_code,
        today=today,
        days=days,
        windows=WINDOWS,
        form=form,
        entries=list(reversed(entries))[: None if show_all else LIST_LIMIT],
        total_entries=len(entries),
        show_all=show_all,
        summary=summary,
        chart=energy_by_day(entries, start=start, end=end),
        energizing=tally_bars(summary.energizing, positive=True),
        draining=tally_bars(summary.draining, positive=False),
        added=int(added) if added and added.isdigit() else None,
        deleted=request.query_params.get("deleted"),
    )


@router.get("/journal", response_class=HTMLResponse, summary="Journal")
def journal_page(request: Request, db: DbDep, today: TodayDep, days: Days = 30) -> HTMLResponse:
    return _page(request, db, today, days, JournalForm.blank(today))


@router.post("/journal", response_class=HTMLResponse, summary="Log an activity")
def add_entry(
    request: Request, posted: FormDep, db: DbDep, today: TodayDep, now: NowDep, days: Days = 30
) -> Response:
    data, form = journal_input_from_form(posted)
    if data is None:
        return _page(request, db, today, days, form, status_code=400)
    entry = vision_service.add_journal_entry(
        db,
        JournalEntry(
            day=data.day,
            activity=data.activity,
            energy=data.energy,
            engagement=data.engagement,
            flow=data.flow,
            themes=data.themes,
            note=data.note,
        ),
        now=now,
    )
    target = link_for(request, "/journal", added=entry.id, days=days if days != 30 else None)
    return RedirectResponse(f"{target}#entry-{entry.id}", status_code=303)


@router.post("/journal/{entry_id}/delete", summary="Delete a journal entry")
def delete_entry(
    request: Request,
    entry_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    db: DbDep,
) -> Response:
    vision_service.delete_journal_entry(db, entry_id)
    return RedirectResponse(link_for(request, "/journal", deleted=entry_id), status_code=303)
