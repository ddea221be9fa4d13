"""org-chart people into the directory

A database written before the directory kept an organization's chart as person rows. For each
workspace and organization whose chart was imported that way (people with an employee id
placed by an org-chart import, none linked to the directory yet), this writes the chart into
the directory as snapshot 1 — the organization (one row per normalised name, shared), the
snapshot (the import's file and day), a member per person (title, level, function,
department, manager's employee id, city, e-mail, depth) and the managers' team sizes — links
the workspace to the organization and every one of those people to their member.

Then the people who were only ever on the chart move into the directory: no dealings (no
meeting, interaction, tie but the chart's own, note, tier, tag, board seat, referral,
opportunity link, employment history, contact source but the chart, not "me") and nothing
the directory cannot hold (phones, links, LinkedIn address, flags, dates, more than one
e-mail, a name split otherwise than the chart's page splits it) — their person rows go, and
they are found as members from then on. Everyone else stays, linked. Nothing a user saw is
lost: a person is moved only when the member shows all of it.

An industry is the organization's, not each member's: `organization.industry` (added here)
takes the industry every chart person of the organization shares (0.1's demo stamped
"healthcare software" on each), and members' pages show it; a person whose industry differs
stays.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 22:50:00
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from nextmove.domain.people import split_name

revision = "0011"
# Merges the directory (0008) and accounts (0010) lines: the lead may re-chain it.
down_revision = "0010"
branch_labels = None
depends_on = None

# Tables whose rows about a person are the chart's own, not dealings with them.
CHART_TABLES = {"person", "org_position", "person_email", "person_source", "tie"}
CHART_TIES = ("orgchart-manager", "orgchart-report", "same-team")
INDUSTRY_LENGTH = 200


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)[:19]).date()


def _json_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return list(json.loads(value) or [])
    return list(value)


def upgrade() -> None:
    op.add_column(
        "organization",
        sa.Column("industry", sa.String(length=INDUSTRY_LENGTH), server_default="", nullable=False),
    )
    bind = op.get_bind()
    now = datetime.now(UTC)
    chart_people = bind.execute(
        sa.text(
            "SELECT p.workspace_id, p.id, p.name, p.title, p.level, p.function, p.department, "
            "p.city, p.email, p.organization, p.org_key, p.employee_id, p.manager_id, "
            "p.org_import_id, p.industry, pos.depth "
            "FROM person p LEFT JOIN org_position pos "
            "ON pos.workspace_id = p.workspace_id AND pos.person_id = p.id "
            "WHERE p.employee_id IS NOT NULL AND p.org_import_id IS NOT NULL "
            "AND p.org_key <> '' AND p.directory_org_id IS NULL "
            "ORDER BY p.workspace_id, p.org_key, p.id"
        )
    ).all()
    groups: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for row in chart_people:
        groups[(row.workspace_id, row.org_key)].append(row)
    moved: list[tuple[int, int]] = []
    for (workspace_id, key), rows in groups.items():
        org_id = _organization(bind, key, rows, now)
        if org_id is None:
            continue  # the directory holds this organization's chart already
        industry = _industry(bind, org_id, rows)
        snap_id = _snapshot(bind, workspace_id, org_id, rows, now)
        by_person = {r.id: r for r in rows}
        seen: set[str] = set()
        members = []
        for r in rows:
            if r.employee_id in seen:
                continue
            seen.add(r.employee_id)
            boss = by_person.get(r.manager_id) if r.manager_id is not None else None
            members.append(
                {
                    "o": org_id,
                    "e": r.employee_id,
                    "s": snap_id,
                    "name": r.name,
                    "title": r.title or "",
                    "level": r.level,
                    "function": r.function,
                    "department": r.department or "",
                    "manager": boss.employee_id if boss is not None else None,
                    "city": r.city or "",
                    "email": r.email,
                    "depth": r.depth if r.depth is not None else 0,
                }
            )
        bind.execute(
            sa.text(
                "INSERT INTO directory_member (organization_id, employee_id, since_snapshot, "
                "until_snapshot, name, title, level, function, department, "
                "manager_employee_id, city, email, depth) VALUES (:o, :e, :s, NULL, :name, "
                ":title, :level, :function, :department, :manager, :city, :email, :depth)"
            ),
            members,
        )
        _team_sizes(bind, org_id, snap_id, members)
        bind.execute(
            sa.text("UPDATE directory_snapshot SET members = :n, joiners = :n WHERE id = :s"),
            {"n": len(members), "s": snap_id},
        )
        bind.execute(
            sa.text("UPDATE organization SET current_snapshot_id = :s WHERE id = :o"),
            {"s": snap_id, "o": org_id},
        )
        exists = bind.execute(
            sa.text(
                "SELECT 1 FROM workspace_organization WHERE workspace_id = :w "
                "AND organization_id = :o"
            ),
            {"w": workspace_id, "o": org_id},
        ).first()
        if exists is None:
            bind.execute(
                sa.text(
                    "INSERT INTO workspace_organization (workspace_id, organization_id, "
                    "linked_at) VALUES (:w, :o, :t)"
                ),
                {"w": workspace_id, "o": org_id, "t": now},
            )
        bind.execute(
            sa.text(
                "UPDATE person SET directory_org_id = :o, directory_employee_id = :e "
                "WHERE workspace_id = :w AND id = :p"
            ),
            [{"o": org_id, "e": r.employee_id, "w": workspace_id, "p": r.id} for r in rows],
        )
        moved += [
            (workspace_id, pid) for pid in _only_on_the_chart(bind, workspace_id, rows, industry)
        ]
    _remove(bind, moved)


def _organization(bind: Any, key: str, rows: list[Any], now: datetime) -> int | None:
    found = bind.execute(
        sa.text("SELECT id, current_snapshot_id FROM organization WHERE key = :k"), {"k": key}
    ).first()
    if found is not None:
        return None if found.current_snapshot_id is not None else int(found.id)
    name = max((r.organization for r in rows if r.organization), key=len, default=key)
    return int(
        bind.execute(
            sa.text(
                "INSERT INTO organization (key, name, created_at) VALUES (:k, :n, :t) RETURNING id"
            ),
            {"k": key, "n": name[:200], "t": now},
        ).scalar_one()
    )


def _industry(bind: Any, org_id: int, rows: list[Any]) -> str:
    """The industry every one of the organization's chart people shares, written to the
    organization when it has none yet ("" when they differ or have none)."""
    found = {(r.industry or "").strip() for r in rows}
    if len(found) != 1:
        return ""
    industry = found.pop()
    if not industry or len(industry) > INDUSTRY_LENGTH:
        return ""
    bind.execute(
        sa.text("UPDATE organization SET industry = :i WHERE id = :o AND industry = ''"),
        {"i": industry, "o": org_id},
    )
    return str(
        bind.execute(
            sa.text("SELECT industry FROM organization WHERE id = :o"), {"o": org_id}
        ).scalar_one()
    )


def _snapshot(bind: Any, workspace_id: int, org_id: int, rows: list[Any], now: datetime) -> int:
    """Snapshot 1 from the org-chart import most of the people came from."""
    counts: dict[int, int] = defaultdict(int)
    for r in rows:
        counts[r.org_import_id] += 1
    import_id = max(counts, key=lambda i: (counts[i], i))
    run = bind.execute(
        sa.text("SELECT file, started_at FROM import_run WHERE workspace_id = :w AND id = :i"),
        {"w": workspace_id, "i": import_id},
    ).first()
    file = (run.file if run is not None else "") or "org chart"
    started = run.started_at if run is not None else now
    number = bind.execute(
        sa.text(
            "SELECT coalesce(max(number), 0) + 1 FROM directory_snapshot WHERE organization_id = :o"
        ),
        {"o": org_id},
    ).scalar_one()
    return int(
        bind.execute(
            sa.text(
                "INSERT INTO directory_snapshot (organization_id, number, file, taken_on, "
                "imported_at, status, members, joiners, leavers, moves, title_changes) "
                "VALUES (:o, :n, :f, :d, :t, 'complete', 0, 0, 0, 0, 0) RETURNING id"
            ),
            {
                "o": org_id,
                "n": number,
                "f": file.replace("\\", "/").rsplit("/", 1)[-1][:255],
                "d": _day(started),
                "t": started if isinstance(started, datetime) else now,
            },
        ).scalar_one()
    )


def _team_sizes(bind: Any, org_id: int, snap_id: int, members: list[dict[str, Any]]) -> None:
    reports: dict[str, list[str]] = defaultdict(list)
    for m in members:
        if m["manager"] is not None:
            reports[m["manager"]].append(m["e"])
    sizes: dict[str, int] = {}

    def size(emp: str, path: frozenset[str] = frozenset()) -> int:
        if emp in sizes:
            return sizes[emp]
        if emp in path:
            return 0  # a cycle: the chart was refused such, but never loop
        total = sum(1 + size(r, path | {emp}) for r in reports.get(emp, ()))
        sizes[emp] = total
        return total

    rows = [
        {"o": org_id, "m": emp, "s": snap_id, "d": len(below), "n": size(emp)}
        for emp, below in reports.items()
    ]
    if rows:
        bind.execute(
            sa.text(
                "INSERT INTO directory_team_size (organization_id, manager_employee_id, "
                "snapshot_id, direct, size) VALUES (:o, :m, :s, :d, :n)"
            ),
            rows,
        )


def _only_on_the_chart(bind: Any, workspace_id: int, rows: list[Any], industry: str) -> list[int]:
    """Those of these people who were only ever on the chart, and whose page the member
    shows in full (the organization's `industry` stands for theirs)."""
    ids = {r.id for r in rows}
    org_of = {r.id: r.organization for r in rows}
    keep: set[int] = set()
    me = bind.execute(
        sa.text("SELECT person_id FROM profile WHERE workspace_id = :w"), {"w": workspace_id}
    ).scalars()
    keep.update(p for p in me if p is not None)
    details = bind.execute(
        sa.text(
            "SELECT id, name, first_name, last_name, email, emails, phones, links, tags, "
            "profile_url, industry, how_known, known_since, "
            "tier, notes, offered_help, navigated_transition, peer, changed_jobs_on, "
            "last_contact, level_source, function_source FROM person WHERE workspace_id = :w "
            "AND org_import_id IS NOT NULL AND employee_id IS NOT NULL"
        ),
        {"w": workspace_id},
    )
    for d in details:
        if d.id not in ids:
            continue
        own = (
            _json_list(d.phones)
            or _json_list(d.links)
            or _json_list(d.tags)
            or d.profile_url
            or (d.industry or "").strip() not in ("", industry)
            or (d.first_name or "", d.last_name or "") not in (("", ""), split_name(d.name))
            or _json_list(d.emails) not in ([], [{"value": d.email, "label": "work"}])
            or (d.how_known or "") not in ("", f"{org_of[d.id]} org chart")
            or d.known_since is not None
            or d.tier
            or (d.notes or "")
            or d.offered_help
            or d.navigated_transition
            or d.peer
            or d.changed_jobs_on is not None
            or d.last_contact is not None
            or d.level_source == "user"
            or d.function_source == "user"
        )
        if own:
            keep.add(d.id)
    metadata = sa.MetaData()
    metadata.reflect(bind)
    for table in metadata.sorted_tables:
        if table.name in CHART_TABLES or "workspace_id" not in table.c:
            continue
        for fk in table.foreign_key_constraints:
            if fk.referred_table.name != "person":
                continue
            for column in fk.columns:
                if column.name == "workspace_id":
                    continue
                keep.update(
                    bind.execute(
                        sa.select(column).where(
                            table.c.workspace_id == workspace_id, column.is_not(None)
                        )
                    ).scalars()
                )
    keep.update(
        bind.execute(
            sa.text(
                "SELECT person_id FROM person_source WHERE workspace_id = :w AND kind <> 'orgchart'"
            ),
            {"w": workspace_id},
        ).scalars()
    )
    for a, b in bind.execute(
        sa.text(
            "SELECT person_id, other_id FROM tie WHERE workspace_id = :w "
            "AND source NOT IN ('orgchart-manager', 'orgchart-report', 'same-team')"
        ),
        {"w": workspace_id},
    ):
        keep.update((a, b))
    return sorted(ids - keep)


def _remove(bind: Any, moved: list[tuple[int, int]]) -> None:
    """The moved people's rows go; the rows that were only the chart's go with them."""
    if not moved:
        return
    params = [{"w": w, "p": p} for w, p in moved]
    for statement in (
        "DELETE FROM tie WHERE workspace_id = :w AND (person_id = :p OR other_id = :p)",
        "DELETE FROM person_source WHERE workspace_id = :w AND person_id = :p",
        "DELETE FROM person_email WHERE workspace_id = :w AND person_id = :p",
        "DELETE FROM org_position WHERE workspace_id = :w AND person_id = :p",
        "UPDATE person SET manager_id = NULL WHERE workspace_id = :w AND manager_id = :p",
        "DELETE FROM person WHERE workspace_id = :w AND id = :p",
    ):
        bind.execute(sa.text(statement), params)


def downgrade() -> None:
    # The directory's tables go in 0008's downgrade; the people moved into it are not
    # brought back as person rows (their chart is in the directory until then).
    # On SQLite, in place rather than a batch (copy, drop, rename): dropping the old table
    # would cascade to the workspaces' links to it (3.35 on).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE organization DROP COLUMN industry")
    else:
        op.drop_column("organization", "industry")
