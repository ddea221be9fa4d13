"""The import form <-> an ImportRequest: the kinds of file with where to get each, and the
checks made before a file is handed to the importer (which then finds the rest)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile

from nextmove.domain.import_kinds import FILE_KIND_NAMES, FILE_KINDS, KINDS_BY_NAME
from nextmove.errors import UserError
from nextmove.formats.orgchart import FIELDS as ORGCHART_FIELDS
from nextmove.formats.orgchart import parse_column_map
from nextmove.web.import_jobs import ImportRequest, display_name

MAX_TEXT = 200


# The kinds the form offers, in the registry's order (domain.import_kinds).
KINDS = FILE_KINDS
ACCEPT_ANY = ",".join(dict.fromkeys(part for k in KINDS for part in k.accept.split(",")))


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
    if kind not in FILE_KIND_NAMES:
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
    options = KINDS_BY_NAME[kind].options if kind in FILE_KIND_NAMES else ()
    if "organization" in options:
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
        # An option counts only for the kinds that take it (the form shows them always).
        organization=(organization or None) if "organization" in options else None,
        column_map=(column_map or None) if "column_map" in options else None,
        me=(me or None) if "me" in options else None,
    )
    return request, upload, shown


COLUMN_FIELDS = ", ".join(ORGCHART_FIELDS)
