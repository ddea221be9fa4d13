"""The method's story over the organization directory, through the CLI as a user runs it, on
SQLite and PostgreSQL: the person who held your seat in the earlier org chart, now a hiring
manager in another part of the organization whose team grew, is your first suggestion. And
the members of your org charts read as your people do, until you act on one of them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli

HEADER = "employee_id,name,title,department,manager_id,email\n"
MARCH = HEADER + (
    "NW1,Cora Cole,Chief Executive Officer,Executive,,cora@northwind.example\n"
    "NW2,Bo Berg,Director of Data,Data,NW1,bo@northwind.example\n"
    "NW3,Ana Alves,Senior Data Analyst,Data,NW2,ana@northwind.example\n"
    "NW4,Dan Dale,Data Analyst,Data,NW2,dan@northwind.example\n"
    "NW5,Gil Grant,VP Product,Product,NW1,gil@northwind.example\n"
    "NW6,Hal Hart,Product Manager,Product,NW5,hal@northwind.example\n"
    "NW8,Eve Eng,Director of Engineering,Engineering,NW1,eve@northwind.example\n"
    "NW9,Fay Fox,Software Engineer,Engineering,NW8,fay@northwind.example\n"
)
# June: Ana runs a new analytics team in Product (three hires); you sit in her old seat.
JUNE = HEADER + (
    "NW1,Cora Cole,Chief Executive Officer,Executive,,cora@northwind.example\n"
    "NW2,Bo Berg,Director of Data,Data,NW1,bo@northwind.example\n"
    "NW3,Ana Alves,Product Analytics Manager,Product,NW5,ana@northwind.example\n"
    "NW4,Dan Dale,Data Analyst,Data,NW2,dan@northwind.example\n"
    "NW5,Gil Grant,VP Product,Product,NW1,gil@northwind.example\n"
    "NW6,Hal Hart,Product Manager,Product,NW5,hal@northwind.example\n"
    "NW7,Yan Yu,Senior Data Analyst,Data,NW2,yan@northwind.example\n"
    "NW8,Eve Eng,Director of Engineering,Engineering,NW1,eve@northwind.example\n"
    "NW9,Fay Fox,Software Engineer,Engineering,NW8,fay@northwind.example\n"
    "NW10,Ida Ink,Data Analyst,Product,NW3,ida@northwind.example\n"
    "NW11,Jo Jay,Data Analyst,Product,NW3,jo@northwind.example\n"
    "NW12,Kai Kim,Analytics Engineer,Product,NW3,kai@northwind.example\n"
)
VISION = """version = 1
priorities = ["career trajectory", "skills development", "family life"]

[me]
name = "Yan Yu"
title = "Senior Data Analyst"
organization = "Northwind"
function = "data"
level = "senior"

[[steps]]
title = "Analytics Manager"
function = "data"
level = "manager"
scope = "Lead a small analytics team."

