"""The JSON shapes of meetings, the board, keeping in touch and `today` (docs/json.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from nextmove.domain.cadence import CadenceStatus, NudgeStatus
from nextmove.domain.meetings import (
    ChainLink,
    Insight,
    Meeting,
    Referral,
    RoundProgress,
    Task,
    describe_target,
)
from nextmove.domain.slots import Interval
from nextmove.domain.vision import Vision
from nextmove.formats.json_shapes import interval_json
from nextmove.formats.schemas.meetings import (
    MeetingDetailPublic,
    MeetingListPublic,
    MeetingPublic,
    SlotsPublic,
)
from nextmove.formats.schemas.people import ChainPublic, KeepListPublic


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def meeting_json(meeting: Meeting, *, nudge: NudgeStatus | None = None) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "person": {"id": meeting.person_id, "name": meeting.person_name},
        "kind": meeting.kind.value,
        "state": meeting.state.value,
        "minutes": meeting.minutes,
        "mode": meeting.mode.value,
        "place": meeting.place,
        "link": meeting.link,
        "starts_at": meeting.starts_at.isoformat() if meeting.starts_at else None,
        "sequence": meeting.sequence,
        "why": meeting.why,
        "round": {
            "id": meeting.round_id,
            "week": meeting.week,
            "reach_out_by": _day(meeting.reach_out_by),
        }
        if meeting.round_id
        else None,
        "history": [{"state": s, "on": d.isoformat()} for s, d in meeting.history()],
        "nudge_due": nudge.due if nudge else False,
        "nudge_on": _day(nudge.nudge_on) if nudge else None,
    }


def meeting_detail_json(
    meeting: Meeting,
    *,
    nudge: NudgeStatus | None,
    drafts: list[str],
    thanks_due_on: date | None,
    insights: list[Insight],
    referrals: list[Referral],
    tasks: list[Task],
    chain: list[ChainLink],
    vision: Vision,
    plan: str | None = None,
) -> MeetingDetailPublic:
    """`meeting show --json`: the meeting with its agenda, notes, drafts available, insights,
    referrals, tasks, the chain of introductions to the person and the plan it explores."""
    shape = {
        **meeting_json(meeting, nudge=nudge),
        "agenda": meeting.agenda,
        "notes": meeting.notes,
        "drafts": drafts,
        "thanks_due_on": _day(thanks_due_on),
        "insights": [insight_json(i, describe_target(i, vision)) for i in insights],
        "referrals": [referral_json(r) for r in referrals],
        "tasks": [task_json(t) for t in tasks],
        "chain": chain_json(chain),
        "plan": plan,
    }
    return MeetingDetailPublic.model_validate(shape)


def meeting_list_json(meetings: list[tuple[Meeting, NudgeStatus | None]]) -> MeetingListPublic:
    """`meeting list --json`: each meeting with its nudge."""
    return MeetingListPublic(
        meetings=[MeetingPublic.model_validate(meeting_json(m, nudge=n)) for m, n in meetings]
    )


def slots_json(meeting: Meeting, timezone: str, slots: list[Interval]) -> SlotsPublic:
    """`meeting slots --json`: proposed times for a meeting, in the user's zone."""
    shape = {
        "meeting_id": meeting.id,
        "timezone": timezone,
        "minutes": meeting.minutes,
        "slots": [{k: v for k, v in interval_json(s).items() if k != "summary"} for s in slots],
    }
    return SlotsPublic.model_validate(shape)


def insight_json(insight: Insight, described: str = "") -> dict[str, Any]:
    return {
        "id": insight.id,
        "text": insight.text,
        "affects": insight.target or None,
        "affects_label": described,
        "on": _day(insight.created_on),
    }


def referral_json(referral: Referral) -> dict[str, Any]:
    return {
        "person": {"id": referral.person_id, "name": referral.person_name},
        "meeting_id": referral.new_meeting_id,
        "on": _day(referral.created_on),
    }


def task_json(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "meeting_id": task.meeting_id,
        "person": task.person_name,
        "text": task.text,
        "due": _day(task.due_on),
        "done": _day(task.done_on),
    }


def chain_json(chain: list[ChainLink]) -> list[dict[str, Any]]:
    return [{"id": c.person_id, "name": c.name, "introduced_by": c.introduced_by} for c in chain]


def person_chain_json(person: Any, chain: list[ChainLink]) -> ChainPublic:
    """`people chain --json`: who introduced you to whom, up to the person."""
    return ChainPublic.model_validate(
        {"person": {"id": person.id, "name": person.name}, "chain": chain_json(chain)}
    )


def cadence_json(status: CadenceStatus) -> dict[str, Any]:
    return {
        "state": status.state.value,
        "due_on": _day(status.due_on),
        "overdue_on": _day(status.overdue_on),
        "days_since": status.days_since,
        "snoozed": status.snoozed,
    }


def contact_json(contact: Any) -> dict[str, Any]:
    """One person kept in touch with (`keep list --json`)."""
    c = contact
    return {
        "person": {"id": c.person_id, "name": c.name},
        "tier": c.tier,
        "cadence": {
            "ideal_days": c.cadence.ideal_days,
            "max_days": c.cadence.max_days,
            "personal": c.personal,
        },
        "last_touch": _day(c.last_touch),
        "snooze_until": _day(c.snooze_until),
        **cadence_json(c.status),
    }


def keep_list_json(contacts: list[Any]) -> KeepListPublic:
    """`keep list --json` and GET /api/keep: the contacts with a keep-in-touch cadence."""
    return KeepListPublic.model_validate({"contacts": [contact_json(c) for c in contacts]})


def round_json(progress: RoundProgress) -> dict[str, Any]:
    return {
        "id": progress.round_id,
        "created_on": _day(progress.created_on),
        "size": progress.size,
        "weeks": progress.weeks,
        "totals": progress.totals,
        "weeks_progress": [
            {"week": week, **counts} for week, counts in sorted(progress.per_week.items())
        ],
    }
