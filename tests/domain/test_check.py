"""vision check: each weakness appears exactly when it should, with advice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nextmove.domain.check import check_vision, is_vague
from nextmove.domain.journal import JournalEntry, summarize_journal
from nextmove.domain.vision import Choice, Choices, Position, Priority, RoleOutline, Vision
from nextmove.services.demo import demo_vision


def codes(vision: Vision, journal=None) -> list[str]:
    return [f.code for f in check_vision(vision, journal)]


def weak_codes(vision: Vision, journal=None) -> list[str]:
    return [f.code for f in check_vision(vision, journal) if f.severity == "weakness"]


@pytest.fixture
def clear() -> Vision:
    return demo_vision()


def test_a_clear_vision_has_no_weaknesses(clear: Vision) -> None:
    assert weak_codes(clear) == []


@pytest.mark.parametrize(
    "title",
    [
        "I'm open to anything",
        "Open to everything",
        "anything in product",
        "Not sure yet",
        "TBD",
        "whatever pays",
        "Something new",
    ],
)
def test_vague_titles_are_flagged(clear: Vision, title: str) -> None:
    clear.steps[0].title = title
    assert "vague-outline" in codes(clear)


@pytest.mark.parametrize("title", ["Director of Product", "VP Growth", "Head of Platform"])
def test_concrete_titles_are_not_vague(title: str) -> None:
    assert not is_vague(title)


def test_a_vague_scope_is_flagged_too(clear: Vision) -> None:
    clear.steps[1].scope = "I'm open to anything really"
    found = [f for f in check_vision(clear) if f.code == "vague-outline"]
    assert [f.field for f in found] == ["steps[1].title"]


@pytest.mark.parametrize(
    ("field", "code"),
    [
        ("function", "no-function"),
        ("level", "no-level"),
        ("scope", "no-scope"),
        ("title", "no-title"),
    ],
)
def test_missing_parts_of_an_outline_are_named(clear: Vision, field: str, code: str) -> None:
    setattr(clear.steps[0], field, None if field in ("function", "level") else "")
    found = [f for f in check_vision(clear) if f.code == code]
    assert found and found[0].field == f"steps[0].{field}"


def test_one_step_is_not_a_plan_two_jobs_out(clear: Vision) -> None:
    clear.steps = clear.steps[:1]
    assert "fewer-than-two-steps" in codes(clear)


@pytest.mark.parametrize(("count", "flagged"), [(0, True), (2, True), (3, False)])
def test_exactly_three_priorities(clear: Vision, count: int, flagged: bool) -> None:
    clear.priorities = [Priority(f"p{i}") for i in range(count)]
    assert ("not-three-priorities" in codes(clear)) is flagged


def test_duplicate_priorities_are_flagged(clear: Vision) -> None:
    clear.priorities = [Priority("family life"), Priority("Family life"), Priority("mission")]
    assert "duplicate-priorities" in codes(clear)


@pytest.mark.parametrize(
    ("next_level", "next_function", "expected"),
    [
        (4, "product", None),  # one level up: a reach
        (3, "product", "next-step-not-a-reach"),  # same level, same function
        (3, "marketing", None),  # same level, new function: a lateral stretch
        (2, "product", "next-step-down"),
    ],
)
def test_next_step_must_be_a_reach(
    clear: Vision, next_level: int, next_function: str, expected: str | None
) -> None:
    clear.steps[0].level = next_level
    clear.steps[0].function = next_function
    clear.steps[1].function = next_function
    found = {"next-step-not-a-reach", "next-step-down"} & set(codes(clear))
    assert found == ({expected} if expected else set())


def test_two_jobs_out_below_the_next_job_does_not_build(clear: Vision) -> None:
    clear.steps[1].level = clear.steps[0].level - 1  # type: ignore[operator]
    assert "path-goes-down" in codes(clear)
    clear.steps[1].level = clear.steps[0].level
    assert "path-goes-down" not in codes(clear)


def test_a_step_in_an_unrelated_function_and_industry_does_not_build(clear: Vision) -> None:
    clear.steps[1] = replace(clear.steps[1], function="legal", industry="banking")
    assert "path-does-not-build" in codes(clear)
    clear.steps[1] = replace(clear.steps[1], industry=clear.steps[0].industry)
    assert "path-does-not-build" not in codes(clear)


def test_choices_that_contradict_the_steps_are_flagged(clear: Vision) -> None:
    clear.choices = Choices(industry=Choice.STAY, company=Choice.OPEN, city=Choice.STAY)
    clear.steps[0].city = "Denver"
    assert "contradicts-city-choice" in codes(clear)
    clear.steps[0].remote = True
    assert "contradicts-city-choice" not in codes(clear)
    clear.steps[0].industry = "banking"
    assert "contradicts-industry-choice" in codes(clear)


def test_changing_city_while_every_step_stays_is_a_contradiction(clear: Vision) -> None:
    clear.choices.city = Choice.CHANGE
    clear.steps[1].remote = False
    assert "contradicts-city-choice" in codes(clear)


def test_changing_company_but_naming_the_current_one(clear: Vision) -> None:
    clear.choices.company = Choice.CHANGE
    clear.steps[0].organization = "northwind health"
    assert "contradicts-company-choice" in codes(clear)


def test_no_energizers_points_to_the_journal_evidence(clear: Vision) -> None:
    clear.energizers = []
    entries = [JournalEntry(day=date(2026, 11, d), activity="pairing", energy=2) for d in (2, 3)]
    found = [
        f for f in check_vision(clear, summarize_journal(entries)) if f.code == "no-energizers"
    ]
    assert found and "pairing" in found[0].advice


def test_an_energizer_that_the_journal_shows_draining_is_flagged(clear: Vision) -> None:
    entries = [
        JournalEntry(day=date(2026, 11, d), activity="Workshops", energy=-2) for d in (2, 3, 4)
    ]
    found = [
        f for f in check_vision(clear, summarize_journal(entries)) if f.code == "energizer-drains"
    ]
    assert found and "'workshops'" in found[0].message and "-2.0" in found[0].message


def test_missing_position_is_named() -> None:
    vision = demo_vision()
    vision.me = Position(name="X")
    found = [f for f in check_vision(vision) if f.code == "incomplete-position"]
    assert found and "title, level, function" in found[0].message


def test_every_finding_has_advice(clear: Vision) -> None:
    broken = Vision(steps=[RoleOutline(title="open to anything")])
    assert all(f.advice for f in check_vision(broken))


def test_findings_about_the_second_step_read_as_sentences() -> None:
    """ "The two jobs from now has no city" is not English."""
    from nextmove.domain.check import check_vision
    from nextmove.domain.vision import Position, RoleOutline, Vision

    plan = Vision(
        me=Position(title="Science Teacher", city="Sacramento"),
        steps=[
            RoleOutline(title="Instructional Designer", city="Sacramento"),
            RoleOutline(title="Senior Learning Experience Designer"),
        ],
    )
    messages = [f.message for f in check_vision(plan)]
    assert "The job after next has no city and is not marked remote." in messages, messages
    assert not any("two jobs from now has" in m for m in messages)
