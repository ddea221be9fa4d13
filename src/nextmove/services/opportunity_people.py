"""People at each opportunity: who is involved (hiring manager, referrer, contacts), who you
know there or near it, how to reach them, and a research meeting in one step."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy.orm import Session

from nextmove.domain.meetings import Meeting
from nextmove.domain.opportunities import (
    ROLES,
    OpportunityPeople,
    PersonNear,
    member_priority,
    why_meet_member,
)
from nextmove.domain.people import org_key
from nextmove.errors import NotFound, UserError
from nextmove.services import meetings as meetings_service
from nextmove.services import members
from nextmove.services.people import resolve_id
from nextmove.services.suggest import describe_path, path_finder
from nextmove.services.workspace import Workspace
from nextmove.store import directory as directory_store
from nextmove.store import directory_reads
from nextmove.store import opportunities as repo
from nextmove.store import people as people_repo
from nextmove.store import suggest as suggest_repo

AT_ORGANIZATION = 12
NEARBY = 5
IN_CHART = 8
PEERS = 2  # of those, at most this many at the role's layer, and as many below it


def _role(value: str) -> str:
    role = value.strip().lower().replace(" ", "-").replace("_", "-")
    if role not in ROLES:
        raise UserError(f"{value!r} is not one of {', '.join(ROLES)}", field="role")
    return role


def _opportunity(session: object, opp_id: int):  # type: ignore[no-untyped-def]
    found = repo.get_opportunity(session, opp_id)  # type: ignore[arg-type]
    if found is None:
        raise NotFound(f"no opportunity #{opp_id}", hint="`nextmove opp list` shows them.")
    return found


def link_person(
    db: Workspace, opp_id: int, ref: str, *, role: str, now: datetime
) -> tuple[str, bool]:
    """Link someone to an opportunity in a role (hiring manager, referrer, …)."""
    role = _role(role)
    with db.session() as session:
        _opportunity(session, opp_id)
        person_id = resolve_id(session, ref)
        added = repo.link_person(session, opp_id, person_id, role, now=now)
        name = people_repo.names_of(session, [person_id]).get(person_id, "")
    return name, added


def unlink_person(db: Workspace, opp_id: int, ref: str, *, role: str | None) -> int:
    with db.session() as session:
        _opportunity(session, opp_id)
        person_id = resolve_id(session, ref)
        removed = repo.unlink_person(session, opp_id, person_id, _role(role) if role else None)
    if not removed:
        raise NotFound(f"{ref!r} is not linked to opportunity #{opp_id}")
    return removed


def people_for(db: Workspace, opp_id: int) -> OpportunityPeople:
    """Who is involved, who you know at the organization, and who does this kind of work
    elsewhere — each with how you reach them."""
    with db.session() as session:
        opp = _opportunity(session, opp_id)
        involved_roles = repo.people_of(session, opp_id)
        me = suggest_repo.load_me(session)
        skip = set(involved_roles) | {me.person_id}
        key = org_key(opp.organization)
        at_org = [
            p for p in repo.people_at(session, key, limit=AT_ORGANIZATION + 1) if p not in skip
        ][:AT_ORGANIZATION]
        nearby: list[int] = []
        if opp.function:
            nearby = [
                p
                for p in repo.people_near(
                    session,
                    function=opp.function,
                    level=opp.level,
                    industry=opp.industry,
                    exclude_org_key=key,
                    limit=NEARBY + len(skip),
                )
                if p not in skip
            ][:NEARBY]
        everyone = [*involved_roles, *at_org, *nearby]
        people = people_repo.load_people(session, everyone)
        direct = suggest_repo.direct_ties(session, me)
        unconnected = [p for p in everyone if p not in direct and p != me.person_id]
        finder = path_finder(session, me, direct, unconnected) if unconnected else None

        def near(pid: int) -> PersonNear:
            person = people[pid]
            path: tuple[str, ...] = ()
            if finder is not None and pid in unconnected:
                found, names = finder(pid, 1)
                if found:
                    path = describe_path(found[0], names)
            return PersonNear(
                person_id=pid,
                name=person.name,
                title=person.title,
                organization=person.organization,
                function=person.function,
                level=person.level,
                roles=involved_roles.get(pid, []),
                direct=direct.get(pid),
                path=path,
            )

        return OpportunityPeople(
            opportunity_id=opp_id,
            title=opp.title,
            organization=opp.organization,
            involved=[near(p) for p in involved_roles if p in people],
            at_organization=[near(p) for p in at_org if p in people],
            nearby=[near(p) for p in nearby if p in people],
            in_chart=_in_chart(session, key, opp.function, opp.level),
        )


def _in_chart(
    session: Session, key: str, function: str | None, level: int | None
) -> list[PersonNear]:
    """Members of the organization's chart — when it is one of your organizations — close
    to the role, who are not your people yet: whom to ask before you apply."""
    orgs = directory_reads.workspace_orgs(session)
    org_id = next((i for i, (k, _name) in orgs.items() if key and k == key), None)
    if org_id is None:
        return []
    linked = directory_reads.linked_people(session, [org_id])
    ranked = sorted(
        (
            (member_priority(m.level, level), m)
            for m in directory_store.members_for_role(
                session, org_id, function=function, level=level, limit=3 * IN_CHART + len(linked)
            )
            if (m.organization_id, m.employee_id) not in linked
        ),
        key=lambda pm: (pm[0], pm[1].depth, pm[1].name),
    )
    # A couple at the role's layer and a couple below it, not a list of peers and juniors.
    kept: list[PersonNear] = []
    taken = Counter[int]()
    for priority, m in ranked:
        if len(kept) == IN_CHART:
            break
        if priority in (2, 4) and taken[priority] >= PEERS:
            continue
        taken[priority] += 1
        kept.append(
            PersonNear(
                person_id=0,
                name=m.name,
                title=m.title,
                organization=m.organization,
                function=m.function,
                level=m.level,
                member_ref=members.member_ref(key, m.employee_id),
                why=why_meet_member(m.level, m.function, level, function),
            )
        )
    return kept


def plan_meeting(
    db: Workspace, opp_id: int, ref: str, *, why: str = "", today: date, now: datetime
) -> Meeting:
    """A research-meeting idea with someone at or near the opportunity, in one step."""
    with db.session() as session:
        opp = _opportunity(session, opp_id)
        person_id = resolve_id(session, ref)
        roles = repo.people_of(session, opp_id).get(person_id, [])
        person = people_repo.load_people(session, [person_id])[person_id]
    there = opp.organization or "the organization"
    if roles:
        who = f"{' and '.join(r.replace('-', ' ') for r in roles)} at {there}"
    elif opp.organization and org_key(person.organization) == org_key(opp.organization):
        who = f"works at {there}"
    else:
        doing = " at ".join(x for x in (person.title, person.organization) if x)
        who = f"does this kind of work ({doing})" if doing else "may know the work"
    reason = why.strip() or (
        f"{who}: you are weighing '{opp.title}' at {there} — ask what the role is really like"
    )
    return meetings_service.add_meeting(db, str(person_id), why=reason, today=today, now=now)
