"""Rounds of informational interviews (planned by `nextmove round plan`) saved as meeting
ideas, their progress, and what suggestions need to leave out people already planned
(``planned_person_ids``) or met recently (``last_research_meetings``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from nextmove.domain.meetings import Meeting, MeetingKind, MeetingState, RoundProgress
from nextmove.domain.plans import get_plan
from nextmove.domain.vision import plan_key
from nextmove.errors import NotFound
from nextmove.services.people import resolve_id
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store import vision as vision_repo
from nextmove.store.network import my_person_id


def save_round(
    db: Workspace,
    people: Sequence[tuple[int | str, int, date | None, str]],
    *,
    today: date,
    size: int,
    weeks: int,
    now: datetime | None = None,
    plan: str | None = None,
) -> int:
    """Save a planned round: ``people`` are (person id or member reference, week,
    reach_out_by, why). Each
    becomes a meeting idea of the round, except people who already have an open meeting
    (idea, requested, scheduled) and you, recorded as exploring ``plan`` when one is named.
    Returns the round's id."""
    stamp = now or datetime.combine(today, datetime.min.time()).astimezone()
    with db.session() as session:
        plan_id = None
        if plan is not None:
            vision = vision_repo.load_vision(session)
            plan_id = vision_repo.plan_ids(session).get(plan_key(get_plan(vision, plan).name))
        round_id = repo.add_round(session, today=today, size=size, weeks=weeks, now=stamp)
        planned = repo.open_meeting_person_ids(session)
        me = my_person_id(session)
        if me is not None:
            planned.add(me)  # never a meeting with yourself
        for who, week, reach_out_by, why in people:
            # A member of an org chart (their reference) becomes one of your people now.
            person_id = resolve_id(session, who) if isinstance(who, str) else who
            if person_id in planned:
                continue
            if not people_repo.person_exists(session, person_id):
                raise NotFound(f"no person #{person_id}")
            planned.add(person_id)
            meeting_id = repo.add_meeting(
                session,
                Meeting(
                    person_id=person_id,
                    idea_on=today,
                    why=why,
                    round_id=round_id,
                    week=week,
                    reach_out_by=reach_out_by,
                ),
                now=stamp,
            )
            if plan_id is not None:
                vision_repo.set_meeting_plan(session, meeting_id, plan_id)
        return round_id


def round_progress(db: Workspace, round_id: int) -> RoundProgress:
    """Counts of the round's meetings per state (idea, requested, scheduled, held — held
    counts followed-up too), per week and in all."""
    with db.session() as session:
        found = repo.get_round(session, round_id)
        if found is None:
            raise NotFound(f"no round {round_id}")
        created_on, size, weeks = found
        progress = RoundProgress(round_id, size, weeks, created_on)
        buckets = ("idea", "requested", "scheduled", "held", "closed")
        progress.totals = dict.fromkeys(buckets, 0)
        for meeting in repo.list_meetings(session, round_id=round_id):
            bucket = {
                MeetingState.FOLLOWED_UP: "held",
                MeetingState.DECLINED: "closed",
                MeetingState.NO_REPLY: "closed",
            }.get(meeting.state, meeting.state.value)
            week = progress.per_week.setdefault(meeting.week or 0, dict.fromkeys(buckets, 0))
            week[bucket] += 1
            progress.totals[bucket] += 1
        return progress


def current_round_id(db: Workspace) -> int | None:
    with db.session() as session:
        return repo.latest_round_id(session)


def planned_person_ids(session: Session) -> set[int]:
    """People with a meeting still ahead (idea, requested or scheduled)."""
    return repo.open_meeting_person_ids(session)


def last_research_meetings(session: Session) -> dict[int, date]:
    """person id -> the last day a research meeting with them was held."""
    return repo.last_held(session, kind=MeetingKind.RESEARCH)


def round_meetings(db: Workspace, round_id: int) -> list[Meeting]:
    """The meetings of a round (each with the person's name), by week then id."""
    with db.session() as session:
        found = repo.list_meetings(session, round_id=round_id)
    return sorted(found, key=lambda m: (m.week or 0, m.id or 0))
