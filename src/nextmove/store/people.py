"""Reading and writing people: rows <-> domain.people.Person, the lookups imports merge on
(source key, profile URL, email, name, employee id), and whole-person operations (merge,
delete). Only this package touches SQL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, case, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from nextmove.domain.merge import Known
from nextmove.domain.people import (
    Job,
    Labeled,
    Person,
    SourceRef,
    name_key,
    normalize_email,
    org_key,
)
from nextmove.store import models
from nextmove.store.bulk import bulk_insert, reserve_ids, update_column
from nextmove.store.ids import same_row, workspace_of
from nextmove.store.meetings import repoint_person
from nextmove.store.opportunities import repoint_opportunity_people

P = cast(Table, models.Person.__table__)
EMAIL = cast(Table, models.PersonEmail.__table__)
JOB = cast(Table, models.Employment.__table__)
SOURCE = cast(Table, models.PersonSource.__table__)
TIE = cast(Table, models.Tie.__table__)
INTERACTION = cast(Table, models.Interaction.__table__)
PROFILE = cast(Table, models.Profile.__table__)
RUN = cast(Table, models.ImportRun.__table__)
POSITION = cast(Table, models.OrgPosition.__table__)

CHUNK = 2000

# Domain fields stored as plain columns of the same name.
_PLAIN = (
    "name",
    "first_name",
    "last_name",
    "profile_url",
    "organization",
    "title",
    "department",
    "function",
    "level",
    "level_confidence",
    "function_confidence",
    "level_source",
    "function_source",
    "position_source",
    "industry",
    "city",
    "how_known",
    "known_since",
    "tier",
    "notes",
    "offered_help",
    "navigated_transition",
    "peer",
    "changed_jobs_on",
    "employee_id",
    "manager_id",
)
INSERT_COLUMNS = (
    "id",
    *_PLAIN,
    "name_key",
    "org_key",
    "email",
    "emails",
    "phones",
    "links",
    "tags",
    "created_at",
    "updated_at",
)


def _labeled_json(items: Iterable[Labeled]) -> list[dict[str, str]]:
    return [{"value": item.value, "label": item.label} for item in items]


def _labeled(items: Any) -> list[Labeled]:
    return [Labeled(str(i.get("value", "")), str(i.get("label", ""))) for i in items or []]


_plain_values = attrgetter(*_PLAIN)
cached_name_key = lru_cache(maxsize=1 << 16)(name_key)


def person_values(person: Person) -> dict[str, Any]:
    """The person's columns (without id and timestamps), derived keys included."""
    values = dict(zip(_PLAIN, _plain_values(person), strict=True))
    values["name_key"] = cached_name_key(person.name)
    values["org_key"] = org_key(person.organization)
    values["email"] = normalize_email(person.email) if person.emails else None
    values["emails"] = _labeled_json(person.emails)
    values["phones"] = _labeled_json(person.phones)
    values["links"] = _labeled_json(person.links)
    values["tags"] = list(person.tags)
    return values


def _from_row(row: Any) -> Person:
    m = row._mapping
    person = Person(id=m["id"])
    for name in _PLAIN:
        setattr(person, name, m[name])
    person.emails = _labeled(m["emails"])
    person.phones = _labeled(m["phones"])
    person.links = _labeled(m["links"])
    person.tags = list(m["tags"] or [])
    person.last_contact = m["last_contact"]
    return person


# ---------------------------------------------------------------------------- reading


