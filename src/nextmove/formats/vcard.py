"""vCard 2.1, 3.0 and 4.0 — files with one or many cards, from Apple, Google, Outlook, Android,
Thunderbird and others — parsed with vobject, one card at a time so a bad card is a problem
with its number and line, not the end of the import.

Before vobject sees a card, the quirks it cannot read are smoothed out: every line-end style
becomes LF, vCard 2.1 quoted-printable soft line breaks (`=` at the end of a line) are joined,
and binary blobs (PHOTO, LOGO, SOUND, KEY — folded base64 that clients write in odd ways) and
the stray `PROFILE:VCard` line are dropped, since nextmove keeps none of them.

Rendering writes vCard 3.0 that this module (and other clients) read back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from nextmove.domain.links import safe_link
from nextmove.domain.people import (
    ContactRecord,
    Labeled,
    Person,
    clean_text,
    display_name,
    name_key,
    normalize_email,
    normalize_profile_url,
)
from nextmove.errors import Problem, UserError

BLOB_PROPERTIES = ("PHOTO", "LOGO", "SOUND", "KEY")
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawCard:
    number: int  # 1-based, in file order
    line: int  # where BEGIN:VCARD is
    text: str

    @property
    def where(self) -> str:
        return f"card {self.number} (line {self.line})"


def split_cards(text: str, source: str) -> list[RawCard]:
    """The cards of a file, with their numbers and first lines. A file without any card, or
    one whose last card never ends, cannot be imported (UserError)."""
    lines = text.split("\n")
    cards: list[RawCard] = []
    start: int | None = None
    depth = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if _BEGIN.match(stripped):
            if depth == 0:
                start = number
            depth += 1
        elif _END.match(stripped) and depth:
            depth -= 1
            if depth == 0 and start is not None:
                cards.append(RawCard(len(cards) + 1, start, "\n".join(lines[start - 1 : number])))
                start = None
    if start is not None:
        raise UserError(
            f"{source}: truncated vCard: card {len(cards) + 1} starting at line {start} has no "
            "END:VCARD",
            hint="The file was cut off; export the contacts again.",
        )
    if not cards:
        raise UserError(
            f"{source}: not a vCard file: no BEGIN:VCARD … END:VCARD card found",
            hint="Export contacts as vCard (.vcf) and import that file.",
        )
    return cards


def sanitize(text: str) -> str:
    """The card text vobject is given: quoted-printable soft breaks joined, binary blobs and
    PROFILE lines dropped."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        head = line.split(":", 1)[0].upper()
        match = _PROPERTY.match(line)
        name = match.group(1).upper() if match else ""
        if name in BLOB_PROPERTIES:
            i += 1
            base64_21 = "ENCODING=BASE64" in head or "ENCODING=B" in head
            while i < len(lines) and (
                lines[i][:1] in (" ", "\t")
                or (base64_21 and lines[i].strip() and not _PROPERTY.match(lines[i]))
            ):
                i += 1
            continue
        if name == "PROFILE":
            i += 1
            continue
        if "QUOTED-PRINTABLE" in head:
            while line.endswith("=") and i + 1 < len(lines):
                i += 1
                line = line[:-1] + lines[i]
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


# vobject reads a content line with a regular expression whose parameter part is ambiguous
# (`=` and `,` separate values and may also be part of one): on a line it cannot match, it
# backtracks exponentially (`NOTE;ENCODIN,=,=,=…` of 24 characters took 7 s, a few hundred
# held an import for hours). The same line grammar, written so that nothing can be read
# two ways (possessive quantifiers), says in linear time which lines vobject cannot read;
# those cards are problems before vobject sees them.
_NAME = r"[A-Za-z0-9_-]+"
_CONTENT_LINE = re.compile(
    rf'(?:{_NAME}\.)?{_NAME};?(?:;{_NAME}(?:[=,](?:"[^"]*"|[^";:,]*+))*+)*+:'
)


def _unreadable_line(text: str) -> str | None:
    logical: list[str] = []
    for line in text.split("\n"):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] += line[1:]
        elif line.strip():
            logical.append(line)
    for number, line in enumerate(logical, start=1):
        if not _CONTENT_LINE.match(line):
            return f"line {number} of the card is not NAME;PARAMETERS:VALUE: {line[:40]!r}"
    return None


