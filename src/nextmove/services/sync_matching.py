"""Linking the cards of an address book to people: which existing person a new card is (the
contact-import rules, one card per person), and a person's shared fields set from a merge."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from sqlalchemy.orm import Session

from nextmove.domain.people import ContactRecord, Labeled, Person, normalize_email, split_name
from nextmove.domain.sync import Projection, phone_key
from nextmove.services.contact_import import name_org_match
from nextmove.store import people as people_repo
from nextmove.store import sync as repo
from nextmove.store.people import cached_name_key as name_key

_EXPORTED = re.compile(r"^\d+/nextmove-person-(\d+)$")


def uid_of_href(href: str) -> str:
    return PurePosixPath(href).name.removesuffix(".vcf") or href


def match_records(
    session: Session, records: list[ContactRecord], account_id: int
) -> dict[str, int]:
    """Source key -> the existing person each new card belongs to, one card per person."""
    claimed = set(repo.linked_people_of_account(session, account_id))
    by_email = people_repo.ids_by_email(
        session, {a for r in records for e in r.emails if (a := normalize_email(e.value))}
    )
    candidates = people_repo.name_candidates(session, [name_key(r.name) for r in records])
    exported = [int(m.group(1)) for r in records if (m := _EXPORTED.match(r.key))]
    existing = set(people_repo.names_of(session, exported))
    found: dict[str, int] = {}
    for r in records:
        pid: int | None = None
        m = _EXPORTED.match(r.key)
        if m and int(m.group(1)) in existing:
            pid = int(m.group(1))
        for e in r.emails:
            if pid is None:
                pid = by_email.get(normalize_email(e.value) or "")
        if pid is None:
            pool = [c for c in candidates.get(name_key(r.name), ()) if c.id not in claimed]
            pid = name_org_match(r, pool)
        if pid is not None and pid not in claimed:
            claimed.add(pid)
            found[r.key] = pid
    return found


def apply_projection(person: Person, p: Projection, record: ContactRecord | None) -> None:
    """Set the shared fields of `person` to `p`, keeping labels where the value stays."""
    if p.name and p.name != person.name:
        person.name = p.name
        if record is not None and record.name == p.name and (record.first_name or record.last_name):
            person.first_name, person.last_name = record.first_name, record.last_name
        else:
            person.first_name, person.last_name = split_name(p.name)
    person.organization, person.title = p.organization, p.title
    person.department, person.city = p.department, p.city
    email_labels = {normalize_email(e.value): e.label for e in person.emails}
    phone_labels = {phone_key(x.value): x.label for x in person.phones}
    if record is not None:
        email_labels |= {normalize_email(e.value): e.label for e in record.emails}
        phone_labels |= {phone_key(x.value): x.label for x in record.phones}
    person.emails = [Labeled(v, email_labels.get(v, "") or "") for v in p.emails]
    person.phones = [Labeled(v, phone_labels.get(phone_key(v), "") or "") for v in p.phones]
