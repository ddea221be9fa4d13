"""Use cases for the people you know: find, show, add, edit, merge, delete, log a contact,
link yourself, and export."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from nextmove.domain import limits
from nextmove.domain.days import check_day
from nextmove.domain.edits import PersonEdit, apply_person_edit, check_text
from nextmove.domain.forget import Rewrites, traces_of
from nextmove.domain.merge import apply_title_guess, describe_position, merge_record
from nextmove.domain.people import (
    DEFAULT_STRENGTH,
    STRENGTH_MAX,
    STRENGTH_MIN,
    ContactRecord,
    Interaction,
    InteractionKind,
    Job,
    Person,
    SourceRef,
    Tie,
    TieSource,
    clean_text,
    same_position,
    split_name,
    validate_tier,
)
from nextmove.errors import Ambiguous, NotFound, UserError
from nextmove.services import members
from nextmove.services.titles import read_title
from nextmove.services.workspace import Workspace
from nextmove.store import directory as directory_store
from nextmove.store import network as net
from nextmove.store import people as repo
from nextmove.store.directory import DirectoryMember
from nextmove.store.forget import linked_to, scrub_traces, strip_folders
from nextmove.store.people import PersonLine

FLAGS = ("offered-help", "navigated-transition", "peer", "changed-jobs")


@dataclass(slots=True)
class PersonDetail:
    person: Person
    ties: list[Tie] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    is_me: bool = False
    # What the organization's chart says (members, and your people linked to one).
    org: members.OrgFacts | None = None
    member_ref: str = ""  # set when they are a member of a chart, not one of your people


def resolve(db: Workspace, ref: str) -> int:
    """A person's id from REF: a number (their id) or a name (exact, then by first and last
    name). An ambiguous name is an error listing the candidates."""
    with db.session() as session:
        return resolve_id(session, ref)


_PICKED = re.compile(r"\s#(\d{1,9})$")


def picked_person(ref: str) -> bool:
    """Whether REF is a name as a person picker fills it in: "Name #id"."""
    return _PICKED.search(ref.strip()) is not None


def resolve_id(session: Any, ref: str, *, act: bool = True) -> int:
    """`resolve` inside a unit of work that is already open (the one resolver of the app).

    A member of one of your organizations' charts — by reference (``northwind:NW1042``) or,
    when none of your people has the name, by name — becomes one of your people here
    (services/members.py `person_for`): resolving is the first step of acting on someone.
    Reads that must not store anything pass ``act=False`` and get NotFound for a member who
    is not one of your people yet."""
    text = check_text(ref, "person").strip().lstrip("#")
    if members.looks_like_member_ref(text):
        member = members.find_member(session, text)
        if member is not None:
            return _member_person(session, member, ref, act=act)
    picked = _PICKED.search(text)
    if picked:  # "Dana Lee #12", as the person pickers fill in: the id decides
        text = picked.group(1)
    if text.isascii() and text.isdigit() and len(text) < 10:
        person_id = int(text)
        if not repo.person_exists(session, person_id):
            raise NotFound(
                f"no person with id {person_id}", hint="`nextmove people list` shows ids."
            )
        return person_id
    if not text:
        raise UserError("give a person's id or name")
    found = repo.ids_named(session, text)
    if not found:
        in_chart = members.members_named(session, text)
        if len(in_chart) == 1:
            return _member_person(session, in_chart[0], ref, act=act)
        if in_chart:
            lines = "\n".join(
                f"  {members.ref_of(session, m)} {m.name} — "
                f"{describe_position(m.organization, m.title)}"
                for m in in_chart[:20]
            )
            raise Ambiguous(
                f"{len(in_chart)} people in your org charts are called {ref!r}:\n{lines}",
                hint=f"Use the reference instead, e.g. `{members.ref_of(session, in_chart[0])}`.",
            )
        raise NotFound(
            f"nobody called {ref!r} in your network",
            hint=f"Search with `nextmove people list --query {text.split()[0]!r}`.",
        )
    if len(found) > 1:
        lines = "\n".join(
            f"  #{pid} {name}" + (f" — {describe_position(org, title)}" if org or title else "")
            for pid, name, title, org in found[:20]
        )
        raise Ambiguous(
            f"{len(found)} people are called {ref!r}:\n{lines}",
            hint="Use the id instead, e.g. `nextmove people show " + str(found[0][0]) + "`.",
        )
    return found[0][0]


def _member_person(session: Any, member: DirectoryMember, ref: str, *, act: bool) -> int:
    if act:
        return members.person_for(session, member)
    linked = members.linked_person(session, member)
    if linked is None:
        raise NotFound(
            f"{ref!r} is {member.name}, from the {member.organization} org chart, "
            "not one of your people yet",
            hint=f"`nextmove people show {members.ref_of(session, member)}` shows them.",
        )
    return linked


def list_people(
    db: Workspace,
    *,
    query: str | None = None,
    tag: str | None = None,
    tier: str | None = None,
    organization: str | None = None,
    flags: list[str] | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[PersonLine], int]:
    for flag in flags or []:
        if flag not in FLAGS:
            raise UserError(
                f"{flag!r} is not a flag", hint="Flags: " + ", ".join(FLAGS) + ".", field="flag"
            )
    with db.session() as session:
        lines, total = repo.find_people(
            session,
            query=query,
            tag=tag,
            tier=validate_tier(tier),
            organization=organization,
            flags=flags or [],
            limit=limit,
            offset=offset,
        )
        if tag or tier or flags:
            return lines, total  # what only your people have
        return with_members(
            session,
            lines,
            total,
            query=query,
            organization=organization,
            limit=limit,
            offset=offset,
        )


def with_members(
    session: Any,
    lines: list[PersonLine],
    total: int,
    *,
    query: str | None,
    organization: str | None,
    limit: int | None,
    offset: int,
) -> tuple[list[PersonLine], int]:
    """A page of your people followed by the members of your org charts who are not your
    people yet, as one list: your people by name first, then members by employee id."""
    room = None if limit is None else max(0, limit - len(lines))
    page = members.member_lines(
        session,
        query=query,
        organization=organization,
        limit=room,
        offset=max(0, offset - total),
    )
    if room != 0:
        lines = lines + [_member_line(m, page.refs) for m in page.lines]
    return lines, total + page.total


def _member_line(m: DirectoryMember, refs: dict[tuple[int, str], str]) -> PersonLine:
    return PersonLine(
        id=0,
        name=m.name,
        title=m.title,
        organization=m.organization,
        level=m.level,
        function=m.function,
        city=m.city,
        tier=None,
        last_contact=None,
        changed_jobs_on=None,
        offered_help=False,
        navigated_transition=False,
        peer=False,
        tags=[],
        member_ref=refs[(m.organization_id, m.employee_id)],
    )


def person_detail(session: Any, person_id: int) -> PersonDetail:
    """A person with their ties, interactions and sources, and whether they are you."""
    person = repo.get_person(session, person_id)
    assert person is not None
    return PersonDetail(
        person,
        net.ties_of(session, person_id),
        net.interactions_of(session, person_id),
        repo.sources_of(session, person_id),
        net.my_person_id(session) == person_id,
    )


def show_person(db: Workspace, ref: str) -> PersonDetail:
    """A person, or a member of your org charts who is not one of your people (their
    org-chart facts, nothing stored), with what the chart says about them."""
    with db.session() as session:
        member = members.unlinked_member(session, ref)
        if member is not None:
            return member_detail(session, member)
        person_id = resolve_id(session, ref, act=False)
        detail = person_detail(session, person_id)
        detail.org = members.org_facts_of_person(session, person_id)
        if detail.org is not None:
            # Their manager and reports in the chart are their ties, as an org chart's were.
            detail.ties += members.chart_ties(session, detail.org, detail.ties, person_id)
            detail.sources = members.chart_sources(session, detail.org, detail.sources)
        return detail


def member_detail(session: Any, member: DirectoryMember) -> PersonDetail:
    """A member who is not one of your people, as their page shows them: the chart's facts,
    the chart as their source, their manager and reports as their ties."""
    facts = members.org_facts(session, member)
    origin = directory_store.chart_origin(session, member.organization_id)
    return PersonDetail(
        members.person_from_member(member, member.organization, industry=origin.industry),
        ties=members.chart_ties(session, facts, [], 0),
        sources=[members.member_source(member, origin)],
        org=facts,
        member_ref=facts.ref,
    )


# The longest text each field of a person keeps (nextmove.domain.limits).
PERSON_LIMITS = {
    "name": limits.NAME,
    "title": limits.TITLE,
    "organization": limits.NAME,
    "department": limits.SHORT,
    "industry": limits.SHORT,
    "city": limits.SHORT,
    "how_known": limits.SHORT,
    "notes": limits.NOTES,
}


def check_person_lengths(person: Person) -> None:
    """Every text field of ``person`` within its limit; else a UserError naming the field
    (the value is never repeated back whole)."""
    for name, limit in PERSON_LIMITS.items():
        value = getattr(person, name, "")
        if isinstance(value, str):
            limits.check_length(value, limit, field=name)
    for tag in person.tags:
        limits.check_length(tag, limits.SHORT, field="tag")


def new_person(name: str, **fields: Any) -> Person:
    """A person not yet saved: the name split into first and last, level and function
    guessed from the title (what someone types by hand or a referral names)."""
    first, last = split_name(name)
    person = Person(name=name, first_name=first, last_name=last, **fields)
    guess_from_title(person)
    return person


def guess_from_title(person: Person) -> None:
    if person.title:
        apply_title_guess(person, read_title(person.title, person.department))


def add_person(db: Workspace, edit: PersonEdit, *, now: datetime, today: date) -> Person:
    name = clean_text(edit.name or "")
    if not name:
        raise UserError("give the person's name")
    person = new_person(name, how_known="added by you")
    apply_person_edit(person, edit, today=today)
    check_person_lengths(person)
    person.history = [j for j in person.history if j.organization or j.title]
    guess_from_title(person)
    with db.session() as session:
        person.id = repo.add_person(session, person, now=now)
        # Someone you add yourself is someone you know: a "manual" source makes them a direct
        # contact (the network map, warm paths and suggestions read it).
        repo.add_sources(
            session,
            [(person.id, f"person:{person.id}", "", "")],
            kind="manual",
            import_id=None,
            now=now,
        )
    return person


def edit_person(db: Workspace, ref: str, edit: PersonEdit, *, now: datetime, today: date) -> Person:
    with db.session() as session:
        person_id = resolve_id(session, ref)
        person = repo.get_person(session, person_id)
        assert person is not None
        old_title = person.title
        apply_person_edit(person, edit, today=today)
        check_person_lengths(person)
        if person.title != old_title and person.title:
            apply_title_guess(person, read_title(person.title, person.department))
        repo.update_person(session, person, now=now)
        return person


def delete_person(db: Workspace, ref: str) -> Person:
    """Delete a person (see `delete_person_reported`); returns who was deleted."""
    return delete_person_reported(db, ref)[0]


def _delete_and_scrub(session: Session, ref: str) -> tuple[Person, Rewrites]:
    person_id = resolve_id(session, ref, act=False)
    person = repo.get_person(session, person_id)
    assert person is not None
    linked = linked_to(session, person_id)
    repo.delete_person(session, person_id)
    return person, scrub_traces(session, traces_of(person), linked)


def delete_person_reported(db: Workspace, ref: str) -> tuple[Person, Rewrites]:
    """Delete a person and everything recorded with them, scrub their name, e-mails and
    phones from the texts that stay (domain.forget), then make sure the deleted data is
    gone from disk too (zeroed pages, an emptied write-ahead log). Returns who was deleted
    and which texts were rewritten."""
    with db.session() as session:
        person, rewrites = _delete_and_scrub(session, ref)
        strip_folders(session)
    db.forget_deleted()
    return person, rewrites


def preview_delete(db: Workspace, ref: str) -> tuple[Person, Rewrites]:
    """What deleting a person would rewrite, for the confirmation: the delete is done and
    rolled back, so the count is exactly what `delete_person_reported` will do."""
    with db.session() as session:
        try:
            return _delete_and_scrub(session, ref)
        finally:
            session.rollback()


def merge_people(
    db: Workspace, keep_ref: str, drop_ref: str, *, now: datetime, today: date
) -> Person:
    """Merge the second person into the first: lists are combined, the first's fields win,
    the second's fill its gaps; ties, interactions and sources move over."""
    with db.session() as session:
        keep_id = resolve_id(session, keep_ref, act=False)
        drop_id = resolve_id(session, drop_ref, act=False)
        if keep_id == drop_id:
            raise UserError("that is the same person twice")
        people = repo.load_people(session, [keep_id, drop_id])
        keep, drop = people[keep_id], people[drop_id]
        record = ContactRecord(
            where="",
            key="",
            name=drop.name,
            first_name=drop.first_name,
            last_name=drop.last_name,
            emails=drop.emails,
            phones=drop.phones,
            links=drop.links,
            profile_url=drop.profile_url,
            industry=drop.industry,
            city=drop.city,
            tags=drop.tags,
            notes=drop.notes,
            known_since=drop.known_since,
            how_known=drop.how_known,
            history=[*drop.history]
            + (
                [Job(drop.organization, drop.title, None, None, drop.position_source)]
                if (drop.organization or drop.title)
                and not same_position(drop.organization, drop.title, keep.organization, keep.title)
                else []
            ),
        )
        merge_record(keep, record, kind="user", today=today)
        if not (keep.organization or keep.title):
            keep.organization, keep.title = drop.organization, drop.title
            keep.position_source = drop.position_source
            keep.history = [
                j
                for j in keep.history
                if not same_position(j.organization, j.title, keep.organization, keep.title)
            ]
        for attr in ("offered_help", "navigated_transition", "peer"):
            setattr(keep, attr, getattr(keep, attr) or getattr(drop, attr))
        keep.tier = keep.tier or drop.tier
        keep.changed_jobs_on = keep.changed_jobs_on or drop.changed_jobs_on
        if keep.level is None and drop.level is not None:
            keep.level, keep.level_confidence, keep.level_source = (
                drop.level,
                drop.level_confidence,
                drop.level_source,
            )
        if keep.function is None and drop.function is not None:
            keep.function, keep.function_confidence, keep.function_source = (
                drop.function,
                drop.function_confidence,
                drop.function_source,
            )
        if keep.employee_id is None and drop.employee_id is not None:
            keep.employee_id, keep.manager_id, keep.org_depth = (
                drop.employee_id,
                drop.manager_id,
                drop.org_depth,
            )
        if keep.manager_id == drop_id:
            keep.manager_id = None
        repo.merge_into(session, keep, drop_id, now=now)
        return keep


