"""Cards of a synced address book: what a card says about the shared fields (read with the
vCard importer's rules, formats.vcard), and the card patched with nextmove's side of them.

Patching edits only the properties of a field that changed, on the card as the server sent
it, so a photo, a birthday, a street address, labels, groups and any X- property nextmove
does not model stay as they were."""

from __future__ import annotations

from typing import Any

from nextmove.domain.people import ContactRecord, split_name
from nextmove.domain.sync import Projection, phone_key
from nextmove.errors import Problem
from nextmove.formats.vcard import RawCard, card_to_record, read_card


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


def _vobject_card(text: str) -> Any:
    import vobject

    return vobject.readOne(text.replace("\r\n", "\n"), ignoreUnreadable=True)


def _remove(card: Any, name: str) -> None:
    for child in list(card.contents.get(name, [])):
        card.remove(child)


def _set_text(card: Any, name: str, value: str) -> None:
    _remove(card, name)
    if value:
        card.add(name).value = value


def new_card(uid: str, projection: Projection, links: list[str] | tuple[str, ...] = ()) -> str:
    """A vCard 3.0 for a person the address book does not have yet, with their web links
    (their LinkedIn profile first) — given once, on creation; after that the card's URLs
    are the address book's."""
    text = patch_card(f"BEGIN:VCARD\nVERSION:3.0\nUID:{uid}\nEND:VCARD\n", None, projection)
    if not links:
        return text
    card = _vobject_card(text)
    for link in links:
        card.add("url").value = link
    return str(card.serialize())


def patch_card(text: str, before: Projection | None, after: Projection) -> str:
    """`text` (a card from the server) with the shared fields set to `after`; a field equal
    in `before` and `after` is left exactly as the card had it."""
    import vobject

    card = _vobject_card(text)

    def changed(name: str) -> bool:
        return before is None or not before.same(after, name)

    if changed("name") or "fn" not in card.contents:
        _set_text(card, "fn", after.name)
        first, last = split_name(after.name)
        _remove(card, "n")
        card.add("n").value = vobject.vcard.Name(family=last, given=first)
    if changed("organization") or changed("department"):
        _remove(card, "org")
        if after.organization or after.department:
            parts = [after.organization] + ([after.department] if after.department else [])
            card.add("org").value = parts
    if changed("title"):
        _set_text(card, "title", after.title)
    if changed("emails"):
        keep = {e.lower() for e in after.emails}
        have: set[str] = set()
        for child in list(card.contents.get("email", [])):
            value = str(child.value).strip().lower()
            if value in keep and value not in have:
                have.add(value)
            else:
                card.remove(child)
        for email in after.emails:
            if email not in have:
                child = card.add("email")
                child.value = email
                child.type_param = "INTERNET"
    if changed("phones"):
        keep_keys = {phone_key(p) for p in after.phones}
        have_keys: set[str] = set()
        for child in list(card.contents.get("tel", [])):
            key = phone_key(str(child.value))
            if key in keep_keys and key not in have_keys:
                have_keys.add(key)
            else:
                card.remove(child)
        for phone in after.phones:
            if phone_key(phone) not in have_keys:
                card.add("tel").value = phone
                have_keys.add(phone_key(phone))
    if changed("city"):
        addresses = card.contents.get("adr", [])
        if addresses and not isinstance(addresses[0].value, str):
            addresses[0].value.city = after.city
        elif after.city:
            _remove(card, "adr")
            card.add("adr").value = vobject.vcard.Address(city=after.city)
    return str(card.serialize())
