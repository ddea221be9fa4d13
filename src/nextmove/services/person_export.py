"""A person's right of access: everything nextmove holds about one person, in one JSON file
(`nextmove people export REF FILE`, the person page's download, `GET /api/people/{id}/export`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nextmove.domain.meetings import Insight, Meeting, Referral, Task
from nextmove.errors import UserError
from nextmove.formats.person_export_json import person_export_json
from nextmove.formats.schemas.person_export import PersonExportPublic
from nextmove.services.people import PersonDetail, person_detail, resolve_id
from nextmove.services.workspace import Workspace
from nextmove.store import board as board_repo
from nextmove.store import meetings as meeting_repo
from nextmove.store import opportunities as opp_repo
from nextmove.store.board import KeepRow, SeatRow


@dataclass(slots=True)
class MeetingRecord:
    meeting: Meeting
    insights: list[Insight] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


@dataclass(slots=True)
class PersonRecord:
    """Everything stored about one person."""

    detail: PersonDetail
    meetings: list[MeetingRecord]
    referred_by: list[tuple[int, str]]  # (meeting id, name of the person met) that named them
    board_seat: SeatRow | None
    keep: KeepRow | None
    opportunities: list[tuple[int, str, str, str, str]]  # id, title, organization, status, role


def person_record(db: Workspace, ref: str) -> PersonRecord:
    with db.session() as session:
        person_id = resolve_id(session, ref, act=False)
        detail = person_detail(session, person_id)
        meetings = [
            MeetingRecord(
                m,
                meeting_repo.insights_of(session, m.id),
                meeting_repo.referrals_of(session, m.id),
                meeting_repo.tasks_of(session, m.id),
            )
            for m in meeting_repo.list_meetings(session, person_id=person_id)
            if m.id is not None
        ]
        referred_by = meeting_repo.referred_in(session, person_id)
        seat = next((s for s in board_repo.seats(session) if s.person_id == person_id), None)
        kept = board_repo.kept(session, person_id=person_id)
        return PersonRecord(
            detail,
            meetings,
            referred_by,
            seat,
            kept[0] if kept else None,
            opp_repo.opportunities_of_person(session, person_id),
        )


def export_data(db: Workspace, ref: str, *, now: datetime) -> PersonExportPublic:
    """The export as JSON data (for the API and the download)."""
    return person_export_json(person_record(db, ref), now=now)


def export_text(db: Workspace, ref: str, *, now: datetime) -> str:
    data = export_data(db, ref, now=now).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_person(db: Workspace, ref: str, path: Path, *, now: datetime) -> str:
    """Write the export to `path` (readable by its owner only: it is personal data); returns
    the person's name."""
    data = export_data(db, ref, now=now)
    text = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    path = path.expanduser()
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            f"{path}: cannot write: {exc.strerror}",
            hint="Choose a file in a folder you can write to.",
        ) from None
    return data.person.name