def load_people(session: Session, ids: Iterable[int]) -> dict[int, Person]:
    """People by id, with their employment history."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, Person] = {}
    conn = session.connection()
    for chunk in _chunks(wanted):
        for row in conn.execute(select(P).where(P.c.id.in_(chunk))):
            found[row.id] = _from_row(row)
        for person_id, depth in conn.execute(
            select(POSITION.c.person_id, POSITION.c.depth).where(POSITION.c.person_id.in_(chunk))
        ):
            found[person_id].org_depth = depth
        for row in conn.execute(
            select(JOB).where(JOB.c.person_id.in_(chunk)).order_by(JOB.c.person_id, JOB.c.position)
        ):
            found[row.person_id].history.append(
                Job(row.organization, row.title, row.start_date, row.end_date, row.source)
            )
    return found


def known_for_merge(session: Session, ids: Iterable[int]) -> dict[int, Known]:
    """What a re-import checks each of its rows against, for many people at once: their own
    columns only (no lists, no history), so an unchanged row costs next to nothing."""
    columns = [P.c[name] for name in Known._fields]
    found: dict[int, Known] = {}
    conn = session.connection()
    for chunk in _chunks(list(ids)):
        for row in conn.execute(select(P.c.id, *columns).where(P.c.id.in_(chunk))):
            found[row[0]] = Known._make(row[1:])
    return found


def get_person(session: Session, person_id: int) -> Person | None:
    return load_people(session, [person_id]).get(person_id)


def person_exists(session: Session, person_id: int) -> bool:
    return (
        session.connection().execute(select(P.c.id).where(P.c.id == person_id)).first() is not None
    )


def count_people(session: Session) -> int:
    return int(session.connection().execute(select(func.count()).select_from(P)).scalar() or 0)


def any_people(session: Session) -> bool:
    return session.connection().execute(select(P.c.id).limit(1)).first() is not None


def names_of(session: Session, ids: Iterable[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in _chunks(list(set(ids))):
        out.update(
            session.connection().execute(select(P.c.id, P.c.name).where(P.c.id.in_(chunk))).all()  # type: ignore[arg-type]
        )
    return out


def all_names(session: Session) -> list[str]:
    """Every person's name (the private report masks each of them)."""
    return [n for n in session.execute(select(models.Person.name)).scalars() if n]


@dataclass(frozen=True, slots=True)
class PersonLine:
    """One person as a list shows them."""

    id: int
    name: str
    title: str
    organization: str
    level: int | None
    function: str | None
    city: str
    tier: str | None
    last_contact: date | None
    changed_jobs_on: date | None
    offered_help: bool
    navigated_transition: bool
    peer: bool
    tags: list[str]
    member_ref: str = ""  # a member of an org chart, not one of your people (id 0)

    @property
    def page(self) -> str:
        """The web page about them."""
        return f"/people/m/{self.member_ref}" if self.member_ref else f"/people/{self.id}"


