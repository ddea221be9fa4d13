"""Workspace people and their directory entries: the link (`person.directory_org_id`,
`person.directory_employee_id`) an org-chart import keeps up to date. A workspace person is
someone the user deals with; a directory member becomes one only when the user acts on them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from nextmove.domain.people import Labeled, Person
from nextmove.store import people as repo
from nextmove.store.db import WorkspaceSession

_VISIBLE = (
    "m.organization_id = :o AND m.since_snapshot <= :s "
    "AND (m.until_snapshot IS NULL OR m.until_snapshot > :s)"
)


def workspace_session(conn: Connection, workspace_id: int) -> Session:
    """A session of this workspace on the import's connection, inside its transaction: what
    it writes commits with the directory's last step."""
    return WorkspaceSession(bind=conn, info={"workspace_id": workspace_id, "all_workspaces": False})


def link_people(
    conn: Connection,
    workspace_id: int,
    org_id: int,
    snap_id: int,
    *,
    key: str,
    me: str | None,
    now: datetime,
) -> int:
    """Link the workspace's people to their entries in the organization's chart at this
    snapshot — by employee id (people of this organization), then by e-mail — and the user
    (`me`, an employee id) to theirs, made a person if the user has none yet. Returns how
    many people were newly linked. In the caller's transaction."""
    params = {"o": org_id, "s": snap_id, "key": key, "ws": workspace_id}
    by_id = conn.execute(
        text(
            "UPDATE person SET directory_org_id = :o, directory_employee_id = employee_id "
            "WHERE workspace_id = :ws AND org_key = :key AND employee_id IS NOT NULL "
            "AND directory_org_id IS NULL "
            f"AND EXISTS (SELECT 1 FROM directory_member m WHERE {_VISIBLE} "
            "AND m.employee_id = person.employee_id)"
        ),
        params,
    ).rowcount
    by_email = _link_by_email(conn, workspace_id, org_id, snap_id)
    linked = max(0, by_id or 0) + max(0, by_email or 0)
    if me is not None:
        linked += _link_me(conn, workspace_id, org_id, snap_id, me, now)
    return linked


def _link_by_email(conn: Connection, workspace_id: int, org_id: int, snap_id: int) -> int:
    """People not linked yet whose e-mail is a member's: one read of the organization's
    members (there is no e-mail index), only when there are such people."""
    people = conn.execute(
        text(
            "SELECT id, email FROM person WHERE workspace_id = :ws AND email IS NOT NULL "
            "AND directory_org_id IS NULL"
        ),
        {"ws": workspace_id},
    ).all()
    if not people:
        return 0
    wanted = {email for _, email in people}
    found: dict[str, str] = {}
    rows = conn.execute(
        text(
            f"SELECT m.email, m.employee_id FROM directory_member m WHERE {_VISIBLE} "
            "AND m.email IS NOT NULL"
        ),
        {"o": org_id, "s": snap_id},
        execution_options={"stream_results": True, "yield_per": 20_000},
    )
    for email, emp in rows:
        if email in wanted and (email not in found or emp < found[email]):
            found[email] = emp
    updates = [
        {"o": org_id, "e": found[email], "p": pid, "ws": workspace_id}
        for pid, email in people
        if email in found
    ]
    if updates:
        conn.execute(
            text(
                "UPDATE person SET directory_org_id = :o, directory_employee_id = :e "
                "WHERE workspace_id = :ws AND id = :p"
            ),
            updates,
        )
    return len(updates)


def _link_me(
    conn: Connection, workspace_id: int, org_id: int, snap_id: int, me: str, now: datetime
) -> int:
    """The user's own person linked to their entry (`--me EMPLOYEE_ID`): the profile's
    person, or a new person made from the entry."""
    mine = conn.execute(
        text("SELECT person_id FROM profile WHERE workspace_id = :ws"), {"ws": workspace_id}
    ).scalar_one_or_none()
    if mine is not None:
        return conn.execute(
            text(
                "UPDATE person SET directory_org_id = :o, directory_employee_id = :e "
                "WHERE workspace_id = :ws AND id = :p AND (directory_org_id IS NULL "
                "OR directory_org_id <> :o OR directory_employee_id <> :e)"
            ),
            {"o": org_id, "e": me, "p": mine, "ws": workspace_id},
        ).rowcount
    row = conn.execute(
        text(
            "SELECT m.name, m.title, m.department, m.city, m.email, m.level, m.function, "
            f"o.name, m.depth FROM directory_member m JOIN organization o ON o.id = m.organization_id "
            f"WHERE {_VISIBLE} AND m.employee_id = :e"
        ),
        {"o": org_id, "s": snap_id, "e": me},
    ).one()
    name, title, department, city, email, level, function, organization, depth = row
    person = Person(
        name=name,
        title=title,
        department=department,
        city=city,
        organization=organization,
        emails=[Labeled(email, "work")] if email else [],
        level=level,
        level_source="inferred" if level is not None else None,
        function=function,
        function_source="inferred" if function is not None else None,
        position_source="orgchart",
        employee_id=me,
        org_depth=depth,
    )
    session = workspace_session(conn, workspace_id)
    person_id = repo.add_person(session, person, now=now)
    session.flush()
    conn.execute(
        text(
            "UPDATE person SET directory_org_id = :o, directory_employee_id = :e "
            "WHERE workspace_id = :ws AND id = :p"
        ),
        {"o": org_id, "e": me, "p": person_id, "ws": workspace_id},
    )
    from nextmove.store.network import link_me

    link_me(session, person_id)
    session.flush()
    return 1
