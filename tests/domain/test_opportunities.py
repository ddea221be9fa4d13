"""The source mix, and reading sources, statuses and ratings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.levels import parse_level
from nextmove.domain.opportunities import (
    Opportunity,
    Source,
    Status,
    check_rating,
    member_priority,
    parse_source,
    parse_status,
    source_mix,
    why_meet_member,
)
from nextmove.errors import UserError


def options(*sources: Source) -> list[Opportunity]:
    return [Opportunity(title=f"Role {i}", source=s) for i, s in enumerate(sources)]


HR, BOARD, RECRUITER, NETWORK, SELF = (
    Source.HR_PROPOSAL,
    Source.JOB_BOARD,
    Source.RECRUITER,
    Source.NETWORK_REFERRAL,
    Source.SELF_CREATED,
)
OWN = [Source.NETWORK_REFERRAL, Source.SELF_CREATED]


@pytest.mark.parametrize(
    ("sources", "mostly"),
    [
        ((HR, NETWORK), False),  # 1/2: at the threshold, not "most"
        ((HR, BOARD, NETWORK, RECRUITER), False),  # 2/4
        ((HR, BOARD, SELF), True),  # 2/3: above
        ((BOARD, BOARD, BOARD, NETWORK, SELF), True),  # 3/5
        ((RECRUITER, RECRUITER, HR), False),  # 1/3: below
    ],
)
def test_most_options_from_hr_and_job_boards_means_more_than_half(
    sources: tuple[Source, ...], mostly: bool
) -> None:
    mix = source_mix(options(*sources))
    assert mix.mostly_passive is mostly
    if mostly:
        assert "nextmove suggest" in mix.advice and "nextmove round plan" in mix.advice


def test_source_mix_counts_network_and_self_created_options() -> None:
    mix = source_mix(options(HR, BOARD, BOARD, NETWORK, SELF, RECRUITER))
    assert mix.total == 6 and mix.passive == 3 and mix.own == 2
    assert mix.by_source == {
        "hr-proposal": 1,
        "job-board": 2,
        "recruiter": 1,
        "network-referral": 1,
        "self-created": 1,
    }


def test_no_options_from_your_network_gets_a_gentler_nudge() -> None:
    mix = source_mix(options(RECRUITER, RECRUITER, HR))
    assert not mix.mostly_passive and mix.own == 0 and "nextmove suggest" in mix.advice


def test_no_options_at_all_is_not_mostly_anything() -> None:
    mix = source_mix([])
    assert mix.total == 0 and not mix.mostly_passive and mix.advice == ""


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("hr-proposal", HR),
        ("HR", HR),
        ("job board", BOARD),
        ("referral", NETWORK),
        ("self_created", SELF),
        ("Recruiter", RECRUITER),
    ],
)
def test_sources_are_read_with_common_spellings(text: str, source: Source) -> None:
    assert parse_source(text) is source


def test_unknown_source_status_or_rating_is_a_clear_error() -> None:
    with pytest.raises(UserError, match="unknown source 'linkedin'") as exc:
        parse_source("linkedin")
    assert exc.value.hint and "network-referral" in exc.value.hint
    with pytest.raises(UserError, match="unknown status 'hired'"):
        parse_status("hired")
    with pytest.raises(UserError, match="outside 1…5"):
        check_rating(6)
    assert parse_status(" Offer ") is Status.OFFER and check_rating(5) == 5


@given(st.lists(st.sampled_from(list(Source)), max_size=30), st.sampled_from(OWN))
def test_adding_an_option_from_your_network_or_your_own_never_makes_the_mix_more_passive(
    sources: list[Source], own: Source
) -> None:
    before = source_mix(options(*sources))
    after = source_mix(options(*sources, own))
    assert after.own == before.own + 1
    assert after.passive_share <= before.passive_share
    assert not (after.mostly_passive and not before.mostly_passive)


@pytest.mark.parametrize(
    ("level", "priority", "why"),
    [
        ("lead", 0, "in product, one or two levels above the role: could be its hiring manager"),
        ("manager", 0, "in product, one or two levels above the role"),
        ("director", 1, "in product, three levels above the role: likely leads"),
        ("vp", 3, "in product, a senior leader"),
        ("senior", 2, "in product, at the role's level"),
        ("mid", 2, "in product, a step from the role's level"),  # the same layer as senior
        ("entry", 4, "in product, below the role's level"),
    ],
)
def test_a_chart_member_is_placed_and_explained_by_layers_from_a_senior_role(
    level: str, priority: int, why: str
) -> None:
    rank, senior = parse_level(level), parse_level("senior")
    assert member_priority(rank, senior) == priority
    assert why_meet_member(rank, "product", senior, "product").startswith(why)


def test_a_chart_member_without_a_level_or_in_another_function_is_said_plainly() -> None:
    assert why_meet_member(None, "product", None, "product") == "works in product there"
    assert why_meet_member(None, "sales", None, "product") == "works there"
    assert why_meet_member(parse_level("vp"), "sales", parse_level("senior"), "product") == (
        "a senior leader: sees where that part of the organization is going"
    )
