"""The shape of `nextmove people export REF FILE`: everything nextmove holds about one person,
as one JSON document (described in docs/json.md). `record` is services.person_export's
PersonRecord."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nextmove.formats.json_shapes import person_detail_json
from nextmove.formats.meeting_json import insight_json, meeting_json, referral_json, task_json
from nextmove.formats.schemas.person_export import PersonExportPublic

FORMAT = "nextmove-person-export"
VERSION = 1


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def person_export_json(record: Any, *, now: datetime) -> PersonExportPublic:
    seat, keep = record.board_seat, record.keep
    shape = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "person": person_detail_json(record.detail),
        "meetings": [
            meeting_json(m.meeting)
            | {
                "agenda": m.meeting.agenda,
                "notes": m.meeting.notes,
                "insights": [insight_json(i) for i in m.insights],
                "referrals": [referral_json(r) for r in m.referrals],
                "tasks": [task_json(t) for t in m.tasks],
            }
            for m in record.meetings
        ],
        "referred_in_meetings": [
            {"meeting_id": meeting_id, "by": name} for meeting_id, name in record.referred_by
        ],
        "board_seat": None
        if seat is None
        else {
            "seat": seat.seat,
            "why": seat.why,
            "cadence_days": seat.cadence_days,
            "last_chat_on": _day(seat.last_chat_on),
            "since": _day(seat.since),
        },
        "keep_in_touch": None
        if keep is None
        else {
            "tier": keep.tier,
            "ideal_days": keep.ideal_days,
            "max_days": keep.max_days,
            "snooze_until": _day(keep.snooze_until),
        },
        "opportunities": [
            {"id": i, "title": t, "organization": o, "status": s, "role": r}
            for i, t, o, s, r in record.opportunities
        ],
    }
    return PersonExportPublic.model_validate(shape)
