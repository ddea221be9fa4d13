"""`nextmove moves` as a user runs it: people added and edited over time, the table, --to,
--json, and clear errors."""

from __future__ import annotations

import json

from tests.conftest import Cli


def history(cli: Cli) -> None:
    """Gus moved from data science into product (the edit keeps the old title as his
    history); Hal did not."""
    for args in (
        ["people", "add", "Gus Lee", "--title", "Data Scientist", "--organization", "Acme"],
        ["people", "edit", "Gus Lee", "--title", "Product Manager"],
        ["people", "add", "Hal Wu", "--title", "Data Scientist", "--organization", "Acme"],
        ["me", "set", "--title", "Senior Data Scientist", "--level", "senior",
         "--function", "data"],
    ):  # fmt: skip
        assert cli(args).exit_code == 0, args


def test_moves_shows_where_people_in_your_role_went_and_who_made_a_move(cli: Cli) -> None:
    history(cli)
    table = cli("moves")
    assert table.exit_code == 0
    assert "Product Manager" in table.stdout and "Gus Lee" in table.stdout
    assert "Hal Wu" not in table.stdout
    exact = cli(["moves", "--to", "Product Manager", "--json"])
    report = json.loads(exact.stdout)
    assert [m["person"]["name"] for m in report["moves"]] == ["Gus Lee"]
    assert report["moves"][0]["plan"].startswith("nextmove meeting add ")
    assert report["from"]["level"] == "senior" and report["to"]["title"] == "Product Manager"


def test_moves_without_a_role_says_what_to_do(cli: Cli) -> None:
    result = cli("moves")
    assert result.exit_code == 2
    assert "--from" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_a_silent_network_gets_onet_with_attribution(cli: Cli) -> None:
    result = cli(["moves", "--from", "Registered Nurse", "--as-of", "2025-01-01"])
    assert result.exit_code == 0
    assert "Registered Nurses" in result.stdout and "CC BY 4.0" in result.stdout
