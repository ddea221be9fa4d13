"""What a backup carries of the shared organization directory (docs/backup.md, "The
organization directory"), and how a restore puts it back.

A workspace's people link to directory members by (organization, employee id). The directory
itself is shared by every workspace of a database, so a backup does not carry whole charts:
for each organization the workspace is linked to (or its people name), its key and name, and
the directory facts of the members the workspace's people are linked to — the latest version
of each, nothing about anyone else.

On restore, an organization already in the target directory (same key) is reused as it is
and the people are re-linked to it by employee id; an organization the target does not have
is created with one snapshot holding the carried members, so the links work there too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, select, text

from nextmove.store.directory import LINK, ORG
from nextmove.store.directory_models import DirectoryMember
from nextmove.store.directory_write import (
    STAGE_COLUMNS,
    begin_snapshot,
    ensure_organization,
    find_organization,
    finish_snapshot,
    link_workspace,
)

MEMBER = cast(Table, DirectoryMember.__table__)
# The facts of a member a backup carries: a version's columns but its key's organization
# and the snapshot numbers (those are the database's own).
MEMBER_FACTS = (*STAGE_COLUMNS, "depth")
CHUNK = 500


def directory_facts(conn: Connection, workspace_id: int) -> list[dict[str, Any]]:
    """The organizations of the workspace, each with the members its people link to:
    ``{"id", "key", "name", "linked_at", "members": [{employee_id, name, …}]}``."""
    linked: dict[int, datetime | None] = {
        int(org): at
        for org, at in conn.execute(
            select(LINK.c.organization_id, LINK.c.linked_at).where(
                LINK.c.workspace_id == workspace_id
            )
        )
    }
    wanted: dict[int, set[str]] = {}
    for org, employee in conn.execute(
        text(
            "SELECT directory_org_id, directory_employee_id FROM person "
            "WHERE workspace_id = :ws AND directory_org_id IS NOT NULL"
        ),
        {"ws": workspace_id},
    ):
        wanted.setdefault(int(org), set())
        if employee:
            wanted[int(org)].add(str(employee))
    orgs = []
    for org_id in sorted(set(linked) | set(wanted)):
        row = conn.execute(select(ORG.c.key, ORG.c.name).where(ORG.c.id == org_id)).first()
        if row is None:  # a link to an organization deleted since: nothing to carry
            continue
        at = linked.get(org_id)
        orgs.append(
            {
                "id": org_id,
                "key": row.key,
                "name": row.name,
                "linked_at": at.isoformat() if at else None,
                "members": _latest_versions(conn, org_id, sorted(wanted.get(org_id, ()))),
            }
        )
    return orgs


def _latest_versions(
    conn: Connection, org_id: int, employee_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """Each member's latest version (the current one, or the last before they left)."""
    latest: dict[str, tuple[int, dict[str, Any]]] = {}
    query = select(MEMBER).where(
        MEMBER.c.organization_id == org_id,
        MEMBER.c.employee_id.in_(bindparam("ids", expanding=True)),
    )
    for start in range(0, len(employee_ids), CHUNK):
        for row in conn.execute(query, {"ids": list(employee_ids[start : start + CHUNK])}):
            version = row._mapping
            since = int(version["since_snapshot"])
            known = latest.get(version["employee_id"])
            if known is None or since > known[0]:
                latest[version["employee_id"]] = (since, {k: version[k] for k in MEMBER_FACTS})
    return [latest[e][1] for e in employee_ids if e in latest]


@dataclass
class DirectoryRestore:
    """Old organization id (in the archive) → its id in this database; what was done."""

    ids: dict[int, int]
    relinked: int = 0  # organizations already here, re-linked by employee id
    recreated: int = 0  # organizations created from the archive's facts
    members: int = 0  # members created with them


def restore_directory(
    conn: Connection,
    workspace_id: int,
    organizations: Iterable[Any],
    *,
    now: datetime,
    taken_on: date,
    file: str,
) -> DirectoryRestore:
    """Link the workspace to each organization of the archive — the one with the same key
    here, else a new one holding the carried members — and say where each old id went.
    `organizations` are the archive's entries (``.id``, ``.key``, ``.name``, ``.linked_at``,
    ``.members``, each with MEMBER_FACTS)."""
    done = DirectoryRestore({})
    for org in organizations:
        existing = find_organization(conn, org.key)
        if existing is not None:
            org_id = existing[0]
            done.relinked += 1
        else:
            org_id = ensure_organization(conn, org.key, org.name, now)
            snap_id, _ = begin_snapshot(conn, org_id, file=file, taken_on=taken_on, now=now)
            rows = [
                {
                    "organization_id": org_id,
                    "since_snapshot": snap_id,
                    "until_snapshot": None,
                    **{k: getattr(m, k) for k in MEMBER_FACTS},
                }
                for m in org.members
            ]
            for start in range(0, len(rows), CHUNK):
                conn.execute(insert(MEMBER), rows[start : start + CHUNK])
            counts = {"members": len(rows), "joiners": 0, "leavers": 0, "moves": 0}
            finish_snapshot(conn, org_id, snap_id, {**counts, "title_changes": 0})
            done.recreated += 1
            done.members += len(rows)
        link_workspace(conn, workspace_id, org_id, org.linked_at or now)
        done.ids[org.id] = org_id
    return done
