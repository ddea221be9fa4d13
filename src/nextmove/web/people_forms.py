"""The person form <-> the PersonEdit `services.people` takes (as `people add` / `people edit`).
Lists (emails, phones, links) are one per line, tags separated by commas; on the edit form
only what changed is sent, so an inferred level stays inferred and a blank field clears."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nextmove.domain.days import parse_day
from nextmove.domain.edits import CLEAR, Clear, PersonEdit
from nextmove.domain.levels import level_key
from nextmove.domain.people import Person
from nextmove.errors import UserError
from nextmove.web.forms import field_message, field_of, said

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


def _edit_of(values: Mapping[str, str], shown: PersonForm) -> PersonEdit:
    """Every field of the form as an edit (blank: cleared)."""
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        if len(_get(values, name)) > MAX_TEXT:
            shown.errors[name] = f"At most {MAX_TEXT:,} characters."
    since = _get(values, "since")
    known_since: date | Clear = CLEAR
    if since:
        try:
            known_since = parse_day(since)
        except UserError as error:
            shown.errors["since"] = said(error)
    if not _get(values, "name"):
        shown.errors["name"] = "Give the person's name."
    return PersonEdit(
        name=_get(values, "name"),
        organization=_get(values, "organization"),
        title=_get(values, "title"),
        department=_get(values, "department"),
        industry=_get(values, "industry"),
        city=_get(values, "city"),
        how_known=_get(values, "how_known"),
        notes=_get(values, "notes"),
        level=_get(values, "level"),
        function=_get(values, "function"),
        tier=_get(values, "tier"),
        profile_url=_get(values, "linkedin"),
        known_since=known_since,
        emails=tuple(_lines(_get(values, "emails"))),
        phones=tuple(_lines(_get(values, "phones"))),
        links=tuple(_lines(_get(values, "links"))),
        tags=tuple(_tags(_get(values, "tags"))),
        offered_help=bool(_get(values, "offered_help")),
        navigated_transition=bool(_get(values, "navigated_transition")),
        peer=bool(_get(values, "peer")),
    )


def new_person_from_form(form: Mapping[str, Any]) -> tuple[PersonEdit | None, PersonForm]:
    """The add form -> the edit for `add_person` (blank fields left out: level and function
    then come from the title)."""
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    shown = PersonForm(values=values)
    edit = _edit_of(values, shown)
    if shown.errors:
        return None, shown
    return edit.without_blanks(), shown


def edit_from_form(form: Mapping[str, Any], person: Person) -> tuple[PersonEdit | None, PersonForm]:
    """The edit form -> only the changes against what is saved (a blank field clears)."""
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    shown = PersonForm(values=values)
    edit = _edit_of(values, shown)
    if shown.errors:
        return None, shown
    return edit.changes_from(_edit_of(form_of(person).values, PersonForm())), shown


def place_error(form: PersonForm, error: UserError) -> PersonForm:
    """A service's UserError next to the field it is about."""
    message = error.message
    found = field_of(error, _FORM_FIELD)
    if found is not None:
        name, text = found
        form.errors[_FORM_FIELD[name]] = field_message(_FORM_FIELD[name], text) + (
            f". {error.hint}" if error.hint and "`" not in error.hint else ""
        )
        return form
    if message.startswith("unknown tier"):
        form.errors["tier"] = "Choose A, B or C."
        return form
    form.general_errors.append(message + (f" {error.hint}" if error.hint else ""))
    return form
