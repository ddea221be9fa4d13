"""A coach's dashboard: each client with the figures a coach asks about first (plan check,
round progress, meetings this week, replies awaited, last activity), stalled clients first.
The counts are read for all clients at once; the plan check, through the same service the
client's own pages use, is kept per client until their workspace changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nextmove.config import Settings
from nextmove.services import ranking_cache
from nextmove.services.accounts import AccountInfo
from nextmove.services.coaching import clients_of_coach
from nextmove.services.workspace import Workspace
from nextmove.store import activity as activity_repo
from nextmove.store.db import Database

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
    name; each with the figures a coach asks about first.

    The counts are read for all clients at once (a few grouped queries, limited to the
    workspaces the coach's grants name); each client's plan check is kept per client and
    worked out again only for a client whose workspace changed since (services/
    ranking_cache.py) — so a dashboard of 30 clients costs a handful of queries."""
    grants = clients_of_coach(db, coach_id)
    ids = [grant.client.workspace_id for grant in grants]
    zone = ZoneInfo(settings.timezone)
    week_start = datetime.combine(today, time(0), zone).astimezone(UTC)
    week_end = datetime.combine(today + timedelta(days=7), time(0), zone).astimezone(UTC)
    with db.session(all_workspaces=True) as session:
        figures = activity_repo.figures_of(session, ids, week_start=week_start, week_end=week_end)
        states = ranking_cache.states_of(session, db, ids)
    lines = []
    for grant in grants:
        ws = grant.client.workspace_id
        found = figures[ws]
        last = found.last_activity
        lines.append(
            ClientOverview(
                client=grant.client,
                workspace_id=ws,
                access=grant.access,
                granted_at=grant.created_at,
                stalled=last is None or now - last > timedelta(days=STALLED_AFTER_DAYS),
                plan_check=ranking_cache.remembered(
                    states.get(ws),
                    ("plan check", today),
                    lambda ws=ws: plan_check(Workspace(db, ws), today=today),  # type: ignore[misc]
                ),
                round=(
                    f"{found.round_held} of {found.round_size} held"
                    if found.round_size is not None
                    else None
                ),
                meetings_this_week=found.meetings_this_week,
                replies_awaited=found.replies_awaited,
                last_activity=last,
            )
        )
    return sorted(lines, key=lambda c: (not c.stalled, c.client.name.lower()))


def plan_check(workspace: Workspace, *, today: date) -> str:
    """The plan check in a few words: "no plan yet", "2 weaknesses", "no weaknesses"."""
    from nextmove.services import vision

    main = vision.run_plan_checks(workspace, today=today)[0]
    if not main.plan.steps:
        return "no plan yet"
    weaknesses = sum(1 for f in main.findings if f.severity == "weakness")
    if weaknesses:
        return f"{weaknesses} weakness{'es' if weaknesses != 1 else ''}"
    return "no weaknesses"
