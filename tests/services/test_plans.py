"""Alternative plans on both backends: add, edit, gauges, promote, delete, each one
transaction; the limits and names checked; opportunities placed on the plan they serve."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from nextmove.domain.vision import Choice, Choices, RoleOutline, Vision
from nextmove.errors import InvalidInput, NotFound, UserError
from nextmove.services import meeting_rounds
from nextmove.services import opportunities as opp_service
from nextmove.services import plans as service
from nextmove.services import suggest as suggest_service
from nextmove.services import vision as vision_service
from nextmove.services.demo import create_demo, demo_vision
from nextmove.services.workspace import Workspace
from nextmove.store import vision as repo

WILD_CARD = """\
name = "wild card"
note = "Start a patient-advocacy non-profit."
resources = 30
likeability = 90
confidence = 40
coherence = 80

[choices]
industry = "change"
city = "open"

[[steps]]
title = "Program Director"
function = "operations"
level = "director"
industry = "non-profit"
city = "Chicago"

[[steps]]
title = "Executive Director"
function = "executive"
level = "vp"
industry = "non-profit"
"""


def one_plan() -> Vision:
    """The demo's vision with its main plan only."""
    return replace(demo_vision(), alternatives=[])


@pytest.fixture
def planned(db: Workspace, now: datetime) -> Workspace:
    with db.session() as session:
        repo.save_vision(session, one_plan(), now=now)
    return db


def _names(db: Workspace, today: date) -> list[str]:
    return [s.name for s in service.list_plans(db, today=today)]


def test_a_new_plan_copies_the_main_plan_and_lists_after_it(
    planned: Workspace, today: date, now: datetime
) -> None:
    plan = service.create_plan(planned, "if it vanished", source="main", now=now)
    assert [s.title for s in plan.steps] == [s.title for s in demo_vision().steps]
    assert plan.choices == demo_vision().choices
    summaries = service.list_plans(planned, today=today)
    assert [(s.name, s.main) for s in summaries] == [
        ("current path", True),
        ("if it vanished", False),
    ]
    empty = service.create_plan(planned, "wild card", source=None, now=now)
    assert empty.steps == []
    check = service.show_plan(planned, "WILD CARD", today=today)
    assert "fewer-than-two-steps" in [f.code for f in check.findings]
    # An alternative's check is about its own steps, not the person's priorities again.
    assert not any(f.field.startswith(("me", "priorities")) for f in check.findings)


def test_a_fourth_alternative_a_duplicate_and_main_are_refused_and_nothing_changes(
    planned: Workspace, today: date, now: datetime
) -> None:
    for name in ("a", "b", "c"):
        service.create_plan(planned, name, source="main", now=now)
    before = vision_service.export_vision(planned)
    with pytest.raises(UserError, match="already have 3 alternative plans") as refused:
        service.create_plan(planned, "d", source=None, now=now)
    # the way out is to delete one: promoting one swaps it with the main plan and frees nothing
    assert refused.value.hint is not None and refused.value.hint.startswith("Delete one of them")
    with pytest.raises(UserError, match="already a plan named 'B'"):
        service.create_plan(planned, " B ", source=None, now=now)
    with pytest.raises(UserError, match="always means your main plan"):
        service.change_plan(planned, "a", rename="Main", now=now)
    with pytest.raises(NotFound, match="no plan named 'nope'"):
        service.create_plan(planned, "e", source="nope", now=now)
    assert vision_service.export_vision(planned) == before


def test_gauges_outside_0_to_100_name_the_gauge_and_change_nothing(
    planned: Workspace, now: datetime
) -> None:
    service.create_plan(planned, "wild card", source=None, now=now)
    service.change_plan(planned, "wild card", gauges={"confidence": 70}, now=now)
    before = vision_service.export_vision(planned)
    with pytest.raises(UserError) as caught:
        service.change_plan(planned, "wild card", gauges={"likeability": 101}, now=now)
    assert caught.value.field == "likeability" and "0–100" in caught.value.message
    assert vision_service.export_vision(planned) == before
    plan = service.change_plan(
        planned, "wild card", gauges={"resources": 0, "likeability": 100}, now=now
    )
    assert plan.gauges.as_dict() == {
        "resources": 0,
        "likeability": 100,
        "confidence": 70,
        "coherence": None,
    }


def test_promote_swaps_the_main_plan_and_keeps_the_old_one_as_an_alternative(
    planned: Workspace, today: date, now: datetime
) -> None:
    service.import_plan(
        planned,
        service.create_plan(planned, "wild card", source=None, now=now).name,
        WILD_CARD,
        source="plan.toml",
        now=now,
    )
    old_main = vision_service.get_vision(planned).main_plan
    vision = service.promote(planned, "wild card", now=now)
    assert vision.plan_name == "wild card"
    assert [s.title for s in vision.steps] == ["Program Director", "Executive Director"]
    assert vision.choices == Choices(industry=Choice.CHANGE, company=Choice.OPEN, city=Choice.OPEN)
    assert vision.alternatives == [old_main]
    again = vision_service.get_vision(planned)
    assert again == vision
    assert again.priorities == demo_vision().priorities  # the person's own, untouched
    with pytest.raises(UserError, match="already your main plan"):
        service.promote(planned, "main", now=now)
    with pytest.raises(UserError, match="cannot be deleted"):
        service.remove_plan(planned, "wild card", now=now)
    service.remove_plan(planned, "current path", now=now)
    assert _names(planned, today) == ["wild card"]


