"""The states of a meeting, what an insight may point at, and the chain of introductions."""

from __future__ import annotations

from datetime import date

import pytest

from nextmove.domain.meetings import (
    ALLOWED_FROM,
    Meeting,
    MeetingState,
    check_transition,
    introduction_chain,
    parse_affects,
    thanks_due_on,
)
from nextmove.domain.vision import Priority, RoleOutline, Vision
from nextmove.errors import UserError

VISION = Vision(
    steps=[RoleOutline("Group PM"), RoleOutline("Director")], priorities=[Priority("x")]
)


def test_every_state_may_only_follow_the_states_the_method_allows() -> None:
    for target in MeetingState:
        for current in MeetingState:
            if current in ALLOWED_FROM.get(target, frozenset()):
                check_transition(1, current, target)
            else:
                with pytest.raises(UserError):
                    check_transition(1, current, target)


def test_a_thank_you_is_due_the_day_after_a_held_meeting_until_it_is_sent() -> None:
    held = Meeting(1, date(2026, 11, 1), state=MeetingState.HELD, held_on=date(2026, 11, 10))
    assert thanks_due_on(held) == date(2026, 11, 11)
    held.state = MeetingState.FOLLOWED_UP
    assert thanks_due_on(held) is None


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("step:2", ("step", "2")),
        ("Priority:1", ("priority", "1")),
        ("choice:City", ("choice", "city")),
    ],
)
def test_an_insight_points_at_a_step_a_priority_or_a_choice(
    text: str, parsed: tuple[str, str]
) -> None:
    kind, key = parse_affects(text, VISION)
    assert (kind.value, key) == parsed


@pytest.mark.parametrize("text", ["step:0", "step:3", "priority:2", "choice:pay", "mood:1", "step"])
def test_an_insight_cannot_point_past_the_vision(text: str) -> None:
    with pytest.raises(UserError):
        parse_affects(text, VISION)


def test_the_chain_runs_from_the_first_person_met_and_stops_at_a_cycle() -> None:
    names = {1: "Ana", 2: "Maria", 3: "Li"}
    assert [c.name for c in introduction_chain(3, {3: 2, 2: 1}, names)] == ["Ana", "Maria", "Li"]
    looped = introduction_chain(3, {3: 2, 2: 3}, names)
    assert [c.name for c in looped] == ["Maria", "Li"]
    assert introduction_chain(1, {}, names)[0].introduced_by is None
