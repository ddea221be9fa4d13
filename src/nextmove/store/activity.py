"""When a workspace was last written to: what a coach's dashboard calls the client's last
activity (a journal entry, a meeting, the plan, the position)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nextmove.store.meeting_models import Meeting
from nextmove.store.models import JournalEntry, Plan, Profile


def last_written_at(session: Session) -> datetime | None:
    """The latest write to the journal, the meetings, the plans or the position of the
    session's workspace; None when nothing was ever written."""
    times = [
        session.scalar(select(func.max(JournalEntry.created_at))),
        session.scalar(select(func.max(Meeting.updated_at))),
        session.scalar(select(func.max(Plan.updated_at))),
        session.scalar(select(func.max(Profile.updated_at))),
    ]
    found = [t for t in times if t is not None]
    return max(found) if found else None
