"""Schemathesis against the app in server mode, as a coach with a Bearer token: generated
requests to every operation, each also aimed at a workspace the coach was granted, one they
were not, and one that does not exist. No request gets a server error, and none reaches the
workspace without a grant."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings

from nextmove.config import load_settings
from nextmove.services import accounts, coaching
from nextmove.services.workspace import Database
from nextmove.web.app import create_app
from nextmove.web.auth import ServerMode, is_account_path

EXAMPLES_PER_OPERATION = int(os.environ.get("API_FUZZ_EXAMPLES", "2"))
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "correct horse battery staple"
# What a request for a workspace without a grant may get: a refusal, never an answer.
REFUSED = frozenset({400, 403, 404, 405, 413, 415, 422})


def test_no_generated_request_errors_or_crosses_into_an_ungranted_workspace(
    db: Database, db_url: str
) -> None:
    now = datetime.now(UTC)
    made = {
        key: accounts.create_account(
            db, email=f"{key}@example.org", name=key, role=role, password=PASSWORD, now=now
        )
        for key, role in (("ann", "member"), ("bob", "member"), ("cat", "coach"))
    }
    coaching.grant_access(
        db, client_email="ann@example.org", coach_email="cat@example.org", access="edit", now=now
    )
    token = accounts.create_api_token(db, "cat@example.org", name="fuzz", now=now)
    mode = ServerMode(secret=b"s" * 32, secure_cookies=False, session_lifetime=timedelta(hours=1))
    app = create_app(
        load_settings(database_url=db_url),
        port=PORT,
        db=db,
        server=mode,
        base_url=BASE,
        hosts=frozenset({f"127.0.0.1:{PORT}"}),
    )
    headers = {"Host": f"127.0.0.1:{PORT}", "Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=headers)
    granted, ungranted = made["ann"].workspace_id, made["bob"].workspace_id
    targets = [None, granted, ungranted, 999_999]
    codes: dict[object, set[int]] = {target: set() for target in targets}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def call(case: Any) -> None:
            for target in targets:
                query = dict(case.query or {})
                if target is not None:
                    query["workspace"] = str(target)
                case.query = query
                response = case.call(headers=headers)
                assert response.status_code < 500, (
                    case.operation.label,
                    target,
                    response.text[:300],
                )
                codes[target].add(response.status_code)
                path = case.operation.path
                # The account's own routes (/api/me, /api/coach/…) ignore ?workspace=.
                if target in (ungranted, 999_999) and not is_account_path(path):
                    assert response.status_code in REFUSED, (
                        case.operation.label,
                        target,
                        response.status_code,
                    )

        call()
    # Within the grant and in its own workspace the coach got answers, not only refusals.
    assert any(code < 300 for code in codes[granted])
    assert any(code < 300 for code in codes[None])
