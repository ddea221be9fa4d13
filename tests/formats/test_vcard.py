"""vCards from real clients (ez-vcard's samples): every card imports, or is reported as a
clear per-card problem, and what nextmove reads matches what vobject itself reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.people import ContactRecord, Labeled, Person, normalize_email
from nextmove.errors import Problem, UserError
from nextmove.formats.textfile import decode
from nextmove.formats.vcard import parse_vcards, render_vcard, sanitize, split_cards
from tests.conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures" / "vcard"
SAMPLES = sorted(FIXTURES.glob("*.vcf"))
BAD = Path(__file__).parent / "fixtures" / "bad"


def _vobject_reading(text: str):  # type: ignore[no-untyped-def]
    """vobject's own reading of a card: as it is, else as nextmove hands it over (quirks it
    cannot read smoothed out), else None."""
    for candidate in (text, sanitize(text)):
        try:
            return vobject.readOne(candidate)
        except Exception:
            continue
    return None


def _flat_org(value) -> str:  # type: ignore[no-untyped-def]
    first = value[0] if isinstance(value, list) else str(value).split(";")[0]
    return ",".join(first).strip() if isinstance(first, list) else str(first).strip()


def test_every_shared_ez_vcard_sample_is_here_with_its_licence() -> None:
    shared = SHARED / "fixtures" / "vcard" / "ez-vcard"
    if shared.exists():
        assert {p.name for p in SAMPLES} == {p.name for p in shared.glob("*.vcf")}
    assert len(SAMPLES) == 18
    assert (FIXTURES / "LICENSE-ez-vcard.txt").exists()
    assert (FIXTURES / "vcard-samples-license.txt").exists()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_card_imports_or_is_a_clear_problem_matching_vobject(path: Path) -> None:
    text = decode(path.read_bytes(), path.name)
    cards = split_cards(text, path.name)
    items = list(parse_vcards(text, path.name))
    assert len(items) == len(cards)
    for raw, item in zip(cards, items, strict=True):
        expected = _vobject_reading(raw.text)
        if isinstance(item, Problem):
            assert item.where == raw.where and item.message
            continue
        assert isinstance(item, ContactRecord) and item.where == raw.where
        assert expected is not None, f"{raw.where} imported although vobject cannot read it"
        fn = [c.value for c in expected.contents.get("fn", [])]
        if fn and str(fn[0]).strip():
            assert item.name == " ".join(str(fn[0]).split())
        orgs = [_flat_org(c.value) for c in expected.contents.get("org", [])]
        assert item.organization == (" ".join(orgs[0].split()) if orgs else "")
        titles = [str(c.value).strip() for c in expected.contents.get("title", [])]
        assert item.title == (titles[0] if titles else "")
        emails = [normalize_email(str(c.value)) for c in expected.contents.get("email", [])]
        assert [e.value for e in item.emails] == list(dict.fromkeys(e for e in emails if e))


def test_the_samples_that_vobject_needs_help_with_are_imported() -> None:
    """Quoted-printable soft line breaks (Android, Outlook), CR CR LF photo lines (iPhone) and
    a stray PROFILE line (Lotus Notes) break vobject on its own; nextmove still reads them."""
    for name in (
        "John_Doe_IPHONE.vcf",
        "John_Doe_LOTUS_NOTES.vcf",
        "John_Doe_MS_OUTLOOK.vcf",
        "outlook-2003.vcf",
        "outlook-2007.vcf",
    ):
        items = list(parse_vcards(decode((FIXTURES / name).read_bytes(), name), name))
        assert all(isinstance(i, ContactRecord) for i in items), name


def test_quoted_printable_values_are_decoded() -> None:
    items = list(parse_vcards(decode((FIXTURES / "outlook-2003.vcf").read_bytes(), "x"), "x"))
    record = items[0]
    assert isinstance(record, ContactRecord)
    assert record.notes.startswith("This is the note field!!\nSecond line")
    assert (record.organization, record.department) == ("Company, The", "TheDepartment")


def test_grouped_properties_take_their_x_ablabel() -> None:
    items = list(parse_vcards(decode((FIXTURES / "John_Doe_IPHONE.vcf").read_bytes(), "x"), "x"))
    record = items[0]
    assert isinstance(record, ContactRecord)
    assert Labeled("905-222-1234", "assistantphone") in record.phones
    assert record.links == [Labeled("http://www.ibm.com", "homepage")]


def test_invalid_bytes_in_one_card_are_that_cards_problem_only() -> None:
    items = list(parse_vcards(decode((FIXTURES / "John_Doe_ANDROID.vcf").read_bytes(), "x"), "x"))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.where for p in problems] == ["card 6 (line 71)"]
    assert "cannot be read" in problems[0].message
    assert sum(isinstance(i, ContactRecord) for i in items) == 5


def test_birthdays_without_a_year_and_photos_do_not_get_in_the_way() -> None:
    for name in ("gmail-single2.vcf", "John_Doe_MAC_ADDRESS_BOOK.vcf"):
        items = list(parse_vcards(decode((FIXTURES / name).read_bytes(), name), name))
        assert all(isinstance(i, ContactRecord) for i in items)


def test_a_manager_property_is_kept_in_the_notes() -> None:
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nX-MS-MANAGER:Ben Ortiz\nEND:VCARD\n"
    (record,) = parse_vcards(card, "x")
    assert isinstance(record, ContactRecord) and record.notes == "Manager: Ben Ortiz"


def test_a_truncated_vcard_file_is_one_error_naming_the_card() -> None:
    text = decode((BAD / "truncated.vcf").read_bytes(), "truncated.vcf")
    with pytest.raises(
        UserError, match="truncated vCard: card 2 starting at line 6 has no END:VCARD"
    ):
        list(parse_vcards(text, "truncated.vcf"))


def test_a_file_without_cards_is_one_error() -> None:
    with pytest.raises(UserError, match="not a vCard file"):
        list(parse_vcards((BAD / "not-a-vcard.vcf").read_text(), "not-a-vcard.vcf"))


_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\\"),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    first=_text,
    last=_text,
    organization=_text,
    title=_text,
    notes=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80).map(
        str.strip
    ),
    email=st.from_regex(r"[a-z]{1,8}\.[a-z]{1,8}@[a-z]{2,8}\.(com|org)", fullmatch=True),
)
def test_render_then_parse_gives_back_the_person(
    first: str, last: str, organization: str, title: str, notes: str, email: str
) -> None:
    person = Person(
        id=7,
        name=f"{first} {last}",
        first_name=first,
        last_name=last,
        emails=[Labeled(email, "work")],
        organization=organization,
        title=title,
        notes=notes,
        profile_url="https://www.linkedin.com/in/someone",
        tags=["mentor"],
    )
    (record,) = parse_vcards(render_vcard(person), "x")
    assert isinstance(record, ContactRecord)
    assert (record.name, record.first_name, record.last_name) == (person.name, first, last)
    assert (record.organization, record.title) == (organization, title)
    assert record.emails == [Labeled(email, "work")]
    assert record.profile_url == person.profile_url
    assert record.notes == "\n".join(" ".join(line.split()) for line in notes.split("\n")).strip()
    assert record.key == "nextmove-person-7"
