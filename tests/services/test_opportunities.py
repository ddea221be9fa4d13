"""Opportunity use cases on both backends: one transaction per action, ratings kept by
priority name, decisions that move the status, and evaluation over what is open."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nextmove.errors import NotFound, UserError
from nextmove.formats.vision_toml import render_vision
from nextmove.services import opportunities as service
from nextmove.services import vision as vision_service
from nextmove.services.demo import demo_vision
from nextmove.services.workspace import Workspace
from nextmove.store import vision as repo


@pytest.fixture
def planned(db: Workspace, now: datetime) -> Workspace:
    with db.session() as session:
        repo.save_vision(session, demo_vision(), now=now)
    return db


def test_an_opportunity_round_trips_with_every_field(
    planned: Workspace, today: date, now: datetime
) -> None:
    added = service.add_opportunity(
        planned,
        {
            "title": " Director of Product ",
            "organization": "Cedar Health",
            "function": "pm",
            "level": "director",
            "industry": "healthcare software",
            "city": "Chicago",
            "remote": True,
            "source": "referral",
            "link": "https://example.org/job",
            "notes": "via Priya",
            "brand": True,
            "involves": ["coaching junior PMs", " ", "coaching junior PMs", "workshops"],
        },
        today=today,
        now=now,
    )
    again = service.get_opportunity(planned, added.id or 0)
    assert again == added
    assert (again.title, again.function, again.level, again.source.value) == (
        "Director of Product",
        "product",
        7,
        "network-referral",
    )
    assert again.involves == ["coaching junior PMs", "workshops"]
    assert [(h.status.value, h.day) for h in again.history] == [("considering", today)]


def test_ratings_are_kept_by_priority_name_when_priorities_are_reordered(
    planned: Workspace, today: date, now: datetime
) -> None:
    opp = service.add_opportunity(
        planned, {"title": "Director", "source": "recruiter"}, today=today, now=now
    )
    name, _ = service.rate_opportunity(planned, opp.id or 0, "2", 2, now=now)
    assert name == "career trajectory"
    vision = demo_vision()
    vision.priorities.reverse()
    vision_service.import_vision(planned, render_vision(vision), source="v.toml", now=now)
    (evaluation,), _mix = service.evaluate(planned, [opp.id or 0], today=today)
    career = next(p for p in evaluation.priorities if p.name == "career trajectory")
    assert (career.rank, career.rating, career.basis) == (2, 2, "rated")


def test_several_ratings_are_all_checked_before_any_is_written(
    planned: Workspace, today: date, now: datetime
) -> None:
    opp = service.add_opportunity(
        planned, {"title": "Director", "source": "recruiter"}, today=today, now=now
    )
    for bad in ({"1": 1, "2": 9}, {"1": 1, "golf": 3}):
        with pytest.raises(UserError):
            service.rate_many(planned, opp.id or 0, bad, now=now)
        assert service.get_opportunity(planned, opp.id or 0).ratings == {}
    names, rated = service.rate_many(planned, opp.id or 0, {"1": 1, "3": 4}, now=now)
    assert names == ["family life", "skills development"]
    assert rated.ratings == {"family life": 1, "skills development": 4}


POSTING = b"""Senior Director, Product Management
Acme Health
Location: Chicago, IL

