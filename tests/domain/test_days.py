"""One date parser for the CLI, the web pages and the API: YYYY-MM-DD within 1900–2999."""

from __future__ import annotations

from datetime import date

import pytest

from nextmove.domain.days import parse_day
from nextmove.errors import UserError


@pytest.mark.parametrize(
    ("text", "day"),
    [(" 2026-11-22 ", date(2026, 11, 22)), ("1900-01-01", date(1900, 1, 1)),
     ("2999-12-31", date(2999, 12, 31))],
)  # fmt: skip
def test_a_date_in_range_is_read(text: str, day: date) -> None:
    assert parse_day(text, field="date") == day


@pytest.mark.parametrize(
    ("text", "detail"),
    [("1899-12-31", "1899-12-31 is out of range"), ("3000-01-01", "3000-01-01 is out of range"),
     ("soon", "'soon' is not a date"), ("2026-02-30", "'2026-02-30' is not a date"),
     ("", "'' is not a date")],
)  # fmt: skip
def test_a_bad_date_is_refused_naming_the_field(text: str, detail: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_day(text, field="due")
    assert (refused.value.field, refused.value.detail) == ("due", detail)
    assert refused.value.message == f"due: {detail}"
    assert refused.value.hint
