"""Pasted job postings in the layouts people actually paste, and files that are not postings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.errors import UserError
from nextmove.formats.posting import decode_posting, parse_posting

POSTINGS = Path(__file__).parent / "fixtures" / "postings"

# fixture -> (title, organization, city, remote)
EXPECTED = {
    "linkedin-header.txt": (
        "Senior Product Manager, Patient Experience",
        "Northwind Health",
        "Chicago",
        False,
    ),
    "labelled-fields.txt": (
        "Director of Product, Care Navigation",
        "Brightpath Clinics",
        "",
        True,
    ),
    "greenhouse.md": ("Group Product Manager, Payments", "Orbit Labs", "San Francisco", False),
    "prose-email.txt": ("VP of Product", "Lumen Bank", "New York", False),
    "indeed-dash.txt": ("Staff Data Scientist", "Meridian Insurance", "Boston", False),
    "workday-internal.txt": ("Product Manager II", "Northwind Health", "Chicago", False),
    "hr-email-forward.txt": (
        "Senior Product Manager, Clinic Scheduling",
        "Northwind Health",
        "Chicago",
        False,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_layout_gives_title_organization_and_location(name: str) -> None:
    posting = parse_posting(decode_posting((POSTINGS / name).read_bytes(), name))
    assert (posting.title, posting.organization, posting.city, posting.remote) == EXPECTED[name]
    assert posting.found


def test_labelled_fields_also_give_department_and_industry() -> None:
    posting = parse_posting((POSTINGS / "labelled-fields.txt").read_text())
    assert posting.department == "Product Management"
    assert posting.industry == "Healthcare software"
    assert posting.location == "Remote (United States)"


def test_the_first_link_in_a_posting_is_kept() -> None:
    posting = parse_posting((POSTINGS / "linkedin-header.txt").read_text())
    assert posting.link == "https://jobs.northwind.example/pm-patient-experience"


def test_a_posting_that_says_not_remote_is_not_remote() -> None:
    posting = parse_posting("Senior Engineer\nAcme Corp\nLocation: Austin, TX (not remote)\n")
    assert (posting.city, posting.remote) == ("Austin", False)


def test_windows_1252_text_is_read() -> None:
    text = "Job Title: Directeur Général Adjoint\nCompany: Café Olé\n".encode("cp1252")
    assert parse_posting(decode_posting(text, "p.txt")).organization == "Café Olé"


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t  \n", "\ufeff".encode()])
def test_an_empty_file_is_a_clear_error(raw: bytes) -> None:
    with pytest.raises(UserError, match=r"posting\.txt: the file is empty") as exc:
        decode_posting(raw, "posting.txt")
    assert exc.value.hint and "Paste" in exc.value.hint


def test_a_binary_file_is_a_clear_error() -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00endobj"
    with pytest.raises(UserError, match=r"posting\.pdf: looks like a binary file") as exc:
        decode_posting(pdf, "posting.pdf")
    assert exc.value.hint and "plain-text" in exc.value.hint


@given(st.text(max_size=400))
def test_any_text_parses_without_crashing(text: str) -> None:
    posting = parse_posting(text)
    assert posting.title == posting.title.strip(" ,;-–—")


def test_the_duties_under_what_youll_do_become_the_work_it_involves() -> None:
    posting = parse_posting((POSTINGS / "linkedin-header.txt").read_text())
    assert posting.duties == [
        "Run discovery with patients and clinic staff",
        "Write crisp specs and own the roadmap for booking and reminders",
        "Report progress to the leadership team monthly",
    ]


def test_duties_without_bullet_points_stop_at_the_next_heading() -> None:
    posting = parse_posting((POSTINGS / "linkedin-unbulleted-duties.txt").read_text())
    assert posting.duties == [
        "Lead daily staffing huddles with the clinic nurse managers",
        "Run monthly budget reviews with finance",
        "Drive process improvement projects that cut patient wait times",
        "Write the quarterly operations report for the board",
    ]


def test_a_long_list_of_duties_is_kept_short() -> None:
    text = "Head of Sales\nAcme\n\nResponsibilities\n" + "".join(
        f"- Duty number {i} " + "with many words " * 10 + "\n" for i in range(40)
    )
    duties = parse_posting(text).duties
    assert len(duties) == 12
    assert all(len(d) <= 80 for d in duties)


def test_a_posting_without_a_duties_heading_has_no_duties() -> None:
    assert parse_posting((POSTINGS / "prose-email.txt").read_text()).duties == []