def touch(
    db: Workspace, ref: str, *, kind: str, note: str, day: date, now: datetime
) -> tuple[Person, Interaction]:
    """Log a contact with someone: it becomes their last-contact date if it is the latest."""
    try:
        kind = InteractionKind(kind.strip().lower()).value
    except ValueError:
        raise UserError(
            f"{kind!r} is not a kind of contact",
            hint="Kinds: " + ", ".join(k.value for k in InteractionKind) + ".",
            field="kind",
        ) from None
    check_day(day, "date")
    with db.session() as session:
        person_id = resolve_id(session, ref)
        item = Interaction(person_id, kind, day, check_text(note, "note").strip(), "user")
        item.id = net.add_interaction(session, item, now=now)
        person = repo.get_person(session, person_id)
        assert person is not None
        return person, item


def add_tie(
    db: Workspace, ref: str, other_ref: str, *, source: str, strength: int, note: str, now: datetime
) -> Tie:
    try:
        source = TieSource(source).value
    except ValueError:
        raise UserError(
            f"{source!r} is not a kind of tie",
            hint="Sources: " + ", ".join(s.value for s in TieSource) + ".",
            field="source",
        ) from None
    if not STRENGTH_MIN <= strength <= STRENGTH_MAX:
        raise UserError(f"{strength} is not {STRENGTH_MIN}–{STRENGTH_MAX}", field="strength")
    check_text(note, "note")
    with db.session() as session:
        a, b = resolve_id(session, ref), resolve_id(session, other_ref)
        if a == b:
            raise UserError("a person cannot have a tie to themselves")
        tie = Tie(a, b, source, strength or DEFAULT_STRENGTH, note)
        net.add_tie(session, tie, now=now)
        tie.other_name = repo.names_of(session, [b]).get(b, "")
        return tie


def link_me(db: Workspace, ref: str | None) -> Person | None:
    with db.session() as session:
        if ref is None:
            net.link_me(session, None)
            return None
        person_id = resolve_id(session, ref)
        net.link_me(session, person_id)
        return repo.get_person(session, person_id)
