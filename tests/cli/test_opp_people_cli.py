"""People at each opportunity: involved, at the organization, nearby — with warm paths."""

from __future__ import annotations

import json
from pathlib import Path

from nextmove.domain.vision import Position, RoleOutline
from nextmove.services.workspace import Workspace
from tests.conftest import Cli
from tests.services.world import World, plan


def world(db_url: str) -> None:
    db = Workspace.open(db_url)
    w = World(db)
    w.person("Me", title="Senior Product Manager", function="product", level=3, organization="Home")
    w.person(
        "Hana Hiring",
        title="Director of Product",
        function="product",
        level=7,
        organization="Cedar Health",
    )
    w.person(
        "Cal Cedar",
        title="Product Manager",
        function="product",
        level=2,
        organization="Cedar Health",
        contact=True,
    )
    w.person(
        "Nia Near",
        title="Group Product Manager",
        function="product",
        level=4,
        organization="Other Co",
        contact=True,
    )
    w.person(
        "Far Sales",
        title="VP Sales",
        function="sales",
        level=9,
        organization="Other Co",
        contact=True,
    )
    w.tie("Cal Cedar", "Hana Hiring", strength=4)
    w.me(
        "Me",
        plan(
            Position(
                name="Me",
                title="Senior Product Manager",
                organization="Home",
                function="product",
                level=3,
            ),
            RoleOutline(title="GPM", function="product", level=4, scope="x"),
        ),
    )
    db.dispose()


def add_opportunity(cli: Cli) -> int:
    cli(
        [
            "opp",
            "add",
            "Group Product Manager",
            "--organization",
            "Cedar Health",
            "--level",
            "lead",
            "--function",
            "product",
            "--source",
            "network-referral",
        ]
    )
    return json.loads(cli("opp list --json").stdout)["opportunities"][0]["id"]


def test_people_at_an_opportunity_with_roles_and_warm_paths(cli: Cli, db_url: str) -> None:
    world(db_url)
    opp = add_opportunity(cli)
    assert cli(f"opp link {opp} 'Hana Hiring' --role hiring-manager").exit_code == 0
    again = cli(f"opp link {opp} 'Hana Hiring' --role hiring-manager")
    assert "Already linked" in again.stdout
    shown = cli(f"opp people {opp} --json")
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert [p["name"] for p in data["involved"]] == ["Hana Hiring"]
    hana = data["involved"][0]
    assert hana["roles"] == ["hiring-manager"]
    assert (
        hana["direct"] is None
        and hana["path"] == "you → Cal Cedar (in your contacts, light) → Hana Hiring"
    )
    assert [p["name"] for p in data["at_organization"]] == ["Cal Cedar"]
    assert data["at_organization"][0]["direct"] == {"strength": 2, "how": "in your contacts"}
    assert [p["name"] for p in data["nearby"]] == ["Nia Near"]  # same function, near the level
    human = cli(f"opp people {opp}").stdout
    assert "hiring manager" in human and "warm path: you → Cal Cedar" in human


def test_meet_turns_someone_at_the_opportunity_into_a_meeting_idea(cli: Cli, db_url: str) -> None:
    world(db_url)
    opp = add_opportunity(cli)
    cli(f"opp link {opp} 'Hana Hiring' --role hiring-manager")
    result = cli(f"opp meet {opp} 'Hana Hiring' --as-of 2026-11-22")
    assert result.exit_code == 0, result.output
    ideas = json.loads(cli("meeting list --state idea --json").stdout)["meetings"]
    assert [m["person"]["name"] for m in ideas] == ["Hana Hiring"]
    assert "hiring manager" in ideas[0]["why"] and "Cedar Health" in ideas[0]["why"]


def test_unlink_and_bad_references_are_clear(cli: Cli, db_url: str) -> None:
    world(db_url)
    opp = add_opportunity(cli)
    cli(f"opp link {opp} 'Cal Cedar' --role referrer")
    assert cli(f"opp unlink {opp} 'Cal Cedar'").exit_code == 0
    assert json.loads(cli(f"opp people {opp} --json").stdout)["involved"] == []
    missing = cli(f"opp unlink {opp} 'Cal Cedar'")
    assert missing.exit_code == 3 and "not linked" in missing.stderr
    assert cli(f"opp link {opp} Nobody").exit_code == 3
    bad_role = cli(f"opp link {opp} 'Cal Cedar' --role boss")
    assert bad_role.exit_code == 2 and "--role" in bad_role.stderr
    assert cli("opp people 999").exit_code == 3


def test_deleting_a_person_removes_their_links_and_merging_keeps_them(
    cli: Cli, db_url: str
) -> None:
    world(db_url)
    opp = add_opportunity(cli)
    cli(f"opp link {opp} 'Hana Hiring' --role hiring-manager")
    cli(f"opp link {opp} 'Cal Cedar' --role referrer")
    assert cli("people delete 'Cal Cedar' --yes").exit_code == 0
    involved = json.loads(cli(f"opp people {opp} --json").stdout)["involved"]
    assert [p["name"] for p in involved] == ["Hana Hiring"]
    cli(["people", "add", "Hana H.", "--organization", "Cedar Health"])
    cli(f"opp link {opp} 'Hana H.' --role interviewer")
    merged = cli("people merge 'Hana Hiring' 'Hana H.'")
    assert merged.exit_code == 0, merged.output
    involved = json.loads(cli(f"opp people {opp} --json").stdout)["involved"]
    assert [(p["name"], p["roles"]) for p in involved] == [
        ("Hana Hiring", ["hiring-manager", "interviewer"])
    ]


CEDAR_CHART = (
    "employee_id,name,title,manager_id,department\n"
    "C1,Ceo Cedar,Chief Executive Officer,,Executive\n"
    "C2,Dee Director,Director of Product,C1,Product\n"
    "C3,Pat Peer,Group Product Manager,C2,Product\n"
    "C4,Eli Engineer,Software Engineer,C1,Engineering\n"
)


def test_members_of_the_organizations_chart_are_offered_and_met_by_reference(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    world(db_url)
    opp = add_opportunity(cli)
    chart = tmp_path / "cedar.csv"
    chart.write_text(CEDAR_CHART)
    imported = cli(f"import orgchart {chart} --organization 'Cedar Health'")
    assert imported.exit_code == 0, imported.output
    data = json.loads(cli(f"opp people {opp} --json").stdout)
    # Product people near a Lead role, the director (a layer above: its likely hiring
    # manager) first; not the engineer, who is in another function.
    assert [(m["name"], m["member"]) for m in data["in_chart"]] == [
        ("Dee Director", "cedar-health:C2"),
        ("Pat Peer", "cedar-health:C3"),
    ]
    human = " ".join(cli(f"opp people {opp}").stdout.split())
    assert "In Cedar Health's org chart" in human
    assert "cedar-health:C2 Dee Director" in human and "not one of your people yet" in human
    met = cli(f"opp meet {opp} cedar-health:C2 --as-of 2026-11-22")
    assert met.exit_code == 0, met.output
    ideas = json.loads(cli("meeting list --state idea --json").stdout)["meetings"]
    assert [m["person"]["name"] for m in ideas] == ["Dee Director"]
    after = json.loads(cli(f"opp people {opp} --json").stdout)
    assert [m["name"] for m in after["in_chart"]] == ["Pat Peer"]
