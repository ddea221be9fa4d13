"""Directory members and your people as one.

A member of an organization's chart (the shared directory) is not one of your people until you
act on them — meet, touch, tie, note, tier, seat on your board, refer, link to an opportunity.
Until then nothing personal is stored about them; reads show them with their org-chart facts,
marked as coming from the chart. The moment you act, `person_for` makes them a workspace person
from the member's current facts, linked to the member, and every write path goes through it
(through the one resolver, services.people.resolve_id).

A member is referred to as ``ORGANIZATION:EMPLOYEE_ID`` — the organization's key with dashes
for spaces (``northwind-health:NW1042``), or its id (``3:NW1042``) — on the command line, in
the API, and at /people/m/ORGANIZATION_ID/EMPLOYEE_ID on the web (docs/directory.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from nextmove.domain.people import Labeled, Person, SourceRef, Tie, TieSource, split_name
from nextmove.errors import NotFound
from nextmove.store import directory as directory_store
from nextmove.store import directory_reads as reads
from nextmove.store import people as people_repo
from nextmove.store.directory import (
    ChartOrigin,
    DirectoryMember,
    Holder,
    Position,
    TeamSize,
)
from nextmove.store.people import P

# ORGANIZATION:EMPLOYEE_ID. The organization part has no spaces (dashes stand for them), the
# employee id no spaces or colons.
# Charts up to this size list their members by name; larger ones by employee id (the key's
# order, no sort of the whole chart for each page).
SORT_BY_NAME_UP_TO = 50_000
# How sure a level or function read from a chart's title is (the title lexicon's reading).
MEMBER_CONFIDENCE = 0.8
_REF = re.compile(r"^([^\s:#]+):([^\s:]{1,64})$")


def slug(org_key: str) -> str:
    """The organization part of a member reference: its key with dashes for spaces."""
    return "-".join(org_key.split())


def member_ref(org_key: str, employee_id: str) -> str:
    return f"{slug(org_key)}:{employee_id}"


def looks_like_member_ref(ref: str) -> bool:
    return _REF.match(ref.strip()) is not None


def parse_member_ref(session: Session, ref: str) -> tuple[int, str] | None:
    """(organization id, employee id) for a member reference naming one of the workspace's
    organizations; None when `ref` is not one (a name with a colon, say)."""
    found = _REF.match(ref.strip())
    if not found:
        return None
    org_part, employee_id = found.group(1).lower(), found.group(2)
    for org_id, (key, _name) in reads.workspace_orgs(session).items():
        if org_part == slug(key) or org_part == str(org_id):
            return org_id, employee_id
    return None


def find_member(session: Session, ref: str) -> DirectoryMember | None:
    """The current member a reference names, among the workspace's organizations. A reference
    to an organization you work with but an id not (or no longer) in its chart is NotFound."""
    parsed = parse_member_ref(session, ref)
    if parsed is None:
        return None
    member = directory_store.member(session, *parsed)
    if member is None:
        raise NotFound(
            f"no {parsed[1]!r} in the current org chart of "
            f"{reads.workspace_orgs(session)[parsed[0]][1]}",
            hint="`nextmove people list --query NAME` finds people and org-chart members.",
        )
    return member


def members_named(session: Session, name: str) -> list[DirectoryMember]:
    """Members of the workspace's organizations called `name` who are not your people yet."""
    orgs = reads.workspace_orgs(session)
    found = reads.members_named(session, orgs, name)
    if not found:
        return []
    linked = reads.linked_people(session, {m.organization_id for m in found})
    return [m for m in found if (m.organization_id, m.employee_id) not in linked]


def ref_of(session: Session, member: DirectoryMember) -> str:
    orgs = reads.workspace_orgs(session)
    key = orgs.get(member.organization_id, (str(member.organization_id), ""))[0]
    return member_ref(key, member.employee_id)


def linked_person(session: Session, member: DirectoryMember) -> int | None:
    """The workspace person linked to this member, if there is one."""
    key = (member.organization_id, member.employee_id)
    return reads.linked_people(session, [member.organization_id]).get(key)


