"""Careers read from the organization directory's history, for the "moves" mining: a member
whose versions across imports show a new title is a career with dated roles (the dates are
the imports'). A role already held at the organization's first import began on a day the
charts do not show: its start is unknown, not that import's date. Members who are your people and have their own employment history recorded
are left to it."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy.orm import Session

from nextmove.domain.moves import Career, Role
from nextmove.services.members import member_ref
from nextmove.store import directory as directory_store
from nextmove.store import directory_reads as reads


def chart_careers(
    session: Session,
    ids: dict[tuple[int, str], int] | None = None,
    keys: dict[int, tuple[int, str]] | None = None,
) -> list[Career]:
    """The careers the workspace's org charts show: one per member with two titles or more
    over the imports, oldest role first, the current one last. A member who is one of your
    people carries their person id; others the id `ids` gives them (organization id,
    employee id -> id), else a negative id valid for one reading (and `keys`, when given,
    is filled with the member each such id stands for)."""
    orgs = reads.workspace_orgs(session)
    if not orgs:
        return []
    versions = reads.changed_members(session, orgs)
    linked = reads.linked_people(session, orgs)
    own = reads.people_with_history(session, linked.values())
    first_import = {
        org_id: min(
            (
                s.taken_on
                for s in directory_store.snapshots(session, org_id)
                if s.status == "complete"
            ),
            default=None,
        )
        for org_id in orgs
    }
    out: list[Career] = []
    next_id = -2
    for (org_id, employee_id), group in groupby(
        versions, key=lambda v: (v.organization_id, v.employee_id)
    ):
        roles: list[Role] = []
        name = ""
        for v in group:
            name = v.name
            if roles and roles[-1].title.strip().lower() == v.title.strip().lower():
                roles[-1] = Role(roles[-1].title, roles[-1].organization, roles[-1].start, v.until)
            else:
                # In the first import: held since before it, for how long nobody knows.
                start = None if v.since == first_import.get(org_id) else v.since
                roles.append(Role(v.title, v.organization, start, v.until))
        if len(roles) < 2:
            continue  # a new manager or department under the same title: not a new role
        pid = linked.get((org_id, employee_id))
        if pid is not None and pid in own:
            continue
        if pid is None and ids is not None:
            pid = ids.get((org_id, employee_id))
            if pid is None:
                continue
        # Not one of your people: named by their member reference wherever a command or a
        # page names them (their id here is valid for one reading only).
        ref = member_ref(orgs[org_id][0], employee_id) if pid is None or pid < 0 else ""
        if pid is None:
            pid, next_id = next_id, next_id - 1
            if keys is not None:
                keys[pid] = (org_id, employee_id)
        out.append(Career(pid, name, tuple(roles), roles[-1].start, ref=ref))
    return out
