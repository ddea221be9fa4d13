"""Length limits on what people type, the same in forms, the API, the CLI and the services:
a too-long value is refused with its field, its length and the limit — never echoed back
whole — and nothing is written. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nextmove.domain import limits
from nextmove.domain.edits import OpportunityInput, PersonEdit
from nextmove.errors import UserError
from nextmove.services import opportunities as opp_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.conftest import Cli
from tests.web.conftest import Web

LONG_NAME = "Ana " + "x" * 9_195  # 9,199 characters, as in the report


def test_a_9199_character_name_is_refused_by_the_service_and_nothing_is_written(
    web_db: Workspace, today: date, now: datetime
) -> None:
    with pytest.raises(UserError) as refused:
        people_service.add_person(web_db, PersonEdit(name=LONG_NAME), now=now, today=today)
    assert refused.value.field == "name"
    assert "9,199 characters long; at most 200 fit" in refused.value.message
    assert LONG_NAME not in refused.value.message
    assert people_service.list_people(web_db)[1] == 0


def test_the_person_form_has_maxlength_and_the_server_refuses_without_echoing(
    web: Web, web_db: Workspace
) -> None:
    page = web.get("/people/new").text
    assert f'name="name" value="" maxlength="{limits.NAME}"' in page
    response = web.submit("/people/new", {"name": LONG_NAME}, page="/people/new")
    assert response.status_code == 400
    assert "at most 200 fit" in response.text
    # The summary on top repeats the message: it names the field, not "Is 9,199 characters".
    assert "Name is 9,199 characters long; at most 200 fit" in response.text
    assert ">Is 9,199" not in response.text
    assert "x" * 300 not in response.text.split("<textarea")[0].split('value="')[0]


def test_the_api_refuses_a_too_long_name_with_its_field(web: Web) -> None:
    headers = {"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"}
    response = web.client.post("/api/people", json={"name": LONG_NAME}, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "name"


def test_an_api_refusal_does_not_send_a_long_value_back(web: Web) -> None:
    """A 422 names the field and the limit; the value itself comes back cut short (a
    multi-megabyte body is not repeated in the answer)."""
    headers = {"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"}
    huge = "y" * 2_000_000
    for body in ({"name": LONG_NAME}, {"name": "Ana", "notes": huge}, [huge]):
        response = web.client.post("/api/people", json=body, headers=headers)
        assert response.status_code == 422, body
        assert len(response.content) < 5_000
        assert "x" * 300 not in response.text and "y" * 300 not in response.text
    detail = web.client.post("/api/people", json={"name": LONG_NAME}, headers=headers).json()
    assert detail["detail"][0]["input"].endswith("… (9,199 characters)")


def test_an_opportunity_title_past_the_limit_is_refused(
    web_db: Workspace, today: date, now: datetime
) -> None:
    with pytest.raises(UserError, match="title: is 201 characters long; at most 200 fit"):
        opp_service.add_opportunity(
            web_db, OpportunityInput(title="D" * 201, source="recruiter"), today=today, now=now
        )


def test_the_cli_refuses_a_too_long_name_with_exit_2(cli: Cli) -> None:
    result = cli(["people", "add", LONG_NAME])
    assert result.exit_code == 2
    assert "at most 200 fit" in result.stderr
    assert "x" * 300 not in result.stderr


def test_the_vision_form_offers_your_name_only_as_long_as_it_keeps(web: Web) -> None:
    """The form let a 300-character name be typed, then the server refused it past 200."""
    page = web.get("/vision/edit").text
    assert f'name="me.name" value="" maxlength="{limits.NAME}"' in page
    response = web.submit("/vision/edit", {"me.name": "N" * (limits.NAME + 1)}, page="/vision/edit")
    assert "longer than 200 characters" in response.text
