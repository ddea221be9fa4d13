"""Patching a card from the server (formats.vcard_sync): the shared fields change, every
other line stays byte for byte; what is written reads back as what was meant."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.sync import FIELDS, Projection
from nextmove.errors import Problem
from nextmove.formats.vcard_sync import new_card, patch_card, projection_of, read_synced_card

# A vCard 4.0 card as iOS / Nextcloud write them: a data: URI photo, a tel: URI, Apple's
# grouped labels, a folded note and properties nextmove does not model.
IPHONE_V4 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
    "FN:Jane Doe\r\nN:Doe;Jane;;;\r\nEMAIL;TYPE=work:jane@example.com\r\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-555-5555\r\nORG:Example Inc.\r\n'
    "item1.ADR:;;1 Road;Springfield;IL;62701;USA\r\nitem1.X-ABLabel:_$!<Home>!$_\r\n"
    "PHOTO:data:image/png;base64,iVBORw0KGgo=\r\nBDAY:--0415\r\n"
    "NOTE:a long note that the phone folded because it is longer than seventy-five oct\r\n"
    " ets\r\nX-SOCIALPROFILE;TYPE=twitter:https://twitter.com/jane\r\nEND:VCARD\r\n"
)


def read(text: str) -> Projection:
    record = read_synced_card(text, "card")
    assert not isinstance(record, Problem), record
    return projection_of(record)


def test_a_patch_changes_the_fields_that_changed_and_keeps_every_other_line() -> None:
    before = read(IPHONE_V4)
    assert before.phones == ("+1-555-555-5555",)
    after = Projection.of(
        **{
            **before.to_json(),
            "title": "CTO",
            "city": "Chicago",
            "emails": ["jane@example.com", "jane@home.example"],
            "phones": ["+1 555 555 5555", "+44 20 7946 0000"],
        }
    )
    patched = patch_card(IPHONE_V4, before, after)
    kept = [line for line in IPHONE_V4.split("\r\n") if "ADR" not in line]
    for line in kept:
        assert line in patched.split("\r\n"), line
    assert "item1.ADR:;;1 Road;Chicago;IL;62701;USA" in patched
    assert read(patched).digest() == after.digest()


def test_a_patch_that_changes_nothing_returns_the_card_as_it_was() -> None:
    p = read(IPHONE_V4)
    assert patch_card(IPHONE_V4, p, p) == IPHONE_V4


text = (
    st.text(alphabet=st.sampled_from(list("abcXYZ éü,;:\\-'")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
projections = st.builds(
    Projection.of,
    name=text,
    organization=st.one_of(st.just(""), text),
    title=st.one_of(st.just(""), text),
    city=st.one_of(st.just(""), text),
    emails=st.lists(st.sampled_from(["a@x.org", "b@x.org", "c@y.org"]), max_size=3),
    phones=st.lists(
        st.sampled_from(["+1 415 555 0101", "+44 20 7946 0000", "030 1234"]), max_size=3
    ),
)


@settings(max_examples=60, deadline=None)
@given(projections, projections)
def test_what_is_written_reads_back_as_what_was_meant(p0: Projection, p1: Projection) -> None:
    card = new_card("uid-1", p0)
    assert read(card).digest() == p0.digest()
    patched = patch_card(card, p0, p1)
    got = read(patched)
    for name in FIELDS:
        assert got.same(p1, name), (name, getattr(got, name), getattr(p1, name))
