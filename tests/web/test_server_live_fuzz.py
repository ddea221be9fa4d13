"""Schemathesis against a live `nextmove server` (two worker processes, PostgreSQL, loopback):
two members and a coach granted one of them, each calling every API operation with generated
input through their own Bearer token — in their own workspace and aimed at the others'. No
response is a server error; no response carries another workspace's marker text; no
generated write changes a workspace its caller has no grant for. CI-sized: a few examples per
operation (API_FUZZ_EXAMPLES raises it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from nextmove.domain.edits import OpportunityInput, PersonEdit
from nextmove.domain.journal import JournalEntry
from nextmove.services import accounts, coaching, opportunities, people, vision
from nextmove.services.workspace import Database, open_workspace
from nextmove.store.base import Base, is_per_workspace
from tests.pg_server import PostgresServer
from tests.server_process import new_pg_database, run_server

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "1"))
PASSWORD = "correct horse battery staple"
NOW = datetime(2026, 12, 5, 9, tzinfo=UTC)
TODAY = date(2026, 12, 5)
MARKERS = {"ann": "Quokka-Ann-7731", "bob": "Narwhal-Bob-4410"}


def _fill(db: Database, account: accounts.AccountInfo, marker: str) -> None:
    """Marker text in every kind of record a response could leak."""
    ws = open_workspace(db, workspace_id=account.workspace_id)
    vision.save_vision_data(
        ws,
        {"me": {"name": f"Me {marker}"}, "steps": [{"title": f"Head of {marker}"}]},
        source="test",
        now=NOW,
    )
    people.add_person(ws, PersonEdit(name=f"Dana {marker}", notes=marker), now=NOW, today=TODAY)
    opportunities.add_opportunity(
        ws, OpportunityInput(title=f"Role {marker}", source="recruiter"), today=TODAY, now=NOW
    )
    vision.add_journal_entry(
        ws, JournalEntry(day=TODAY, activity=f"Talk {marker}", energy=2), now=NOW
    )


def _refill(url: str, account: accounts.AccountInfo, marker: str) -> None:
    db = Database.open(url)
    try:
        _fill(db, account, marker)
    finally:
        db.dispose()


def _fingerprint(url: str, workspace_id: int) -> dict[str, str]:
    """Each per-workspace table's rows of one workspace, as a digest."""
    tables = [t.name for t in Base.metadata.sorted_tables if is_per_workspace(t)]
    out = {}
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        for table in tables:
            row = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{table}" t WHERE workspace_id = %s',
                (workspace_id,),
            ).fetchone()
            assert row is not None
            out[table] = f"{row[0]}:{row[1]}"
    return out


@pytest.fixture
def live(tmp_path: Path, pg_server: PostgresServer) -> Iterator[dict[str, Any]]:
    url = new_pg_database(pg_server)
    db = Database.open(url)
    made = {
        key: accounts.create_account(
            db, email=f"{key}@example.org", name=key.title(), role=role, password=PASSWORD, now=NOW
        )
        for key, role in (("ann", "member"), ("bob", "member"), ("cat", "coach"))
    }
    coaching.grant_access(
        db, client_email="ann@example.org", coach_email="cat@example.org", access="edit", now=NOW
    )
    for key in ("ann", "bob"):
        _fill(db, made[key], MARKERS[key])
    tokens = {
        key: accounts.create_api_token(db, f"{key}@example.org", name="fuzz", now=NOW)
        for key in made
    }
    db.dispose()
    for base in run_server(tmp_path, url, workers=2):
        yield {"base": base, "url": url, "accounts": made, "tokens": tokens}


def _fuzz(
    base: str,
    token: str,
    targets: list[int | None],
    foreign: str,
    session: requests.Session,
    own: str,
) -> set[int]:
    """Every operation with generated input, at each target workspace; the status codes.
    `own` must be seen somewhere (the check for `foreign` would otherwise prove nothing)."""
    seen = []
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_url(f"{base}/api/openapi.json", headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30
    codes: set[int] = set()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
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
                response = case.call(base_url=base, headers=headers, session=session, timeout=30)
                label = (case.operation.label, target, response.status_code)
                assert response.status_code < 500, (label, response.text[:300])
                assert foreign not in response.text, label
                codes.add(response.status_code)
                if own in response.text:
                    seen.append(label)

        call()
    assert seen, f"no response showed {own}: the marker check saw nothing"
    return codes


def test_no_account_gets_a_server_error_or_another_workspaces_data(live) -> None:  # type: ignore[no-untyped-def]
    base, url, made, tokens = live["base"], live["url"], live["accounts"], live["tokens"]
    ann_ws, bob_ws = made["ann"].workspace_id, made["bob"].workspace_id
    bob_before = _fingerprint(url, bob_ws)
    with requests.Session() as session:
        # Ann in her workspace and aimed at Bob's; the coach in Ann's (granted) and Bob's.
        ann_codes = _fuzz(
            base, tokens["ann"], [None, bob_ws], MARKERS["bob"], session, MARKERS["ann"]
        )
        _refill(url, made["ann"], MARKERS["ann"])  # Ann's run may have changed her own
        coach_codes = _fuzz(
            base, tokens["cat"], [None, ann_ws, bob_ws], MARKERS["bob"], session, MARKERS["ann"]
        )
        assert _fingerprint(url, bob_ws) == bob_before  # nothing of Bob's changed
        _refill(url, made["ann"], MARKERS["ann"])
        ann_before = _fingerprint(url, ann_ws)
        bob_codes = _fuzz(
            base, tokens["bob"], [None, ann_ws], MARKERS["ann"], session, MARKERS["bob"]
        )
        assert _fingerprint(url, ann_ws) == ann_before  # nothing of Ann's changed
    # Each got real answers, not only refusals.
    for codes in (ann_codes, coach_codes, bob_codes):
        assert any(code < 300 for code in codes)
