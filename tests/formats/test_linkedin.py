"""LinkedIn's Connections.csv in every shape seen in the wild: one test per quirk."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from nextmove.domain.imports import Skip
from nextmove.domain.people import ContactRecord
from nextmove.errors import Problem, UserError
from nextmove.formats.linkedin import (
    parse_connections,
    parse_date,
    parse_invitations,
    parse_messages,
    read_export_zip,
)
from nextmove.formats.textfile import decode

FIXTURES = Path(__file__).parent / "fixtures" / "linkedin"


def parse(name: str) -> list[ContactRecord | Skip | Problem]:
    path = FIXTURES / name
    return list(parse_connections(decode(path.read_bytes(), name), name))


def records(name: str) -> list[ContactRecord]:
    return [r for r in parse(name) if isinstance(r, ContactRecord)]


def test_current_export_header_is_found_below_the_notes_preamble() -> None:
    found = records("current-export-with-notes-preamble.csv")
    assert [r.name for r in found] == ["Ana Okafor", "Ben Schmidt", "Chloé Dubois", "David Kim"]
    assert found[0].where == "line 5"
    assert found[0].profile_url == "https://www.linkedin.com/in/ana-okafor"
    assert found[0].emails[0].value == "ana.okafor@example.com"
    assert (found[0].organization, found[0].title) == ("Northwind Health", "Senior Product Manager")


def test_current_export_dates_like_09_oct_2024_and_no_trailing_newline() -> None:
    text = (FIXTURES / "current-export-with-notes-preamble.csv").read_text()
    assert not text.endswith("\n")
    assert [r.known_since for r in records("current-export-with-notes-preamble.csv")] == [
        date(2024, 10, 9),
        date(2023, 3, 15),
        date(2022, 6, 2),
        date(2021, 2, 28),
    ]


def test_older_export_without_preamble_or_url_with_us_dates_and_times() -> None:
    found = records("older-export-no-preamble-no-url-member-urns.csv")
    assert [r.name for r in found] == ["Farid Haddad", "Grace Lindqvist", "Hiro Nakamura"]
    assert [r.known_since for r in found] == [
        date(2018, 1, 8),
        date(2017, 12, 31),
        date(2016, 3, 4),
    ]
    assert all(r.profile_url is None for r in found)


def test_older_export_member_urn_in_the_email_column_is_a_key_not_an_email() -> None:
    grace = records("older-export-no-preamble-no-url-member-urns.csv")[1]
    assert grace.emails == []
    assert grace.key == "urn:li:member:48213377"
    farid = records("older-export-no-preamble-no-url-member-urns.csv")[0]
    assert farid.emails[0].value == "farid@example.org"


def test_spreadsheet_resave_with_trailing_commas_and_short_dates() -> None:
    found = records("spreadsheet-resaved-trailing-commas-short-dates.csv")
    assert [(r.name, r.known_since) for r in found] == [
        ("Ines Kowalski", date(2021, 11, 23)),
        ("Jamal Santos", date(2020, 1, 5)),
    ]


def test_byte_order_mark_and_crlf_line_ends() -> None:
    raw = (FIXTURES / "byte-order-mark-and-crlf.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    found = records("byte-order-mark-and-crlf.csv")
    assert [r.name for r in found] == ["Kofi Mensah", "Lena Müller"]
    assert found[1].organization == "Vandelay Industries"


def test_hidden_profiles_are_skipped_and_counted() -> None:
    items = parse("hidden-profiles.csv")
    skips = [i for i in items if isinstance(i, Skip)]
    assert [s.where for s in skips] == ["line 6", "line 7"]
    assert all("hidden profile" in s.reason for s in skips)
    assert [r.name for r in items if isinstance(r, ContactRecord)] == ["Mateo Silva", "Nadia Novak"]


def test_quoted_commas_stay_in_their_field() -> None:
    priya = records("quoted-commas-credentials-emoji-tabs-percent-urls.csv")[0]
    assert priya.organization == "Acme, Inc."
    assert priya.title == "Director, Strategy & Operations"


def test_credentials_after_a_last_name_are_not_part_of_the_name() -> None:
    priya = records("quoted-commas-credentials-emoji-tabs-percent-urls.csv")[0]
    assert (priya.name, priya.last_name) == ("Priya Nayak", "Nayak")


def test_doubled_quotes_inside_a_field() -> None:
    omar = records("quoted-commas-credentials-emoji-tabs-percent-urls.csv")[1]
    assert omar.title == '"Chief" Happiness Officer'
    assert omar.name == "Omar O'Brien"


def test_stray_tabs_and_spaces_are_cleaned() -> None:
    quinn = records("quoted-commas-credentials-emoji-tabs-percent-urls.csv")[2]
    assert (quinn.name, quinn.organization, quinn.title) == (
        "Quinn Andersen",
        "Globex",
        "Product Manager",
    )
    assert quinn.profile_url == "https://www.linkedin.com/in/quinn-andersen"


def test_emoji_in_names_are_kept_for_display() -> None:
    rosa = records("quoted-commas-credentials-emoji-tabs-percent-urls.csv")[3]
    assert rosa.name == "Rosa 🌹 García"


def test_percent_encoded_and_country_profile_urls_are_normalized() -> None:
    found = records("quoted-commas-credentials-emoji-tabs-percent-urls.csv")
    assert found[1].profile_url == "https://www.linkedin.com/in/omar-o'brien"
    assert found[3].profile_url == "https://www.linkedin.com/in/rosa-garcía-4b2"
    assert found[4].profile_url == "https://www.linkedin.com/in/svenivanova"


def test_a_bad_date_is_a_problem_with_its_line() -> None:
    items = parse("bad-date.csv")
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.where, p.message) for p in problems] == [
        ("line 6", "Connected On: 'sometime last year' is not a date")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09 Oct 2024", date(2024, 10, 9)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("23-Nov-21", date(2021, 11, 23)),
        ("2024-10-09", date(2024, 10, 9)),
        ("  02 Jun 2022 ", date(2022, 6, 2)),
        ("", None),
    ],
)
def test_every_date_format_linkedin_has_used(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_a_file_with_other_columns_is_one_clear_error() -> None:
    with pytest.raises(UserError, match="wrong columns: expected LinkedIn's columns"):
        list(parse_connections("name;email\nAna;ana@example.com\n", "contacts.csv"))


def _zip(files: dict[str, bytes], prefix: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(prefix + name, data)
    return buffer.getvalue()


def test_the_export_zip_yields_connections_invitations_and_messages() -> None:
    folder = FIXTURES / "linkedin-export"
    data = _zip(
        {p.name: p.read_bytes() for p in folder.iterdir()}, prefix="Basic_LinkedInDataExport/"
    )
    export = read_export_zip(data, "export.zip")
    assert export.connections is not None and export.invitations is not None
    invitations = list(parse_invitations(export.invitations, "Invitations.csv"))
    assert [x.profile_urls for x in invitations] == [
        ("https://www.linkedin.com/in/ana-okafor",),
        ("https://www.linkedin.com/in/davidkim",),
        ("https://www.linkedin.com/in/somebody-else",),
    ]
    assert invitations[0].note.startswith("LinkedIn invitation sent: Great meeting you")
    assert export.messages is not None
    messages = list(parse_messages(export.messages, "messages.csv"))
    # One exchange per conversation and day: the 14 March thread is one contact.
    assert [(m.day, len(m.profile_urls)) for m in messages] == [
        (date(2025, 3, 14), 2),
        (date(2025, 3, 20), 2),
        (date(2025, 6, 1), 3),
    ]


def test_a_zip_without_connections_is_one_clear_error() -> None:
    with pytest.raises(UserError, match=r"no Connections\.csv"):
        read_export_zip(_zip({"Profile.csv": b"First Name\n"}), "export.zip")
