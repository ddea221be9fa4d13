"""Cards of a synced address book: what a card says about the shared fields (read with the
vCard importer's rules, formats.vcard), and the card patched with nextmove's side of them.

Patching works on the card's content lines as the server sent them: the lines of a field
that changed are replaced, every other line is kept byte for byte (its folding, its
parameters, its group) — so a photo (a vCard 4.0 data: URI as much as 3.0 base64), a
birthday, a street address, labels, groups and any X- property nextmove does not model stay
exactly as they were. Only the lines written anew are escaped and folded here."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nextmove.domain.people import ContactRecord, split_name
from nextmove.domain.sync import Projection, phone_key
from nextmove.errors import Problem
from nextmove.formats.vcard import RawCard, card_to_record, read_card

_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


def read_synced_card(text: str, where: str) -> ContactRecord | Problem:
    """The record of one card from the server (a problem when it cannot be read)."""
    raw = RawCard(1, 1, text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        card = read_card(raw)
    except ValueError as exc:
        return Problem(where, f"cannot be read: {exc}")
    record = card_to_record(raw, card)
    if isinstance(record, Problem):
        return Problem(where, record.message)
    record.where = where
    return record


def projection_of(record: ContactRecord) -> Projection:
    return Projection.of(
        name=record.name,
        organization=record.organization,
        title=record.title,
        department=record.department,
        city=record.city,
        emails=[e.value for e in record.emails],
        phones=[p.value for p in record.phones],
    )


# ---------------------------------------------------------------------------- lines


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> list[str]:
    """One content line folded at 75 octets (RFC 6350 3.2), never inside a character."""
    out: list[str] = []
    chunk, size, limit = "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(chunk)
            chunk, size, limit = " ", 1, 75
        chunk += ch
        size += width
    out.append(chunk)
    return out


def _logical(text: str) -> list[list[str]]:
    """The card's content lines, each as the physical lines it was folded into."""
    groups: list[list[str]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line[:1] in (" ", "\t") and groups:
            groups[-1].append(line)
        elif line.strip():
            groups.append([line])
    return groups


def _name(group: list[str]) -> str:
    match = _PROPERTY.match(group[0])
    return match.group(1).upper() if match else ""


def _value(group: list[str]) -> str:
    """The value of a content line: what follows the first colon outside a quoted
    parameter."""
    line = group[0] + "".join(g[1:] for g in group[1:])
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[i + 1 :]
    return ""


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split(value: str) -> list[str]:
    """A structured value's components (separated by unescaped semicolons), still escaped."""
    return re.split(r"(?<!\\);", value)


def _phone_key(value: str) -> str:
    return phone_key(_unescape(value).strip().removeprefix("tel:"))


def new_card(uid: str, projection: Projection, links: Iterable[str] = ()) -> str:
    """A vCard 3.0 for a person the address book does not have yet, with their web links
    (their LinkedIn profile first) — given once, on creation; after that the card's URLs
    are the address book's."""
    lines = "".join(f"URL:{link}\n" for link in links)
    return patch_card(f"BEGIN:VCARD\nVERSION:3.0\nUID:{uid}\n{lines}END:VCARD\n", None, projection)


def patch_card(text: str, before: Projection | None, after: Projection) -> str:
    """`text` (a card from the server) with the shared fields set to `after`; a field equal
    in `before` and `after` is left exactly as the card had it. A card without its
    END:VCARD line is a ValueError (the card is then left alone)."""
    groups = _logical(text)
    if not groups or not _END.match(groups[-1][0].strip()):
        raise ValueError("the card has no END:VCARD line")
    names = [_name(g) for g in groups]
    added: list[str] = []

    def changed(field: str) -> bool:
        return before is None or not before.same(after, field)

    def drop(prop: str) -> None:
        for i, name in enumerate(names):
            if name == prop:
                names[i] = ""

    if changed("name") or "FN" not in names:
        drop("FN")
        drop("N")
        first, last = split_name(after.name)
        added += [f"FN:{_escape(after.name)}", f"N:{_escape(last)};{_escape(first)};;;"]
    if changed("organization") or changed("department"):
        drop("ORG")
        if after.organization or after.department:
            org = _escape(after.organization)
            added.append(
                f"ORG:{org};{_escape(after.department)}" if after.department else f"ORG:{org}"
            )
    if changed("title"):
        drop("TITLE")
        if after.title:
            added.append(f"TITLE:{_escape(after.title)}")
    if changed("emails"):
        keep = set(after.emails)
        have: set[str] = set()
        for i, name in enumerate(names):
            if name == "EMAIL":
                address = _unescape(_value(groups[i])).strip().lower()
                if address in keep and address not in have:
                    have.add(address)
                else:
                    names[i] = ""
        added += [f"EMAIL;TYPE=INTERNET:{e}" for e in after.emails if e not in have]
    if changed("phones"):
        keep_keys = {phone_key(p) for p in after.phones}
        have_keys: set[str] = set()
        for i, name in enumerate(names):
            if name == "TEL":
                key = _phone_key(_value(groups[i]))
                if key in keep_keys and key not in have_keys:
                    have_keys.add(key)
                else:
                    names[i] = ""
        for phone in after.phones:
            if phone_key(phone) not in have_keys:
                have_keys.add(phone_key(phone))
                added.append(f"TEL:{_escape(phone)}")
    replaced: dict[int, list[str]] = {}
    if changed("city"):
        index = next((i for i, n in enumerate(names) if n == "ADR"), None)
        if index is not None:
            line = "".join([groups[index][0], *(g[1:] for g in groups[index][1:])])
            head = line[: len(line) - len(_value(groups[index])) - 1]
            parts = _split(_value(groups[index])) + [""] * 7
            parts = parts[: max(7, len(_split(_value(groups[index]))))]
            parts[3] = _escape(after.city)
            if any(parts):
                replaced[index] = _fold(f"{head}:{';'.join(parts)}")
            else:
                names[index] = ""
        elif after.city:
            added.append(f"ADR:;;;{_escape(after.city)};;;")
    out: list[str] = []
    for i, group in enumerate(groups):
        if i == len(groups) - 1:
            for line in added:
                out += _fold(line)
        if names[i] or _name(group) == "" or i in replaced:
            out += replaced.get(i, group)
    return "".join(line + "\r\n" for line in out)
