"""Keep-in-touch states, the board's cadence and the follow-up nudge, at every boundary:
the day before, the day of, and the day after."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.cadence import (
    Cadence,
    TouchState,
    board_cadence,
    cadence_status,
    last_touch,
    nudge_status,
    tier_cadence,
)
from nextmove.errors import UserError

LAST = date(2026, 8, 1)


def day(n: int) -> date:
    return LAST + timedelta(days=n)


@pytest.mark.parametrize(
    ("tier", "due_day", "overdue_day"), [("A", 30, 40), ("B", 90, 120), ("C", 180, 240)]
)
def test_each_tier_turns_due_then_overdue_exactly_on_its_day(
    tier: str, due_day: int, overdue_day: int
) -> None:
    cadence = tier_cadence(tier)
    states = {
        n: cadence_status(cadence, LAST, day(n)).state
        for n in (due_day - 1, due_day, due_day + 1, overdue_day - 1, overdue_day, overdue_day + 1)
    }
    assert states == {
        due_day - 1: TouchState.OK,
        due_day: TouchState.DUE,
        due_day + 1: TouchState.DUE,
        overdue_day - 1: TouchState.DUE,
        overdue_day: TouchState.OVERDUE,
        overdue_day + 1: TouchState.OVERDUE,
    }
    status = cadence_status(cadence, LAST, day(due_day))
    assert (status.due_on, status.overdue_on, status.days_since) == (
        day(due_day),
        day(overdue_day),
        due_day,
    )


def test_tiers_can_be_configured_and_are_case_insensitive() -> None:
    assert tier_cadence("a", {"A": 14, "B": 60}) == Cadence(14, 18)
    with pytest.raises(UserError, match="unknown tier 'D'"):
        tier_cadence("D")


def test_a_personal_cadence_uses_its_ideal_and_maximum() -> None:
    cadence = Cadence(ideal_days=21, max_days=45)
    assert cadence_status(cadence, LAST, day(20)).state is TouchState.OK
    assert cadence_status(cadence, LAST, day(21)).state is TouchState.DUE
    assert cadence_status(cadence, LAST, day(44)).state is TouchState.DUE
    assert cadence_status(cadence, LAST, day(45)).state is TouchState.OVERDUE


def test_a_personal_cadence_whose_maximum_is_shorter_than_its_ideal_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        Cadence(ideal_days=60, max_days=30)
    assert caught.value.hint


def test_any_new_touch_resets_the_clock() -> None:
    cadence = tier_cadence("A")
    touched = last_touch(LAST, None, day(35), day(10))
    assert touched == day(35)
    assert cadence_status(cadence, touched, day(41)).state is TouchState.OK
    assert last_touch(None, None) is None


def test_someone_never_touched_is_due_today() -> None:
    status = cadence_status(tier_cadence("C"), None, day(0))
    assert status.state is TouchState.DUE
    assert status.due_on == day(0) and status.days_since is None


def test_a_snooze_keeps_an_overdue_contact_quiet_until_its_last_day() -> None:
    cadence = tier_cadence("A")
    until = day(50)
    before = cadence_status(cadence, LAST, day(49), snoozed_until=until)
    on = cadence_status(cadence, LAST, day(50), snoozed_until=until)
    assert (before.state, before.snoozed, before.due_on) == (TouchState.OK, True, until)
    assert (on.state, on.snoozed) == (TouchState.OVERDUE, False)


def test_a_snooze_that_ended_long_ago_changes_nothing() -> None:
    cadence = tier_cadence("A")
    status = cadence_status(cadence, LAST, day(31), snoozed_until=day(-5))
    assert status == cadence_status(cadence, LAST, day(31))


def test_a_board_seat_is_overdue_ninety_days_after_the_last_in_person_chat() -> None:
    seat = board_cadence()
    assert cadence_status(seat, LAST, day(75)).state is TouchState.OK
    assert cadence_status(seat, LAST, day(76)).state is TouchState.DUE
    assert cadence_status(seat, LAST, day(89)).state is TouchState.DUE
    assert cadence_status(seat, LAST, day(90)).state is TouchState.OVERDUE
    assert cadence_status(seat, LAST, day(91)).state is TouchState.OVERDUE
    assert board_cadence(60) == Cadence(46, 60)
    assert board_cadence(7) == Cadence(1, 7)


def test_a_request_without_reply_is_nudge_due_on_the_seventh_day() -> None:
    sent = date(2026, 11, 2)
    assert not nudge_status(sent, sent + timedelta(days=6)).due
    on = nudge_status(sent, sent + timedelta(days=7))
    assert on.due and on.nudge_on == date(2026, 11, 9) and on.days_waiting == 7
    assert nudge_status(sent, sent + timedelta(days=8)).due


def test_a_reply_ends_the_nudging_and_a_nudge_restarts_the_wait() -> None:
    sent = date(2026, 11, 2)
    replied = nudge_status(sent, date(2026, 11, 20), replied_on=date(2026, 11, 5))
    assert (replied.due, replied.nudge_on) == (False, None)
    nudged = date(2026, 11, 10)
    assert not nudge_status(sent, date(2026, 11, 16), last_nudged_on=nudged).due
    assert nudge_status(sent, date(2026, 11, 17), last_nudged_on=nudged).due
    assert nudge_status(sent, date(2026, 11, 5), after_days=3).due


@given(
    ideal=st.integers(1, 400),
    extra=st.integers(0, 400),
    elapsed=st.integers(0, 1000),
)
def test_states_only_get_worse_as_time_passes(ideal: int, extra: int, elapsed: int) -> None:
    cadence = Cadence(ideal, ideal + extra)
    order = [TouchState.OK, TouchState.DUE, TouchState.OVERDUE]
    now = cadence_status(cadence, LAST, day(elapsed)).state
    later = cadence_status(cadence, LAST, day(elapsed + 1)).state
    assert order.index(later) >= order.index(now)
