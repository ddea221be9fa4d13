"""Counts across every employee's workspace, for an internal-mobility program's figures.

These statements run in a session over all workspaces (`Database.session(all_workspaces=True)`)
and return numbers only — how many workspaces, per month — never a row of anyone's plan,
meetings, notes, journal or contacts. An employee is an enabled account with the role
member; a workspace counts through its account."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, distinct, exists, func, select
from sqlalchemy.orm import Session

from nextmove.store.account_models import Account
from nextmove.store.directory_models import DirectorySnapshot, Organization
from nextmove.store.meeting_models import Meeting
from nextmove.store.models import Plan, VisionStep

EMPLOYEE = "member"


def _employees() -> ColumnElement[bool]:
    return and_(Account.role == EMPLOYEE, Account.disabled.is_(False))


def employees(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Account).where(_employees())) or 0)


def employees_with_a_plan(session: Session) -> int:
    """Employees whose main plan names its next job (a step with a title)."""
    step = exists().where(
        VisionStep.workspace_id == Plan.workspace_id,
        VisionStep.plan_id == Plan.id,
        VisionStep.position == 0,
        func.length(func.trim(VisionStep.title)) > 0,
    )
    query = (
        select(func.count(distinct(Account.id)))
        .select_from(Account)
        .join(Plan, and_(Plan.workspace_id == Account.workspace_id, Plan.rank == 0))
        .where(_employees(), step)
    )
    return int(session.scalar(query) or 0)


def research_meetings_held(session: Session, *, since: date, until: date) -> list[tuple[date, int]]:
    """(day held, workspace id) of each research meeting employees held in [since, until]:
    the caller counts them per month without keeping them."""
    rows = session.execute(
        select(Meeting.held_on, Meeting.workspace_id)
        .join(Account, Account.workspace_id == Meeting.workspace_id)
        .where(
            _employees(),
            Meeting.kind == "research",
            Meeting.held_on.is_not(None),
            Meeting.held_on >= since,
            Meeting.held_on <= until,
        )
    )
    return [(r[0], int(r[1])) for r in rows if r[0] is not None]


@dataclass(frozen=True, slots=True)
class SnapshotCounts:
    organization: str
    number: int
    taken_on: date
    members: int
    joiners: int
    leavers: int
    moves: int
    title_changes: int


def snapshot_counts(session: Session, organization_ids: Iterable[int]) -> list[SnapshotCounts]:
    """Each complete snapshot of the organizations, oldest first, with what changed since the
    one before (counted at import)."""
    ids = list(organization_ids)
    if not ids:
        return []
    rows = session.execute(
        select(DirectorySnapshot, Organization.name)
        .join(Organization, Organization.id == DirectorySnapshot.organization_id)
        .where(DirectorySnapshot.organization_id.in_(ids), DirectorySnapshot.status == "complete")
        .order_by(Organization.name, DirectorySnapshot.number)
    ).all()
    return [
        SnapshotCounts(
            name, s.number, s.taken_on, s.members, s.joiners, s.leavers, s.moves, s.title_changes
        )
        for s, name in rows
    ]