def find_people(
    session: Session,
    *,
    query: str | None = None,
    tag: str | None = None,
    tier: str | None = None,
    organization: str | None = None,
    flags: Sequence[str] = (),
    level: int | None = None,
    function: str | None = None,
    among: Collection[int] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[PersonLine], int]:
    """People matching every filter, by name; and how many match in all. ``among``
    restricts the search to those ids (e.g. the contacts due today)."""
    # Named here, not left to the session's scoping: the count below reads `base` as a
    # subquery, which the session does not scope.
    where: list[ColumnElement[bool]] = [P.c.workspace_id == workspace_of(session)]
    if among is not None:
        where.append(P.c.id.in_(sorted(among)) if among else P.c.id.is_(None))
    if level is not None:
        where.append(P.c.level == level)
    if function:
        where.append(P.c.function == function)
    if query:
        for word in query.split():
            like = f"%{word.lower()}%"
            where.append(
                or_(
                    func.lower(P.c.name).like(like),
                    func.lower(P.c.organization).like(like),
                    func.lower(P.c.title).like(like),
                    func.lower(P.c.city).like(like),
                    P.c.email.like(like),
                )
            )
    if tier:
        where.append(P.c.tier == tier)
    if organization:
        where.append(P.c.org_key == org_key(organization))
    for flag in flags:
        if flag == "changed-jobs":
            where.append(P.c.changed_jobs_on.is_not(None))
        else:
            where.append(P.c[flag.replace("-", "_")].is_(True))
    conn = session.connection()
    base = select(P).where(and_(*where))
    if tag:
        # JSON lists are small; filter tags in Python for portability across both backends.
        rows = [
            r for r in conn.execute(base.order_by(P.c.name_key, P.c.id)) if tag in (r.tags or [])
        ]
        total = len(rows)
        rows = rows[offset : (offset + limit) if limit is not None else None]
    else:
        total = int(conn.execute(select(func.count()).select_from(base.subquery())).scalar() or 0)
        statement = base.order_by(P.c.name_key, P.c.id).offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        rows = list(conn.execute(statement))
    return [
        PersonLine(
            r.id,
            r.name,
            r.title,
            r.organization,
            r.level,
            r.function,
            r.city,
            r.tier,
            r.last_contact,
            r.changed_jobs_on,
            bool(r.offered_help),
            bool(r.navigated_transition),
            bool(r.peer),
            list(r.tags or []),
        )
        for r in rows
    ], total


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def pick_people(session: Session, text: str, *, limit: int) -> list[tuple[int, str, str, str]]:
    """People whose name holds every word typed, for a person picker: names that start with
    the text first, then a word of the name that does, then the rest, each by name.
    (id, name, title, organization)."""
    words = text.lower().split()
    if not words:
        return []
    name = func.lower(P.c.name)
    whole = _like_escaped(" ".join(words))
    first = case(
        (name.like(whole + "%", escape="\\"), 0),
        (name.like("% " + whole + "%", escape="\\"), 1),
        else_=2,
    )
    statement = (
        select(P.c.id, P.c.name, P.c.title, P.c.organization)
        .where(*(name.like(f"%{_like_escaped(w)}%", escape="\\") for w in words))
        .order_by(first, P.c.name_key, P.c.id)
        .limit(limit)
    )
    return [
        (r.id, r.name, r.title, r.organization) for r in session.connection().execute(statement)
    ]


def ids_named(session: Session, name: str) -> list[tuple[int, str, str, str]]:
    """People whose name matches: exactly (folded), else by name key. (id, name, title, org)."""
    key = name_key(name)
    conn = session.connection()
    rows = conn.execute(
        select(P.c.id, P.c.name, P.c.title, P.c.organization)
        .where(func.lower(P.c.name) == name.strip().lower())
        .order_by(P.c.id)
    ).all()
    if not rows and key:
        rows = conn.execute(
            select(P.c.id, P.c.name, P.c.title, P.c.organization)
            .where(P.c.name_key == key)
            .order_by(P.c.id)
        ).all()
    return [(r.id, r.name, r.title, r.organization) for r in rows]


# ---------------------------------------------------------------------------- lookups


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ids_by_source(session: Session, kind: str, keys: Iterable[str]) -> dict[str, int]:
    wanted = list({k for k in keys if k})
    found: dict[str, int] = {}
    conn = session.connection()
    for chunk in _chunks(wanted):
        for key, person_id in conn.execute(
            select(SOURCE.c.key, SOURCE.c.person_id)
            .where(SOURCE.c.kind == kind, SOURCE.c.key.in_(chunk))
            .order_by(SOURCE.c.person_id.desc())
        ):
            found[key] = person_id
    return found


def ids_by_profile_url(session: Session, urls: Iterable[str]) -> dict[str, int]:
    wanted = list({u for u in urls if u})
    found: dict[str, int] = {}
    conn = session.connection()
    for chunk in _chunks(wanted):
        for url, person_id in conn.execute(
            select(P.c.profile_url, P.c.id)
            .where(P.c.profile_url.in_(chunk))
            .order_by(P.c.id.desc())
        ):
            found[url] = person_id
    return found


def ids_by_email(session: Session, emails: Iterable[str]) -> dict[str, int]:
    """Address -> person (the oldest person when two share an address)."""
    wanted = list({e for e in emails if e})
    found: dict[str, int] = {}
    conn = session.connection()
    for chunk in _chunks(wanted):
        pairs = list(conn.execute(select(P.c.email, P.c.id).where(P.c.email.in_(chunk))))
        pairs += list(
            conn.execute(
                select(EMAIL.c.address, EMAIL.c.person_id).where(EMAIL.c.address.in_(chunk))
            )
        )
        for address, person_id in sorted(pairs, key=lambda p: -p[1]):
            found[address] = person_id
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    name: str
    org_key: str
    known_since: date | None
    history_orgs: tuple[str, ...] = ()
    profile_url: str | None = None


