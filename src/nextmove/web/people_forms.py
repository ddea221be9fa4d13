"""The person form <-> the changes `services.people` takes (as `people add` / `people edit`).
Lists (emails, phones, links) are one per line, tags separated by commas; on the edit form
only what changed is sent, so an inferred level stays inferred and a blank field clears."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nextmove.domain.days import parse_day
from nextmove.domain.levels import level_key
from nextmove.domain.people import Person
from nextmove.errors import UserError
from nextmove.web.forms import field_of, said

TEXT_FIELDS = (
    "name",
    "organization",
    "title",
    "department",
    "industry",
    "city",
    "how_known",
    "notes",
)
CHOICE_FIELDS = ("level", "function", "tier")
LIST_FIELDS = ("emails", "phones", "links")
FLAG_FIELDS = ("offered_help", "navigated_transition", "peer")
MAX_TEXT = 10_000

# Where an error about a field lands on the form: the email field -> the emails box.
_FORM_FIELD = {
    "name": "name",
    "level": "level",
    "function": "function",
    "tier": "tier",
    "email": "emails",
    "linkedin": "linkedin",
    "since": "since",
}


def _get(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _tags(text: str) -> list[str]:
    return [t.strip() for t in text.replace("\n", ",").split(",") if t.strip()]


@dataclass
class PersonForm:
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.general_errors)


def form_of(person: Person) -> PersonForm:
    """The edit form, filled with what is saved."""
    values = {name: str(getattr(person, name) or "") for name in TEXT_FIELDS}
    values["level"] = level_key(person.level) or ""
    values["function"] = person.function or ""
    values["tier"] = person.tier or ""
    values["emails"] = "\n".join(e.value for e in person.emails)
    values["phones"] = "\n".join(p.value for p in person.phones)
    values["links"] = "\n".join(link.value for link in person.links)
    values["linkedin"] = person.profile_url or ""
    values["tags"] = ", ".join(person.tags)
    values["since"] = person.known_since.isoformat() if person.known_since else ""
    for name in FLAG_FIELDS:
        values[name] = "on" if getattr(person, name) else ""
    return PersonForm(values=values)


def _changes_of(values: Mapping[str, str], shown: PersonForm) -> dict[str, Any]:
    """Every field of the form as a change (blank: cleared)."""
    changes: dict[str, Any] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        text = _get(values, name)
        if len(text) > MAX_TEXT:
            shown.errors[name] = f"At most {MAX_TEXT:,} characters."
        changes[name] = text
    for name in LIST_FIELDS:
        changes[name] = _lines(_get(values, name))
    changes["tags"] = _tags(_get(values, "tags"))
    changes["profile_url"] = _get(values, "linkedin")
    since = _get(values, "since")
    changes["known_since"] = None
    if since:
        try:
            changes["known_since"] = parse_day(since)
        except UserError as error:
            shown.errors["since"] = said(error)
    for name in FLAG_FIELDS:
        changes[name] = bool(_get(values, name))
    if not changes["name"]:
        shown.errors["name"] = "Give the person's name."
    return changes


def new_person_from_form(form: Mapping[str, Any]) -> tuple[dict[str, Any] | None, PersonForm]:
    """The add form -> changes for `add_person` (blank fields left out: level and function
    then come from the title)."""
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    shown = PersonForm(values=values)
    changes = _changes_of(values, shown)
    if shown.errors:
        return None, shown
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if value in ("", [], None, False):
            continue
        out[key] = value
    return out, shown


def edit_from_form(
    form: Mapping[str, Any], person: Person
) -> tuple[dict[str, Any] | None, PersonForm]:
    """The edit form -> only the changes against what is saved (a blank field clears)."""
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    shown = PersonForm(values=values)
    changes = _changes_of(values, shown)
    if shown.errors:
        return None, shown
    before = _changes_of(form_of(person).values, PersonForm())
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if value != before.get(key):
            out[key] = "" if key == "known_since" and value is None else value
    return out, shown


def place_error(form: PersonForm, error: UserError) -> PersonForm:
    """A service's UserError next to the field it is about."""
    message = error.message
    found = field_of(error, _FORM_FIELD)
    if found is not None:
        name, text = found
        form.errors[_FORM_FIELD[name]] = (
            text[:1].upper()
            + text[1:]
            + (f". {error.hint}" if error.hint and "`" not in error.hint else "")
        )
        return form
    if message.startswith("unknown tier"):
        form.errors["tier"] = "Choose A, B or C."
        return form
    form.general_errors.append(message + (f" {error.hint}" if error.hint else ""))
    return form
