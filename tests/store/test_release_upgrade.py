"""Nothing a user has is ever lost: the database release 0.1 wrote upgrades to head on SQLite
and on PostgreSQL, and every value 0.1 showed through the CLI is still shown after."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import JSON, MetaData, Table, func, insert, select, text

from nextmove.store.db import alembic_config, current_revision, head_revision, make_engine
from tests.conftest import ROOT, Cli
from tests.pg_server import PostgresServer
from tests.store.release_snapshot import missing, snapshot

RELEASE = ROOT / "tests" / "fixtures" / "release-0.1"
RELEASE_HEAD = "0005"
# What a member's page derives rather than stores: the line of the file they were on (the
# directory keeps the file, not its lines), their manager's internal person id (their manager
# is compared by name, among their ties), and how sure the title reader of this release is of
# the level and function it reads from their title (the level and function are compared).
DERIVED_FOR_MEMBERS = {
    "where",
    "manager_id",
    "level_confidence",
    "level_source",
    "function_confidence",
    "function_source",
}


def _without(value: Any, keys: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def _sqlite_copy(tmp_path: Path) -> str:
    target = tmp_path / "release-0.1.db"
    shutil.copyfile(RELEASE / "nextmove.db", target)
    return f"sqlite:///{target}"


def _postgres_copy(server: PostgresServer, tmp_path: Path) -> str:
    """A PostgreSQL database at 0.1's schema holding exactly the rows of the 0.1 fixture."""
    name = f"release01_{abs(hash(tmp_path)) % 10**8}"
    with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = server.url(name)
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), RELEASE_HEAD)
    metadata = MetaData()
    metadata.reflect(engine)
    source = sqlite3.connect(RELEASE / "nextmove.db")
    source.row_factory = sqlite3.Row
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(row) for row in source.execute(f'SELECT * FROM "{table.name}"')]
            if rows:
                connection.execute(insert(table), [_typed(table, row) for row in rows])
            if "id" in table.c and rows:
                top = connection.execute(select(func.max(table.c.id))).scalar_one()
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :top)"),
                    {"t": table.name, "top": top},
                )
    source.close()
    engine.dispose()
    return url


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """SQLite keeps booleans as 0/1 and JSON as text; PostgreSQL wants them typed."""
    typed = dict(row)
    for column in table.columns:
        value = typed.get(column.name)
        if value is None:
            continue
        if isinstance(column.type, JSON):
            typed[column.name] = json.loads(value)
        elif column.type.python_type is bool:
            typed[column.name] = bool(value)
    return typed


@pytest.fixture(params=["sqlite", "postgresql"])
def release_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return _sqlite_copy(tmp_path)
    return _postgres_copy(request.getfixturevalue("pg_server"), tmp_path)


def test_the_release_fixture_is_at_release_01s_schema(release_url: str) -> None:
    engine = make_engine(release_url)
    assert current_revision(engine) == RELEASE_HEAD
    engine.dispose()