def read_card(raw: RawCard) -> Any:
    """vobject's reading of one card (sanitized); raises ValueError with a readable reason."""
    import vobject

    text = sanitize(raw.text)
    problem = _unreadable_line(text)
    if problem:
        raise ValueError(problem)
    try:
        return vobject.readOne(text, ignoreUnreadable=False)
    except Exception as exc:  # vobject raises ParseError, VObjectError, and plain errors
        reason = str(exc).strip() or type(exc).__name__
        raise ValueError(reason) from None


# ---------------------------------------------------------------------------- values


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    return clean_text(str(value)) if value is not None else ""


def org_parts(value: Any) -> list[str]:
    """vobject's ORG value -> [organization, unit, …]. vobject reads `ORG:Company, The;Dept`
    as [['Company', ' The'], 'Dept'] in 2.1; the parts are joined back."""
    if isinstance(value, str):
        return [clean_text(p) for p in value.split(";")]
    parts = []
    for part in value or []:
        if isinstance(part, list | tuple):
            parts.append(clean_text(",".join(str(p) for p in part)))
        else:
            parts.append(clean_text(str(part)))
    return parts


_AB_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_SKIP_TYPES = {"internet", "pref", "voice", "x400", "msg"}


def _label(child: Any, labels: dict[str, str]) -> str:
    group = getattr(child, "group", None)
    if group and group.lower() in labels:
        return labels[group.lower()]
    types: list[str] = []
    for key, values in (child.params or {}).items():
        if key.upper() == "TYPE":
            for v in values:
                types.extend(t for t in str(v).split(","))
    types.extend(getattr(child, "singletonparams", []) or [])
    names = [t.strip().lower() for t in types if t.strip() and t.strip().lower() not in _SKIP_TYPES]
    return names[0] if names else ""


def _ab_labels(card: Any) -> dict[str, str]:
    labels: dict[str, str] = {}
    for child in card.getChildren():
        if child.name.upper() == "X-ABLABEL" and getattr(child, "group", None):
            text = _text(child.value)
            match = _AB_LABEL.match(text)
            labels[child.group.lower()] = (match.group(1) if match else text).lower()
    return labels


def _children(card: Any, name: str) -> list[Any]:
    return [c for c in card.getChildren() if c.name.upper() == name]


def card_fields(card: Any) -> dict[str, Any]:
    """The fields nextmove reads from a vobject card, as plain values — what the importer
    uses and what the tests compare with vobject's own reading."""
    fn = next((_text(c.value) for c in _children(card, "FN") if _text(c.value)), "")
    first = last = ""
    for n in _children(card, "N"):
        value = n.value
        if hasattr(value, "given"):
            first = clean_text(
                " ".join(x for x in (_text(value.given), _text(value.additional)) if x)
            )
            last = _text(value.family)
        break
    orgs = [org_parts(c.value) for c in _children(card, "ORG")]
    titles = [_text(c.value) for c in _children(card, "TITLE") if _text(c.value)]
    emails = [_text(c.value) for c in _children(card, "EMAIL") if _text(c.value)]
    return {
        "fn": fn,
        "first": first,
        "last": last,
        "orgs": orgs,
        "titles": titles,
        "emails": emails,
    }


def card_to_record(raw: RawCard, card: Any) -> ContactRecord | Problem:
    fields = card_fields(card)
    labels = _ab_labels(card)
    name = fields["fn"] or display_name(fields["first"], fields["last"])
    emails: list[Labeled] = []
    for child in _children(card, "EMAIL"):
        address = normalize_email(_text(child.value))
        if address and all(e.value != address for e in emails):
            emails.append(Labeled(address, _label(child, labels)))
    org_values = [p for p in fields["orgs"] if p and p[0]]
    organization = org_values[0][0] if org_values else ""
    department = org_values[0][1] if org_values and len(org_values[0]) > 1 else ""
    if not name:
        name = emails[0].value if emails else organization
    if not name:
        return Problem(raw.where, "no name, email address or organization")
    phones: list[Labeled] = []
    for child in _children(card, "TEL"):
        number = _text(child.value)
        if number and all(p.value != number for p in phones):
            phones.append(Labeled(number, _label(child, labels)))
    links: list[Labeled] = []
    profile = None
    for child in [*_children(card, "URL"), *_children(card, "X-SOCIALPROFILE")]:
        url = _text(child.value).replace("\\:", ":")
        linkedin = normalize_profile_url(url)
        if linkedin:
            profile = profile or linkedin
            continue
        if url and all(link.value != url for link in links):
            links.append(Labeled(url, _label(child, labels)))
    city = ""
    for child in _children(card, "ADR"):
        value = child.value
        city = _text(getattr(value, "city", "")) if not isinstance(value, str) else ""
        if city:
            break
    notes = [_text_multiline(c.value) for c in _children(card, "NOTE")]
    for prop, label in (
        ("X-MS-MANAGER", "Manager"),
        ("X-MANAGER", "Manager"),
        ("X-MS-ASSISTANT", "Assistant"),
        ("X-ASSISTANT", "Assistant"),
        ("ROLE", "Role"),
    ):
        for child in _children(card, prop):
            if _text(child.value):
                notes.append(f"{label}: {_text(child.value)}")
    tags: list[str] = []
    for child in _children(card, "CATEGORIES"):
        value = child.value if isinstance(child.value, list) else str(child.value).split(",")
        tags.extend(t for t in (clean_text(str(v)) for v in value) if t and t not in tags)
    uid = next((_text(c.value) for c in _children(card, "UID") if _text(c.value)), "")
    key = (
        uid
        or "card:"
        + hashlib.sha1(
            "|".join([name.lower(), *(e.value for e in emails), organization.lower()]).encode()
        ).hexdigest()
    )
    return ContactRecord(
        where=raw.where,
        key=key,
        name=name,
        first_name=fields["first"],
        last_name=fields["last"],
        emails=emails,
        phones=phones,
        links=links,
        profile_url=profile,
        organization=organization,
        title=fields["titles"][0] if fields["titles"] else "",
        department=department,
        city=city,
        tags=tags,
        notes="\n".join(n for n in notes if n),
        how_known="Address book",
    )


