"""A level typed as a number: only ASCII digits are a rank (schemathesis sent '¹', which
str.isdigit() accepts and int() does not)."""

from __future__ import annotations

import pytest

from nextmove.domain.levels import parse_level
from nextmove.errors import UserError


def test_a_rank_in_ascii_digits_is_a_level() -> None:
    assert parse_level("7") == 7


@pytest.mark.parametrize("text", ["¹", "٣", "²³"])
def test_other_digits_are_an_unknown_level_not_a_crash(text: str) -> None:
    with pytest.raises(UserError, match="unknown level"):
        parse_level(text)
