"""Normalizing what people exports say about people: names, emails, profile URLs, orgs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.people import (
    clean_text,
    name_key,
    normalize_email,
    normalize_emails,
    normalize_profile_url,
    org_key,
    similar_names,
    similar_orgs,
    split_name,
    strip_credentials,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Priya Nayak", "priya nayak"),
        ("Dr. Priya  Nayak, MSc, MBA", "priya nayak"),
        ("priya A. nayak", "priya nayak"),
        ("Zoë García", "zoe garcia"),
        ("Rosa 🌹 García", "rosa garcia"),
        ("Jack Ma", "jack ma"),
        ("Ana Ruiz PhD", "ana ruiz"),
        ("Omar O'Brien", "omar o'brien"),
        ("", ""),
    ],
)
def test_name_key_ignores_case_accents_credentials_emoji_and_middle_names(
    name: str, key: str
) -> None:
    assert name_key(name) == key


def test_credentials_after_a_comma_go_but_real_names_stay() -> None:
    assert strip_credentials("Nayak, MSc, MBA") == "Nayak"
    assert strip_credentials("Lee, MA, PMP") == "Lee"
    assert strip_credentials("Doe, Jane") == "Doe, Jane"
    assert split_name("Yo-Yo Ma") == ("Yo-Yo", "Ma")


@pytest.mark.parametrize(
    ("raw", "email"),
    [
        ("Ana.Okafor@Example.COM ", "ana.okafor@example.com"),
        ("mailto:ana@example.com", "ana@example.com"),
        ("<ana@example.com>", "ana@example.com"),
        ("urn:li:member:48213377", None),
        ("not an email", None),
        ("", None),
    ],
)
def test_emails_are_lower_cased_or_refused(raw: str, email: str | None) -> None:
    assert normalize_email(raw) == email


_address_parts = st.sampled_from(
    ["ana", "Ana.Okafor", "@", ".", "example", "COM", " ", "\n", "<", ">", "mailto:", "ü", "\t"]
)
_word = st.sampled_from(["ana", "Ana.Okafor", "ü", "o'brien", "x+1"])
_plain = st.builds(
    "{}{}@{}.{}{}".format,
    st.sampled_from(["", " "]),
    _word,
    _word,
    st.sampled_from(["com", "COM"]),
    st.sampled_from(["", " ", "\t"]),
)
_cells = st.one_of(_plain, _plain, st.just(""), st.lists(_address_parts, max_size=8).map("".join))


@given(st.lists(_cells, max_size=12))
def test_a_batch_of_emails_normalizes_like_each_one(cells: list[str]) -> None:
    assert normalize_emails(cells) == [normalize_email(c) for c in cells]


def test_a_batch_of_plain_addresses_and_blanks_is_normalized_at_once() -> None:
    cells = ["Ana@Example.com", "", " ben@acme.test ", "ana@example.com\nben@acme.test"]
    assert normalize_emails(cells) == ["ana@example.com", None, "ben@acme.test", None]
    assert normalize_emails(cells[:3]) == ["ana@example.com", None, "ben@acme.test"]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/ana-okafor",
        "http://linkedin.com/in/Ana-Okafor/",
        "https://ch.linkedin.com/in/ana-okafor?trk=profile",
        "www.linkedin.com/in/ana-okafor#experience",
        "https://www.linkedin.com/in/ana%2Dokafor",
        "  https://www.linkedin.com/in/ana-okafor/  ",
    ],
)
def test_every_spelling_of_a_profile_url_is_one_url(url: str) -> None:
    assert normalize_profile_url(url) == "https://www.linkedin.com/in/ana-okafor"


def test_urls_that_are_not_profiles_are_none() -> None:
    assert normalize_profile_url("https://www.linkedin.com/company/acme") is None
    assert normalize_profile_url("https://example.com/in/ana") is None


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-éüñ%_", min_size=1, max_size=30))
def test_normalizing_a_profile_url_twice_changes_nothing(slug: str) -> None:
    once = normalize_profile_url(f"https://www.linkedin.com/in/{slug}")
    if once is not None:
        assert normalize_profile_url(once) == once


@given(st.text(max_size=40))
def test_name_keys_are_stable(name: str) -> None:
    assert name_key(name) == name_key(name.upper().lower()) or not name.isascii()
    assert name_key(name) == name_key("  " + name + "\t")


def test_organizations_compare_without_legal_form_or_punctuation() -> None:
    assert org_key("Northwind Health, Inc.") == org_key("northwind health") == "northwind health"
    assert org_key("The Acme Corporation") == "acme"
    assert similar_orgs("acme", "acme group")
    assert not similar_orgs("acme", "globex")


def test_similar_names_tolerate_small_differences_only() -> None:
    assert similar_names("Priya Nayak", "priya nayak, MBA")
    assert not similar_names("Priya Nayak", "Paul Nolan")


def test_clean_text_collapses_tabs_and_odd_spaces() -> None:
    assert clean_text("\tProduct \u00a0  Manager ") == "Product Manager"
