"""Google Contacts CSV: the current header and the legacy one; values joined by ' ::: '."""

from __future__ import annotations

from pathlib import Path

from nextmove.domain.people import ContactRecord, Labeled
from nextmove.errors import Problem
from nextmove.formats.google import parse_google
from nextmove.formats.textfile import decode

FIXTURES = Path(__file__).parent / "fixtures" / "google"


def parse(name: str) -> list[ContactRecord | Problem]:
    path = FIXTURES / name
    return list(parse_google(decode(path.read_bytes(), name), name))


def test_current_header_names_organization_and_title() -> None:
    viktor, wen, _orphan = parse("current-google-contacts.csv")
    assert isinstance(viktor, ContactRecord)
    assert (viktor.name, viktor.organization, viktor.title, viktor.department) == (
        "Viktor Andersen",
        "Northwind Health",
        "Group Product Manager",
        "Patient Experience",
    )
    assert viktor.city == "Chicago"
    assert viktor.notes == "Met at ProductCon 2023"
    assert isinstance(wen, ContactRecord) and wen.name == "Wen Li Zhang"


def test_values_joined_by_triple_colons_are_split() -> None:
    viktor = parse("current-google-contacts.csv")[0]
    assert isinstance(viktor, ContactRecord)
    assert viktor.emails == [
        Labeled("viktor.andersen@northwind.example", "work"),
        Labeled("viktor@andersen.example", "work"),
        Labeled("viktor.home@example.com", "home"),
    ]


def test_labels_become_tags_without_the_system_ones() -> None:
    viktor, wen, _ = parse("current-google-contacts.csv")
    assert isinstance(viktor, ContactRecord) and isinstance(wen, ContactRecord)
    assert viktor.tags == ["Mentors", "Chicago"]
    assert wen.tags == []


def test_a_linkedin_website_becomes_the_profile_url() -> None:
    viktor, wen, _ = parse("current-google-contacts.csv")
    assert isinstance(viktor, ContactRecord) and isinstance(wen, ContactRecord)
    assert viktor.profile_url == "https://www.linkedin.com/in/viktor-andersen"
    assert wen.links == [Labeled("https://wenzhang.example", "homepage")]


def test_a_contact_with_only_an_email_is_named_by_it() -> None:
    orphan = parse("current-google-contacts.csv")[2]
    assert isinstance(orphan, ContactRecord) and orphan.name == "orphan@example.com"


def test_legacy_header_with_group_membership_and_organization_1() -> None:
    ximena, yusuf = parse("legacy-google-csv.csv")
    assert isinstance(ximena, ContactRecord) and isinstance(yusuf, ContactRecord)
    assert (ximena.name, ximena.organization, ximena.title, ximena.department) == (
        "Ximena Ortiz",
        "Globex",
        "VP Engineering",
        "Platform",
    )
    assert ximena.tags == ["Former colleagues"]
    assert ximena.emails[0] == Labeled("ximena.ortiz@globex.example", "work")
    assert ximena.profile_url == "https://www.linkedin.com/in/ximenaortiz"
    assert ximena.city == "London"
    assert (yusuf.organization, yusuf.title) == ("Initech", "Analyst")
