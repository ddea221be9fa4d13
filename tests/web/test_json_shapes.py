"""One schema per JSON shape: every command in formats/schemas/registry.py prints exactly its
model (every key declared, nothing left out), and where an API route returns the same shape,
the route and the command answer the same JSON for the same workspace. On both backends, on
the demo workspace, with the clock fixed."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from nextmove.formats.schemas.reference import top_model
from nextmove.formats.schemas.registry import COMMANDS
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.conftest import ROOT, Cli
from tests.web.conftest import BASE, Web

AS_OF = "2026-11-22"
ORGCHART = ROOT / "tests" / "formats" / "fixtures" / "orgchart" / "oracle-hr.csv"
CALENDAR = ROOT / "tests" / "formats" / "fixtures" / "ics" / "every_kind_of_time.ics"
LINKEDIN = (
    ROOT / "tests" / "formats" / "fixtures" / "linkedin" / "newer-export-with-job-changes.csv"
)

# How to run each command, and its route with the same question (the registry names the route).
RUNS: dict[str, tuple[list[str], str | None]] = {
    "me show": (["me", "show"], None),
    "vision show": (["vision", "show"], "/api/vision"),
    "vision check": (["vision", "check", "--as-of", AS_OF], f"/api/vision/check?as_of={AS_OF}"),
    "plan list": (["plan", "list", "--as-of", AS_OF], f"/api/plans?as_of={AS_OF}"),
    "plan show": (["plan", "show", "main", "--as-of", AS_OF], f"/api/plans/main?as_of={AS_OF}"),
    "plan compare": (
        ["plan", "compare", "--people", "3", "--as-of", AS_OF],
        f"/api/plans/compare?people=3&as_of={AS_OF}",
    ),
    "journal list": (
        ["journal", "list", "--days", "60", "--as-of", AS_OF],
        f"/api/journal/entries?days=60&as_of={AS_OF}",
    ),
    "journal summary": (
        ["journal", "summary", "--days", "60", "--as-of", AS_OF],
        f"/api/journal/summary?days=60&as_of={AS_OF}",
    ),
    "settings show": (["settings", "show"], "/api/settings"),
    "meeting list": (["meeting", "list", "--as-of", AS_OF], f"/api/meetings?as_of={AS_OF}"),
    "meeting show": (
        ["meeting", "show", "MEETING", "--as-of", AS_OF],
        f"/api/meetings/MEETING?as_of={AS_OF}",
    ),
    "meeting slots": (
        ["meeting", "slots", "MEETING", "--days", "5", "--as-of", AS_OF],
        f"/api/meetings/MEETING/slots?days=5&as_of={AS_OF}",
    ),
    "people list": (["people", "list", "--limit", "50"], "/api/people?limit=50"),
    "people show": (["people", "show", "PERSON"], "/api/people/PERSON"),
    "people add": (["people", "add", "Noor Haddad", "--title", "CTO"], "/api/people"),
    "people tie": (
        ["people", "tie", "PERSON", "OTHER", "--strength", "4"],
        "/api/people/PERSON/ties",
    ),
    "touch": (
        ["touch", "PERSON", "--kind", "call", "--as-of", AS_OF],
        "/api/people/PERSON/touches",
    ),
    "people chain": (["people", "chain", "PERSON"], "/api/people/PERSON/chain"),
    "import linkedin": (
        ["import", "linkedin", str(LINKEDIN), "--dry-run"],
        "/api/imports?kind=linkedin&dry_run=true",
    ),
    "calendar busy": (
        ["calendar", "busy", str(CALENDAR), "--days", "10", "--as-of", AS_OF],
        None,
    ),
    "slots": (["slots", "--days", "5", "--count", "5", "--as-of", AS_OF], None),
    "workspace list": (["workspace", "list"], None),
    # Run on a workspace of their own (test_directory_and_accounts_print_their_models).
    "directory list": (["directory", "list"], None),
    "directory history": (["directory", "history", "Oracle HR"], None),
    "admin list-users": (["admin", "list-users"], None),
    "sync list": (["sync", "list"], None),
    # With a real CardDAV server: tests/cli/test_sync_cli.py, which prints through the model.
    "sync run": (["sync", "run"], None),
    "board show": (["board", "show", "--as-of", AS_OF], f"/api/board?as_of={AS_OF}"),
    "keep list": (["keep", "list", "--as-of", AS_OF], f"/api/keep?as_of={AS_OF}"),
    "today": (["today", "--as-of", AS_OF], f"/api/today?as_of={AS_OF}"),
    # Planned without saving, so the round shown next is the same for both (none).
    "round plan": (["round", "plan", "--dry-run", "--as-of", AS_OF], f"/api/round?as_of={AS_OF}"),
    "round show": (["round", "show"], "/api/round"),
    "suggest": (
        ["suggest", "--limit", "10", "--as-of", AS_OF],
        f"/api/suggestions?limit=10&as_of={AS_OF}",
    ),
    "path": (["path", "PERSON"], "/api/people/PERSON/paths"),
    "moves": (["moves", "--as-of", AS_OF], f"/api/moves?as_of={AS_OF}"),
    "opp list": (["opp", "list"], "/api/opportunities"),
    "opp show": (["opp", "show", "3"], "/api/opportunities/3"),
    "opp evaluate": (
        ["opp", "evaluate", "--as-of", AS_OF],
        f"/api/opportunities/evaluation?as_of={AS_OF}",
    ),
    "opp compare": (
        ["opp", "compare", "3", "4", "--as-of", AS_OF],
        f"/api/opportunities/compare?ids=3&ids=4&as_of={AS_OF}",
    ),
    "opp people": (["opp", "people", "3"], "/api/opportunities/3/people"),
}
# What a POST route is sent: the same question as the command's options.
BODIES: dict[str, dict[str, Any]] = {
    "round plan": {"dry_run": True, "size": 6, "weeks": 3},
    "people add": {"name": "Noor Haddad", "title": "CTO"},
    "people tie": {"other_id": "OTHER", "strength": 4},
    "touch": {"kind": "call"},
}
# Run on a workspace of their own (an org chart, an account) or with a real CardDAV server.
OWN_WORKSPACE = {"directory list", "directory history", "admin list-users", "sync run"}
# Commands that write: the command and the route each write once, so their answers differ
# (ids, who); each must still be exactly its model.
WRITES = {"people add", "people tie", "touch"}
# Keys that name where the question came from, not the answer: a path, an upload's name.
SAME: dict[str, dict[str, Any]] = {"import linkedin": {"source": "the file"}}
JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def test_every_registered_command_is_run_here_with_its_route() -> None:
    assert sorted(RUNS) == sorted(c.command for c in COMMANDS)
    for entry in COMMANDS:
        args, route = RUNS[entry.command]
        assert args[: len(entry.command.split())] == entry.command.split()
        # The route the registry (and so docs/json.md) names is the one compared here.
        assert (route is None) == (entry.route is None), entry.command
        if route and entry.route:
            template = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(entry.route.split(" ", 1)[1]))
            assert re.fullmatch(template, route.split("?")[0]), entry.command


@pytest.mark.parametrize("entry", COMMANDS, ids=lambda c: c.command)
def test_a_shape_refuses_a_key_it_does_not_declare(entry: Any) -> None:
    # So a builder cannot print a key that docs/json.md does not list.
    _, model = top_model(entry.shape)
    assert model is not None
    with pytest.raises(ValidationError, match=r"undocumented\n +Extra inputs are not permitted"):
        model.model_validate({"undocumented": 1})


def test_each_command_prints_its_model_and_the_api_answers_the_same(
    demo_web: Web, web_db: Workspace, cli: Cli
) -> None:
    # Someone of the demo two hops away (the path to them goes through people you know).
    person = str(people_service.resolve(web_db, "Elif Gill"))
    other = str(people_service.resolve(web_db, "Tom Becker"))
    # A meeting of the demo with insights, referrals and tasks: the last one held.
    listed = demo_web.get("/api/meetings?state=held").json()["meetings"]
    meeting = str(listed[-1]["id"])
    differing: list[str] = []
    for entry in COMMANDS:
        if entry.command in OWN_WORKSPACE:
            continue
        args, route = RUNS[entry.command]
        names = {"PERSON": person, "MEETING": meeting, "OTHER": other}
        args = [names.get(a, a) for a in args]
        if route:
            route = route.replace("PERSON", person).replace("MEETING", meeting)
        result = cli([*args, "--json"])
        assert result.exit_code == 0, (entry.command, result.stderr)
        printed = json.loads(result.stdout)
        adapter: TypeAdapter[Any] = TypeAdapter(entry.shape)
        model = adapter.validate_python(printed)  # extra keys are refused by the models
        # Nothing the model has is missing from the output, and every value keeps its type.
        assert adapter.dump_python(model, mode="json", by_alias=True) == printed, entry.command
        if route is not None:
            if entry.command == "import linkedin":
                answer = demo_web.client.post(
                    route,
                    content=LINKEDIN.read_bytes(),
                    headers={**JSON, "Content-Type": "application/octet-stream"},
                )
            elif entry.route.startswith("POST "):
                body = {
                    k: int(other) if v == "OTHER" else v for k, v in BODIES[entry.command].items()
                }
                answer = demo_web.client.post(route, json=body, headers=JSON)
            else:
                answer = demo_web.get(route)
            assert answer.status_code in (200, 201), (route, answer.text)
            if entry.command in WRITES:
                answered = adapter.validate_python(answer.json())
                assert adapter.dump_python(answered, mode="json", by_alias=True) == answer.json()
                assert answer.json().keys() == printed.keys()
            else:
                answered, shown = answer.json(), printed
                if entry.command in SAME:
                    answered, shown = answered | SAME[entry.command], shown | SAME[entry.command]
                if answered != shown:
                    differing.append(entry.command)
    assert differing == []


def _printed(cli: Cli, command: str) -> Any:
    """Run a command of RUNS with --json; its output, checked to be exactly its model."""
    [entry] = [c for c in COMMANDS if c.command == command]
    result = cli([*RUNS[command][0], "--json"])
    assert result.exit_code == 0, (command, result.stderr)
    printed = json.loads(result.stdout)
    adapter: TypeAdapter[Any] = TypeAdapter(entry.shape)
    assert adapter.dump_python(adapter.validate_python(printed), mode="json") == printed
    return printed


def test_directory_and_accounts_print_their_models(cli: Cli) -> None:
    imported = cli(["import", "orgchart", str(ORGCHART), "--organization", "Oracle HR"])
    assert imported.exit_code == 0, imported.output
    made = cli(
        ["admin", "create-user", "ann@example.org", "--name", "Ann Lee", "--password-stdin"],
        input="correct horse battery staple\n",
    )
    assert made.exit_code == 0, made.output
    [org] = _printed(cli, "directory list")["organizations"]
    assert (org["name"], org["snapshots"]) == ("Oracle HR", 1) and org["members"] > 100
    history = _printed(cli, "directory history")
    assert [s["number"] for s in history["snapshots"]] == [1]
    [account] = _printed(cli, "admin list-users")
    assert (account["email"], account["role"], account["disabled"]) == (
        "ann@example.org",
        "member",
        False,
    )
    # An instant as isoformat() writes it: with its offset, as before the models.
    assert datetime.fromisoformat(account["created_at"]).utcoffset() is not None


def test_a_shape_equals_its_json_document() -> None:
    from nextmove.formats.schemas.core import LevelPublic

    director = LevelPublic(rank=7, key="director", label="Director")
    assert director == {"rank": 7, "key": "director", "label": "Director"}
    as_json = {"rank": 7, "key": "director", "label": "Director"}
    assert as_json == director  # as response.json() == vision_json(v) reads
    assert director != {"rank": 7, "key": "director"}
    assert director == LevelPublic(rank=7, key="director", label="Director")
    assert director != LevelPublic(rank=8, key="senior-director", label="Senior director")
