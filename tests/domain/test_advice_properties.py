"""Issue 14's invariants, for any person and any plan: nobody below you gets a leader or
close-to-target credit, and a predecessor is never below you (nor a colleague holding your
title now). *Impressive* is covered in test_evaluate.py."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.levels import layers_between
from nextmove.domain.predecessor import PastSeat, Seat, find_predecessor, same_title
from nextmove.domain.suggest import Candidate, PastRole, score_candidate
from nextmove.domain.vision import Position, RoleOutline, Vision

TODAY = date(2026, 11, 22)
FUNCTIONS = st.sampled_from(["finance", "operations", "engineering", "healthcare", None])
LEVELS = st.integers(0, 11)
TITLES = st.sampled_from(
    ["Nurse Manager", "Assistant Nurse Manager", "VP Finance", "Director of Operations", ""]
)


@st.composite
def plans(draw: st.DrawFn) -> Vision:
    me = draw(LEVELS)
    steps = [
        RoleOutline(
            title=draw(TITLES),
            function=draw(FUNCTIONS),
            level=draw(st.none() | LEVELS),
            industry=draw(st.sampled_from(["", "health care", "software"])),
        )
        for _ in range(draw(st.integers(1, 2)))
    ]
    return Vision(
        me=Position(title="Nurse Manager", organization="Acme", function="healthcare", level=me),
        steps=steps,
    )


@st.composite
def candidates(draw: st.DrawFn) -> Candidate:
    return Candidate(
        person_id=draw(st.integers(1, 1000)),
        name="P",
        title=draw(TITLES),
        organization=draw(st.sampled_from(["Acme", "Other"])),
        function=draw(FUNCTIONS),
        level=draw(st.none() | LEVELS),
        level_exact=draw(st.booleans()),
        level_confidence=draw(st.floats(0, 1)),
        levels_above_me=draw(st.none() | st.integers(-4, 6)),
        industry=draw(st.sampled_from(["", "health care", "software"])),
        history=tuple(
            PastRole(function=draw(FUNCTIONS), level=draw(st.none() | LEVELS))
            for _ in range(draw(st.integers(0, 2)))
        ),
        reports_to_me=draw(st.booleans()),
        direct_strength=draw(st.none() | st.integers(1, 5)),
    )


def below(plan: Vision, c: Candidate) -> bool:
    me = plan.me.level
    assert me is not None
    if c.reports_to_me:
        return True
    if c.levels_above_me is not None:
        return c.levels_above_me < 0
    return c.level is not None and (c.level < me or layers_between(me, c.level) < 0)


@given(plan=plans(), c=candidates())
def test_nobody_below_you_gets_a_leader_or_close_to_target_credit(
    plan: Vision, c: Candidate
) -> None:
    s = score_candidate(plan, c, today=TODAY)
    assert s is not None
    if below(plan, c):
        assert not {"target-role", "target-function-leader"} & {r.code for r in s.reasons}


@given(
    my_level=LEVELS,
    their_level=st.none() | LEVELS,
    title=TITLES,
    past=TITLES,
    ended=st.none() | st.dates(date(2015, 1, 1), date(2026, 11, 1)),
    started=st.none() | st.dates(date(2015, 1, 1), date(2026, 11, 1)),
)
def test_a_predecessor_is_never_below_you_nor_holds_your_title_now(
    my_level: int,
    their_level: int | None,
    title: str,
    past: str,
    ended: date | None,
    started: date | None,
) -> None:
    me = Seat("Nurse Manager", "Acme", my_level, started)
    found = find_predecessor(
        me,
        title=title,
        organization="Acme",
        level=their_level,
        history=(PastSeat("Acme", past, None, ended),),
        today=TODAY,
    )
    if found is None:
        return
    assert their_level is None or their_level >= my_level
    assert not same_title(me.title, title)  # not a colleague in the same title today
    assert same_title(me.title, past)
    if found.certainty < 1:
        assert "may have held your role" in found.why or "likely" in found.why


def test_titles_match_both_ways_never_as_a_subset() -> None:
    assert same_title("Nurse Manager", "Nurse Manager, 4 West")
    assert same_title("Senior Product Manager", "Senior Product Manager, Patient App")
    assert not same_title("Nurse Manager", "Assistant Nurse Manager")
    assert not same_title("Senior Product Manager, Payments", "Senior Product Manager, Search")
    assert same_title("Senior Software Engineer", "Senior Sofware Engineer")


def test_a_role_that_ended_long_before_you_began_may_only_have_been_yours() -> None:
    me = Seat("Nurse Manager", "Acme", 5, date(2024, 1, 1))
    old = find_predecessor(
        me,
        title="Director",
        organization="Acme",
        level=7,
        history=(PastSeat("Acme", "Nurse Manager", date(2015, 1, 1), date(2018, 1, 1)),),
        today=TODAY,
    )
    assert old is not None and old.certainty < 1 and "may have held your role" in old.why
    alongside = find_predecessor(
        me,
        title="Director",
        organization="Acme",
        level=7,
        history=(PastSeat("Acme", "Nurse Manager", date(2020, 1, 1), date(2025, 6, 1)),),
        today=TODAY,
    )
    assert alongside is None  # held it alongside you: a colleague then
