"""Two-way sync of a person with an address-book card: pure rules, no I/O.

A *projection* is what the two sides share — the fields both nextmove and an address book
model: name, organization, title, department, city, e-mail addresses and phone numbers.
Everything else is one side's own: nextmove's notes, ties, tiers, tags and flags never go to
the card, and the card's photo, birthday, street address and whatever else nextmove does not
model stay on the server untouched (the card is patched, not rewritten).

Each sync compares both sides with the projection both had at the last sync (the *base*) and
merges field by field, three ways: a field changed on one side only takes that side's value;
a text field changed on both sides to different values is a conflict, which the field's
owner wins — the address book for the address (city), nextmove for the name and position —
and the value that lost is kept in the conflict, shown to the user, never silently dropped.
E-mail addresses and phone numbers (the address book's) merge as sets: an address added on
either side is kept, one removed on either side goes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from nextmove.domain.people import Person, clean_text, normalize_email

Side = Literal["nextmove", "address book"]
SCALARS = ("name", "organization", "title", "department", "city")
LISTS = ("emails", "phones")
FIELDS = SCALARS + LISTS
# Who wins a field both sides changed since the last sync.
OWNER: dict[str, Side] = {
    "name": "nextmove",
    "organization": "nextmove",
    "title": "nextmove",
    "department": "nextmove",
    "city": "address book",
    "emails": "address book",
    "phones": "address book",
}


def phone_key(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return ("+" if value.strip().startswith("+") else "") + digits if digits else value.lower()


def _email_values(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        e = normalize_email(v)
        if e and e not in out:
            out.append(e)
    return out


def _phone_values(values: list[str]) -> list[str]:
    out: list[str] = []
    keys: set[str] = set()
    for v in values:
        v = clean_text(v).removeprefix("tel:")  # vCard 4.0 writes numbers as tel: URIs
        if v and phone_key(v) not in keys:
            keys.add(phone_key(v))
            out.append(v)
    return out


@dataclass(frozen=True, slots=True)
class Projection:
    name: str = ""
    organization: str = ""
    title: str = ""
    department: str = ""
    city: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @classmethod
    def of(cls, **values: Any) -> Projection:
        return cls(
            **{k: clean_text(values.get(k) or "") for k in SCALARS},
            emails=tuple(_email_values(list(values.get("emails") or ()))),
            phones=tuple(_phone_values(list(values.get("phones") or ()))),
        )

    @classmethod
    def of_person(cls, person: Person) -> Projection:
        return cls.of(
            name=person.name,
            organization=person.organization,
            title=person.title,
            department=person.department,
            city=person.city,
            emails=[e.value for e in person.emails],
            phones=[p.value for p in person.phones],
        )

    def canonical(self, name: str) -> Any:
        """A field's value as compared: case and spacing of text ignored, lists as sets
        (phones by their digits)."""
        value = getattr(self, name)
        if name == "emails":
            return sorted(value)
        if name == "phones":
            return sorted(phone_key(v) for v in value)
        return " ".join(str(value).split()).casefold()

    def same(self, other: Projection, name: str) -> bool:
        return self.canonical(name) == other.canonical(name)

    def to_json(self) -> dict[str, Any]:
        return {k: (list(getattr(self, k)) if k in LISTS else getattr(self, k)) for k in FIELDS}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Projection:
        return cls.of(**(data or {}))

    def digest(self) -> str:
        """The content hash kept per side in the status table."""
        data = {k: self.canonical(k) for k in FIELDS}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    winner: Side
    kept: Any  # the value that won (now on both sides)
    lost: Any  # the other side's value, shown to the user

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "winner": self.winner, "kept": self.kept, "lost": self.lost}


@dataclass(slots=True)
class Merged:
    result: Projection
    conflicts: list[FieldConflict] = field(default_factory=list)


def _value(p: Projection, name: str) -> Any:
    value = getattr(p, name)
    return list(value) if name in LISTS else value


def _key(name: str, value: str) -> str:
    return phone_key(value) if name == "phones" else value


def _merge_list(
    name: str, base: Projection | None, local: Projection, remote: Projection
) -> list[str]:
    """E-mails and phones merge as sets: what either side added is added, what either side
    removed (of what both had at the last sync) is removed — so nothing one side typed is
    lost. Without a base, the union. The address book's order comes first."""
    mine, theirs = list(getattr(local, name)), list(getattr(remote, name))
    before = {_key(name, v) for v in getattr(base, name)} if base is not None else set()
    mine_keys = {_key(name, v) for v in mine}
    theirs_keys = {_key(name, v) for v in theirs}
    removed = (before - mine_keys) | (before - theirs_keys)
    out: list[str] = []
    seen: set[str] = set()
    for value in theirs + mine:
        k = _key(name, value)
        if k not in removed and k not in seen:
            seen.add(k)
            out.append(value)
    return out


def merge(base: Projection | None, local: Projection, remote: Projection) -> Merged:
    """The projection both sides take after a sync. Without a base (the first sync of a pair
    that matched), lists are united and a scalar one side lacks is filled from the other;
    two different values are a conflict the owner wins."""
    values: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in FIELDS:
        mine, theirs = _value(local, name), _value(remote, name)
        if local.same(remote, name):
            values[name] = mine if OWNER[name] == "nextmove" else theirs
            continue
        if base is not None and local.same(base, name):
            values[name] = theirs
            continue
        if base is not None and remote.same(base, name):
            values[name] = mine
            continue
        if name in LISTS:
            values[name] = _merge_list(name, base, local, remote)
            continue
        if base is None and not (mine and theirs):
            values[name] = mine or theirs
            continue
        winner = OWNER[name]
        kept, lost = (mine, theirs) if winner == "nextmove" else (theirs, mine)
        values[name] = kept
        conflicts.append(FieldConflict(name, winner, kept, lost))
    return Merged(Projection.of(**values), conflicts)