def _text_multiline(value: Any) -> str:
    if isinstance(value, bytes):
        return ""
    lines = [" ".join(line.split()) for line in str(value).replace("\r", "").split("\n")]
    return "\n".join(lines).strip()


def parse_vcards(text: str, source: str) -> Iterator[ContactRecord | Problem]:
    """Records of the cards in `text`. Two cards of one file sharing a UID (a sync tool's
    copy-paste) are one person only if they also have the same name: otherwise the later
    card's identity is its UID and its name, so its e-mail never lands on the first card's
    person — and a re-import finds each card's person again."""
    names_by_uid: dict[str, str] = {}
    for raw in split_cards(text, source):
        try:
            card = read_card(raw)
        except ValueError as exc:
            yield Problem(raw.where, f"cannot be read: {exc}")
            continue
        record = card_to_record(raw, card)
        if isinstance(record, ContactRecord) and not record.key.startswith("card:"):
            first = names_by_uid.setdefault(record.key, name_key(record.name))
            if first != name_key(record.name):
                record.key = f"{record.key}|{name_key(record.name)}"
        yield record


# ---------------------------------------------------------------------------- rendering


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> Iterable[str]:
    data = line.encode("utf-8")
    if len(data) <= 75:
        yield line
        return
    chunk = ""
    size = 0
    first = True
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if first else 74):
            yield chunk if first else " " + chunk
            chunk, size, first = "", 0, False
        chunk += ch
        size += width
    yield chunk if first else " " + chunk


def _typed(name: str, label: str) -> str:
    clean = re.sub(r"[^A-Za-z0-9-]", "", label)
    return f"{name};TYPE={clean}" if clean else name


def render_vcard(person: Person) -> str:
    """One person as a vCard 3.0 card (CRLF line ends, folded at 75 octets)."""
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    lines.append(f"N:{_escape(person.last_name)};{_escape(person.first_name)};;;")
    lines.append(f"FN:{_escape(person.name)}")
    if person.organization or person.department:
        org = _escape(person.organization)
        if person.department:
            org += ";" + _escape(person.department)
        lines.append(f"ORG:{org}")
    if person.title:
        lines.append(f"TITLE:{_escape(person.title)}")
    for email in person.emails:
        lines.append(f"{_typed('EMAIL', email.label)}:{email.value}")
    for phone in person.phones:
        lines.append(f"{_typed('TEL', phone.label)}:{_escape(phone.value)}")
    if person.profile_url:
        lines.append(f"URL;TYPE=linkedin:{person.profile_url}")
    for link in person.links:
        if safe_link(link.value):  # one stored by release 0.1 could break the card's lines
            lines.append(f"{_typed('URL', link.label)}:{link.value}")
    if person.city:
        lines.append(f"ADR:;;;{_escape(person.city)};;;")
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in person.tags))
    if person.notes:
        lines.append(f"NOTE:{_escape(person.notes)}")
    if person.id is not None:
        lines.append(f"UID:nextmove-person-{person.id}")
    lines.append("END:VCARD")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))
