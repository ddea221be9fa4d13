"""The JSON shapes of the board of three, rounds and `today` (docs/json.md), shared by the
CLI's `--json` and the web API. The services' dataclasses come in duck-typed (formats sit
below services)."""

from __future__ import annotations

from typing import Any

from nextmove.domain.meetings import RoundProgress
from nextmove.formats.json_shapes import interval_json, suggestion_json
from nextmove.formats.meeting_json import cadence_json, meeting_json, round_json, task_json
from nextmove.formats.schemas.board import (
    BoardPublic,
    RoundPlanPublic,
    RoundProgressPublic,
    TodayPublic,
)


def seat_json(seat: Any) -> dict[str, Any]:
    """One seat of the board (`services.board.Seat`), as in `board show --json`."""
    return {
        "seat": seat.seat,
        "person": {"id": seat.person_id, "name": seat.name} if not seat.empty else None,
        "why": seat.why,
        "cadence_days": seat.cadence_days,
        "last_chat_on": seat.last_chat_on.isoformat() if seat.last_chat_on else None,
        "status": cadence_json(seat.status) if seat.status else None,
        "checkin": {"subject": seat.checkin.subject, "body": seat.checkin.body}
        if seat.checkin
        else None,
        "slots": [
            {k: v for k, v in interval_json(s).items() if k != "summary"} for s in seat.slots
        ],
        "candidates": [
            {
                "id": c.person_id if c.person_id > 0 else None,
                "member": c.member_ref or None,
                "name": c.name,
                "title": c.title,
                "organization": c.organization,
                "reasons": list(c.reasons),
            }
            for c in seat.candidates
        ],
    }


def board_json(seats: list[Any]) -> BoardPublic:
    return BoardPublic.model_validate({"seats": [seat_json(s) for s in seats]})


def contact_due_json(
    contact: Any, *, strength: int | None = None, relevance: float | None = None
) -> dict[str, Any]:
    """A contact to keep in touch with (`services.keep.Contact`), as in `today --json`; there
    also the tier, tie strength and relevance to your plan that put them in their place."""
    out = {
        "person": {"id": contact.person_id, "name": contact.name},
        **cadence_json(contact.status),
    }
    if strength is not None:
        out |= {"tier": contact.tier, "tie_strength": strength, "plan_relevance": relevance}
    return out


def today_json(digest: Any) -> TodayPublic:
    """The digest (`services.today.Digest`), as `today --json`."""
    shape = {
        "today": digest.today.isoformat(),
        "meetings_today": [meeting_json(m) for m in digest.meetings_today],
        "meetings_this_week": [meeting_json(m) for m in digest.meetings_this_week],
        "nudges_due": [meeting_json(m) for m in digest.nudges_due],
        "thanks_due": [meeting_json(m) for m in digest.thanks_due],
        "tasks_due": [task_json(t) for t in digest.tasks_due],
        "advisors_due": [seat_json(s) for s in digest.advisors_due],
        "contacts_due": [
            contact_due_json(
                c,
                strength=digest.contact_strength.get(c.person_id, 0),
                relevance=digest.contact_relevance.get(c.person_id, 0.0),
            )
            for c in digest.contacts_due
        ],
        "round": round_json(digest.round) if digest.round else None,
        "next_people": [suggestion_json(i, s) for i, s in enumerate(digest.next_people, start=1)],
    }
    return TodayPublic.model_validate(shape)


def round_plan_json(plan: Any) -> RoundPlanPublic:
    """A planned round (`services.suggest.RoundPlan`), as `round plan --json`."""
    shape = {
        "round_id": plan.round_id,
        "slots": [
            {
                "week": s.week,
                "reach_out_by": s.reach_out_by.isoformat(),
                "why_chosen": s.why_chosen,
                "suggestion": suggestion_json(i, s.suggestion),
            }
            for i, s in enumerate(plan.slots, start=1)
        ],
    }
    return RoundPlanPublic.model_validate(shape)


def round_progress_json(progress: RoundProgress) -> RoundProgressPublic:
    """The current round's progress, as `round show --json`."""
    shape = {
        "round_id": progress.round_id,
        "created_on": progress.created_on.isoformat(),
        "size": progress.size,
        "weeks": progress.weeks,
        "totals": progress.totals,
        "per_week": {str(week): counts for week, counts in sorted(progress.per_week.items())},
    }
    return RoundProgressPublic.model_validate(shape)
