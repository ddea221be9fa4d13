"""Meetings, the board and keep-in-touch rows belong to people: deleting a person removes
them everywhere."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from nextmove.domain.meetings import Insight, Meeting, Task
from nextmove.domain.people import Person
from nextmove.services.workspace import Workspace
from nextmove.store import board as board_repo
from nextmove.store import meetings as repo
from nextmove.store.meeting_models import (
    BoardSeat,
    KeepInTouch,
    MeetingInsight,
    MeetingReferral,
    MeetingTask,
)
from nextmove.store.meeting_models import Meeting as MeetingRow
from nextmove.store.people import add_person, delete_person


def _count(session, table) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_deleting_a_person_removes_their_meetings_seat_referrals_and_cadence(
    db: Workspace, today: date, now: datetime
) -> None:
    with db.session() as session:
        ana = add_person(session, Person(name="Ana Ruiz"), now=now)
        ben = add_person(session, Person(name="Ben Okafor"), now=now)
        meeting = repo.add_meeting(session, Meeting(person_id=ana, idea_on=today), now=now)
        repo.add_insight(session, meeting, Insight("learned"), today=today)
        repo.add_task(session, Task(meeting, "send the deck", today), now=now)
        other = repo.add_meeting(session, Meeting(person_id=ben, idea_on=today), now=now)
        repo.add_referral(session, meeting, ben, new_meeting_id=other, today=today)
        board_repo.set_seat(
            session, 1, ana, why="mentor", cadence_days=90, last_chat_on=None, today=today
        )
        board_repo.set_cadence(session, ana, 10, 20)
    with db.session() as session:
        assert delete_person(session, ana)
    with db.session() as session:
        assert _count(session, MeetingRow) == 1  # Ben's idea stays
        for table in (MeetingInsight, MeetingTask, MeetingReferral, BoardSeat, KeepInTouch):
            assert _count(session, table) == 0, table.__tablename__


def test_deleting_a_referred_person_keeps_the_meeting_where_they_were_named(
    db: Workspace, today: date, now: datetime
) -> None:
    with db.session() as session:
        ana = add_person(session, Person(name="Ana Ruiz"), now=now)
        ben = add_person(session, Person(name="Ben Okafor"), now=now)
        meeting = repo.add_meeting(session, Meeting(person_id=ana, idea_on=today), now=now)
        other = repo.add_meeting(session, Meeting(person_id=ben, idea_on=today), now=now)
        repo.add_referral(session, meeting, ben, new_meeting_id=other, today=today)
    with db.session() as session:
        delete_person(session, ben)
    with db.session() as session:
        assert [m.person_name for m in repo.list_meetings(session)] == ["Ana Ruiz"]
        assert repo.referrals_of(session, meeting) == []


def test_merging_two_people_keeps_the_dropped_ones_meetings_and_seat(
    db: Workspace, today: date, now: datetime
) -> None:
    from nextmove.store.people import get_person, merge_into

    with db.session() as session:
        keep = add_person(session, Person(name="Ana Ruiz"), now=now)
        drop = add_person(session, Person(name="Ana Ruiz-Lopez"), now=now)
        repo.add_meeting(session, Meeting(person_id=drop, idea_on=today), now=now)
        board_repo.set_seat(
            session, 2, drop, why="mentor", cadence_days=60, last_chat_on=None, today=today
        )
    with db.session() as session:
        person = get_person(session, keep)
        assert person is not None
        merge_into(session, person, drop, now=now)
    with db.session() as session:
        assert [m.person_id for m in repo.list_meetings(session)] == [keep]
        assert [(s.seat, s.person_id) for s in board_repo.seats(session)] == [(2, keep)]
