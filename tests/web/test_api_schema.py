"""Property-based: schemathesis generates requests from the OpenAPI schema; no request, valid
or not, may get a server error (5xx). Runs on both backends, on an empty workspace and on the
demo (so ids of real opportunities and people come up); examples kept modest."""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from nextmove.config import load_settings
from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app
from tests.conftest import NOW, TODAY
from tests.web.conftest import BASE, PORT

# Bounded for CI; a deeper local run: API_FUZZ_EXAMPLES=100 pytest tests/web/test_api_schema.py
EXAMPLES_PER_OPERATION = int(os.environ.get("API_FUZZ_EXAMPLES", "15"))
CASES: list[str] = []  # every request sent (`-s` prints how many)
HEADERS = {"Host": f"127.0.0.1:{PORT}", "Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def _exercise(operation: Any) -> set[int]:
    """Send generated requests to one operation; the status codes it answered with."""
    seen: set[int] = set()

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def call(case: Any) -> None:
        CASES.append(operation.label)
        response = case.call_and_validate(headers=HEADERS, checks=[not_a_server_error])
        seen.add(response.status_code)

    call()
    return seen


@pytest.mark.parametrize("workspace", ["empty", "demo"])
def test_no_request_to_the_api_gets_a_server_error(
    web_db: Workspace, db_url: str, workspace: str
) -> None:
    if workspace == "demo":
        create_demo(web_db, today=TODAY, now=NOW)
    app = create_app(load_settings(database_url=db_url), port=PORT, db=web_db)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=HEADERS)
    operations = [result.ok() for result in schema.get_all_operations()]
    # Schemathesis reads every operation the schema lists (none fails to load).
    served = app.openapi()["paths"]
    assert len(operations) == sum(len(methods) for methods in served.values()) > 30
    before = len(CASES)
    responses = {operation.label: _exercise(operation) for operation in operations}
    print(f"schemathesis: {len(CASES) - before} requests to {len(operations)} operations")
    # Every operation was really exercised, and answered without a server error.
    assert all(codes and max(codes) < 500 for codes in responses.values()), responses
