"""A vision given as plain data (a web form, a JSON body): problems name the field itself."""

from __future__ import annotations

import pytest

from nextmove.errors import InvalidInput
from nextmove.formats.vision_toml import parse_vision, vision_from_data


def _problems(data: dict[str, object]) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        vision_from_data(data, "the form")
    return {p.where: p.message for p in caught.value.problems}


def test_a_title_longer_than_storage_allows_is_a_problem_of_that_field() -> None:
    assert _problems({"steps": [{"title": "x" * 301}]}) == {
        "steps[0].title": "longer than 300 characters"
    }


def test_a_nul_character_is_refused_with_the_field_named() -> None:
    problems = _problems({"me": {"name": "Ana\x00"}})
    assert problems == {"me.name": "contains a NUL character"}


def test_an_empty_priority_name_must_not_be_empty() -> None:
    assert _problems({"priorities": [{"name": "", "note": "a note"}]}) == {
        "priorities[0].name": "must not be empty"
    }


def test_an_unknown_level_names_the_step_and_suggests_the_ladder() -> None:
    problems = _problems({"steps": [{"title": "Lead"}, {"level": "directr"}]})
    assert list(problems) == ["steps[1].level"]
    assert "did you mean 'director'" in problems["steps[1].level"]


def test_the_vision_file_reports_the_same_checks_with_a_line() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_vision('[me]\nname = "' + "n" * 201 + '"\n', "plan.toml")
    assert str(caught.value.problems[0]) == "line 2: me.name: longer than 200 characters"
