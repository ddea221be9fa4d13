"""`nextmove suggest` and `nextmove path` as a user runs them."""

from __future__ import annotations

import json

from nextmove.domain.vision import Position, RoleOutline
from nextmove.services.workspace import Workspace
from tests.conftest import Cli
from tests.services.world import World, plan


def small_world(db_url: str) -> None:
    db = Workspace.open(db_url)
    w = World(db)
    w.person("Boss", title="VP Sales", function="sales", level=9, depth=0)
    w.person("Mid", title="Sales Director", function="sales", level=7, depth=1, manager="Boss")
    w.person("Mgr", title="Sales Manager", function="sales", level=5, depth=2, manager="Mid")
    w.person("Me", title="Account Executive", function="sales", level=2, depth=3, manager="Mgr")
    w.person(
        "Helper",
        title="Head of Partnerships",
        function="sales",
        level=7,
        organization="Beta",
        contact=True,
        offered_help=True,
    )
    w.me(
        "Me",
        plan(
            Position(
                name="Me", title="Account Executive", organization="Acme", function="sales", level=2
            ),
            RoleOutline(title="Sales Manager", function="sales", level=5, scope="x"),
        ),
    )
    db.dispose()


def test_suggest_json_has_reasons_and_paths(cli: Cli, db_url: str) -> None:
    small_world(db_url)
    result = cli("suggest --json --as-of 2026-11-22")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["linked"] is True and data["people"] == 5
    names = [s["person"]["name"] for s in data["suggestions"]]
    assert "Me" not in names
    for s in data["suggestions"]:
        assert len(s["reasons"]) >= 2
        assert (s["direct"] is None) == (s["path"] is not None) or s["direct"] is not None
    mid = next(s for s in data["suggestions"] if s["person"]["name"] == "Mid")
    assert mid["path"]["text"] == "you → Mgr (your manager, strong) → Mid"


def test_suggest_shows_a_table_with_reasons(cli: Cli, db_url: str) -> None:
    small_world(db_url)
    out = cli("suggest --limit 3").stdout
    assert "Who to talk to next" in out and "offered to help" in out


def test_suggest_on_an_empty_workspace_says_what_to_do(cli: Cli) -> None:
    result = cli("suggest")
    assert result.exit_code == 0 and "Import your network" in result.stdout


def test_path_names_the_chain_and_unknown_people_are_clear_errors(cli: Cli, db_url: str) -> None:
    small_world(db_url)
    out = cli("path Boss").stdout
    assert "you → Mgr (your manager, strong) → Mid (their manager, strong) → Boss" in out
    data = json.loads(cli("path Boss --json").stdout)
    assert [h["name"] for h in data["paths"][0]["hops"]] == ["Mgr", "Mid", "Boss"]
    missing = cli("path Nobody")
    assert missing.exit_code == 3 and "nobody called 'Nobody'" in missing.stderr


def test_weights_come_from_the_config_file(cli: Cli, db_url: str, tmp_path) -> None:
    small_world(db_url)
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[suggest_weights]\noffered_help = 50.0\n")
    data = json.loads(cli("suggest --json").stdout)
    assert data["suggestions"][0]["person"]["name"] == "Helper"
    helper = data["suggestions"][0]
    assert any(r["code"] == "offered-help" and r["contribution"] == 50.0 for r in helper["reasons"])
    config.write_text("[suggest_weights]\nofered_help = 1.0\n")
    bad = cli("suggest")
    assert bad.exit_code == 2 and "ofered_help" in bad.stderr


def round_world(db_url: str) -> None:
    db = Workspace.open(db_url)
    w = World(db)
    w.person("Me", title="Account Executive", function="sales", level=2)
    for org in ("Alpha", "Beta", "Gamma"):
        for i in range(3):
            w.person(
                f"{org} Lead {i}",
                title="Sales Director",
                function="sales",
                level=6,
                organization=org,
                contact=True,
            )
    w.person(
        "Nav",
        title="Head of Sales",
        function="sales",
        level=7,
        organization="Delta",
        contact=True,
        navigated_transition=True,
    )
    w.person(
        "Offer",
        title="VP Sales",
        function="sales",
        level=8,
        organization="Epsilon",
        contact=True,
        offered_help=True,
    )
    w.me(
        "Me",
        plan(
            Position(name="Me", title="Account Executive", function="sales", level=2),
            RoleOutline(title="Sales Manager", function="sales", level=5, scope="x"),
        ),
    )
    db.dispose()


def test_round_plan_saves_a_diverse_paced_round_as_meeting_ideas(cli: Cli, db_url: str) -> None:
    round_world(db_url)
    preview = json.loads(
        cli("round plan --size 6 --weeks 3 --dry-run --json --as-of 2026-11-22").stdout
    )
    assert preview["round_id"] is None
    assert json.loads(cli("meeting list --json").stdout) == {"meetings": []}
    plan_ = json.loads(cli("round plan --size 6 --weeks 3 --json --as-of 2026-11-22").stdout)
    people = [s["suggestion"]["person"] for s in plan_["slots"]]
    names = [p["name"] for p in people]
    assert len(names) == 6 and "Nav" in names and "Offer" in names
    orgs = [p["organization"] for p in people]
    assert max(orgs.count(o) for o in set(orgs)) <= 2
    assert sorted({s["week"] for s in plan_["slots"]}) == [1, 2, 3]
    ideas = json.loads(cli("meeting list --state idea --json").stdout)["meetings"]
    assert sorted(m["person"]["name"] for m in ideas) == sorted(names)
    assert {m["round"]["id"] for m in ideas} == {plan_["round_id"]}
    shown = json.loads(cli("round show --json").stdout)
    assert shown["round_id"] == plan_["round_id"] and shown["size"] == 6
    # The people now planned are not suggested again.
    again = json.loads(cli("suggest --json --as-of 2026-11-22").stdout)
    assert not set(names) & {s["person"]["name"] for s in again["suggestions"]}


def test_round_plan_with_no_network_says_what_to_do(cli: Cli) -> None:
    result = cli("round plan")
    assert result.exit_code == 2 and "Import your network" in result.stderr
    assert "No round yet" in cli("round show").stdout


def test_the_tip_to_mark_yourself_in_the_org_chart_needs_an_org_chart(cli_sqlite: Cli) -> None:
    """A LinkedIn-only user has no org chart to find herself in: the tip was noise."""
    from tests.conftest import ROOT

    cli = cli_sqlite
    cli(["vision", "import", str(ROOT / "docs" / "examples" / "vision.toml")])
    cli(["people", "add", "Ana Lee", "--title", "Director of Product Marketing"])
    out = cli("suggest --as-of 2026-11-22").stdout
    assert "Ana Lee" in out and "org chart" not in out
    chart = ROOT / "tests" / "formats" / "fixtures" / "orgchart" / "oracle-hr.csv"
    imported = cli(["import", "orgchart", str(chart), "--organization", "Oracle HR"])
    assert imported.exit_code == 0, imported.output
    assert "link yourself to your record in the org chart" in cli("suggest").stdout
