"""The demo's meetings, board and contacts: a meeting in every state (one with an agenda,
notes, an insight and a referral), a board with one overdue seat and an empty one, and a few
contacts due. People come from the network demo when it made them (matched by name), else
they are created here. Dates are relative to `today`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from nextmove.domain.agenda import build_agenda
from nextmove.domain.meetings import Affects, Insight, Meeting, MeetingMode, MeetingState, Task
from nextmove.domain.people import Interaction, Person, Tie, TieSource
from nextmove.services.meetings import brief_of
from nextmove.store import board as board_repo
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store.network import add_interaction, add_tie
from nextmove.store.vision import load_vision

DEMO_PEOPLE = (
    Person(
        name="Ana Ruiz",
        title="VP Product",
        organization="Caremark Digital",
        function="product",
        level=9,
        offered_help=True,
    ),
    Person(
        name="Ben Okafor",
        title="Group Product Manager",
        organization="Lumen Health",
        function="product",
        level=5,
        navigated_transition=True,
    ),
    Person(
        name="Priya Nayak",
        title="Director of Product",
        organization="Northwind Health",
        function="product",
        level=7,
    ),
    Person(
        name="Tom Berg",
        title="Group Product Manager",
        organization="Helix Care",
        function="product",
        level=5,
    ),
    Person(name="Li Wei", title="Product Lead", organization="Vida Clinics", level=5),
    Person(name="Grace Kim", title="Head of Design", organization="Helix Care", level=6),
    Person(
        name="Dan Cole",
        title="Senior Product Manager",
        organization="Northwind Health",
        function="product",
        level=3,
        peer=True,
    ),
    Person(
        name="Sofia Rossi",
        title="Chief Product Officer",
        organization="Caremark Digital",
        function="product",
        level=10,
    ),
)


def _person_ids(session: Session, now: datetime) -> dict[str, int]:
    ids: dict[str, int] = {}
    for person in DEMO_PEOPLE:
        found = people_repo.ids_named(session, person.name)
        ids[person.name] = (
            found[0][0]
            if found
            else people_repo.add_person(
                session, Person(**{f: getattr(person, f) for f in _FIELDS}), now=now
            )
        )
    return ids


_FIELDS = (
    "name",
    "title",
    "organization",
    "function",
    "level",
    "offered_help",
    "navigated_transition",
    "peer",
)


def add_demo_meetings(
    session: Session, *, today: date, now: datetime, timezone: str = "UTC"
) -> int:
    """Add the demo's meetings, board and contacts; returns the number of meetings."""
    repo.clear_meetings(session)
    board_repo.clear_board(session)
    ids = _person_ids(session, now)
    vision = load_vision(session)

    def day(n: int) -> date:
        return today - timedelta(days=n)

    def meeting(name: str, idea: int, **fields: object) -> Meeting:
        return Meeting(person_id=ids[name], idea_on=day(idea), person_name=name, **fields)  # type: ignore[arg-type]

    # Held and thanked, with an agenda, notes, an insight and a referral.
    ana = meeting(
        "Ana Ruiz",
        30,
        state=MeetingState.FOLLOWED_UP,
        why="you built Caremark's patient app team from three people to thirty",
        mode=MeetingMode.IN_PERSON,
        place="Café Luna, 200 N Wacker",
        requested_on=day(28),
        scheduled_on=day(25),
        held_on=day(12),
        followed_up_on=day(11),
        starts_at=datetime.combine(day(12), time(9, 30), ZoneInfo(timezone)),
        notes=f"{day(12).isoformat()}: She moved from PM to group PM in 18 months by owning "
        "one cross-team launch end to end.",
    )
    person = people_repo.get_person(session, ids["Ana Ruiz"])
    assert person is not None
    ana.agenda = build_agenda(vision, brief_of(person)).as_markdown()
    ana.id = repo.add_meeting(session, ana, now=now)
    repo.add_insight(
        session,
        ana.id,
        Insight("Lead one cross-team launch before asking for a group PM role", Affects.STEP, "1"),
        today=day(12),
    )
    repo.add_insight(
        session,
        ana.id,
        Insight("Group PMs there still work late in launch months", Affects.PRIORITY, "1"),
        today=day(12),
    )
    found = people_repo.ids_named(session, "Maria Lopez")
    maria = (
        found[0][0]
        if found
        else people_repo.add_person(
            session,
            Person(
                name="Maria Lopez",
                title="Director of Product, Scheduling",
                organization="Vida Clinics",
                how_known="introduced by Ana Ruiz",
                known_since=day(12),
            ),
            now=now,
        )
    )
    add_tie(session, Tie(maria, ids["Ana Ruiz"], TieSource.INTRODUCED_BY.value), now=now)
    maria_idea = repo.add_meeting(
        session,
        Meeting(person_id=maria, idea_on=day(12), why="Ana Ruiz suggested I talk to you"),
        now=now,
    )
    repo.add_referral(session, ana.id, maria, new_meeting_id=maria_idea, today=day(12))

    # Held yesterday: a thank-you and a follow-up task due.
    ben = repo.add_meeting(
        session,
        meeting(
            "Ben Okafor",
            20,
            state=MeetingState.HELD,
            why="you moved from engineering to group product manager",
            requested_on=day(18),
            scheduled_on=day(15),
            held_on=day(1),
            starts_at=datetime.combine(day(1), time(14, 0), ZoneInfo(timezone)),
            link="https://meet.example.com/ben",
        ),
        now=now,
    )
    repo.add_insight(session, ben, Insight("Ask for the scheduling squad's roadmap"), today=day(1))
    repo.add_task(session, Task(ben, "Send Ben the patient-journey deck", day(-2)), now=now)
    add_interaction(session, Interaction(ids["Ben Okafor"], "meeting", day(1)), now=now)

    # Scheduled in two days, a request waiting long enough for a nudge, a fresh request,
    # a decline, a request that got no answer.
    in_two_days = today + timedelta(days=2)
    repo.add_meeting(
        session,
        meeting(
            "Priya Nayak",
            14,
            state=MeetingState.SCHEDULED,
            why="you lead product for the clinics I want to serve",
            requested_on=day(12),
            scheduled_on=day(3),
            starts_at=datetime.combine(in_two_days, time(10, 0), ZoneInfo(timezone)),
            link="https://meet.example.com/priya",
        ),
        now=now,
    )
    repo.add_meeting(
        session,
        meeting("Tom Berg", 12, state=MeetingState.REQUESTED, requested_on=day(9)),
        now=now,
    )
    repo.add_meeting(
        session,
        meeting("Li Wei", 4, state=MeetingState.REQUESTED, requested_on=day(2)),
        now=now,
    )
    repo.add_meeting(
        session,
        meeting(
            "Grace Kim", 40, state=MeetingState.DECLINED, requested_on=day(38), declined_on=day(35)
        ),
        now=now,
    )
    repo.add_meeting(
        session,
        meeting(
            "Dan Cole", 60, state=MeetingState.NO_REPLY, requested_on=day(58), no_reply_on=day(40)
        ),
        now=now,
    )

    # The board: Sofia overdue, Ana recent, seat 3 empty (candidates from the network).
    board_repo.set_seat(
        session,
        1,
        ids["Sofia Rossi"],
        why="she has hired and coached a dozen group PMs",
        cadence_days=90,
        last_chat_on=day(130),
        today=day(400),
    )
    board_repo.set_seat(
        session,
        2,
        ids["Ana Ruiz"],
        why="she made the move I want, two years ago",
        cadence_days=90,
        last_chat_on=day(12),
        today=day(12),
    )

    # Keeping in touch: two contacts due or overdue, one fine.
    board_repo.set_tier(session, ids["Dan Cole"], "B")
    add_interaction(session, Interaction(ids["Dan Cole"], "message", day(100)), now=now)
    board_repo.set_tier(session, ids["Grace Kim"], "A")
    add_interaction(session, Interaction(ids["Grace Kim"], "call", day(45)), now=now)
    board_repo.set_tier(session, ids["Ben Okafor"], "A")
    board_repo.set_cadence(session, ids["Li Wei"], 14, 21)
    add_interaction(session, Interaction(ids["Li Wei"], "email", day(6)), now=now)
    return len(repo.list_meetings(session))
