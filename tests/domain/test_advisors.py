"""Board candidates: senior to you and known to you, never your reports, ordered by that; for
an executive, outside and C-level roles read on purpose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.advisors import Me, Person, judge_advisor, outside_role, rank_advisors
from nextmove.services.titles import read_title


def test_a_senior_stranger_is_not_a_candidate_but_a_senior_friend_is() -> None:
    me = Me(level=3)
    stranger = Person(1, "Stella Stranger", "CEO", level=11)
    friend = Person(2, "Fran Friend", "Director", level=7, strength=3)
    assert [c.person.name for c in rank_advisors(me, [stranger, friend])] == ["Fran Friend"]


def test_your_manager_is_a_natural_candidate_and_your_reports_never_are() -> None:
    me = Me(level=7, manager_id=1)
    manager = Person(1, "Mona Manager", "VP Finance", level=9, strength=4, how="your manager")
    report = Person(2, "Rex Report", "Senior Director", level=8, strength=4, reports_to_me=True)
    ranked = rank_advisors(me, [report, manager])
    assert [c.person.name for c in ranked] == ["Mona Manager"]
    assert ranked[0].reasons[0] == "your manager"


def test_candidates_are_ordered_by_how_well_you_know_them_not_by_name() -> None:
    me = Me(level=3)
    people = [
        Person(1, "Aaron Acquaintance", "Director", level=7, strength=2),
        Person(2, "Zoe Close", "Director", level=7, strength=5),
        Person(3, "Mia Helper", "Director", level=7, strength=2, offered_help=True),
    ]
    assert [c.person.name for c in rank_advisors(me, people)] == [
        "Zoe Close",
        "Mia Helper",
        "Aaron Acquaintance",
    ]


def test_an_executive_gets_c_level_peers_elsewhere_board_members_and_search_partners() -> None:
    me = Me(level=9, organization="Harbor Foods")
    people = [
        Person(1, "Carla CFO", "Chief Financial Officer", "Lumen Bank", 11, strength=3),
        Person(2, "Ned Board", "Non-Executive Director", "Cedar Health", None, strength=3),
        Person(3, "Sam Search", "Partner, CFO Practice", "Heidrick & Struggles", None, strength=3),
        Person(4, "Otto Operating", "Operating Partner", "Northwind Capital", None, strength=3),
        Person(5, "Vic Peer", "VP, Finance", "Harbor Foods", 9, strength=3),
        Person(6, "Rita Report", "Senior Director, FP&A", "Harbor Foods", 8, strength=4),
    ]
    ranked = {c.person.name: c.reasons for c in rank_advisors(me, people)}
    assert set(ranked) == {"Carla CFO", "Ned Board", "Sam Search", "Otto Operating"}
    assert "a C-level executive elsewhere, one step ahead of you" in ranked["Carla CFO"]
    assert any("sits on boards" in r for r in ranked["Ned Board"])
    assert any("executive-search partner" in r for r in ranked["Sam Search"])
    assert any("operating partner" in r for r in ranked["Otto Operating"])


def test_outside_roles_are_read_from_titles() -> None:
    assert outside_role("Board Member")[0] == "board"  # type: ignore[index]
    assert outside_role("Chair of the Board")[0] == "board"  # type: ignore[index]
    assert outside_role("Partner", "Spencer Stuart")[0] == "search"  # type: ignore[index]
    assert outside_role("Operating Partner")[0] == "operating-partner"  # type: ignore[index]
    assert outside_role("Director of Finance") is None
    assert outside_role("Partner Account Manager") is None


people_st = st.builds(
    Person,
    person_id=st.integers(1, 10_000),
    name=st.text(min_size=1, max_size=8),
    title=st.sampled_from(["", "Director", "Board Member", "Operating Partner", "VP Sales"]),
    organization=st.sampled_from(["", "Acme", "Other"]),
    level=st.none() | st.integers(0, 11),
    strength=st.none() | st.integers(1, 5),
    offered_help=st.booleans(),
    reports_to_me=st.booleans(),
)


@given(me_level=st.integers(0, 11), person=people_st)
def test_no_candidate_is_your_report_a_stranger_or_below_you(me_level: int, person: Person) -> None:
    found = judge_advisor(Me(level=me_level, organization="Acme"), person)
    if found is None:
        return
    assert not person.reports_to_me
    assert (person.strength or 0) >= 2 or person.offered_help
    if person.level is not None:
        assert person.level >= me_level


def test_a_board_member_whose_title_reads_as_c_level_is_named_for_the_board_seat() -> None:
    me = Me(level=9, organization="Harbor Foods")
    board = Person(1, "Bea Banks", "Board Member", "Maple Foods", 11, strength=2)
    found = rank_advisors(me, [board])
    assert len(found) == 1
    assert found[0].reasons[0] == "sits on boards: sees the C-suite from above"
    assert not any("C-level executive" in r for r in found[0].reasons)


def test_only_a_c_suite_or_board_practice_makes_a_search_partner() -> None:
    assert outside_role("Partner, CFO Practice")[0] == "search"  # type: ignore[index]
    assert outside_role("Partner, Board & CEO Practice")[0] == "search"  # type: ignore[index]
    assert outside_role("Partner, Tax Practice", "Deloitte") is None
    assert outside_role("Managing Partner, Executive Search")[0] == "search"  # type: ignore[index]


def test_a_financial_advisor_or_investor_relations_is_not_an_outside_advisor() -> None:
    assert outside_role("Financial Advisor") is None
    assert outside_role("Investor Relations Manager") is None
    assert outside_role("Advisor")[0] == "advisor"  # type: ignore[index]
    assert outside_role("Angel Investor")[0] == "advisor"  # type: ignore[index]
    assert outside_role("Strategic Advisor to the CEO")[0] == "advisor"  # type: ignore[index]
    assert outside_role("Investor & Advisor")[0] == "advisor"  # type: ignore[index]


def test_a_department_chair_is_not_a_board_seat() -> None:
    assert outside_role("Chair of Surgery") is None
    assert outside_role("Department Chair, Nursing") is None
    assert outside_role("Chairman")[0] == "board"  # type: ignore[index]
    assert outside_role("Non-Executive Chair")[0] == "board"  # type: ignore[index]
    assert outside_role("Trustee")[0] == "board"  # type: ignore[index]


@pytest.mark.parametrize(
    "title",
    [
        "Tax Advisor",
        "Wealth Advisor",
        "Customer Advisor",
        "Financial Adviser",
        "Department Chair",
        "Chair of Surgery",
        "Partner, Tax Practice",
        "Talent Partner",
        "Senior Technical Recruiter",
        "Investor Relations Director",
        "Director of Finance",
        "Executive Assistant to the Board",
    ],
)
def test_jobs_that_borrow_an_outside_roles_words_are_not_outside_roles(title: str) -> None:
    assert outside_role(title) is None


@pytest.mark.parametrize(
    ("title", "organization", "kind"),
    [
        ("Member of the Board", "", "board"),
        ("NED", "Cedar Health", "board"),
        ("Aufsichtsratsmitglied", "", "board"),
        ("Administratrice Indépendante", "", "board"),
        ("Partner", "Odgers Berndtson", "search"),
        ("Principal, Leadership Practice", "", "search"),
        ("Executive Partner", "Northwind Capital", "operating-partner"),
        ("Senior Advisor", "", "advisor"),
        ("Venture Partner", "", "advisor"),
    ],
)
def test_outside_roles_are_the_title_readers_tags(title: str, organization: str, kind: str) -> None:
    """One reader: what advisors call an outside role is what the title reader tags one."""
    found = outside_role(title, organization)
    assert found is not None and found[0] == kind
    tag = read_title(f"{title} at {organization}" if organization else title).tag
    assert tag in {"board": {"board"}, "search": {"executive-search"}}.get(
        kind, {"operating-partner", "advisor", "investor"}
    )


def test_a_recruiter_is_no_board_candidate_unless_your_plan_heads_into_people_or_they_offered() -> (
    None
):
    """A teacher heading for instructional design knows a Senior Technical Recruiter: a help
    with a hiring process, not an advisor on her path."""
    teacher = Me(level=2, aiming_at=frozenset({"education"}))
    recruiter = Person(1, "Sofia", "Senior Technical Recruiter", "Robert Half", level=3, strength=2)
    partner = Person(2, "Fay", "HR Business Partner", "Mercy", level=3, strength=3)
    designer = Person(3, "Ellen", "Senior Learning Experience Designer", "Duolingo", 3, 2)
    assert [c.person.name for c in rank_advisors(teacher, [recruiter, partner, designer])] == [
        "Ellen"
    ]
    into_hr = Me(level=2, aiming_at=frozenset({"people"}))
    assert judge_advisor(into_hr, recruiter) is not None
    offered = Person(1, "Sofia", "Senior Technical Recruiter", "Robert Half", 3, 2, "", True)
    assert judge_advisor(teacher, offered) is not None
