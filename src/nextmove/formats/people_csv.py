"""The network as CSV: one row per person, every field, in an open format any spreadsheet
reads. Lists are joined with "; ", the employment history is JSON.

A cell that starts with =, +, -, @, a tab or a carriage return is a formula to a spreadsheet
(a name imported from someone's profile could run one: CSV injection); such cells get a
leading apostrophe, which spreadsheets show as text, as OWASP recommends."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from nextmove.domain.levels import level_key
from nextmove.domain.people import Person

COLUMNS = (
    "id",
    "name",
    "first_name",
    "last_name",
    "emails",
    "phones",
    "links",
    "linkedin_url",
    "organization",
    "title",
    "department",
    "function",
    "level",
    "level_source",
    "industry",
    "city",
    "how_known",
    "known_since",
    "tags",
    "tier",
    "notes",
    "offered_help",
    "navigated_transition",
    "peer",
    "changed_jobs_on",
    "last_contact",
    "employee_id",
    "manager_id",
    "org_depth",
    "history",
)


def _row(p: Person) -> list[str]:
    def d(value: object) -> str:
        return value.isoformat() if value is not None and hasattr(value, "isoformat") else ""

    return [
        str(p.id or ""),
        p.name,
        p.first_name,
        p.last_name,
        "; ".join(e.value for e in p.emails),
        "; ".join(x.value for x in p.phones),
        "; ".join(x.value for x in p.links),
        p.profile_url or "",
        p.organization,
        p.title,
        p.department,
        p.function or "",
        level_key(p.level) or "",
        p.level_source or "",
        p.industry,
        p.city,
        p.how_known,
        d(p.known_since),
        "; ".join(p.tags),
        p.tier or "",
        p.notes,
        "yes" if p.offered_help else "",
        "yes" if p.navigated_transition else "",
        "yes" if p.peer else "",
        d(p.changed_jobs_on),
        d(p.last_contact),
        p.employee_id or "",
        str(p.manager_id or ""),
        "" if p.org_depth is None else str(p.org_depth),
        json.dumps(
            [
                {
                    "organization": j.organization,
                    "title": j.title,
                    "start": d(j.start) or None,
                    "end": d(j.end) or None,
                }
                for j in p.history
            ],
            ensure_ascii=False,
        )
        if p.history
        else "",
    ]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value: str) -> str:
    """The cell as a spreadsheet shows it as text, never as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def render_people_csv(people: Iterable[Person]) -> Iterator[str]:
    """CSV text in chunks: the header, then one row per person."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for count, person in enumerate(people, start=1):
        writer.writerow([neutralize_cell(cell) for cell in _row(person)])
        if count % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