[[steps]]
title = "Director of Analytics"
function = "data"
level = "director"
scope = "Own analytics for a business unit."
"""


def tell_the_story(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "march.csv").write_text(MARCH)
    (tmp_path / "june.csv").write_text(JUNE)
    (tmp_path / "vision.toml").write_text(VISION)
    for command in (
        f"vision import {tmp_path / 'vision.toml'}",
        f"import orgchart {tmp_path / 'march.csv'} --organization Northwind --as-of 2026-03-01",
        f"import orgchart {tmp_path / 'june.csv'} --organization Northwind --as-of 2026-06-01 "
        "--me NW7",
    ):
        result = cli(command)
        assert result.exit_code == 0, (command, result.output)


def test_your_predecessor_now_hiring_in_a_growing_team_is_your_first_suggestion(
    cli: Cli, tmp_path: Path
) -> None:
    tell_the_story(cli, tmp_path)
    result = cli("suggest --json --as-of 2026-06-15")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first = data["suggestions"][0]
    assert first["person"]["name"] == "Ana Alves", [
        (s["person"]["name"], s["score"]) for s in data["suggestions"]
    ]
    assert first["person"]["member"] == "northwind:NW3"
    assert first["person"]["id"] is None  # not one of your people: nothing stored about her
    why = {r["code"]: r["text"] for r in first["reasons"]}
    assert why["predecessor"].startswith("held your role before you (Senior Data Analyst")
    assert "under Bo Berg" in why["predecessor"]
    assert why["growing-team"] == "hiring: they built a team of 3 since the last org chart"
    # The table says the same, and marks her as coming from the chart.
    table = cli("suggest --limit 3 --as-of 2026-06-15").stdout
    assert "Ana Alves" in table and "held your role before you" in table
    assert "from the Northwind org chart" in table


def test_a_colleague_who_held_your_title_beside_you_is_no_predecessor(
    cli: Cli, tmp_path: Path
) -> None:
    """March already shows you as a Senior Data Analyst under Bo Berg, beside Ana: when she
    moves on in June she did not hold the seat before you."""
    beside = MARCH + "NW7,Yan Yu,Senior Data Analyst,Data,NW2,yan@northwind.example\n"
    (tmp_path / "march.csv").write_text(beside)
    (tmp_path / "june.csv").write_text(JUNE)
    (tmp_path / "vision.toml").write_text(VISION)
    for command in (
        f"vision import {tmp_path / 'vision.toml'}",
        f"import orgchart {tmp_path / 'march.csv'} --organization Northwind --as-of 2026-03-01 "
        "--me NW7",
        f"import orgchart {tmp_path / 'june.csv'} --organization Northwind --as-of 2026-06-01",
    ):
        assert cli(command).exit_code == 0, command
    data = json.loads(cli("suggest --json --as-of 2026-06-15 --limit 20").stdout)
    ana = next(s for s in data["suggestions"] if s["person"]["name"] == "Ana Alves")
    codes = {r["code"] for r in ana["reasons"]}
    assert "predecessor" not in codes and "growing-team" in codes


def test_members_show_with_their_org_chart_facts_and_list_with_your_people(
    cli: Cli, tmp_path: Path
) -> None:
    tell_the_story(cli, tmp_path)
    listed = json.loads(cli("people list --json --limit 0").stdout)
    names = [p["name"] for p in listed["people"]]
    assert listed["total"] == 12 and sorted(names) == sorted(set(names))  # each once
    you = next(p for p in listed["people"] if p["name"] == "Yan Yu")
    assert you["id"] > 0 and you["member"] is None  # you are one of your people
    members = [p["name"] for p in listed["people"] if p["member"]]
    assert members == sorted(members) and listed["people"][0]["name"] == "Yan Yu"
    page = json.loads(cli("people list --json --limit 5 --offset 5").stdout)["people"]
    assert [p["name"] for p in page] == members[4:9]  # your people first, then members
    ana = next(p for p in listed["people"] if p["name"] == "Ana Alves")
    assert ana["id"] == 0 and ana["member"] == "northwind:NW3"
    found = json.loads(cli("people list --json --query analytics").stdout)
    assert {p["name"] for p in found["people"]} == {"Ana Alves", "Kai Kim"}

    shown = json.loads(cli("people show northwind:NW3 --json").stdout)
    chart = shown["directory"]
    assert shown["member"] == "northwind:NW3" and shown["id"] is None
    assert [m["name"] for m in chart["managers"]] == ["Gil Grant", "Cora Cole"]
    assert {m["name"] for m in chart["reports"]} == {"Ida Ink", "Jo Jay", "Kai Kim"}
    assert [t["size"] for t in chart["team"]] == [0, 3]
    assert [p["title"] for p in chart["positions"]] == [
        "Senior Data Analyst",
        "Product Analytics Manager",
    ]
    text = cli("people show 'Ana Alves'").stdout
    assert "from the Northwind org chart" in text and "Reports to: Gil Grant" in text
    # Yan's own page: the chart says who held the seat before.
    mine = json.loads(cli("people show 'Yan Yu' --json").stdout)
    assert [h["name"] for h in mine["directory"]["held_seat_before"]] == ["Ana Alves"]


def test_a_member_becomes_one_of_your_people_the_moment_you_act(cli: Cli, tmp_path: Path) -> None:
    tell_the_story(cli, tmp_path)
    before = json.loads(cli("people list --json --limit 0").stdout)["total"]
    added = cli("touch northwind:NW3 --kind message --note 'her analytics team' --as-of 2026-06-15")
    assert added.exit_code == 0, added.output
    shown = json.loads(cli("people show 'Ana Alves' --json").stdout)
    assert shown["id"] > 0 and shown["member"] is None
    assert shown["organization"] == "Northwind" and shown["title"] == "Product Analytics Manager"
    assert shown["directory"]["ref"] == "northwind:NW3"  # linked: the chart's facts stay
    # Once, as one of your people; the count a user sees does not change.
    listed = json.loads(cli("people list --json --limit 0").stdout)
    assert listed["total"] == before
    assert [p["name"] for p in listed["people"]].count("Ana Alves") == 1
    # Acting again finds the same person.
    met = cli("meeting add 'Ana Alves'")
    assert met.exit_code == 0, met.output
    assert json.loads(cli("people list --json --limit 0").stdout)["total"] == before
    # Reading never stores: showing a member, asking for a path to them, exporting or
    # deleting them leaves nothing behind.
    cli("people show northwind:NW6")
    way = cli("path northwind:NW4 --json")
    assert way.exit_code == 0, way.output
    assert json.loads(way.stdout)["paths"][0]["text"] == (
        "you → Bo Berg (your manager, strong) → Dan Dale"
    )
    assert cli("path 'Hal Hart'").exit_code == 0  # four people away: no warm path yet
    for command in (
        "people export northwind:NW6 -",
        "people delete 'Hal Hart' --yes",
    ):
        refused = cli(command)
        assert refused.exit_code == 3, (command, refused.output)
        assert "not one of your people yet" in refused.stderr
    hal = json.loads(cli("people list --json --query Hal").stdout)["people"]
    assert hal[0]["member"] == "northwind:NW6"


def test_an_unknown_member_reference_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    tell_the_story(cli, tmp_path)
    result = cli("people show northwind:NW99")
    assert result.exit_code == 3
    assert "no 'NW99' in the current org chart of Northwind" in result.stderr
