"""The vision file format: round trips, line numbers in errors."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import LADDER
from nextmove.domain.vision import (
    Choice,
    Choices,
    Gauges,
    Plan,
    Position,
    Priority,
    RoleOutline,
    Vision,
    plan_key,
)
from nextmove.errors import InvalidInput
from nextmove.formats.vision_toml import parse_plan, parse_vision, render_plan, render_vision

# Text as people write it: any printable characters, newlines and quotes included, with no
# surrounding white space (the parser trims it).
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
    | st.sampled_from(['"', "'", "\\", "\n", "#", "=", "[", "]"]),
    max_size=40,
).map(str.strip)
names = text.filter(bool)
levels = st.none() | st.sampled_from([lv.rank for lv in LADDER])
functions = st.none() | st.sampled_from(sorted(FUNCTIONS))
choices = st.sampled_from(list(Choice))

positions = st.builds(
    Position,
    name=text,
    title=text,
    organization=text,
    function=functions,
    level=levels,
    industry=text,
    city=text,
)
outlines = st.builds(
    RoleOutline,
    title=text,
    function=functions,
    level=levels,
    industry=text,
    organization=text,
    organization_kind=text,
    city=text,
    remote=st.booleans(),
    scope=text,
    problems=st.lists(text, max_size=3),
)
# Plan names as stored: spaces collapsed, 1–60 printable characters, never "main".
plan_names = text.map(lambda s: " ".join(s.split())).filter(
    lambda s: (
        0 < len(s) <= 60
        and plan_key(s) != "main"
        and not any(unicodedata.category(c).startswith("C") for c in s)
    )
)
gauge = st.none() | st.integers(min_value=0, max_value=100)
gauges = st.builds(Gauges, resources=gauge, likeability=gauge, confidence=gauge, coherence=gauge)
choice_sets = st.builds(Choices, industry=choices, company=choices, city=choices)
plans = st.builds(
    Plan,
    name=plan_names,
    steps=st.lists(outlines, max_size=3),
    choices=choice_sets,
    note=text,
    gauges=gauges,
)


@st.composite
def visions(draw: st.DrawFn) -> Vision:
    vision = draw(
        st.builds(
            Vision,
            me=positions,
            steps=st.lists(outlines, max_size=4),
            priorities=st.lists(st.builds(Priority, name=names, note=text), max_size=3),
            choices=choice_sets,
            energizers=st.lists(text, max_size=4),
            strengths=st.lists(text, max_size=4),
            plan_name=st.just("current path") | plan_names,
            plan_note=text,
            gauges=gauges,
        )
    )
    alternatives = draw(st.lists(plans, max_size=3, unique_by=lambda p: plan_key(p.name)))
    vision.alternatives = [
        p for p in alternatives if plan_key(p.name) != plan_key(vision.plan_name)
    ]
    return vision


@settings(max_examples=200, deadline=None)
@given(visions())
def test_render_then_parse_gives_back_the_same_vision(vision: Vision) -> None:
    assert parse_vision(render_vision(vision)) == vision


@settings(max_examples=100, deadline=None)
@given(plans)
def test_a_plan_document_renders_and_parses_back_to_the_same_plan(plan: Plan) -> None:
    assert parse_plan(render_plan(plan)) == plan


def test_a_problem_in_an_alternatives_step_names_its_own_line() -> None:
    text = (
        'version = 1\n\n[[steps]]\ntitle = "A"\n\n'
        '[[plans]]\nname = "one"\n\n[[plans]]\nname = "two"\n\n'
        '[[plans.steps]]\ntitle = "B"\n\n[[plans.steps]]\nlevel = "seniorish"\n'
    )
    with pytest.raises(InvalidInput) as caught:
        parse_vision(text)
    assert [p.where for p in caught.value.problems] == ["line 16"]
    assert "plans[1].steps[1].level" in caught.value.problems[0].message


def test_rendered_file_has_the_documented_names() -> None:
    vision = Vision(
        steps=[RoleOutline(title="A"), RoleOutline(title="B")],
        priorities=[Priority("x"), Priority("y"), Priority("z")],
    )
    out = render_vision(vision)
    for name in ("[me]", "[[steps]]", "priorities =", "energizers =", "strengths =", "[choices]"):
        assert name in out


def test_level_may_be_a_number_or_an_alias() -> None:
    vision = parse_vision('[me]\nlevel = 7\n[[steps]]\nlevel = "staff"\n')
    assert vision.me.level == 7 and vision.steps[0].level == 4


def test_a_misspelled_level_suggests_the_right_one() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_vision('[me]\nlevel = "diretor"\n', "plan.toml")
    assert "did you mean 'director'" in caught.value.message
    assert "line 2" in caught.value.message


def test_every_problem_is_reported_at_once_with_its_line() -> None:
    text = '[me]\nlevel = "x"\nfunction = "wizardry"\n\n[[steps]]\ntitle = "A"\n\n[[steps]]\nremote = "maybe"\n'
    with pytest.raises(InvalidInput) as caught:
        parse_vision(text, "plan.toml")
    lines = [str(p) for p in caught.value.problems]
    assert any(p.startswith("line 2: me.level") for p in lines)
    assert any(p.startswith("line 3: me.function") for p in lines)
    assert any(p.startswith("line 9: steps[1].remote") for p in lines)


def test_a_priority_without_a_name_is_an_error() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_vision('priorities = [{ note = "n" }]\n')
    assert "priorities[0].name" in caught.value.message


def test_an_unsupported_version_is_named() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_vision("version = 2\n")
    assert "version: 2 is not supported" in caught.value.message