You will lead the product managers of our patient platform.
"""


def test_adding_from_a_posting_fills_fields_and_what_the_person_gave_wins(
    planned: Workspace, today: date, now: datetime
) -> None:
    added = service.add_from_input(
        planned, {"city": "Remote-first Chicago"}, posting=POSTING, today=today, now=now
    )
    opp = added.opportunity
    assert (opp.title, opp.organization, opp.source.value) == (
        "Senior Director, Product Management",
        "Acme Health",
        "job-board",
    )
    assert opp.city == "Remote-first Chicago"
    assert opp.level is not None and added.found and not added.filled
    assert "city" not in added.missing


def test_adding_by_hand_reads_level_and_function_from_the_title(
    planned: Workspace, today: date, now: datetime
) -> None:
    added = service.add_from_input(
        planned, {"title": "Director of Product", "source": "recruiter"}, today=today, now=now
    )
    assert added.opportunity.level is not None and added.filled and not added.found
    with pytest.raises(UserError, match="empty"):
        service.add_from_input(planned, {}, posting=b"  \n", today=today, now=now)


def test_a_decision_that_names_a_status_moves_it_in_the_same_transaction(
    planned: Workspace, today: date, now: datetime
) -> None:
    opp = service.add_opportunity(
        planned, {"title": "VP", "source": "recruiter"}, today=today, now=now
    )
    decision, status = service.decide(
        planned, opp.id or 0, choice="Accept", why="It fits.", day=today, now=now
    )
    assert status is not None and status.value == "accepted" and decision.id is not None
    shown = service.get_opportunity(planned, opp.id or 0)
    assert shown.status.value == "accepted" and shown.history[-1].note == "decided: It fits."
    _other, status = service.decide(
        planned, opp.id or 0, choice="wait for the offer", why="Timing.", day=today, now=now
    )
    assert status is None
    assert [d.choice for d in service.get_opportunity(planned, opp.id or 0).decisions] == [
        "Accept",
        "wait for the offer",
    ]


def test_actions_on_a_missing_opportunity_are_not_found_and_write_nothing(
    planned: Workspace, today: date, now: datetime
) -> None:
    with pytest.raises(NotFound):
        service.set_status(planned, 42, "applied", day=today, note="", now=now)
    with pytest.raises(NotFound):
        service.rate_opportunity(planned, 42, "1", 3, now=now)
    with pytest.raises(NotFound):
        service.decide(planned, 42, choice="pass", why="x", day=today, now=now)
    with pytest.raises(NotFound):
        service.delete_opportunity(planned, 42)
    with pytest.raises(UserError, match="nothing to change"):
        service.edit_opportunity(planned, 42, {}, now=now)
    assert service.list_opportunities(planned)[0] == []


def test_evaluate_without_ids_takes_the_open_ones_best_first(
    planned: Workspace, today: date, now: datetime
) -> None:
    def add(title: str, level: int, city: str, status: str | None = None) -> int:
        opp = service.add_opportunity(
            planned,
            {
                "title": title,
                "source": "job-board",
                "function": "product",
                "level": level,
                "industry": "healthcare software",
                "city": city,
            },
            today=today,
            now=now,
        )
        if status:
            service.set_status(planned, opp.id or 0, status, day=today, note="", now=now)
        return opp.id or 0

    lateral = add("Senior PM", 3, "Chicago")
    fits = add("Group PM", 5, "Chicago")
    add("Lead PM", 4, "Chicago", status="declined")
    evaluations, mix = service.evaluate(planned, None, today=today)
    assert [e.opportunity.id for e in evaluations] == [fits, lateral]
    assert mix.total == 3 and mix.mostly_passive


def test_a_pasted_postings_duties_are_held_against_the_journal(
    planned: Workspace, today: date, now: datetime
) -> None:
    """Issue 14: energy no longer shows '—' for a posting that lists its duties."""
    from pathlib import Path

    from nextmove.domain.journal import JournalEntry

    posting = (
        Path(__file__).parent.parent
        / "formats"
        / "fixtures"
        / "postings"
        / "linkedin-unbulleted-duties.txt"
    )
    read = service.read_posting(posting.read_bytes(), source=posting.name)
    assert len(read.fields["involves"]) == 4
    for day, activity, energy in [
        (1, "staffing huddles", 2),
        (2, "staffing huddles", 1),
        (3, "budget reviews", -2),
        (4, "budget reviews", -2),
    ]:
        vision_service.add_journal_entry(
            planned,
            JournalEntry(today.replace(day=day), activity, energy),
            now=now,
        )
    added = service.add_opportunity(
        planned, {**read.fields, "source": "job-board"}, today=today, now=now
    )
    evaluation = service.evaluate(planned, [added.id], today=today)[0][0]
    kinds = {i.name: i.kind for i in evaluation.energy.items}
    assert kinds["Lead daily staffing huddles with the clinic nurse managers"] == "energizer"
    assert kinds["Run monthly budget reviews with finance"] == "drains"
    assert evaluation.energy.score is not None