def test_upgrading_release_01s_database_loses_nothing_a_user_saw(
    release_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(capsys, monkeypatch, release_url)

    def run(args: list[str]) -> str:
        result = cli(args)
        assert result.exit_code == 0, result.output
        return result.stdout

    assert run(["init"])  # the upgrade a user runs (any command would do it too)
    engine = make_engine(release_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()

    expected = json.loads((RELEASE / "expected.json").read_text(encoding="utf-8"))
    actual = snapshot(run)
    assert actual["people_total"] == expected["people_total"]
    assert sorted(actual["people"]) == sorted(expected["people"])
    listed = json.loads(run(["people", "list", "--limit", "0", "--json"]))["people"]
    moved = {p["name"] for p in listed if p["member"]}
    # The org-chart people 0.1's demo had no dealings with are members of the chart now.
    assert len(moved) >= 100
    for name in moved:
        expected["people"][name] = _without(expected["people"][name], DERIVED_FOR_MEMBERS)
    # Whose manager moved: the manager is a member, named among their ties, not a person id.
    with sqlite3.connect(RELEASE / "nextmove.db") as source:
        names = dict(source.execute("SELECT id, name FROM person"))
    for page in expected["people"].values():
        chart = page.get("org_chart") or {}
        if names.get(chart.get("manager_id")) in moved:
            del chart["manager_id"]
    problems = missing(expected, actual)
    assert problems == [], "\n".join(problems)


def test_a_release_01_user_has_exactly_their_old_vision_as_the_main_plan(
    release_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(release_url)
    with engine.connect() as conn:
        old_steps = [
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT title, function, level, industry, city FROM vision_step ORDER BY position"
                )
            )
        ]
        old_choices = tuple(
            conn.execute(
                text("SELECT choice_industry, choice_company, choice_city FROM profile")
            ).one()
        )
        meeting_id = conn.execute(text("SELECT min(id) FROM meeting")).scalar_one()
    engine.dispose()
    cli = Cli(capsys, monkeypatch, release_url)
    listed = cli(["plan", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    plans = json.loads(listed.stdout)["plans"]
    assert [(p["name"], p["main"]) for p in plans] == [("current path", True)]
    main = plans[0]
    assert [
        (
            s["title"],
            s["function"],
            s["level"]["rank"] if s["level"] else None,
            s["industry"],
            s["city"],
        )
        for s in main["steps"]
    ] == old_steps
    assert tuple(main["choices"][k] for k in ("industry", "company", "city")) == old_choices
    # The upgraded workspace takes plans and records them on its meetings.
    assert cli(["plan", "add", "wild card", "--from", "main"]).exit_code == 0
    assert cli(["meeting", "plan", str(meeting_id), "wild card"]).exit_code == 0
    shown = json.loads(cli(["meeting", "show", str(meeting_id), "--json"]).stdout)
    assert shown["plan"] == "wild card"


def test_org_chart_people_without_dealings_move_into_the_directory_and_are_found_as_before(
    release_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Those who were only on the chart move (the industry 0.1's demo stamped on each of them
    is the organization's now), and `people list`, their pages and everyone else's read the
    same; those with dealings stay, linked."""
    engine = make_engine(release_url)
    with engine.begin() as conn:
        before = {
            r.name: r
            for r in conn.execute(
                text(
                    "SELECT id, name, title, organization, department, city, email, level, "
                    "function, industry, employee_id FROM person WHERE employee_id IS NOT NULL"
                )
            )
        }
        me = conn.execute(text("SELECT person_id FROM profile")).scalar_one()
    engine.dispose()
    cli = Cli(capsys, monkeypatch, release_url)

    def read(*args: str) -> Any:
        result = cli([*args, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    listed = read("people", "list", "--limit", "0")
    expected = json.loads((RELEASE / "expected.json").read_text(encoding="utf-8"))
    assert listed["total"] == expected["people_total"]
    assert sorted(p["name"] for p in listed["people"]) == sorted(expected["people"])
    members = [p for p in listed["people"] if p["member"]]
    stayed = [p for p in listed["people"] if not p["member"] and p["name"] in before]
    assert members and stayed  # some moved; those with dealings (you among them) stayed
    assert any(before[p["name"]].id == me for p in stayed)
    # Met, tied, tiered, flagged: they stay your people.
    assert {"Tom Becker", "Priya Nayak", "Elena Vasquez", "Nora Kim"} <= {p["name"] for p in stayed}
    for line in members:
        old = before[line["name"]]
        page = read("people", "show", line["member"])
        assert line["member"].endswith(":" + old.employee_id)
        assert (page["title"], page["organization"], page["department"], page["city"]) == (
            old.title,
            old.organization,
            old.department,
            old.city,
        )
        assert [e["address"] for e in page["emails"]] == ([old.email] if old.email else [])
        assert (page["level"] or {}).get("rank") == old.level
        assert page["function"] == old.function
        assert page["industry"] == old.industry
        assert page["directory"]["employee_id"] == old.employee_id
    # A person with dealings keeps their page and gains the chart's facts.
    mine = read("people", "show", f"#{me}")
    assert mine["directory"] is not None and mine["is_me"]
    history = read("directory", "list")
    assert [o["members"] for o in history["organizations"]] == [
        sum(1 for r in before.values() if r.employee_id)
    ]
