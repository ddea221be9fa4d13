"""What the People pages and their API read: a search with every filter (one page of the
results, counted in the query), and everything about one person on one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from nextmove.config import Settings
from nextmove.domain.functions import parse_function
from nextmove.domain.levels import parse_level
from nextmove.domain.meetings import ChainLink, Meeting
from nextmove.domain.people import validate_tier
from nextmove.errors import NotFound, UserError
from nextmove.services import keep as keep_service
from nextmove.services import members
from nextmove.services.keep import Contact
from nextmove.services.meetings import introduction_chain
from nextmove.services.people import (
    FLAGS,
    PersonDetail,
    check_text,
    member_detail,
    person_detail,
    resolve_id,
    with_members,
)
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as meeting_repo
from nextmove.store import opportunities as opp_repo
from nextmove.store import people as repo
from nextmove.store.directory import DirectoryMember
from nextmove.store.people import PersonLine

KEEP_STATES = ("ok", "due", "overdue")


@dataclass(frozen=True, slots=True)
class PeopleFilters:
    """What a search asks for; blank means "any"."""

    query: str = ""
    level: str = ""
    function: str = ""
    organization: str = ""
    tier: str = ""
    keep: str = ""
    tag: str = ""
    flags: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(
            (self.query, self.level, self.function, self.organization, self.tier, self.keep)
        ) or bool(self.tag or self.flags)


def search_people(
    db: Workspace,
    filters: PeopleFilters,
    *,
    settings: Settings,
    today: date,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[PersonLine], int]:
    """One page of the people matching every filter, by name, and how many match in all.
    The keep-in-touch state is computed for today from tiers, cadences and last touches."""
    for name in ("query", "level", "function", "organization", "tier", "keep", "tag"):
        check_text(getattr(filters, name), name)
    for flag in filters.flags:
        if flag not in FLAGS:
            raise UserError(f"flag: {flag!r} is not a flag", hint="Flags: " + ", ".join(FLAGS))
    level = parse_level(filters.level, field="level") if filters.level.strip() else None
    function = parse_function(filters.function, field="function") if filters.function else None
    tier = validate_tier(filters.tier.strip() or None)
    among: set[int] | None = None
    if filters.keep:
        if filters.keep not in KEEP_STATES:
            raise UserError(f"keep: {filters.keep!r} is not ok, due or overdue")
        among = keep_service.ids_in_state(db, filters.keep, settings=settings, today=today)
    with db.session() as session:
        lines, total = repo.find_people(
            session,
            query=filters.query.strip() or None,
            tag=filters.tag.strip() or None,
            tier=tier,
            organization=filters.organization.strip() or None,
            flags=list(filters.flags),
            level=level,
            function=function,
            among=among,
            limit=limit,
            offset=offset,
        )
        if tier or among is not None or filters.tag.strip() or filters.flags or level or function:
            return lines, total  # what only your people have
        return with_members(
            session,
            lines,
            total,
            query=filters.query.strip() or None,
            organization=filters.organization.strip() or None,
            limit=limit,
            offset=offset,
        )


PICK_LIMIT = 20


def pick_people(db: Workspace, text: str, *, limit: int = 8) -> list[tuple[int, str, str, str]]:
    """Suggestions for a person field as its text is typed: (id, name, title, organization),
    the names that start with the text first (`store.people.pick_people`)."""
    check_text(text, "q")
    with db.session() as session:
        return repo.pick_people(session, text[:200], limit=max(1, min(limit, PICK_LIMIT)))


def any_people(db: Workspace) -> bool:
    with db.session() as session:
        return repo.any_people(session)


@dataclass(frozen=True, slots=True)
class LinkedOpportunity:
    id: int
    title: str
    organization: str
    status: str
    role: str


@dataclass(slots=True)
class PersonPage:
    """Everything the person page shows."""

    detail: PersonDetail
    chain: list[ChainLink]
    meetings: list[Meeting]
    keep: Contact | None
    snooze_until: date | None
    opportunities: list[LinkedOpportunity] = field(default_factory=list)

    @property
    def introduced(self) -> bool:
        return len(self.chain) > 1


def person_page(db: Workspace, ref: str, *, settings: Settings, today: date) -> PersonPage:
    """A person with their ties, interactions, sources, meetings, introduction chain,
    keep-in-touch state and the opportunities they are linked to (one unit of work)."""
    with db.session() as session:
        person_id = resolve_id(session, ref, act=False)
        detail = person_detail(session, person_id)
        detail.org = members.org_facts_of_person(session, person_id)
        if detail.org is not None:
            detail.sources = members.chart_sources(session, detail.org, detail.sources)
        contact, snooze_until = keep_service.keep_of(
            session, person_id, settings=settings, today=today
        )
        return PersonPage(
            detail=detail,
            chain=introduction_chain(session, person_id),
            meetings=meeting_repo.list_meetings(session, person_id=person_id),
            keep=contact,
            snooze_until=snooze_until,
            opportunities=[
                LinkedOpportunity(*row)
                for row in opp_repo.opportunities_of_person(session, person_id)
            ],
        )


@dataclass(frozen=True, slots=True)
class KeepState:
    person_id: int
    name: str
    contact: Contact | None  # None without a tier or a personal cadence
    snooze_until: date | None


def keep_state(db: Workspace, ref: str, *, settings: Settings, today: date) -> KeepState:
    """One person's keep-in-touch state today."""
    with db.session() as session:
        person_id = resolve_id(session, ref, act=False)
        name = repo.names_of(session, [person_id]).get(person_id, "")
        contact, until = keep_service.keep_of(session, person_id, settings=settings, today=today)
        return KeepState(person_id, name, contact, until)


def member_page(db: Workspace, ref: str) -> PersonDetail:
    """A member of one of your org charts by reference: what the chart says, nothing stored
    (or, when they are one of your people already, that person with the chart's facts)."""
    with db.session() as session:
        member = _member(session, ref)
        linked = members.linked_person(session, member)
        if linked is not None:
            detail = person_detail(session, linked)
            detail.org = members.org_facts(session, member)
            return detail
        return member_detail(session, member)


def add_member(db: Workspace, ref: str, *, now: datetime) -> int:
    """Make a member of your org chart one of your people (the web's "Add to your people");
    their id."""
    with db.session() as session:
        return members.person_for(session, _member(session, ref), now=now)


def _member(session: Any, ref: str) -> DirectoryMember:
    member = members.find_member(session, check_text(ref, "member"))
    if member is None:
        raise NotFound(
            f"no member {ref!r} in your org charts",
            hint="Members are named ORGANIZATION:EMPLOYEE_ID, e.g. northwind:NW1042.",
        )
    return member
