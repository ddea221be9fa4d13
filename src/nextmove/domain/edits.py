"""Typed edits: what a person (or the CLI, a web form, an API body) asks to change, one field
per attribute, instead of dictionaries keyed by strings. Each edge builds one; the services
validate it and apply it to the domain value.

The convention, in every edit here: a field left at None is not changed; "" clears a text
(level, function, tier and the LinkedIn URL too); CLEAR clears a date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import Enum
from typing import Any, Self

from nextmove.domain.days import check_day
from nextmove.domain.functions import parse_function
from nextmove.domain.levels import parse_level
from nextmove.domain.limits import POSITION, check_length
from nextmove.domain.links import check_link
from nextmove.domain.people import (
    Job,
    Labeled,
    Person,
    clean_text,
    normalize_email,
    normalize_profile_url,
    same_position,
    validate_tier,
)
from nextmove.domain.vision import Position
from nextmove.errors import UserError


class Clear(Enum):
    """A field given as cleared, where "" cannot say it (a date)."""

    CLEAR = "clear"


CLEAR = Clear.CLEAR


def check_text(value: str, name: str) -> str:
    """Text the database can keep (PostgreSQL refuses NUL characters)."""
    if "\x00" in value:
        raise UserError("contains a NUL character", hint="Remove it and try again.", field=name)
    return value


class _Edit:
    """What every edit can say about itself (its fields are dataclass fields)."""

    def given(self) -> Iterator[tuple[str, Any]]:
        """(field, value) of every field that says something: not None, not an empty list,
        not a False switch."""
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is not None and value != () and value is not False:
                yield f.name, value

    @property
    def empty(self) -> bool:
        return next(self.given(), None) is None

    def without_blanks(self) -> Self:
        """The edit with blank texts, empty lists, CLEAR and False left out: what a form for
        something new gives (a blank field there means "not given", not "clear")."""
        blank: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value in ("", (), False) or value is CLEAR:
                blank[f.name] = f.default
        return replace(self, **blank)  # type: ignore[type-var]

    def changes_from(self, before: Self) -> Self:
        """Only what differs from `before` (both given in full, e.g. a form and the same form
        filled with what is saved)."""
        same = {
            f.name: f.default
            for f in fields(self)  # type: ignore[arg-type]
            if getattr(self, f.name) == getattr(before, f.name)
        }
        return replace(self, **same)  # type: ignore[type-var]

    def check_texts(self) -> None:
        """No NUL character in any text given (the error names the field)."""
        for name, value in self.given():
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, str):
                    check_text(item, name)


@dataclass(frozen=True, slots=True)
class PersonEdit(_Edit):
    """A change to a person (`people add`, `people edit`, the person form, the API).

    Lists given whole (`emails`, `phones`, `links`, `tags`) replace the saved ones, keeping
    the labels of what stays; `add_*` add to them and `remove_tags` takes tags away."""

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    organization: str | None = None
    title: str | None = None
    department: str | None = None
    industry: str | None = None
    city: str | None = None
    how_known: str | None = None
    notes: str | None = None
    level: str | None = None
    function: str | None = None
    tier: str | None = None
    profile_url: str | None = None
    known_since: date | Clear | None = None
    offered_help: bool | None = None
    navigated_transition: bool | None = None
    peer: bool | None = None
    emails: tuple[str, ...] | None = None
    phones: tuple[str, ...] | None = None
    links: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None
    add_emails: tuple[str, ...] = ()
    add_phones: tuple[str, ...] = ()
    add_links: tuple[str, ...] = ()
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    clear_changed_jobs: bool = False


def apply_person_edit(person: Person, edit: PersonEdit, *, today: date) -> None:
    """Apply a user's edit: validated, and marked as the user's word (imports never
    overwrite what the user set). A new position moves the old one into the history."""
    edit.check_texts()
    for name in ("name", "first_name", "last_name", "department", "industry", "city"):
        value = getattr(edit, name)
        if value is not None:
            setattr(person, name, clean_text(value))
    if edit.how_known is not None:
        person.how_known = clean_text(edit.how_known)
    if edit.notes is not None:
        person.notes = edit.notes.strip()
    if edit.level == "":
        person.level, person.level_confidence, person.level_source = None, 0.0, None
    elif edit.level is not None:
        person.level = parse_level(edit.level, field="level")
        person.level_confidence, person.level_source = 1.0, "user"
    if edit.function == "":
        person.function, person.function_confidence, person.function_source = None, 0.0, None
    elif edit.function is not None:
        person.function = parse_function(edit.function, field="function")
        person.function_confidence, person.function_source = 1.0, "user"
    if edit.tier is not None:
        person.tier = validate_tier(edit.tier)
    if edit.known_since is CLEAR:
        person.known_since = None
    elif edit.known_since is not None:
        person.known_since = check_day(edit.known_since, "since")
    for flag in ("offered_help", "navigated_transition", "peer"):
        value = getattr(edit, flag)
        if value is not None:
            setattr(person, flag, bool(value))
    if edit.profile_url is not None:
        url = normalize_profile_url(edit.profile_url) if edit.profile_url else None
        if edit.profile_url and url is None:
            raise UserError(
                f"{edit.profile_url!r} is not a LinkedIn profile URL",
                hint="It looks like https://www.linkedin.com/in/name",
                field="linkedin",
            )
        person.profile_url = url
    _replace_lists(person, edit)
    _add_emails(person, edit.add_emails)
    _add_phones(person, edit.add_phones)
    _add_links(person, edit.add_links)
    _add_tags(person, edit.add_tags)
    if edit.remove_tags:
        person.tags = [t for t in person.tags if t not in edit.remove_tags]
    if edit.clear_changed_jobs:
        person.changed_jobs_on = None
    _move_position(person, edit.organization, edit.title, today=today)
    if not person.name.strip():
        raise UserError("name: must not be empty")


def _replace_lists(person: Person, edit: PersonEdit) -> None:
    """Whole lists given at once (the web's edit form, the API): what is not in them goes;
    the labels of what stays are kept."""
    if edit.tags is not None:
        person.tags = []
        _add_tags(person, edit.tags)
    for name, values, add in (
        ("emails", edit.emails, _add_emails),
        ("phones", edit.phones, _add_phones),
        ("links", edit.links, _add_links),
    ):
        if values is None:
            continue
        current: list[Labeled] = getattr(person, name)
        labels = {item.value: item.label for item in current}
        setattr(person, name, [])
        add(person, values)
        for item in getattr(person, name):
            item.label = labels.get(item.value, item.label)


def _add_emails(person: Person, values: tuple[str, ...]) -> None:
    for item in values:
        address = normalize_email(item)
        if address is None:
            raise UserError(f"{item!r} is not an email address", field="email")
        if all(normalize_email(e.value) != address for e in person.emails):
            person.emails.append(Labeled(address, ""))


def _add_phones(person: Person, values: tuple[str, ...]) -> None:
    for item in values:
        if all(p.value != item for p in person.phones):
            person.phones.append(Labeled(clean_text(item), ""))


def _add_links(person: Person, values: tuple[str, ...]) -> None:
    for item in values:
        url = check_link(str(item), "link")
        if url and all(link.value != url for link in person.links):
            person.links.append(Labeled(url, ""))


def _add_tags(person: Person, values: tuple[str, ...]) -> None:
    for item in values:
        tag = clean_text(item)
        if tag and tag not in person.tags:
            person.tags.append(tag)


def _move_position(
    person: Person, organization: str | None, title: str | None, *, today: date
) -> None:
    """A new organization or title: the old position goes into the history (ended today),
    and the position is the user's word."""
    if organization is None and title is None:
        return
    new_org = clean_text(organization) if organization is not None else person.organization
    new_title = clean_text(title) if title is not None else person.title
    if (person.organization or person.title) and not same_position(
        person.organization, person.title, new_org, new_title
    ):
        person.history.insert(0, Job(person.organization, person.title, None, today, "user"))
    person.organization, person.title = new_org, new_title
    person.position_source = "user"


@dataclass(frozen=True, slots=True)
class OpportunityInput(_Edit):
    """An opportunity's fields as given (`opp add`, `opp edit`, the form, the API, or read
    from a pasted posting). Level is a ladder key or a rank; "" clears it and the function;
    `involves`, given, replaces the whole list."""

    title: str | None = None
    organization: str | None = None
    industry: str | None = None
    city: str | None = None
    link: str | None = None
    notes: str | None = None
    function: str | None = None
    level: str | int | None = None
    source: str | None = None
    remote: bool | None = None
    brand: bool | None = None
    involves: tuple[str, ...] | None = None

    def over(self, base: OpportunityInput) -> OpportunityInput:
        """`base` with what is given here put over it (blank texts and lists count as not
        given; an explicit False does count)."""
        given = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) not in (None, "", ())
        }
        return replace(base, **given)


@dataclass(frozen=True, slots=True)
class PositionEdit(_Edit):
    """A change to your current position (`nextmove me set`); level and function "" clear."""

    name: str | None = None
    title: str | None = None
    organization: str | None = None
    function: str | None = None
    level: str | None = None
    industry: str | None = None
    city: str | None = None


def apply_position_edit(position: Position, edit: PositionEdit) -> Position:
    """The position with the edit applied: texts trimmed, level and function validated."""
    edit.check_texts()
    changed: dict[str, Any] = {}
    for name in ("name", "title", "organization", "industry", "city"):
        value = getattr(edit, name)
        if value is not None:
            changed[name] = check_length(value.strip(), POSITION[name], field=name)
    if edit.level is not None:
        changed["level"] = parse_level(edit.level, field="level") if edit.level != "" else None
    if edit.function is not None:
        changed["function"] = (
            parse_function(edit.function, field="function") if edit.function != "" else None
        )
    return replace(position, **changed)
