"""Merging what a file says about a person into what nextmove knows: pure rules that make
re-imports idempotent and catch job changes.

- Lists (emails, phones, links, tags, history) only grow; the same value twice is one value.
- Empty fields are filled; a filled name, city or industry is not overwritten by an import.
- The current position (organization, title, department) follows the most authoritative
  source: the user > an org chart or LinkedIn > an address book. A source at least as
  authoritative as the one that set it may change it; the old position then moves into the
  history and the person is flagged *changed jobs* (a reason to reconnect). A position already
  in the history is stale (an old export) and changes nothing, so two sources that disagree
  cannot flip a person back and forth.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from nextmove.domain.import_kinds import FILE_AUTHORITY, USER_AUTHORITY, authorities
from nextmove.domain.links import safe_link
from nextmove.domain.people import (
    ContactRecord,
    Job,
    Labeled,
    Person,
    clean_text,
    fold,
    normalize_email,
    org_key,
    split_name,
)
from nextmove.domain.titles import TitleGuess

# Whose word counts most for a position: you, then each import kind by its row in the
# registry (domain.import_kinds), the demo as a file would; nothing known counts least.
AUTHORITY = {"user": USER_AUTHORITY, "demo": FILE_AUTHORITY, "": 0, **authorities()}
CONFIDENT = 0.5  # a guess below this leaves the level (or function) unknown


def authority(kind: str) -> int:
    return AUTHORITY.get(kind, 1)


def _position_key(organization: str, title: str) -> tuple[str, str]:
    return org_key(organization), fold(clean_text(title))


@dataclass(slots=True)
class MergeOutcome:
    changed: bool = False
    job_change: tuple[str, str] | None = None  # (before, after) descriptions
    title_changed: bool = False


def describe_position(organization: str, title: str) -> str:
    if organization and title:
        return f"{title} at {organization}"
    return title or organization or "—"


def _safe(links: list[Labeled]) -> list[Labeled]:
    """An imported file's links, without the ones a page must not follow (`javascript:`, a
    line break: domain.links); dropped the same way on every import, so re-imports agree."""
    return [link for link in links if safe_link(link.value)]


def person_from_record(record: ContactRecord, *, kind: str) -> Person:
    first, last = record.first_name, record.last_name
    if not (first or last):
        first, last = split_name(record.name)
    return Person(
        name=record.name,
        first_name=first,
        last_name=last,
        emails=list(record.emails),
        phones=list(record.phones),
        links=_safe(record.links),
        profile_url=record.profile_url,
        organization=record.organization,
        title=record.title,
        department=record.department,
        position_source=kind if (record.organization or record.title) else "",
        industry=record.industry,
        city=record.city,
        history=list(record.history),
        how_known=record.how_known,
        known_since=record.known_since,
        tags=list(record.tags),
        notes=record.notes,
    )


def _union(mine: list[Labeled], theirs: list[Labeled], key: object) -> bool:
    seen = {key(item.value) for item in mine}  # type: ignore[operator]
    added = False
    for item in theirs:
        k = key(item.value)  # type: ignore[operator]
        if k and k not in seen:
            mine.append(Labeled(item.value, item.label))
            seen.add(k)
            added = True
    return added


def _email_key(value: str) -> str:
    return normalize_email(value) or ""


def _phone_key(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits or value.strip().lower()


def _link_key(value: str) -> str:
    return value.strip().rstrip("/").lower().removeprefix("https://").removeprefix("http://")


def merge_record(person: Person, record: ContactRecord, *, kind: str, today: date) -> MergeOutcome:
    """Apply `record` (from a `kind` import) to `person` in place; say what changed."""
    outcome = MergeOutcome()

    def fill(attr: str, value: object) -> None:
        if value and not getattr(person, attr):
            setattr(person, attr, value)
            outcome.changed = True

    fill("name", record.name)
    if not (person.first_name or person.last_name):
        fill("first_name", record.first_name)
        fill("last_name", record.last_name)
    if _union(person.emails, record.emails, _email_key):
        outcome.changed = True
    if _union(person.phones, record.phones, _phone_key):
        outcome.changed = True
    if _union(person.links, _safe(record.links), _link_key):
        outcome.changed = True
    fill("profile_url", record.profile_url)
    for tag in record.tags:
        if tag not in person.tags:
            person.tags.append(tag)
            outcome.changed = True
    fill("how_known", record.how_known)
    if record.known_since and (
        person.known_since is None or record.known_since < person.known_since
    ):
        person.known_since = record.known_since
        outcome.changed = True
    fill("industry", record.industry)
    if not (record.organization or record.title):
        fill("city", record.city)
    if record.notes and record.notes.strip() not in person.notes:
        person.notes = f"{person.notes}\n\n{record.notes.strip()}".strip()
        outcome.changed = True
    known_jobs = {_position_key(j.organization, j.title) for j in person.history}
    for job in record.history:
        if _position_key(job.organization, job.title) not in known_jobs:
            person.history.append(job)
            known_jobs.add(_position_key(job.organization, job.title))
            outcome.changed = True
    _merge_position(person, record, kind=kind, today=today, outcome=outcome)
    return outcome


def _merge_position(
    person: Person, record: ContactRecord, *, kind: str, today: date, outcome: MergeOutcome
) -> None:
    if not (record.organization or record.title):
        return
    may_change = authority(kind) >= authority(person.position_source)
    if not (person.organization or person.title):
        person.organization, person.title = record.organization, record.title
        person.department = record.department or person.department
        person.position_source = kind
        outcome.changed = outcome.title_changed = True
        if record.city and (may_change or not person.city):
            person.city = record.city
        return
    incoming = _position_key(record.organization, record.title)
    current = _position_key(person.organization, person.title)
    if incoming == current:
        if may_change:
            for attr in ("department", "city"):
                value = getattr(record, attr)
                if value and value != getattr(person, attr):
                    setattr(person, attr, value)
                    outcome.changed = True
        else:
            if record.department and not person.department:
                person.department = record.department
                outcome.changed = True
            if record.city and not person.city:
                person.city = record.city
                outcome.changed = True
        return
    stale = any(_position_key(j.organization, j.title) == incoming for j in person.history)
    if not may_change or stale:
        if record.city and not person.city:
            person.city = record.city
            outcome.changed = True
        return
    before = describe_position(person.organization, person.title)
    person.history.insert(
        0, Job(person.organization, person.title, None, None, person.position_source or kind)
    )
    person.organization, person.title = record.organization, record.title
    person.department = record.department
    if record.city:
        person.city = record.city
    person.position_source = kind
    person.changed_jobs_on = today
    outcome.changed = outcome.title_changed = True
    outcome.job_change = (before, describe_position(person.organization, person.title))


TitleValues = tuple[int | None, float, str | None, str | None, float, str | None]
NO_TITLE_VALUES: TitleValues = (None, 0.0, None, None, 0.0, None)
TITLE_FIELDS = (
    "level",
    "level_confidence",
    "level_source",
    "function",
    "function_confidence",
    "function_source",
)
title_of: Callable[[Any], TitleValues] = attrgetter(*TITLE_FIELDS)  # a Person's or a Known's


def title_values(current: TitleValues, guess: TitleGuess | None) -> TitleValues:
    """(level, level confidence, level source, function, function confidence, function
    source) once a title guess is applied to a person who has `current`: what the user set
    stays; a level the org chart derived stays unless the title says one; guesses below
    CONFIDENT leave the field unknown rather than risk a confident wrong one."""
    level, level_confidence, level_source, function, function_confidence, function_source = current
    if level_source != "user":
        if guess is not None and guess.level is not None and guess.level_confidence >= CONFIDENT:
            level, level_confidence, level_source = (
                guess.level,
                round(guess.level_confidence, 3),
                "inferred",
            )
        elif level_source != "orgchart":
            level, level_confidence, level_source = None, 0.0, None
    if function_source != "user":
        if (
            guess is not None
            and guess.function is not None
            and guess.function_confidence >= CONFIDENT
        ):
            function, function_confidence, function_source = (
                guess.function,
                round(guess.function_confidence, 3),
                "inferred",
            )
        else:
            function, function_confidence, function_source = None, 0.0, None
    return level, level_confidence, level_source, function, function_confidence, function_source


def apply_title_guess(person: Person, guess: TitleGuess | None) -> bool:
    """Set level and function from a title guess (see title_values); True if changed."""
    current = title_of(person)
    new = title_values(current, guess)
    if new == current:
        return False
    for name, value in zip(TITLE_FIELDS, new, strict=True):
        setattr(person, name, value)
    return True


def guess_values(guess: TitleGuess | None) -> TitleValues:
    """The title values of a new person — the bulk paths' version of apply_title_guess."""
    return title_values(NO_TITLE_VALUES, guess)