def test_edit_round_trips_the_plan_file_and_a_bad_file_changes_nothing(
    planned: Workspace, now: datetime
) -> None:
    service.create_plan(planned, "wild card", source=None, now=now)
    service.import_plan(planned, "wild card", WILD_CARD, source="plan.toml", now=now)
    text = service.export_plan(planned, "wild card")
    plan = service.import_plan(planned, "wild card", text, source="plan.toml", now=now)
    assert service.export_plan(planned, "wild card") == text
    assert plan.note == "Start a patient-advocacy non-profit."
    before = vision_service.export_vision(planned)
    with pytest.raises(InvalidInput) as caught:
        service.import_plan(
            planned,
            "wild card",
            text.replace("confidence = 40", "confidence = 140"),
            source="plan.toml",
            now=now,
        )
    assert "confidence: 140 is outside 0–100" in str(caught.value)
    assert "line " in str(caught.value)
    assert vision_service.export_vision(planned) == before
    renamed = service.import_plan(
        planned, "wild card", text.replace('"wild card"', '"non-profit"'), source="p", now=now
    )
    assert renamed.name == "non-profit"


def test_an_opportunity_on_the_wild_card_path_says_it_serves_that_plan_not_the_main(
    planned: Workspace, today: date, now: datetime
) -> None:
    service.create_plan(planned, "wild card", source=None, now=now)
    service.import_plan(planned, "wild card", WILD_CARD, source="plan.toml", now=now)
    nonprofit = opp_service.add_opportunity(
        planned,
        {
            "title": "Program Director",
            "organization": "Patients First",
            "function": "operations",
            "level": "director",
            "industry": "non-profit",
            "city": "Chicago",
            "source": "referral",
        },
        today=today,
        now=now,
    )
    on_path = opp_service.add_opportunity(
        planned,
        {
            "title": "Group Product Manager",
            "function": "product",
            "level": "manager",
            "industry": "healthcare software",
            "city": "Chicago",
            "source": "referral",
        },
        today=today,
        now=now,
    )
    evaluations, _mix = opp_service.evaluate(planned, [nonprofit.id or 0], today=today)
    verdict = evaluations[0].plans
    assert verdict is not None
    assert verdict.best == "wild card"
    assert verdict.text == (
        "A step on your wild card plan, a detour from your main plan (current path)."
    )
    summaries = {s.name: s for s in service.list_plans(planned, today=today)}
    assert [o.id for o, _fit in summaries["wild card"].serves] == [nonprofit.id]
    assert [o.id for o, _fit in summaries["current path"].serves] == [on_path.id]


def test_a_plan_with_no_steps_yet_serves_no_opportunity(
    planned: Workspace, today: date, now: datetime
) -> None:
    service.create_plan(planned, "blank", source=None, now=now)
    on_path = opp_service.add_opportunity(
        planned,
        {
            "title": "Group Product Manager",
            "function": "product",
            "level": "manager",
            "industry": "healthcare software",
            "city": "Chicago",
            "source": "referral",
        },
        today=today,
        now=now,
    )
    evaluations, _mix = opp_service.evaluate(planned, [on_path.id or 0], today=today)
    verdict = evaluations[0].plans
    assert verdict is not None
    assert verdict.best == "current path"
    blank = next(f for f in verdict.fits if f.plan == "blank")
    assert blank.kind == "unknown" and blank.on_path == []
    assert blank.why == "Your blank plan has no steps yet to place it on."
    summaries = {s.name: s for s in service.list_plans(planned, today=today)}
    assert summaries["blank"].serves == []
    assert [o.id for o, _fit in summaries["current path"].serves] == [on_path.id]


def test_steps_of_every_plan_survive_a_save_of_the_whole_vision(
    planned: Workspace, now: datetime
) -> None:
    service.create_plan(planned, "wild card", source=None, now=now)
    service.import_plan(planned, "wild card", WILD_CARD, source="plan.toml", now=now)
    vision = vision_service.get_vision(planned)
    vision.steps = [RoleOutline(title="Group PM"), RoleOutline(title="Director")]
    with planned.session() as session:
        repo.save_vision(session, vision, now=now)
    again = vision_service.get_vision(planned)
    assert [s.title for s in again.alternatives[0].steps] == [
        "Program Director",
        "Executive Director",
    ]
    assert [s.title for s in again.steps] == ["Group PM", "Director"]


def test_suggestions_and_a_round_aimed_at_a_plan_and_its_meetings_record_it(
    db: Workspace, today: date, now: datetime
) -> None:
    create_demo(db, today=today, now=now)
    main = suggest_service.suggest_people(db, today=today, limit=5)
    wild = suggest_service.suggest_people(db, today=today, limit=5, plan="wild card")
    assert [s.candidate.person_id for s in main.suggestions] != [
        s.candidate.person_id for s in wild.suggestions
    ]
    with pytest.raises(NotFound, match="no plan named 'nope'"):
        suggest_service.suggest_people(db, today=today, plan="nope")
    planned_round = suggest_service.plan_research_round(
        db, today=today, size=3, weeks=2, plan="wild card"
    )
    assert planned_round.round_id is not None
    recorded = service.meeting_plans(db)
    round_meetings = meeting_rounds.round_meetings(db, planned_round.round_id)
    assert round_meetings
    assert {recorded.get(m.id or 0) for m in round_meetings} == {"wild card"}
    summaries = {s.name: s for s in service.list_plans(db, today=today)}
    assert summaries["wild card"].meetings == len(round_meetings)
    # Renaming the plan keeps its meetings; deleting it leaves them without a plan.
    service.change_plan(db, "wild card", rename="teaching", now=now)
    assert set(service.meeting_plans(db).values()) == {"teaching"}
    service.remove_plan(db, "teaching", now=now)
    assert service.meeting_plans(db) == {}
    assert len(meeting_rounds.round_meetings(db, planned_round.round_id)) == len(round_meetings)
