"""/api/journal: entries and the summary of what energizes and drains."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from nextmove.domain.journal import JournalEntry
from nextmove.formats.json_shapes import journal_entry_json, journal_summary_json
from nextmove.formats.schemas.core import (
    ErrorPublic,
    JournalEntryCreate,
    JournalEntryPublic,
    JournalSummaryPublic,
)
from nextmove.services import vision as vision_service
from nextmove.web.deps import DbDep, NowDep, TodayDep

router = APIRouter(prefix="/journal", tags=["journal"])

Days = Annotated[int, Query(ge=1, le=3660, description="How many days back from as_of.")]
EntryId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The entry's id.")]


@router.get(
    "/entries", response_model=list[JournalEntryPublic], summary="Entries of the last N days"
)
def list_entries(db: DbDep, today: TodayDep, days: Days = 30) -> list[JournalEntryPublic]:
    start, end = vision_service.journal_window(today, days)
    return [journal_entry_json(e) for e in vision_service.list_journal(db, start=start, end=end)]


@router.post(
    "/entries",
    response_model=JournalEntryPublic,
    status_code=201,
    summary="Log an activity",
    responses={400: {"model": ErrorPublic, "description": "A field is not valid."}},
)
def add_entry(
    body: JournalEntryCreate, db: DbDep, today: TodayDep, now: NowDep
) -> JournalEntryPublic:
    entry = vision_service.add_journal_entry(
        db,
        JournalEntry(
            day=body.date or today,
            activity=body.activity,
            energy=body.energy,
            engagement=body.engagement,
            flow=body.flow,
            themes=list(body.themes),
            note=body.note,
        ),
        now=now,
    )
    return journal_entry_json(entry)


@router.delete(
    "/entries/{entry_id}",
    status_code=204,
    summary="Delete an entry",
    responses={404: {"model": ErrorPublic, "description": "No such entry."}},
)
def delete_entry(entry_id: EntryId, db: DbDep) -> Response:
    vision_service.delete_journal_entry(db, entry_id)
    return Response(status_code=204)


@router.get("/summary", response_model=JournalSummaryPublic, summary="What energizes and drains")
def get_summary(
    db: DbDep,
    today: TodayDep,
    days: Days = 30,
    limit: Annotated[int, Query(ge=1, le=100, description="Items per list.")] = 5,
) -> JournalSummaryPublic:
    summary = vision_service.summarize(db, today=today, days=days, limit=limit)
    return journal_summary_json(summary)