def name_candidates(session: Session, keys: Iterable[str]) -> dict[str, list[Candidate]]:
    wanted = list({k for k in keys if k})
    found: dict[str, list[Candidate]] = defaultdict(list)
    conn = session.connection()
    for chunk in _chunks(wanted):
        rows = list(
            conn.execute(
                select(
                    P.c.id, P.c.name, P.c.name_key, P.c.org_key, P.c.known_since, P.c.profile_url
                )
                .where(P.c.name_key.in_(chunk))
                .order_by(P.c.id)
            )
        )
        past: dict[int, list[str]] = defaultdict(list)
        ids = [r.id for r in rows]
        for sub in _chunks(ids):
            for person_id, organization in conn.execute(
                select(JOB.c.person_id, JOB.c.organization).where(JOB.c.person_id.in_(sub))
            ):
                past[person_id].append(org_key(organization))
        for r in rows:
            found[r.name_key].append(
                Candidate(
                    r.id,
                    r.name,
                    r.org_key,
                    r.known_since,
                    tuple(past.get(r.id, ())),
                    r.profile_url,
                )
            )
    return found


def ids_by_employee(
    session: Session, organization_key: str, employee_ids: Iterable[str]
) -> dict[str, int]:
    wanted = list({e for e in employee_ids if e})
    found: dict[str, int] = {}
    conn = session.connection()
    for chunk in _chunks(wanted):
        for employee_id, person_id in conn.execute(
            select(P.c.employee_id, P.c.id).where(
                P.c.org_key == organization_key, P.c.employee_id.in_(chunk)
            )
        ):
            found[employee_id] = person_id
    return found


def sources_of(session: Session, person_id: int) -> list[SourceRef]:
    R = RUN
    rows = session.connection().execute(
        select(SOURCE, R.c.started_at)
        .join(R, same_row(R, SOURCE, "import_id"), isouter=True)
        .where(SOURCE.c.person_id == person_id)
        .order_by(SOURCE.c.id)
    )
    refs = [
        SourceRef(
            r.kind,
            r.key,
            r.locator,
            r.file,
            r.import_id,
            r.started_at.date() if r.started_at else None,
        )
        for r in rows
    ]
    org = (
        session.connection()
        .execute(
            select(P.c.employee_id, P.c.org_line, P.c.org_import_id, R.c.file, R.c.started_at)
            .join(R, same_row(R, P, "org_import_id"), isouter=True)
            .where(P.c.id == person_id, P.c.employee_id.is_not(None))
        )
        .first()
    )
    if org is not None:
        refs.append(
            SourceRef(
                "orgchart",
                org.employee_id,
                f"line {org.org_line}" if org.org_line else "",
                org.file or "",
                org.org_import_id,
                org.started_at.date() if org.started_at else None,
            )
        )
    return refs


def source_keys_of(session: Session, person_ids: Iterable[int], kind: str) -> set[tuple[int, str]]:
    out: set[tuple[int, str]] = set()
    conn = session.connection()
    for chunk in _chunks(list(set(person_ids))):
        out.update(
            (r.person_id, r.key)
            for r in conn.execute(
                select(SOURCE.c.person_id, SOURCE.c.key).where(
                    SOURCE.c.kind == kind, SOURCE.c.person_id.in_(chunk)
                )
            )
        )
    return out


# ---------------------------------------------------------------------------- writing