class Known(NamedTuple):
    """What nextmove has of a person that an org-chart row can change (columns of theirs)."""

    name: str
    first_name: str
    last_name: str
    email: str | None  # the first address, normalized
    how_known: str
    org_key: str
    title: str
    department: str
    city: str
    position_source: str
    employee_id: str | None
    manager_id: int | None
    level: int | None
    level_confidence: float
    level_source: str | None
    function: str | None
    function_confidence: float
    function_source: str | None


def chart_row_changes_nothing(
    known: Known,
    record: ContactRecord,
    *,
    manager_id: int | None,
    guess: TitleGuess | None,
) -> bool:
    """True only when merging this org-chart record (merge_record, the place in the chart —
    employee id `record.key` and `manager_id` — then apply_title_guess) would certainly
    change nothing: a re-import of an unchanged chart then skips loading and merging its
    people. False means "merge to find out"; a record carrying more than an org chart holds
    always says False."""
    if (
        record.phones
        or record.links
        or record.tags
        or record.history
        or record.notes
        or record.known_since
        or record.industry
        or record.profile_url
        or len(record.emails) > 1
    ):
        return False
    if not known.name and record.name:
        return False
    if not (known.first_name or known.last_name) and (record.first_name or record.last_name):
        return False
    if record.emails:
        email = record.emails[0].value
        if email != known.email and normalize_email(email) != known.email:
            return False
    if record.how_known and not known.how_known:
        return False
    if (record.key, manager_id) != (known.employee_id, known.manager_id):
        return False
    if record.organization or record.title:
        # The same position, word for word (anything else: merge to find out).
        if (org_key(record.organization), record.title) != (known.org_key, known.title):
            return False
        if not known.org_key and not known.title:
            return False
        pairs = ((record.department, known.department), (record.city, known.city))
        if authority("orgchart") >= authority(known.position_source):
            if any(value and value != mine for value, mine in pairs):
                return False
        elif any(value and not mine for value, mine in pairs):
            return False
    elif record.city and not known.city:
        return False
    current = title_of(known)
    return title_values(current, guess) == current
