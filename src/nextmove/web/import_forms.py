"""The import form <-> an ImportRequest: the kinds of file with where to get each, and the
checks made before a file is handed to the importer (which then finds the rest)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile

from nextmove.domain.imports import IMPORT_KINDS
from nextmove.errors import UserError
from nextmove.formats.orgchart import FIELDS as ORGCHART_FIELDS
from nextmove.formats.orgchart import parse_column_map
from nextmove.web.import_jobs import ImportRequest, display_name

MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class ImportKind:
    key: str
    label: str
    what: str  # one line: what the file is and what the import does with it
    where: str  # where to get the file
    accept: str  # the file input's `accept`


KINDS: tuple[ImportKind, ...] = (
    ImportKind(
        "linkedin",
        "LinkedIn connections",
        "Connections.csv, or LinkedIn's whole export ZIP (its invitations and messages become "
        "interactions).",
        "On LinkedIn: Me → Settings & Privacy → Data privacy → Get a copy of your data → "
        "Connections. The file arrives by email within minutes (the full archive within a day).",
        ".csv,.zip,text/csv,application/zip",
    ),
    ImportKind(
        "vcard",
        "vCards (.vcf)",
        "One file with one or many contact cards, from any address book (vCard 2.1, 3.0, 4.0).",
        "Apple Contacts: select the contacts → File → Export → Export vCard. Outlook, Android, "
        "Thunderbird and most phones export .vcf files too.",
        ".vcf,.vcard,text/vcard,text/x-vcard",
    ),
    ImportKind(
        "google",
        "Google Contacts (CSV)",
        "A Google Contacts export, current or legacy columns.",
        "contacts.google.com → Export → Google CSV.",
        ".csv,text/csv",
    ),
    ImportKind(
        "orgchart",
        "An org chart (CSV)",
        "One row per employee with their id and their manager's id: kept in your organization "
        "directory as a snapshot — who reports to whom, who joined, left or moved since the "
        "last one.",
        "Ask HR or export your company directory; fill in the org chart options below.",
        ".csv,text/csv",
    ),
    ImportKind(
        "ics",
        "A calendar (.ics)",
        "Past events with people already in your network become interactions, so last-contact "
        "dates come from your real calendar.",
        "Google Calendar: Settings → Import & export → Export. Outlook: File → Save Calendar.",
        ".ics,text/calendar",
    ),
)
ACCEPT_ANY = ",".join(dict.fromkeys(part for k in KINDS for part in k.accept.split(",")))
assert tuple(k.key for k in KINDS) == IMPORT_KINDS


@dataclass
class ImportForm:
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)


def _get(form: Mapping[str, Any], name: str) -> str:
    """A field's text without control characters (a database cannot store NUL)."""
    value = form.get(name)
    if not isinstance(value, str):
        return ""
    return "".join(c for c in value if c.isprintable() or c == "\n").strip()


def import_request_from_form(
    form: Mapping[str, Any],
) -> tuple[ImportRequest | None, UploadFile | None, ImportForm]:
    """The submitted form -> the import to run and the uploaded file, or the form with its
    problems next to their fields."""
    shown = ImportForm(values={k: v for k, v in form.items() if isinstance(v, str)})
    errors = shown.errors
    kind = _get(form, "kind")
    if kind not in IMPORT_KINDS:
        errors["kind"] = "Choose what kind of file this is."
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        errors["file"] = "Choose the file to import."
        upload = None
    elif upload.size == 0:
        errors["file"] = f"{display_name(upload.filename)} is empty: choose the exported file."
    organization = _get(form, "organization")
    me = _get(form, "me")
    column_map: dict[str, str] = {}
    if kind == "orgchart":
        for name, value in (("organization", organization), ("me", me)):
            if len(value) > MAX_TEXT:
                errors[name] = f"Keep this under {MAX_TEXT} characters."
        lines = [
            part.strip()
            for line in _get(form, "column_map").splitlines()
            for part in line.split(",")
            if part.strip()
        ]
        try:
            column_map = parse_column_map(lines)
        except UserError as error:
            errors["column_map"] = error.detail + ". " + (error.hint or "")
    if errors or upload is None:
        return None, upload, shown
    request = ImportRequest(
        kind=kind,
        filename=display_name(upload.filename),
        dry_run=bool(_get(form, "dry_run")),
        partial=bool(_get(form, "partial")),
        # The org chart's options only count for org charts (the form shows them always).
        organization=(organization or None) if kind == "orgchart" else None,
        column_map=(column_map or None) if kind == "orgchart" else None,
        me=(me or None) if kind == "orgchart" else None,
    )
    return request, upload, shown


COLUMN_FIELDS = ", ".join(ORGCHART_FIELDS)
