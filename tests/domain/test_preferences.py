"""Preferences as values: what a user types comes back the way they would write it, and
parses to the same thing again."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.preferences import (
    SPECS,
    format_working_days,
    format_working_hours,
    parse_preference,
    spec_for,
)
from nextmove.domain.slots import parse_working_days, parse_working_hours
from nextmove.errors import UserError


@given(st.frozensets(st.integers(0, 6), min_size=1))
def test_working_days_written_back_parse_to_the_same_days(days: frozenset[int]) -> None:
    text = format_working_days(days)
    assert parse_working_days(text) == days
    assert parse_preference("working_days", text)[1] == text


@given(st.times(), st.times())
def test_working_hours_written_back_parse_to_the_same_minutes(a: time, b: time) -> None:
    start, end = sorted((a.replace(second=0, microsecond=0), b.replace(second=0, microsecond=0)))
    if start == end:
        return
    text = format_working_hours(start, end)
    assert parse_working_hours(text) == (start, end)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("mon-fri", "mon-fri"),
        ("Monday,Tuesday,Wednesday", "mon-wed"),
        ("mon,tue", "mon,tue"),
        ("fri-mon", "mon,fri-sun"),
        ("sun,sat", "sat,sun"),
    ],
)
def test_working_days_are_kept_in_one_way_of_writing(typed: str, kept: str) -> None:
    assert parse_preference("working_days", typed)[1] == kept


def test_every_preference_is_found_by_its_key_with_dashes_too() -> None:
    for spec in SPECS:
        assert spec_for(spec.key) is spec
        assert spec_for(spec.key.replace("_", "-").upper()) is spec
    assert spec_for("weight.reachability").key == "suggest_weights.reachability"
    assert spec_for("time-zone").key == "timezone"
    assert spec_for("meeting_length").key == "meeting_minutes"


def test_every_default_is_accepted_by_its_own_check() -> None:
    from nextmove.domain.preferences import Preferences

    defaults = Preferences()
    weights = defaults.weights()
    for spec in SPECS:
        name = spec.key.removeprefix("suggest_weights.")
        value = getattr(weights, name) if "." in spec.key else getattr(defaults, spec.key)
        assert spec.parse(spec.show(value)) == value


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("meeting_minutes", "14"),
        ("email", "x@y"),
        ("timezone", "Not/AZone"),
        ("tier_c_days", "3651"),
    ],
)
def test_a_refused_value_names_its_preference(key: str, value: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_preference(key, value)
    assert caught.value.field == key
