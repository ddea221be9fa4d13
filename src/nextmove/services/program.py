"""An internal-mobility program's figures, for its admin: aggregate and anonymous only.

What an admin sees: how many employees the program has and how many have a plan (their next
job named), research meetings held per month (and by how many people), and what the shared
directory's snapshots show changed (joiners, leavers, internal moves, new titles). Never a
person's plan, notes, journal, meetings or contacts; nothing that names or points at anyone.

Small groups identify people, so a figure that counts fewer than MIN_GROUP people is not
shown (None): a month in which fewer than five people held meetings shows neither its
meetings nor its people; a snapshot's 1–4 movers are "fewer than 5". A program with fewer
than five employees shows nothing but that."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from nextmove.errors import AccessDenied
from nextmove.services.accounts import AccountInfo
from nextmove.store import directory as directory_repo
from nextmove.store import program as repo
from nextmove.store.db import Database

MIN_GROUP = 5
MONTHS = 12
ADMIN = "admin"


def shown(count: int) -> int | None:
    """A count of people as the program may show it: None for 1–4 (0 says nothing of anyone)."""
    return None if 0 < count < MIN_GROUP else count


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str  # "2026-11"
    meetings: int | None
    people: int | None

    @property
    def label(self) -> str:
        """ "Nov 2026"."""
        return date(int(self.month[:4]), int(self.month[5:]), 1).strftime("%b %Y")


@dataclass(frozen=True, slots=True)
class SnapshotFigures:
    organization: str
    number: int
    taken_on: date
    members: int | None
    joiners: int | None
    leavers: int | None
    moves: int | None
    title_changes: int | None


@dataclass(frozen=True, slots=True)
class ProgramFigures:
    as_of: date
    min_group: int
    employees: int | None
    with_plan: int | None
    months: list[MonthFigures]
    snapshots: list[SnapshotFigures]

    @property
    def too_small(self) -> bool:
        return self.employees is None


def _months(today: date, count: int) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    out = []
    for _ in range(count):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(out))


def check_admin(account: AccountInfo) -> None:
    if account.role != ADMIN:
        raise AccessDenied(
            "only a program admin sees the program's figures",
            hint="An admin account is created with `nextmove admin create-user … --role admin`.",
        )


def program_figures(db: Database, admin: AccountInfo, *, today: date) -> ProgramFigures:
    """The program's figures as of `today` (the last MONTHS months of meetings)."""
    check_admin(admin)
    months = _months(today, MONTHS)
    since = date(months[0][0], months[0][1], 1)
    with db.session(all_workspaces=True) as session:
        employees = repo.employees(session)
        if shown(employees) is None:
            return ProgramFigures(today, MIN_GROUP, None, None, [], [])
        with_plan = repo.employees_with_a_plan(session)
        held = repo.research_meetings_held(session, since=since, until=today)
        orgs = directory_repo.organization_ids_of(session, admin.workspace_id)
        snapshots = repo.snapshot_counts(session, orgs)
    meetings: dict[tuple[int, int], int] = defaultdict(int)
    people: dict[tuple[int, int], set[int]] = defaultdict(set)
    for day, workspace in held:
        meetings[(day.year, day.month)] += 1
        people[(day.year, day.month)].add(workspace)
    month_figures = []
    for key in months:
        group = len(people[key])
        hidden = shown(group) is None
        month_figures.append(
            MonthFigures(
                f"{key[0]:04d}-{key[1]:02d}",
                None if hidden else meetings[key],
                None if hidden else group,
            )
        )
    return ProgramFigures(
        as_of=today,
        min_group=MIN_GROUP,
        employees=employees,
        with_plan=shown(with_plan),
        months=month_figures,
        snapshots=[
            SnapshotFigures(
                s.organization,
                s.number,
                s.taken_on,
                shown(s.members),
                shown(s.joiners),
                shown(s.leavers),
                shown(s.moves),
                shown(s.title_changes),
            )
            for s in snapshots
        ],
    )
