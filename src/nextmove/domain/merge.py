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

from dataclasses import dataclass
from datetime import date

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

AUTHORITY = {"user": 3, "orgchart": 2, "linkedin": 2, "demo": 2, "vcard": 1, "google": 1, "": 0}
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
        links=list(record.links),
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
    if _union(person.links, record.links, _link_key):
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


def apply_title_guess(person: Person, guess: TitleGuess | None) -> bool:
    """Set level and function from a title guess unless the user set them; True if changed.
    Guesses below CONFIDENT leave the field unknown rather than risk a confident wrong one."""
    changed = False
    if person.level_source != "user":
        new: tuple[int | None, float, str | None]
        if guess is not None and guess.level is not None and guess.level_confidence >= CONFIDENT:
            new = (guess.level, round(guess.level_confidence, 3), "inferred")
        elif person.level_source == "orgchart":
            new = (person.level, person.level_confidence, person.level_source)
        else:
            new = (None, 0.0, None)
        if new != (person.level, person.level_confidence, person.level_source):
            person.level, person.level_confidence, person.level_source = new
            changed = True
    if person.function_source != "user":
        fnew: tuple[str | None, float, str | None]
        if (
            guess is not None
            and guess.function is not None
            and guess.function_confidence >= CONFIDENT
        ):
            fnew = (guess.function, round(guess.function_confidence, 3), "inferred")
        else:
            fnew = (None, 0.0, None)
        if fnew != (person.function, person.function_confidence, person.function_source):
            person.function, person.function_confidence, person.function_source = fnew
            changed = True
    return changed


def guess_values(
    guess: TitleGuess | None,
) -> tuple[int | None, float, str | None, str | None, float, str | None]:
    """(level, level confidence, level source, function, function confidence, function source)
    for a new person — the bulk paths' version of apply_title_guess."""
    if guess is None:
        return None, 0.0, None, None, 0.0, None
    level: tuple[int | None, float, str | None]
    function: tuple[str | None, float, str | None]
    if guess.level is not None and guess.level_confidence >= CONFIDENT:
        level = (guess.level, round(guess.level_confidence, 3), "inferred")
    else:
        level = (None, 0.0, None)
    if guess.function is not None and guess.function_confidence >= CONFIDENT:
        function = (guess.function, round(guess.function_confidence, 3), "inferred")
    else:
        function = (None, 0.0, None)
    return (*level, *function)  # type: ignore[return-value]