def insert_people(session: Session, people: Sequence[Person], *, now: datetime) -> list[int]:
    """Insert new people (ids assigned here), with their extra emails and history."""
    if not people:
        return []
    ids = reserve_ids(session, P, len(people))
    rows = []
    for person_id, person in zip(ids, people, strict=True):
        person.id = person_id
        rows.append(
            (
                person_id,
                *_plain_values(person),
                cached_name_key(person.name),
                org_key(person.organization),
                normalize_email(person.emails[0].value) if person.emails else None,
                _labeled_json(person.emails),
                _labeled_json(person.phones),
                _labeled_json(person.links),
                list(person.tags),
            )
        )
    bulk_insert(
        session, P, INSERT_COLUMNS[:-2], rows, constants={"created_at": now, "updated_at": now}
    )
    _insert_extra_emails(session, people)
    _insert_history(session, people)
    _insert_positions(session, people)
    return list(ids)


def _insert_positions(session: Session, people: Sequence[Person]) -> None:
    rows = [(p.id, p.org_depth) for p in people if p.org_depth is not None]
    bulk_insert(session, POSITION, ("person_id", "depth"), rows)


def _extra_emails(person: Person) -> list[str]:
    first = normalize_email(person.email) if person.emails else None
    extra = []
    for item in person.emails[1:]:
        address = normalize_email(item.value)
        if address and address != first and address not in extra:
            extra.append(address)
    return extra


def _insert_extra_emails(session: Session, people: Sequence[Person]) -> None:
    rows = [(p.id, address) for p in people for address in _extra_emails(p)]
    bulk_insert(session, EMAIL, ("person_id", "address"), rows)


def _insert_history(session: Session, people: Sequence[Person]) -> None:
    rows = [
        (p.id, position, job.organization, job.title, job.start, job.end, job.source)
        for p in people
        for position, job in enumerate(p.history)
    ]
    bulk_insert(
        session,
        JOB,
        ("person_id", "position", "organization", "title", "start_date", "end_date", "source"),
        rows,
    )


def update_people(session: Session, people: Sequence[Person], *, now: datetime) -> None:
    """Write back changed people: columns, extra emails and history."""
    if not people:
        return
    conn = session.connection()
    for person in people:
        values = person_values(person)
        values["updated_at"] = now
        conn.execute(update(P).where(P.c.id == person.id).values(**values))
    ids = [p.id for p in people]
    for chunk in _chunks(ids):
        conn.execute(delete(EMAIL).where(EMAIL.c.person_id.in_(chunk)))
        conn.execute(delete(JOB).where(JOB.c.person_id.in_(chunk)))
        conn.execute(delete(POSITION).where(POSITION.c.person_id.in_(chunk)))
    _insert_extra_emails(session, people)
    _insert_history(session, people)
    _insert_positions(session, people)


def add_person(session: Session, person: Person, *, now: datetime) -> int:
    return insert_people(session, [person], now=now)[0]


def update_person(session: Session, person: Person, *, now: datetime) -> None:
    update_people(session, [person], now=now)


def add_sources(
    session: Session,
    rows: Sequence[tuple[int, str, str, str]],
    *,
    kind: str,
    import_id: int | None,
    now: datetime,
) -> None:
    """Source records: (person_id, key, file, locator)."""
    bulk_insert(
        session,
        SOURCE,
        ("person_id", "key", "file", "locator"),
        rows,
        constants={"kind": kind, "import_id": import_id, "created_at": now},
    )


def set_org_source(session: Session, placed: Sequence[tuple[int, int]], *, import_id: int) -> None:
    """Record which org-chart import and line last changed these people: (person id, line)."""
    if placed:
        session.connection().execute(
            update(P)
            .where(P.c.id == bindparam("pid"))
            .values(org_import_id=import_id, org_line=bindparam("line")),
            [{"pid": pid, "line": line} for pid, line in placed],
        )


def delete_person(session: Session, person_id: int) -> bool:
    """Remove a person everywhere: ties, interactions, sources, history, emails, the
    manager links of their reports and the profile's link to them."""
    conn = session.connection()
    conn.execute(update(P).where(P.c.manager_id == person_id).values(manager_id=None))
    conn.execute(update(PROFILE).where(PROFILE.c.person_id == person_id).values(person_id=None))
    conn.execute(delete(TIE).where(or_(TIE.c.person_id == person_id, TIE.c.other_id == person_id)))
    for table in (INTERACTION, SOURCE, JOB, EMAIL, POSITION):
        conn.execute(delete(table).where(table.c.person_id == person_id))
    result = conn.execute(delete(P).where(P.c.id == person_id))
    return bool(result.rowcount)


