"""Ranking people to meet: the method's rules as tests, on plain values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.paths import Hop, WarmPath, find_paths
from nextmove.domain.rounds import plan_round
from nextmove.domain.suggest import (
    Candidate,
    PastRole,
    level_gap_factor,
    rank_candidates,
    score_candidate,
)
from nextmove.domain.vision import Position, RoleOutline, Vision

TODAY = date(2026, 11, 22)


def vision(**me: object) -> Vision:
    return Vision(
        me=Position(
            **{
                "name": "Me",
                "title": "Senior PMM",
                "function": "marketing",
                "level": 3,
                "organization": "Acme",
                "city": "Austin",
                "industry": "software",
                **me,
            }
        ),
        steps=[
            RoleOutline(title="PMM Manager", function="marketing", level=5, industry="software"),
            RoleOutline(title="Director PMM", function="marketing", level=7, industry="software"),
        ],
    )


def person(pid: int, **kw: object) -> Candidate:
    base = {
        "name": f"P{pid}",
        "organization": "Acme",
        "function": "marketing",
        "level": 3,
        "level_exact": True,
        "direct_strength": 2,
    }
    return Candidate(person_id=pid, **{**base, **kw})


@pytest.mark.parametrize(
    ("gap", "best"),
    [(2, True), (3, True), (1, False), (4, False), (0, False), (-1, False), (6, False)],
)
def test_two_to_three_levels_above_scores_highest(gap: int, best: bool) -> None:
    assert (level_gap_factor(gap) == 1.0) is best


def test_senior_leader_who_offered_ranks_above_same_level_peers() -> None:
    leader = person(1, name="Lee", level=5, levels_above_me=2, offered_help=True, direct_strength=1)
    peers = [
        person(
            i,
            name=f"Peer {i}",
            level=3,
            levels_above_me=0,
            peer=True,
            same_team=True,
            direct_strength=3,
        )
        for i in range(2, 6)
    ]
    ranked = rank_candidates(vision(), [*peers, leader], today=TODAY)
    assert ranked[0].candidate.name == "Lee"
    codes = [r.code for r in ranked[0].reasons]
    assert "offered-help" in codes and "level-gap" in codes
    assert any(r.code == "peer" and r.contribution < 0 for r in ranked[-1].reasons)


def test_someone_met_last_week_is_not_suggested_again() -> None:
    met = person(1, level=5, last_research_meeting=TODAY - timedelta(days=7))
    assert score_candidate(vision(), met, today=TODAY) is None


def test_someone_met_long_ago_is_suggested_again() -> None:
    met = person(1, level=5, last_research_meeting=TODAY - timedelta(days=400))
    assert score_candidate(vision(), met, today=TODAY) is not None


def test_already_planned_people_are_left_out() -> None:
    assert score_candidate(vision(), person(1, planned=True), today=TODAY) is None


def test_every_suggestion_has_at_least_two_reasons() -> None:
    for c in [person(1), person(2, level=None, function=None, direct_strength=None)]:
        s = score_candidate(vision(), c, today=TODAY)
        assert s is not None and len(s.reasons) >= 2


def test_predecessor_and_movers_like_you_are_named() -> None:
    pred = person(
        1,
        title="Group PM",
        function="product",
        level=5,
        predecessor=True,
        history=(
            PastRole("Senior PMM", "Acme", "marketing", 3),
            PastRole("PMM Manager", "Acme", "marketing", 5),
        ),
    )
    s = score_candidate(vision(), pred, today=TODAY)
    assert s is not None
    assert {"predecessor", "held-target-role"} <= {r.code for r in s.reasons}


def test_someone_who_moved_from_a_role_like_yours_into_your_target_is_named() -> None:
    mover = person(1, level=5, history=(PastRole("Senior PMM", "Beta", "marketing", 3),))
    s = score_candidate(vision(), mover, today=TODAY)
    assert s is not None and "moved-like-you" in {r.code for r in s.reasons}
    stayer = person(2, level=5, history=(PastRole("Engineer", "Beta", "engineering", 3),))
    s2 = score_candidate(vision(), stayer, today=TODAY)
    assert s2 is not None and "moved-like-you" not in {r.code for r in s2.reasons}


def test_warm_path_is_explained_with_names() -> None:
    path = WarmPath((Hop(10, 3, "your manager"), Hop(1, 2)))
    far = person(1, level=6, direct_strength=None, path=path, path_names=("Ana", "Ben"))
    s = score_candidate(vision(), far, today=TODAY)
    assert s is not None
    assert any("you → Ana → Ben" in r.text for r in s.reasons if r.code == "reachability")


flags = st.fixed_dictionaries(
    {
        "level": st.integers(0, 11) | st.none(),
        "function": st.sampled_from(["marketing", "product", "sales", None]),
        "direct_strength": st.sampled_from([None, 1, 2, 3]),
        "navigated_transition": st.booleans(),
        "peer": st.booleans(),
    }
)


@given(st.lists(flags, min_size=2, max_size=12), st.data())
def test_marking_someone_offered_to_help_never_lowers_their_rank(rows, data) -> None:
    people = [person(i, level_exact=False, **row) for i, row in enumerate(rows)]
    target = data.draw(st.integers(0, len(people) - 1))

    def rank_of(cands: list[Candidate]) -> int:
        ids = [s.candidate.person_id for s in rank_candidates(vision(), cands, today=TODAY)]
        return ids.index(target)

    before = rank_of(people)
    people[target] = replace(people[target], offered_help=True)
    assert rank_of(people) <= before


def test_find_paths_prefers_strong_links_and_short_paths() -> None:
    ties = {
        0: [Hop(1, 3, "manager"), Hop(2, 1)],
        1: [Hop(3, 3), Hop(9, 1)],
        2: [Hop(9, 3)],
        3: [Hop(9, 3)],
    }
    paths = find_paths(0, 9, ties)
    assert [tuple(h.person_id for h in p.hops) for p in paths] == [(1, 3, 9), (1, 9), (2, 9)]
    assert find_paths(0, 9, ties, max_hops=2)[0].length == 2


def test_find_paths_never_revisits_a_person() -> None:
    ties = {0: [Hop(1, 3)], 1: [Hop(0, 3), Hop(2, 3)], 2: [Hop(1, 3)]}
    assert [p.hops[-1].person_id for p in find_paths(0, 2, ties)] == [2]


def test_round_takes_at_most_a_third_from_one_organization_when_others_exist() -> None:
    cands = [
        person(i, name=f"{org}{i}", organization=org, level=5)
        for org in ("Acme", "Beta", "Gamma")
        for i in range(len(org), len(org) + 4)
    ]
    cands = [replace(c, person_id=n) for n, c in enumerate(cands)]
    slots = plan_round(rank_candidates(vision(), cands, today=TODAY), size=6, weeks=2, start=TODAY)
    orgs = [s.suggestion.candidate.organization for s in slots]
    assert len(slots) == 6 and all(orgs.count(o) == 2 for o in ("Acme", "Beta", "Gamma"))


def test_round_is_diverse_and_includes_a_navigator_and_a_helper() -> None:
    cands = [person(i, name=f"A{i}", organization="Acme", level=5) for i in range(8)]
    cands.append(person(20, name="Nav", organization="Beta", level=4, navigated_transition=True))
    cands.append(person(21, name="Help", organization="Gamma", level=4, offered_help=True))
    ranked = rank_candidates(vision(), cands, today=TODAY)
    slots = plan_round(ranked, size=6, weeks=3, start=TODAY)
    names = [s.suggestion.candidate.name for s in slots]
    assert "Nav" in names and "Help" in names
    assert (
        sum(1 for s in slots if s.suggestion.candidate.organization == "Acme") <= 2 + 2
    )  # filled up
    assert sorted({s.week for s in slots}) == [1, 2, 3]
    assert all(TODAY < s.reach_out_by <= TODAY + timedelta(days=21) for s in slots)


@given(st.lists(flags, min_size=1, max_size=12))
def test_ranking_without_words_gives_the_same_scores_as_with_them(rows) -> None:
    people = [person(i, level_exact=False, **row) for i, row in enumerate(rows)]
    quick = rank_candidates(vision(), people, today=TODAY, explain=False)
    full = rank_candidates(vision(), people, today=TODAY)
    assert [(s.candidate.person_id, s.score) for s in quick] == [
        (s.candidate.person_id, s.score) for s in full
    ]
    assert all(r.text for s in full for r in s.reasons)


@given(st.lists(flags, min_size=1, max_size=12), st.data())
def test_someone_met_within_the_cooldown_is_never_suggested(rows, data) -> None:
    people = [person(i, level_exact=False, **row) for i, row in enumerate(rows)]
    target = data.draw(st.integers(0, len(people) - 1))
    days_ago = data.draw(st.integers(0, 119))
    people[target] = replace(people[target], last_research_meeting=TODAY - timedelta(days=days_ago))
    ranked = rank_candidates(vision(), people, today=TODAY, cooldown_days=120)
    assert target not in [s.candidate.person_id for s in ranked]
    assert len(ranked) == len(people) - 1


def _reasons(c: Candidate) -> dict[str, str]:
    s = score_candidate(vision(), c, today=TODAY)
    assert s is not None
    return {r.code: r.text for r in s.reasons}


def test_moved_like_you_names_the_roles_and_a_role_above_yours_is_not_like_yours() -> None:
    """'moved from a role like yours into one like your target' named what it meant; and a
    past role one above yours (your next step) is not 'a role like yours'."""
    mover = person(
        1,
        title="Director of Product Marketing",
        level=7,
        history=(
            PastRole("PMM Manager", "Initech", "marketing", 4),
            PastRole("Senior PMM", "Globex", "marketing", 3),
        ),
    )
    text = _reasons(mover)["moved-like-you"]
    assert "(Senior PMM at Globex)" in text and "(Director of Product Marketing)" in text
    above_only = person(
        2, title="Director of Product Marketing", level=7,
        history=(PastRole("PMM Manager", "Initech", "marketing", 4),),
    )  # fmt: skip
    assert "moved-like-you" not in _reasons(above_only)


def test_the_role_a_move_ended_in_is_named_once_not_again_as_a_held_target() -> None:
    mover = person(
        3,
        title="Director of Product Marketing",
        level=7,
        history=(
            PastRole("Senior PMM", "Globex", "marketing", 3),
            PastRole("PMM Manager", "Initech", "marketing", 5),
        ),
        made_move="Senior PMM → PMM Manager, 2021",
    )
    reasons = _reasons(mover)
    assert reasons["made-the-move"] == "made the move you want (Senior PMM → PMM Manager, 2021)"
    assert "held-target-role" not in reasons
    other = replace(
        mover, history=(*mover.history, PastRole("Head of PMM", "Umbrella", "marketing", 6))
    )
    assert reasons != _reasons(other) and "Head of PMM" in _reasons(other)["held-target-role"]


def test_a_level_two_away_alone_is_not_working_close_to_your_target() -> None:
    """A VP of Sales is not 'close to your next job' as CFO: the reason would name nothing."""
    far = person(4, title="SVP Sales", function="sales", level=9, industry="retail")
    assert "target-role" not in _reasons(far)
    same_function = replace(far, function="marketing")
    assert _reasons(same_function)["target-role"].startswith(
        "works close to two jobs from now: the same function (marketing)"
    )


def test_your_predecessor_who_moved_on_is_not_told_twice_they_held_your_role() -> None:
    mover = person(
        5,
        title="Director of Product Marketing",
        level=7,
        predecessor=True,
        predecessor_why="was Senior PMM at Acme until 2024",
        history=(PastRole("Senior PMM", "Acme", "marketing", 3),),
    )
    assert _reasons(mover)["moved-like-you"] == (
        "went on from your role to one like your target (Director of Product Marketing)"
    )
    maybe = replace(mover, predecessor_certainty=0.5)
    assert "(Senior PMM at Acme)" in _reasons(maybe)["moved-like-you"]


def test_a_general_manager_is_a_leader_in_general_management_not_in_executive() -> None:
    me = replace(vision().me, function="executive", level=9)
    v = replace(vision(), me=me, steps=[RoleOutline(title="CEO", function="executive", level=11)])
    ceo = person(6, title="Chief Executive Officer", function="executive", level=11)
    s = score_candidate(v, ceo, today=TODAY)
    assert s is not None
    leader = next(r.text for r in s.reasons if r.code == "target-function-leader")
    assert leader == "a leader in general management, where you are aiming"


def _teacher() -> Vision:
    """A science teacher whose next job, instructional designer, is at her own function and
    level: function and level cannot tell her job from the one she wants."""
    return Vision(
        me=Position(
            title="Science Teacher", function="education", level=2, organization="Riverside USD"
        ),
        steps=[
            RoleOutline(title="Instructional Designer", function="education", level=2),
            RoleOutline(title="Senior Learning Experience Designer", function="education", level=3),
        ],
    )


def _texts(s: object) -> str:
    return " | ".join(r.text for r in s.reasons)  # type: ignore[attr-defined]


def test_a_colleague_in_your_own_role_does_not_hold_the_job_you_want_next() -> None:
    peer = person(
        1, title="Science Teacher", organization="Riverside USD", function="education", level=2
    )
    other = person(
        2, title="Math Teacher", organization="Riverside USD", function="education", level=2
    )
    for c in (peer, other):
        s = score_candidate(_teacher(), c, today=TODAY)
        assert s is not None
        assert "holds the job you want" not in _texts(s), _texts(s)
        assert "works close to your next job" not in _texts(s), _texts(s)
    s = score_candidate(_teacher(), peer, today=TODAY)
    assert s is not None and "works close" not in _texts(s), _texts(s)


def test_someone_with_the_step_title_holds_it_even_at_your_own_level() -> None:
    designer = person(
        3, title="Instructional Designer", organization="Coursera", function="education", level=2
    )
    s = score_candidate(_teacher(), designer, today=TODAY)
    assert s is not None
    assert "holds the job you want next (Instructional Designer at Coursera)" in _texts(s)


def test_your_own_role_in_someones_past_is_not_a_role_like_your_target() -> None:
    moved = person(
        4,
        title="Curriculum Specialist",
        organization="Amplify",
        function="education",
        level=2,
        history=(
            PastRole(
                title="Science Teacher", organization="Riverside USD", function="education", level=2
            ),
        ),
    )
    s = score_candidate(_teacher(), moved, today=TODAY)
    assert s is not None
    assert "has held a role like your target (Science Teacher)" not in _texts(s), _texts(s)


def test_a_rung_alone_is_not_working_close_to_your_target() -> None:
    """A senior technical recruiter shares only the rung of a teacher's second step (a senior
    learning experience designer): that is no likeness of the work."""
    recruiter = person(
        5,
        title="Senior Technical Recruiter",
        organization="Robert Half",
        function="people",
        level=3,
    )
    s = score_candidate(_teacher(), recruiter, today=TODAY)
    assert s is not None
    assert "works close" not in _texts(s), _texts(s)
    designer = person(
        6, title="Learning Designer", organization="Duolingo", function="education", level=3
    )
    s = score_candidate(_teacher(), designer, today=TODAY)
    assert s is not None and "two jobs from now" in _texts(s), _texts(s)


def test_an_unknown_level_gap_says_which_side_is_unknown() -> None:
    principal = person(7, title="Principal", function=None, level=None, level_exact=False)
    s = score_candidate(_teacher(), principal, today=TODAY)
    assert s is not None and "seniority not clear from their title" in _texts(s), _texts(s)
    unset = _teacher()
    unset.me = Position(title="Science Teacher")
    director = person(8, title="Director of Learning Design", level=7, level_exact=False)
    s = score_candidate(unset, director, today=TODAY)
    assert s is not None
    assert "Director; your own level is not set" in _texts(s), _texts(s)
    assert "level unknown" not in _texts(s)