def person_from_member(member: DirectoryMember, org_name: str, *, industry: str = "") -> Person:
    """A workspace person as the chart describes the member now (no personal facts): known
    from the organization's chart, in its `industry`. Level and function were read from the
    title at the import; their confidence is the title reader's, as for any title."""
    from nextmove.services.titles import read_title

    guess = read_title(member.title, member.department) if member.title else None
    level_confidence = (
        guess.level_confidence if guess and guess.level == member.level else MEMBER_CONFIDENCE
    )
    function_confidence = (
        guess.function_confidence
        if guess and guess.function == member.function
        else MEMBER_CONFIDENCE
    )
    first, last = split_name(member.name)
    return Person(
        name=member.name,
        first_name=first,
        last_name=last,
        title=member.title,
        department=member.department,
        city=member.city,
        organization=org_name,
        industry=industry,
        how_known=f"{org_name} org chart",
        emails=[Labeled(member.email, "work")] if member.email else [],
        level=member.level,
        level_source="inferred" if member.level is not None else None,
        level_confidence=level_confidence if member.level is not None else 0.0,
        function=member.function,
        function_source="inferred" if member.function is not None else None,
        function_confidence=function_confidence if member.function is not None else 0.0,
        position_source="orgchart",
        employee_id=member.employee_id,
        org_depth=member.depth,
    )


def person_for(session: Session, member: DirectoryMember, *, now: datetime | None = None) -> int:
    """The workspace person for a directory member: the one linked to them already, else a
    new person made from the member's current facts and linked to the member. Call it when
    the user acts on the member, inside that action's unit of work. `now` stamps the new row
    (default: this moment)."""
    existing = linked_person(session, member)
    if existing is not None:
        return existing
    origin = directory_store.chart_origin(session, member.organization_id)
    person = person_from_member(member, member.organization, industry=origin.industry)
    person_id = people_repo.add_person(session, person, now=now or datetime.now(UTC))
    session.flush()
    session.connection().execute(
        update(P)
        .where(P.c.id == person_id)
        .values(directory_org_id=member.organization_id, directory_employee_id=member.employee_id)
    )
    return person_id


# ---------------------------------------------------------------------------- org-chart facts


@dataclass(frozen=True, slots=True)
class OrgFacts:
    """What the organization's chart says about a member, for a person page."""

    ref: str
    organization_id: int
    organization: str
    member: DirectoryMember
    chain: list[DirectoryMember]  # their managers, the direct one first
    reports: list[DirectoryMember]
    team: list[TeamSize]  # their team at every import, oldest first
    positions: list[Position]  # their versions, oldest first
    predecessors: list[Holder]  # who held their seat before them

    @property
    def label(self) -> str:
        return f"from the {self.organization} org chart"


def org_facts(session: Session, member: DirectoryMember) -> OrgFacts:
    org = member.organization_id
    chain = directory_store.chain(session, org, member.employee_id)
    holders = directory_store.holders(
        session, org, manager_employee_id=member.manager_employee_id, title=member.title
    )
    return OrgFacts(
        ref=ref_of(session, member),
        organization_id=org,
        organization=member.organization,
        member=member,
        chain=chain,
        reports=directory_store.reports(session, org, member.employee_id),
        team=directory_store.team_sizes(session, org, member.employee_id),
        positions=directory_store.positions(session, org, member.employee_id),
        predecessors=[h for h in holders if h.employee_id != member.employee_id and not h.current],
    )


def member_source(member: DirectoryMember, origin: ChartOrigin) -> SourceRef:
    """Where a member's facts come from: the organization's current chart (the file of its
    last import; the directory keeps no line numbers)."""
    return SourceRef(
        kind="orgchart",
        key=member.employee_id,
        file=origin.file,
        imported_at=origin.imported_at.date() if origin.imported_at else None,
    )


def chart_sources(session: Session, facts: OrgFacts, sources: list[SourceRef]) -> list[SourceRef]:
    """A linked person's sources, the org chart's named by the directory's current chart
    (a person made from a member has an employee id but no import of their own)."""
    if not any(s.kind == "orgchart" and not s.file for s in sources):
        return sources
    origin = directory_store.chart_origin(session, facts.organization_id)
    chart = member_source(facts.member, origin)
    return [chart if s.kind == "orgchart" and not s.file else s for s in sources]