def merge_into(session: Session, keep: Person, drop_id: int, *, now: datetime) -> None:
    """Move everything that points at `drop_id` to `keep` (already merged in memory), then
    delete `drop_id`."""
    assert keep.id is not None
    conn = session.connection()
    conn.execute(update(P).where(P.c.manager_id == drop_id).values(manager_id=keep.id))
    conn.execute(update(PROFILE).where(PROFILE.c.person_id == drop_id).values(person_id=keep.id))
    # Ties: repoint, dropping the ones keep already has and self-ties.
    existing = {
        (r.person_id, r.other_id, r.source)
        for r in conn.execute(
            select(TIE.c.person_id, TIE.c.other_id, TIE.c.source).where(
                or_(TIE.c.person_id == keep.id, TIE.c.other_id == keep.id)
            )
        )
    }
    for tie in conn.execute(
        select(TIE).where(or_(TIE.c.person_id == drop_id, TIE.c.other_id == drop_id))
    ).all():
        a = keep.id if tie.person_id == drop_id else tie.person_id
        b = keep.id if tie.other_id == drop_id else tie.other_id
        if a == b or (a, b, tie.source) in existing:
            conn.execute(delete(TIE).where(TIE.c.id == tie.id))
        else:
            conn.execute(update(TIE).where(TIE.c.id == tie.id).values(person_id=a, other_id=b))
            existing.add((a, b, tie.source))
    keys = {
        r.external_key
        for r in conn.execute(
            select(INTERACTION.c.external_key).where(
                INTERACTION.c.person_id == keep.id, INTERACTION.c.external_key.is_not(None)
            )
        )
    }
    conn.execute(
        delete(INTERACTION).where(
            INTERACTION.c.person_id == drop_id, INTERACTION.c.external_key.in_(keys)
        )
    )
    conn.execute(
        update(INTERACTION).where(INTERACTION.c.person_id == drop_id).values(person_id=keep.id)
    )
    have = {
        (r.kind, r.key)
        for r in conn.execute(
            select(SOURCE.c.kind, SOURCE.c.key).where(SOURCE.c.person_id == keep.id)
        )
    }
    for src in conn.execute(select(SOURCE).where(SOURCE.c.person_id == drop_id)).all():
        if (src.kind, src.key) in have:
            conn.execute(delete(SOURCE).where(SOURCE.c.id == src.id))
        else:
            conn.execute(update(SOURCE).where(SOURCE.c.id == src.id).values(person_id=keep.id))
    conn.execute(delete(JOB).where(JOB.c.person_id == drop_id))
    conn.execute(delete(EMAIL).where(EMAIL.c.person_id == drop_id))
    repoint_person(session, drop_id, keep.id)
    repoint_opportunity_people(session, drop_id, keep.id)
    conn.execute(delete(POSITION).where(POSITION.c.person_id == drop_id))
    conn.execute(delete(P).where(P.c.id == drop_id))
    update_person(session, keep, now=now)
    refresh_last_contact(session, [keep.id])


def refresh_last_contact(session: Session, person_ids: Iterable[int]) -> None:
    conn = session.connection()
    for chunk in _chunks(list(set(person_ids))):
        latest = (
            select(func.max(INTERACTION.c.day))
            .where(
                INTERACTION.c.workspace_id == P.c.workspace_id,
                INTERACTION.c.person_id == P.c.id,
            )
            .scalar_subquery()
        )
        conn.execute(update(P).where(P.c.id.in_(chunk)).values(last_contact=latest))


def insert_person_row(session: Session, values: dict[str, Any]) -> int:
    """A single row insert returning its id (tests and small writes)."""
    result = session.connection().execute(insert(P).values(**values).returning(P.c.id))
    return int(result.scalar_one())


