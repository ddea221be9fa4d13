"""A coach's dashboard: each client with the figures a coach asks about first (plan check,
round progress, meetings this week, replies awaited, last activity), stalled clients first.
Each client's figures are read in that client's workspace, through the same services their
own pages use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from nextmove.config import Settings
from nextmove.services.accounts import AccountInfo
from nextmove.services.coaching import GrantInfo, clients_of_coach
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store.db import Database
from nextmove.store.meeting_models import Meeting as MeetingRow
from nextmove.store.models import JournalEntry, Plan, Profile

STALLED_AFTER_DAYS = 14


@dataclass(frozen=True, slots=True)
class ClientOverview:
    """One line of a coach's dashboard."""

    client: AccountInfo
    workspace_id: int
    access: str
    granted_at: datetime
    stalled: bool
    plan_check: str | None
    round: str | None
    meetings_this_week: int | None
    replies_awaited: int | None
    last_activity: datetime | None


def client_overview(
    db: Database, coach_id: int, *, settings: Settings, today: date, now: datetime
) -> list[ClientOverview]:
    """The coach's clients, stalled first (nothing done for STALLED_AFTER_DAYS), then by
    name; each with the figures a coach asks about first, read in the client's workspace."""
    lines = [
        _overview(db, grant, settings=settings, today=today, now=now)
        for grant in clients_of_coach(db, coach_id)
    ]
    return sorted(lines, key=lambda c: (not c.stalled, c.client.name.lower()))


def _overview(
    db: Database, grant: GrantInfo, *, settings: Settings, today: date, now: datetime
) -> ClientOverview:
    from nextmove.services import meeting_rounds, meetings, vision

    workspace = client_workspace(db, grant.client.workspace_id)
    findings = vision.run_check(workspace, today=today)
    has_plan = bool(vision.get_vision(workspace).steps)
    weaknesses = sum(1 for f in findings if f.severity == "weakness")
    if not has_plan:
        plan_check = "no plan yet"
    elif weaknesses:
        plan_check = f"{weaknesses} weakness{'es' if weaknesses != 1 else ''}"
    else:
        plan_check = "no weaknesses"
    round_text = None
    round_id = meeting_rounds.current_round_id(workspace)
    if round_id is not None:
        progress = meeting_rounds.round_progress(workspace, round_id)
        round_text = f"{progress.totals.get('held', 0)} of {progress.size} held"
    tz = ZoneInfo(settings.timezone)
    week_end = today + timedelta(days=7)
    this_week = sum(
        1
        for m in meetings.list_meetings(workspace, state="scheduled")
        if m.starts_at is not None and today <= m.starts_at.astimezone(tz).date() < week_end
    )
    awaited = len(meetings.list_meetings(workspace, state="requested"))
    last = last_activity(workspace)
    stalled = last is None or now - last > timedelta(days=STALLED_AFTER_DAYS)
    return ClientOverview(
        client=grant.client,
        workspace_id=grant.client.workspace_id,
        access=grant.access,
        granted_at=grant.created_at,
        stalled=stalled,
        plan_check=plan_check,
        round=round_text,
        meetings_this_week=this_week,
        replies_awaited=awaited,
        last_activity=last,
    )


def client_workspace(db: Database, workspace_id: int) -> Workspace:
    """The client's workspace, for the services to read."""
    return open_workspace(db, workspace_id=workspace_id)


def last_activity(workspace: Workspace) -> datetime | None:
    """When the client last wrote anything: a journal entry, a meeting, their plan."""
    with workspace.session() as session:
        times = [
            session.scalar(select(func.max(JournalEntry.created_at))),
            session.scalar(select(func.max(MeetingRow.updated_at))),
            session.scalar(select(func.max(Plan.updated_at))),
            session.scalar(select(func.max(Profile.updated_at))),
        ]
    found = [t for t in times if t is not None]
    return max(found) if found else None