def chart_ties(session: Session, facts: OrgFacts, ties: list[Tie], person_id: int) -> list[Tie]:
    """The chart's manager and direct reports as ties (strength 3, as an org chart's ties
    always were), for those not among `ties` already: `other_id` is the linked person's id, or
    0 for a member who is not one of your people."""
    have = {(t.other_name, t.source) for t in ties}
    linked = reads.linked_people(session, [facts.organization_id])
    found: list[Tie] = []
    manager = [facts.chain[0]] if facts.chain else []
    for source, others in (
        (TieSource.ORGCHART_MANAGER.value, manager),
        (TieSource.ORGCHART_REPORT.value, facts.reports),
    ):
        for m in others:
            if (m.name, source) in have:
                continue
            other = linked.get((m.organization_id, m.employee_id), 0)
            found.append(Tie(person_id, other, source, other_name=m.name))
    return found


def org_facts_of_person(session: Session, person_id: int) -> OrgFacts | None:
    """The org-chart facts of one of your people linked to a member still in the chart."""
    link = reads.link_of(session, [person_id]).get(person_id)
    if link is None or link[0] not in reads.workspace_orgs(session):
        return None
    member = directory_store.member(session, *link)
    return org_facts(session, member) if member is not None else None


def unlinked_member(session: Session, ref: str) -> DirectoryMember | None:
    """The member of your org charts `ref` names when they are not one of your people: by
    reference, or by a name none of your people has and exactly one member has."""
    text = ref.strip().lstrip("#")
    if looks_like_member_ref(text):
        member = find_member(session, text)
        if member is not None:
            return member if linked_person(session, member) is None else None
    if not text or (text.isascii() and text.isdigit()) or people_repo.ids_named(session, text):
        return None
    found = members_named(session, text)
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------------------- lists


@dataclass(frozen=True, slots=True)
class MemberPage:
    lines: list[DirectoryMember]
    refs: dict[tuple[int, str], str]
    total: int


def member_lines(
    session: Session,
    *,
    query: str | None,
    organization: str | None,
    limit: int | None,
    offset: int,
) -> MemberPage:
    """Members of your org charts who are not your people, for a list after your people:
    those matching `query` (name, title, department, city, e-mail, employee id) or, without
    one, everyone — by name, or by employee id in a chart too large to sort at each page
    (over SORT_BY_NAME_UP_TO members); `organization` keeps one organization."""
    orgs = reads.workspace_orgs(session)
    if organization:
        from nextmove.domain.people import org_key

        wanted = org_key(organization)
        orgs = {i: o for i, o in orgs.items() if o[0] == wanted}
    if not orgs:
        return MemberPage([], {}, 0)
    linked = reads.linked_people(session, orgs)
    refs = {}
    if query and query.strip():
        found = [
            m
            for m in directory_store.search(session, orgs, query, limit=1000)
            if (m.organization_id, m.employee_id) not in linked
        ]
        page = found[offset : offset + limit if limit is not None else None]
        total = len(found)
    else:
        counts = directory_store.member_counts(session, list(orgs))
        total = sum(counts.values()) - len(linked)
        page, skip = [], offset
        for org_id in sorted(orgs, key=lambda i: orgs[i][1]):
            if limit is not None and len(page) >= limit:
                break
            unlinked = counts.get(org_id, 0) - sum(1 for o, _ in linked if o == org_id)
            if skip >= unlinked:
                skip -= unlinked
                continue
            # Page through the chart by employee id, leaving out your people.
            start, batch = 0, max(100, (limit or 1000) + skip)
            while limit is None or len(page) < limit:
                rows = reads.members_page(
                    session,
                    org_id,
                    by_name=counts.get(org_id, 0) <= SORT_BY_NAME_UP_TO,
                    limit=batch,
                    offset=start,
                )
                if not rows:
                    break
                start += len(rows)
                for m in rows:
                    if (m.organization_id, m.employee_id) in linked:
                        continue
                    if skip:
                        skip -= 1
                        continue
                    page.append(m)
                    if limit is not None and len(page) >= limit:
                        break
    for m in page:
        refs[(m.organization_id, m.employee_id)] = member_ref(
            orgs[m.organization_id][0], m.employee_id
        )
    return MemberPage(page, refs, max(0, total))