def iter_people(session: Session, *, chunk: int = CHUNK) -> Iterable[Person]:
    """Every person, by id, a chunk at a time (exports of large networks stay small in memory)."""
    last = 0
    conn = session.connection()
    while True:
        ids = list(
            conn.execute(
                select(P.c.id).where(P.c.id > last).order_by(P.c.id).limit(chunk)
            ).scalars()
        )
        if not ids:
            return
        people = load_people(session, ids)
        for person_id in ids:
            yield people[person_id]
        last = ids[-1]


def clear_managers(session: Session, person_ids: Sequence[int]) -> None:
    conn = session.connection()
    for chunk in _chunks(list(person_ids)):
        conn.execute(update(P).where(P.c.id.in_(chunk)).values(manager_id=None))


def set_depths(session: Session, rows: Sequence[tuple[int, int]], *, replace: bool) -> None:
    """Org-chart depths (person id, depth); `replace` when some may already have one."""
    if replace:
        conn = session.connection()
        for chunk in _chunks([pid for pid, _ in rows]):
            conn.execute(delete(POSITION).where(POSITION.c.person_id.in_(chunk)))
    for chunk in _chunks(list(rows), 50_000):
        bulk_insert(session, POSITION, ("person_id", "depth"), chunk)


def set_orgchart_levels(
    session: Session, rows: Sequence[tuple[int, int]], *, confidence: float
) -> None:
    """Levels derived from an org chart, for people whose level neither the user nor their
    title gave."""
    if not rows:
        return
    session.connection().execute(
        update(P)
        .where(
            P.c.id == bindparam("pid"),
            or_(P.c.level_source.is_(None), P.c.level_source == "orgchart"),
        )
        .values(level=bindparam("lv"), level_confidence=confidence, level_source="orgchart"),
        [{"pid": pid, "lv": level} for pid, level in rows],
    )


def set_managers(session: Session, rows: Sequence[tuple[int, int]]) -> None:
    """Manager ties known only after the rows were written: (person id, manager id)."""
    for chunk in _chunks(list(rows), 50_000):
        update_column(session, P, "manager_id", chunk)


def own_records(session: Session, person_id: int, *, card_notes: str = "") -> list[str]:
    """What nextmove holds of its own about a person, beyond their contact card: meetings,
    contacts logged, ties, a board seat, opportunities, referrals, a cadence, notes, a tier,
    flags, being you. An address book deleting the card must not take these with it.
    `card_notes`: the notes the card itself brought, which are the address book's."""
    from nextmove.store.meeting_models import BoardSeat, KeepInTouch, Meeting, MeetingReferral
    from nextmove.store.opportunity_models import OpportunityPerson

    def exists(model: Any, *conditions: Any) -> bool:
        return session.scalars(select(model).where(*conditions).limit(1)).first() is not None

    found: list[str] = []
    person = session.get(models.Person, person_id)
    if person is None:
        return found
    checks = (
        ("meetings", Meeting, (Meeting.person_id == person_id,)),
        ("contacts logged", models.Interaction, (models.Interaction.person_id == person_id,)),
        (
            "ties",
            models.Tie,
            (or_(models.Tie.person_id == person_id, models.Tie.other_id == person_id),),
        ),
        ("a board seat", BoardSeat, (BoardSeat.person_id == person_id,)),
        ("opportunities", OpportunityPerson, (OpportunityPerson.person_id == person_id,)),
        ("referrals", MeetingReferral, (MeetingReferral.person_id == person_id,)),
        ("a cadence", KeepInTouch, (KeepInTouch.person_id == person_id,)),
        ("being you", models.Profile, (models.Profile.person_id == person_id,)),
    )
    for label, model, conditions in checks:
        if exists(model, *conditions):
            found.append(label)
    if person.notes.strip() and person.notes.strip() != card_notes.strip():
        found.append("notes")  # written in nextmove, not brought by the card
    if person.tier:
        found.append("a tier")
    if person.offered_help or person.navigated_transition or person.peer:
        found.append("flags")
    return found
