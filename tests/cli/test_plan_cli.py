"""`nextmove plan` as a user meets it: add, set gauges, edit in $EDITOR, compare, promote,
delete; the vision file round-trips; bad input names the plan or field and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextmove.formats.vision_toml import parse_vision
from tests.cli.test_vision_edit import editor_script
from tests.conftest import ROOT, Cli

EXAMPLE = ROOT / "docs" / "examples" / "vision.toml"
WILD = """\
name = "wild card"
note = "Teach product marketing at a bootcamp."
likeability = 90

[choices]
industry = "change"

[[steps]]
title = "Lead Instructor, Product Marketing"
function = "education"
level = "lead"
industry = "education"
city = "Austin"

[[steps]]
title = "Head of Curriculum"
function = "education"
level = "director"
industry = "education"
"""


@pytest.fixture
def planned(cli: Cli) -> Cli:
    assert cli(["vision", "import", str(EXAMPLE)]).exit_code == 0
    return cli


def _plans(cli: Cli) -> list[dict[str, object]]:
    result = cli("plan list --json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["plans"]  # type: ignore[no-any-return]


def test_add_set_and_list_show_the_plans_with_their_gauges(planned: Cli) -> None:
    added = planned(["plan", "add", "if it vanished", "--from", "main"])
    assert added.exit_code == 0
    assert "a copy of main's 2 steps." in " ".join(added.stdout.split())
    result = planned(["plan", "set", "if it vanished", "--confidence", "70", "--resources", "55"])
    assert result.exit_code == 0, result.output
    plans = _plans(planned)
    assert [(p["name"], p["main"]) for p in plans] == [
        ("current path", True),
        ("if it vanished", False),
    ]
    assert plans[1]["gauges"] == {
        "resources": 55,
        "likeability": None,
        "confidence": 70,
        "coherence": None,
    }
    assert [s["title"] for s in plans[1]["steps"]] == [  # type: ignore[attr-defined]
        "Product Marketing Manager, Group Lead",
        "Director of Product Marketing",
    ]
    shown = planned(["plan", "show", "if it vanished"])
    assert shown.exit_code == 0 and "confidence 70" in shown.stdout


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["plan", "show", "nope"], "no plan named 'nope'", 3),
        (["plan", "add", "current path"], "already a plan named 'current path'", 2),
        (["plan", "set", "current path", "--confidence", "101"], "--confidence", 2),
        (["plan", "delete", "main", "--yes"], "cannot be deleted", 2),
        # refused before asking to confirm: nobody is asked to confirm a deletion that can't be
        (["plan", "delete", "current path"], "cannot be deleted", 2),
        (["plan", "delete", "nope"], "no plan named 'nope'", 3),
        (["plan", "promote", "nope"], "no plan named 'nope'", 3),
    ],
)
def test_bad_input_names_the_plan_or_field_exits_non_zero_and_changes_nothing(
    planned: Cli, args: list[str], message: str, code: int
) -> None:
    before = planned("vision export").stdout
    result = planned(args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert planned("vision export").stdout == before


def test_a_fourth_alternative_is_refused(planned: Cli) -> None:
    for name in ("a", "b", "c"):
        assert planned(["plan", "add", name]).exit_code == 0
    result = planned(["plan", "add", "d"])
    assert result.exit_code == 2
    assert "already have 3 alternative plans" in result.output
    assert [p["name"] for p in _plans(planned)] == ["current path", "a", "b", "c"]


def test_edit_promote_and_delete_round_trip_the_vision_file(
    planned: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert planned(["plan", "add", "wild card"]).exit_code == 0
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, WILD))
    result = planned(["plan", "edit", "wild card"])
    assert result.exit_code == 0, result.output

    exported = planned("vision export").stdout
    vision = parse_vision(exported)
    assert [p.name for p in vision.alternatives] == ["wild card"]
    assert vision.alternatives[0].steps[1].title == "Head of Curriculum"
    assert "[[plans]]" in exported and "[[plans.steps]]" in exported
    # The exported file imports back to the same plans.
    path = tmp_path / "vision.toml"
    path.write_text(exported)
    assert planned(["vision", "import", str(path)]).exit_code == 0
    assert planned("vision export").stdout == exported

    assert planned(["plan", "promote", "wild card"]).exit_code == 0
    promoted = parse_vision(planned("vision export").stdout)
    assert promoted.plan_name == "wild card"
    assert promoted.steps == vision.alternatives[0].steps
    assert [p.name for p in promoted.alternatives] == ["current path"]
    assert promoted.alternatives[0].steps == vision.steps
    assert promoted.priorities == vision.priorities

    assert planned(["plan", "delete", "current path", "--yes"]).exit_code == 0
    after = parse_vision(planned("vision export").stdout)
    assert after.alternatives == [] and after.plan_name == "wild card"


def test_a_vision_file_with_four_alternatives_or_a_bad_gauge_names_the_line(
    planned: Cli, tmp_path: Path
) -> None:
    before = planned("vision export").stdout
    blocks = "".join(f'\n[[plans]]\nname = "p{i}"\n' for i in range(4))
    bad = tmp_path / "four.toml"
    bad.write_text(EXAMPLE.read_text() + blocks)
    result = planned(["vision", "import", str(bad)])
    assert result.exit_code == 2
    assert "plans: 4 alternative plans; up to 3" in result.output
    gauge = tmp_path / "gauge.toml"
    gauge.write_text(EXAMPLE.read_text() + '\n[[plans]]\nname = "x"\nconfidence = -5\n')
    result = planned(["vision", "import", str(gauge)])
    assert result.exit_code == 2
    line = len(EXAMPLE.read_text().splitlines()) + 4
    assert f"line {line}: plans[0].confidence: -5 is outside 0–100" in result.output
    dupe = tmp_path / "dupe.toml"
    dupe.write_text(EXAMPLE.read_text() + '\n[[plans]]\nname = "Current  Path"\n')
    result = planned(["vision", "import", str(dupe)])
    assert result.exit_code == 2 and "each plan needs its own name" in result.output
    assert planned("vision export").stdout == before


def test_vision_check_runs_per_plan(planned: Cli) -> None:
    assert planned(["plan", "add", "wild card"]).exit_code == 0
    result = planned("vision check --json")
    shown = json.loads(result.stdout)
    assert [p["name"] for p in shown["plans"]] == ["current path", "wild card"]
    assert "fewer-than-two-steps" in [f["code"] for f in shown["plans"][1]["findings"]]
    assert shown["ok"] is False
    text = planned("vision check").stdout
    assert "wild card (alternative plan)" in text
    assert "No steps yet: a plan needs the next job and the one after it." in [
        f["message"] for f in shown["plans"][1]["findings"]
    ]
    assert "No steps yet" in text
    assert "1 weakness, 0 notes." in text
    # side by side, the check says what is wrong in words, not the finding's code
    compared = planned("plan compare").stdout
    assert "fewer-than" not in compared and "No steps yet" in compared
    assert planned("vision check --strict").exit_code == 1


def test_compare_json_has_every_plan_side_by_side(planned: Cli) -> None:
    planned(["plan", "add", "wild card", "--from", "main"])
    planned(["plan", "set", "wild card", "--likeability", "90"])
    planned(["plan", "set", "main", "--likeability", "60"])
    result = planned("plan compare --json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert [p["name"] for p in shown["plans"]] == ["current path", "wild card"]
    assert shown["best_by_gauge"]["likeability"] == "wild card"
    assert set(shown["gauges"]) == {"resources", "likeability", "confidence", "coherence"}
    for plan in shown["plans"]:
        assert {"check", "serves", "people", "steps", "gauges", "meetings"} <= set(plan)
    table = planned("plan compare")
    assert table.exit_code == 0 and "Likeability" in table.stdout
