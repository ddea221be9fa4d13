"""A coach's dashboard figures for all their clients' workspaces at once: the latest round's
progress, meetings this week, replies awaited, and the last activity (the latest write to
the journal, the meetings, the plans or the position)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nextmove.store.meeting_models import Meeting, ResearchRound
from nextmove.store.models import JournalEntry, Plan, Profile


@dataclass(slots=True)
class WorkspaceFigures:
    """A coach's dashboard line for one client workspace, as the store counts it."""

    round_size: int | None = None  # the latest round's planned size; None: no round yet
    round_held: int = 0  # its meetings held (or followed up)
    meetings_this_week: int = 0  # scheduled to start within [week_start, week_end)
    replies_awaited: int = 0  # requests sent, no answer yet
    last_activity: datetime | None = None


HELD_STATES = ("held", "followed-up")


def figures_of(
    session: Session, workspace_ids: Sequence[int], *, week_start: datetime, week_end: datetime
) -> dict[int, WorkspaceFigures]:
    """Each workspace's dashboard figures, read for all of them at once (a few grouped
    queries, whatever their number). The session must be one on every workspace; each query
    names the workspaces it counts."""
    ids = list(workspace_ids)
    out = {ws: WorkspaceFigures() for ws in ids}
    if not ids:
        return out
    meeting = Meeting
    awaited = session.execute(
        select(meeting.workspace_id, func.count())
        .where(meeting.workspace_id.in_(ids), meeting.state == "requested")
        .group_by(meeting.workspace_id)
    )
    for ws, count in awaited:
        out[ws].replies_awaited = count
    soon = session.execute(
        select(meeting.workspace_id, func.count())
        .where(
            meeting.workspace_id.in_(ids),
            meeting.state == "scheduled",
            meeting.starts_at >= week_start,
            meeting.starts_at < week_end,
        )
        .group_by(meeting.workspace_id)
    )
    for ws, count in soon:
        out[ws].meetings_this_week = count
    latest = (
        select(ResearchRound.workspace_id, func.max(ResearchRound.id).label("id"))
        .where(ResearchRound.workspace_id.in_(ids))
        .group_by(ResearchRound.workspace_id)
        .subquery()
    )
    rounds = session.execute(
        select(ResearchRound.workspace_id, ResearchRound.size)
        .join(
            latest,
            (latest.c.workspace_id == ResearchRound.workspace_id)
            & (latest.c.id == ResearchRound.id),
        )
        .where(ResearchRound.workspace_id.in_(ids))
    )
    for ws, size in rounds:
        out[ws].round_size = size
    held = session.execute(
        select(meeting.workspace_id, func.count())
        .join(
            latest,
            (latest.c.workspace_id == meeting.workspace_id) & (latest.c.id == meeting.round_id),
        )
        .where(meeting.workspace_id.in_(ids), meeting.state.in_(HELD_STATES))
        .group_by(meeting.workspace_id)
    )
    for ws, count in held:
        out[ws].round_held = count
    for table, column in (
        (JournalEntry, JournalEntry.created_at),
        (Meeting, Meeting.updated_at),
        (Plan, Plan.updated_at),
        (Profile, Profile.updated_at),
    ):
        for ws, at in session.execute(
            select(table.workspace_id, func.max(column))
            .where(table.workspace_id.in_(ids))
            .group_by(table.workspace_id)
        ):
            last = out[ws].last_activity
            if at is not None and (last is None or at > last):
                out[ws].last_activity = at
    return out
