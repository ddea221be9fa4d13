"""Use cases for the board of three advisors: seats, in-person chats, what is due, a ready
check-in for an overdue seat and candidates for an empty one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.domain import advisors
from nextmove.domain.cadence import BOARD_CADENCE_DAYS, CadenceStatus, board_cadence, cadence_status
from nextmove.domain.people import Interaction as InteractionValue
from nextmove.domain.people import InteractionKind
from nextmove.domain.slots import Interval, slot_phrase
from nextmove.errors import NotFound, UserError
from nextmove.formats.drafts import Draft
from nextmove.services import scheduling
from nextmove.services.drafts import write_draft
from nextmove.services.meetings import brief_of, resolve_person
from nextmove.services.suggest_directory import ORG_TIE_STRENGTH, chart_ties
from nextmove.services.workspace import Workspace
from nextmove.store import board as repo
from nextmove.store import people as people_repo
from nextmove.store import suggest as suggest_repo
from nextmove.store.network import add_interaction, my_profile_position
from nextmove.store.vision import load_vision

SEATS = (1, 2, 3)
CANDIDATES_PER_SEAT = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: int  # negative: a member of your org chart, not one of your people yet
    name: str
    title: str
    organization: str
    reasons: tuple[str, ...]
    member_ref: str = ""  # "northwind:NW12" for a member of your org chart
    member: tuple[int, str] | None = None  # (organization id, employee id) of that member

    @property
    def ref(self) -> str:
        """What names them to `board set` and the web form."""
        return self.member_ref or f"#{self.person_id}"

    @property
    def page(self) -> str:
        if self.member is not None:
            return f"/people/m/{self.member[0]}/{self.member[1]}"
        return f"/people/{self.person_id}"


@dataclass(slots=True)
class Seat:
    seat: int
    person_id: int | None = None
    name: str = ""
    why: str = ""
    cadence_days: int = BOARD_CADENCE_DAYS
    last_chat_on: date | None = None
    status: CadenceStatus | None = None
    checkin: Draft | None = None
    slots: list[Interval] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.person_id is None


def _check_seat(seat: int) -> None:
    if seat not in SEATS:
        raise UserError(f"seat {seat}: the board has three seats", hint="Use seat 1, 2 or 3.")


def seat_status(cadence_days: int, last_chat_on: date | None, today: date) -> CadenceStatus:
    return cadence_status(board_cadence(cadence_days), last_chat_on, today)


def show_board(
    db: Workspace, *, settings: Settings, today: date, now: datetime, with_extras: bool = True
) -> list[Seat]:
    """The three seats with their state today; an overdue seat comes with a check-in draft
    and proposed 30-minute slots, an empty one with candidates from the network."""
    with db.session() as session:
        rows = {s.seat: s for s in repo.seats(session)}
        seated = {r.person_id for r in rows.values()}
        # The plan and the seated people are read only for the extras (check-in drafts).
        vision = load_vision(session) if with_extras else None
        people = people_repo.load_people(session, list(seated)) if with_extras else {}
        candidates = _candidates(session, exclude=seated) if with_extras else []
        booked = scheduling.booked_times(session) if with_extras else []
    out: list[Seat] = []
    proposed: list[Interval] | None = None
    empty = [n for n in SEATS if n not in rows]
    for number in SEATS:
        row = rows.get(number)
        if row is None:
            # Each empty seat gets its own candidates, dealt in turn from the best, so the
            # same few people do not fill every seat.
            k = empty.index(number)
            dealt = candidates[k :: len(empty)][:CANDIDATES_PER_SEAT]
            out.append(Seat(number, candidates=dealt))
            continue
        status = seat_status(row.cadence_days, row.last_chat_on, today)
        seat = Seat(
            number,
            row.person_id,
            row.name,
            row.why,
            row.cadence_days,
            row.last_chat_on,
            status,
        )
        if vision is not None and status.state.value == "overdue":  # with the extras
            if proposed is None:
                proposed = scheduling.propose_meeting_slots(
                    settings.model_copy(update={"meeting_minutes": 30}),
                    now=now,
                    count=3,
                    booked=booked,
                )
            seat.slots = proposed
            seat.checkin = write_draft(
                settings,
                "checkin",
                vision,
                brief_of(people[row.person_id]),
                why=row.why,
                slots=[slot_phrase(s) for s in proposed],
                last_chat_on=row.last_chat_on,
            )
        out.append(seat)
    return out


def _candidates(session: Session, *, exclude: set[int]) -> list[Candidate]:
    """People who would make good advisors: senior to you and known to you (a tie with some
    strength, or offered help), never your reports; best first (domain/advisors.py)."""
    me = suggest_repo.load_me(session)
    _, my_level = my_profile_position(session)
    organization = load_vision(session).me.organization
    known = suggest_repo.direct_ties(session, me)
    # Your manager and reports in your organization's chart (the directory).
    ties = chart_ties(session, me.person_id)
    members = {t.person_id: t for t in ties if t.person_id < 0}
    manager_id = me.manager_id
    for t in ties:
        if t.person_id > 0:
            known.setdefault(t.person_id, (ORG_TIE_STRENGTH, t.relation))
        if t.relation == "your manager":
            manager_id = t.person_id
    reports = {t.person_id for t in ties if t.relation == "reports to you"}
    people = [
        advisors.Person(
            pid,
            name,
            title or "",
            org or "",
            level,
            known.get(pid, (None, ""))[0],
            known.get(pid, (None, ""))[1],
            bool(offered),
            reports_to_me=(me.person_id is not None and boss == me.person_id) or pid in reports,
        )
        for pid, name, title, org, level, offered, boss in repo.advisor_rows(session, known)
        if pid not in exclude and pid != me.person_id
    ]
    people += [
        advisors.Person(
            pid,
            t.member.name,
            t.member.title,
            t.member.organization,
            t.member.level,
            ORG_TIE_STRENGTH,
            t.relation,
            False,
            reports_to_me=t.relation == "reports to you",
        )
        for pid, t in members.items()
    ]
    ranked = advisors.rank_advisors(advisors.Me(my_level, organization, manager_id), people)
    out = []
    for c in ranked[: CANDIDATES_PER_SEAT * len(SEATS)]:
        tie = members.get(c.person.person_id)
        out.append(
            Candidate(
                c.person.person_id,
                c.person.name,
                c.person.title,
                c.person.organization,
                c.reasons,
                tie.ref if tie else "",
                (tie.member.organization_id, tie.member.employee_id) if tie else None,
            )
        )
    return out


def set_seat(
    db: Workspace,
    seat: int,
    ref: str,
    *,
    why: str,
    cadence_days: int = BOARD_CADENCE_DAYS,
    last_chat_on: date | None = None,
    today: date,
) -> Seat:
    """Put a person in a seat (moving them from another seat if they held one)."""
    _check_seat(seat)
    board_cadence(cadence_days)  # validates
    if not why.strip():
        raise UserError(
            "say why this person is on your board",
            hint='For example "has led product teams through two acquisitions".',
            field="why",
        )
    with db.session() as session:
        person = resolve_person(session, ref)
        assert person.id is not None
        repo.set_seat(
            session,
            seat,
            person.id,
            why=why.strip(),
            cadence_days=cadence_days,
            last_chat_on=last_chat_on,
            today=today,
        )
        return Seat(seat, person.id, person.name, why.strip(), cadence_days, last_chat_on)


def clear_seat(db: Workspace, seat: int) -> None:
    _check_seat(seat)
    with db.session() as session:
        if not repo.clear_seat(session, seat):
            raise NotFound(f"seat {seat} is empty")


def log_chat(db: Workspace, seat: int, *, day: date, now: datetime) -> Seat:
    """An in-person chat with the advisor in ``seat``: resets the seat's cadence and logs an
    interaction (a touch)."""
    _check_seat(seat)
    with db.session() as session:
        row = next((s for s in repo.seats(session) if s.seat == seat), None)
        if row is None:
            raise NotFound(f"seat {seat} is empty", hint="Fill it: `nextmove board set N REF`.")
        repo.set_last_chat(session, seat, day)
        add_interaction(
            session,
            InteractionValue(row.person_id, InteractionKind.MET.value, day, "board check-in"),
            now=now,
        )
        return Seat(seat, row.person_id, row.name, row.why, row.cadence_days, day)
