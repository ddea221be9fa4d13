"""An internal-mobility program's employees, linked to its shared directory.

On `nextmove server`, a program admin imports the organization's chart into their own
workspace; every account whose e-mail is a member's in that chart is one of the program's
employees. Their workspace is linked to the organization — its people list, person pages,
suggestions, warm paths and moves read the one shared directory — and they are linked to
their own entry (their position, predecessor and team come from the chart), unless they
already are someone in another chart. Nothing of the employee's is read or written beyond
that link.

This happens when the admin imports (or refreshes) the chart, for every account, and when an
account is created (an admin's `create-user`, or a first single sign-on) for that account.
Without accounts (local mode) nothing is linked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from nextmove.services.workspace import Database, Workspace, open_workspace
from nextmove.store import directory_people, directory_write
from nextmove.store import enrolment as repo


def enrol_employees(
    db: Database | Workspace,
    *,
    now: datetime,
    account_ids: Sequence[int] | None = None,
    organization_id: int | None = None,
) -> int:
    """Link the accounts (these, or all) whose e-mail is in a program organization's chart
    (this one, or all) to it. Returns how many accounts were matched; running it again
    changes nothing."""
    if isinstance(db, Workspace):  # (a caller holding a workspace: its database)
        db = db.db
    with db.session(all_workspaces=True) as session:
        organizations = [
            org
            for org in repo.program_organizations(session)
            if organization_id is None or org.id == organization_id
        ]
        if not organizations:
            return 0
        people = repo.accounts(session, account_ids)
        matches = []
        for org in organizations:
            found = repo.employees_by_email(session, org.id, [a.email for a in people])
            matches += [(a, org, found[a.email]) for a in people if a.email in found]
    for account, org, employee in matches:
        ws = open_workspace(db, workspace_id=account.workspace_id)
        with ws.session() as session:
            me, my_org = repo.my_link(session)
            conn = session.connection()
            directory_write.link_workspace(conn, ws.id, org.id, now)
            directory_people.link_people(
                conn,
                ws.id,
                org.id,
                org.snapshot,
                key=org.key,
                me=employee if me is None or my_org is None else None,
                now=now,
            )
    return len(matches)
