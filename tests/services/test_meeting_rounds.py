"""What the round planner and suggestions call: a round saved as meeting ideas (never a
second open meeting with someone), its progress per week, and who is planned or met."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from nextmove.domain.people import Person
from nextmove.errors import NotFound
from nextmove.services import meeting_rounds as rounds
from nextmove.services import meetings as service
from nextmove.services.workspace import Workspace
from nextmove.store.people import add_person


def _people(db: Workspace, now: datetime, *names: str) -> list[int]:
    with db.session() as session:
        return [add_person(session, Person(name=n), now=now) for n in names]


def test_a_saved_round_becomes_meeting_ideas_with_weeks_and_reach_out_dates(
    db: Workspace, today: date, now: datetime
) -> None:
    ana, ben, cleo = _people(db, now, "Ana Ruiz", "Ben Okafor", "Cleo Park")
    service.add_meeting(db, "Ben Okafor", today=today, now=now)  # already planned
    round_id = rounds.save_round(
        db,
        [
            (ana, 1, today + timedelta(days=7), "leads the target team"),
            (ben, 1, today + timedelta(days=7), "offered help"),
            (cleo, 2, today + timedelta(days=14), "made the move"),
        ],
        today=today,
        size=3,
        weeks=2,
        now=now,
    )
    ideas = [m for m in service.list_meetings(db) if m.round_id == round_id]
    assert [(m.person_name, m.week, m.reach_out_by, m.why) for m in ideas] == [
        ("Ana Ruiz", 1, today + timedelta(days=7), "leads the target team"),
        ("Cleo Park", 2, today + timedelta(days=14), "made the move"),
    ]
    with db.session() as session:
        assert rounds.planned_person_ids(session) == {ana, ben, cleo}


def test_round_progress_counts_states_per_week(db: Workspace, today: date, now: datetime) -> None:
    ana, ben, cleo = _people(db, now, "Ana Ruiz", "Ben Okafor", "Cleo Park")
    round_id = rounds.save_round(
        db,
        [(ana, 1, None, ""), (ben, 1, None, ""), (cleo, 2, None, "")],
        today=today,
        size=3,
        weeks=2,
        now=now,
    )
    first, second, third = (m.id for m in service.list_meetings(db))
    assert first and second and third
    service.advance(db, first, "requested", day=today, now=now)
    service.advance(db, second, "held", day=today, now=now)
    service.advance(db, second, "followed-up", day=today, now=now)
    service.advance(db, third, "declined", day=today, now=now)
    progress = rounds.round_progress(db, round_id)
    assert progress.totals == {"idea": 0, "requested": 1, "scheduled": 0, "held": 1, "closed": 1}
    assert progress.per_week[1] == {
        "idea": 0,
        "requested": 1,
        "scheduled": 0,
        "held": 1,
        "closed": 0,
    }
    assert progress.per_week[2]["closed"] == 1
    with pytest.raises(NotFound):
        rounds.round_progress(db, round_id + 1)


def test_last_research_meetings_gives_the_latest_held_day_per_person(
    db: Workspace, today: date, now: datetime
) -> None:
    ana, ben = _people(db, now, "Ana Ruiz", "Ben Okafor")
    for day in (today - timedelta(days=40), today - timedelta(days=5)):
        meeting = service.add_meeting(db, str(ana), today=day, now=now)
        assert meeting.id
        service.advance(db, meeting.id, "held", day=day, now=now)
    service.add_meeting(db, str(ben), today=today, now=now)
    with db.session() as session:
        assert rounds.last_research_meetings(session) == {ana: today - timedelta(days=5)}
        assert rounds.planned_person_ids(session) == {ben}


def test_the_introduction_chain_is_callable_with_a_session_or_the_database(
    db: Workspace, today: date, now: datetime
) -> None:
    (ana,) = _people(db, now, "Ana Ruiz")
    meeting = service.add_meeting(db, "Ana Ruiz", today=today, now=now)
    assert meeting.id
    referred = service.refer(db, meeting.id, "Maria Lopez", organization="X", today=today, now=now)
    chain = service.introduction_chain(db, referred.person_id)
    assert [(c.name, c.introduced_by) for c in chain] == [
        ("Ana Ruiz", None),
        ("Maria Lopez", ana),
    ]
    with db.session() as session:
        assert service.introduction_chain(session, ana)[0].name == "Ana Ruiz"
