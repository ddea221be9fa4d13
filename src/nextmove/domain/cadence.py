"""Keeping in touch: when a contact, an advisor or an unanswered request needs attention.

Pure date arithmetic; ``today`` is always a parameter. The rules, in days since the last
touch (any logged interaction, meeting, imported calendar event or message resets it):

- a cadence has an *ideal* and a *maximum* interval: the contact is **due** from
  ``last + ideal`` and **overdue** from ``last + maximum``; before that it is **ok**;
- a tier (A/B/C, default 30/90/180 days) is an ideal interval of that many days with a
  maximum a third longer (A: 30/40, B: 90/120, C: 180/240);
- a board seat is **overdue** once its cadence (default 90 days) has passed since the last
  in-person chat, and **due** in the two weeks before that;
- a snooze keeps the state ``ok`` until the snooze date; from that date on the normal rules
  apply again;
- someone never touched is due today.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from nextmove.errors import UserError

TIER_CADENCE_DAYS: Mapping[str, int] = {"A": 30, "B": 90, "C": 180}
BOARD_CADENCE_DAYS = 90
BOARD_HEADS_UP_DAYS = 14
NUDGE_AFTER_DAYS = 7


class TouchState(StrEnum):
    OK = "ok"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often to be in touch: due after ``ideal_days``, overdue after ``max_days``."""

    ideal_days: int
    max_days: int

    def __post_init__(self) -> None:
        if self.ideal_days < 1 or self.max_days < self.ideal_days:
            raise UserError(
                f"cadence: ideal {self.ideal_days} and maximum {self.max_days} days do not fit",
                hint="The ideal interval is at least 1 day and no longer than the maximum.",
            )


@dataclass(frozen=True, slots=True)
class CadenceStatus:
    """Where a contact stands today.

    ``due_on`` is the first day the contact is due (never before a snooze ends);
    ``overdue_on`` the first day it is overdue; ``days_since`` is None when never touched.
    """

    state: TouchState
    due_on: date
    overdue_on: date
    days_since: int | None
    snoozed: bool = False

    @property
    def needs_attention(self) -> bool:
        return self.state is not TouchState.OK


def tier_cadence(tier: str, days: Mapping[str, int] = TIER_CADENCE_DAYS) -> Cadence:
    """The cadence of a tier: ``days[tier]`` ideal, a third more as the maximum.

    ``days`` lets the user configure the tiers (default A 30, B 90, C 180)."""
    key = tier.strip().upper()
    if key not in days:
        raise UserError(
            f"unknown tier {tier!r}",
            hint=f"Use one of {', '.join(sorted(days))}, or give a personal cadence.",
        )
    ideal = days[key]
    return Cadence(ideal, ideal + ideal // 3)


def board_cadence(days: int = BOARD_CADENCE_DAYS) -> Cadence:
    """A board seat's cadence: overdue after ``days``, due in the two weeks before."""
    if days < 1:
        raise UserError(f"board cadence: {days} days", hint="Use at least 1 day.")
    return Cadence(max(1, days - BOARD_HEADS_UP_DAYS), days)


def cadence_status(
    cadence: Cadence,
    last_touch: date | None,
    today: date,
    *,
    snoozed_until: date | None = None,
) -> CadenceStatus:
    """The state of one contact today under ``cadence`` (see the module docstring)."""
    if last_touch is None:
        due_on, overdue_on, since = today, today, None
        state = TouchState.DUE
    else:
        due_on = last_touch + timedelta(days=cadence.ideal_days)
        overdue_on = last_touch + timedelta(days=cadence.max_days)
        since = (today - last_touch).days
        if today >= overdue_on:
            state = TouchState.OVERDUE
        elif today >= due_on:
            state = TouchState.DUE
        else:
            state = TouchState.OK
    snoozed = snoozed_until is not None and today < snoozed_until
    if snoozed_until is not None:
        due_on = max(due_on, snoozed_until)
        overdue_on = max(overdue_on, snoozed_until)
    if snoozed:
        state = TouchState.OK
    return CadenceStatus(state, due_on, overdue_on, since, snoozed)


def last_touch(*dates: date | None) -> date | None:
    """The latest of any touch dates (interactions, meetings, calendar events, messages)."""
    present = [d for d in dates if d is not None]
    return max(present) if present else None


@dataclass(frozen=True, slots=True)
class NudgeStatus:
    """Whether a meeting request with no reply needs a follow-up nudge today."""

    due: bool
    nudge_on: date | None  # None once there is a reply
    days_waiting: int


def nudge_status(
    requested_on: date,
    today: date,
    *,
    replied_on: date | None = None,
    last_nudged_on: date | None = None,
    after_days: int = NUDGE_AFTER_DAYS,
) -> NudgeStatus:
    """A request is nudge-due ``after_days`` (default 7) after it was sent, or after the
    last nudge, as long as there is no reply. On the day before: not yet; on the day: due."""
    if after_days < 1:
        raise UserError(f"nudge after {after_days} days", hint="Use at least 1 day.")
    waiting = (today - requested_on).days
    if replied_on is not None:
        return NudgeStatus(False, None, (replied_on - requested_on).days)
    since = max(requested_on, last_nudged_on) if last_nudged_on else requested_on
    nudge_on = since + timedelta(days=after_days)
    return NudgeStatus(today >= nudge_on, nudge_on, waiting)


TIER_RANK = {"A": 0, "B": 1, "C": 2}


def keep_in_touch_key(
    *, tier: str | None, status: CadenceStatus, today: date, strength: int, relevance: float
) -> tuple[int, int, int, float]:
    """The order in which to reach the people due: the closer tier first (A, B, C, then a
    personal cadence without a tier), then the longer overdue, the stronger tie (0 when not a
    direct one) and the more relevant to your plan (0…1)."""
    return (
        TIER_RANK.get(tier or "", len(TIER_RANK)),
        -(today - status.due_on).days,
        -strength,
        -relevance,
    )
