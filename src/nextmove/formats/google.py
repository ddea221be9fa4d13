"""Google Contacts CSV, in its current header

    First Name,Middle Name,Last Name,…,Organization Name,Organization Title,
    Organization Department,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…

and its legacy one

    Name,Given Name,Additional Name,Family Name,…,Group Membership,E-mail 1 - Type,
    E-mail 1 - Value,…,Organization 1 - Name,Organization 1 - Title,…

Several values of one kind share a cell joined by ` ::: ` (two addresses labelled "Work",
the labels "* myContacts ::: Friends").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from nextmove.domain.people import (
    ContactRecord,
    Labeled,
    clean_text,
    display_name,
    normalize_email,
    normalize_profile_url,
)
from nextmove.errors import Problem
from nextmove.formats.textfile import cell, open_csv

SEPARATOR = " ::: "
EXPECTED = (
    "Google Contacts columns (First Name, Last Name, E-mail 1 - Value … or the legacy Name, "
    "Given Name, Family Name, E-mail 1 - Value …)"
)
SYSTEM_LABELS = {"mycontacts", "starred"}


def _is_header(cells: set[str]) -> bool:
    current = {"first name", "last name"} <= cells and (
        "e-mail 1 - value" in cells or "labels" in cells or "organization name" in cells
    )
    legacy = {"name", "given name", "family name"} <= cells
    return current or legacy


def split_values(value: str) -> list[str]:
    return [v.strip() for v in value.split(":::") if v.strip()]


def _numbered(col: dict[str, int], prefix: str, suffix: str) -> list[tuple[int, int | None]]:
    """[(value column, label column)] for "E-mail 1 - Value", "E-mail 2 - Value", …"""
    pattern = re.compile(rf"^{re.escape(prefix)} (\d+) - value$")
    found = []
    for name, index in col.items():
        match = pattern.match(name)
        if match:
            n = match.group(1)
            label = col.get(f"{prefix} {n} - {suffix}", col.get(f"{prefix} {n} - type"))
            found.append((int(n), index, label))
    return [(index, label) for _, index, label in sorted(found)]


def _labelled(row: list[str], columns: list[tuple[int, int | None]]) -> list[Labeled]:
    out: list[Labeled] = []
    for value_index, label_index in columns:
        label = clean_text(cell(row, label_index)).lstrip("* ").lower()
        for value in split_values(cell(row, value_index)):
            out.append(Labeled(value, label))
    return out


def parse_google(text: str, source: str) -> Iterator[ContactRecord | Problem]:
    table = open_csv(text, source, is_header=_is_header, expected=EXPECTED)
    col = table.index()
    legacy = "given name" in col and "first name" not in col
    emails_cols = _numbered(col, "e-mail", "label")
    phone_cols = _numbered(col, "phone", "label")
    web_cols = _numbered(col, "website", "label")
    city_cols = [i for n, i in col.items() if re.match(r"^address \d+ - city$", n)]
    if legacy:
        first_c, middle_c, last_c = (
            col.get("given name"),
            col.get("additional name"),
            col.get("family name"),
        )
        name_c = col.get("name")
        org_c = col.get("organization 1 - name")
        title_c = col.get("organization 1 - title")
        dept_c = col.get("organization 1 - department")
        labels_c = col.get("group membership")
    else:
        first_c, middle_c, last_c = (
            col.get("first name"),
            col.get("middle name"),
            col.get("last name"),
        )
        name_c = None
        org_c = col.get("organization name", col.get("organization 1 - name"))
        title_c = col.get("organization title", col.get("organization 1 - title"))
        dept_c = col.get("organization department", col.get("organization 1 - department"))
        labels_c = col.get("labels")
    notes_c = col.get("notes")
    for line, row in table.rows:
        where = f"line {line}"
        first = clean_text(
            " ".join(x for x in (cell(row, first_c), cell(row, middle_c)) if x.strip())
        )
        last = clean_text(cell(row, last_c))
        name = clean_text(cell(row, name_c)) or display_name(first, last)
        emails: list[Labeled] = []
        bad: list[str] = []
        for item in _labelled(row, emails_cols):
            address = normalize_email(item.value)
            if address is None:
                bad.append(item.value)
            elif all(e.value != address for e in emails):
                emails.append(Labeled(address, item.label))
        organization = clean_text(
            split_values(cell(row, org_c))[0] if split_values(cell(row, org_c)) else ""
        )
        title_values = split_values(cell(row, title_c))
        title = clean_text(title_values[0]) if title_values else ""
        if not name:
            name = emails[0].value if emails else organization
        if not name:
            if any(c.strip() for c in row):
                yield Problem(where, "no name, email address or organization")
            continue
        if bad:
            yield Problem(
                where, f"E-mail: {', '.join(repr(b) for b in bad)} is not an email address"
            )
            continue
        links: list[Labeled] = []
        profile = None
        for item in _labelled(row, web_cols):
            linkedin = normalize_profile_url(item.value)
            if linkedin:
                profile = profile or linkedin
            elif all(link.value != item.value for link in links):
                links.append(item)
        tags = []
        for label in split_values(cell(row, labels_c)):
            clean = label.lstrip("* ").strip()
            if clean and clean.lower().replace(" ", "") not in SYSTEM_LABELS and clean not in tags:
                tags.append(clean)
        city = next((clean_text(cell(row, i)) for i in city_cols if cell(row, i).strip()), "")
        phones: list[Labeled] = []
        for item in _labelled(row, phone_cols):
            if all(p.value != item.value for p in phones):
                phones.append(item)
        key = (
            "google:"
            + hashlib.sha1(
                "|".join([name.lower(), *(e.value for e in emails), organization.lower()]).encode()
            ).hexdigest()
        )
        yield ContactRecord(
            where=where,
            key=key,
            name=name,
            first_name=first,
            last_name=last,
            emails=emails,
            phones=phones,
            links=links,
            profile_url=profile,
            organization=organization,
            title=title,
            department=clean_text(cell(row, dept_c)),
            city=city,
            tags=tags,
            notes=cell(row, notes_c).strip(),
            how_known="Google Contacts",
        )
