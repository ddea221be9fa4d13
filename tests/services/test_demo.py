"""The demo workspace's network: the story later features rely on."""

from __future__ import annotations

from datetime import date, datetime

from nextmove.services import demo, people
from nextmove.services.workspace import Workspace
from nextmove.store import network as net


def test_the_demo_network_places_maya_among_the_people_her_plan_needs(
    db: Workspace, today: date, now: datetime
) -> None:
    counts = demo.create_demo(db, today=today, now=now)
    assert counts["people"] >= 300 and counts["org_chart_people"] >= 80
    maya = people.show_person(db, "Maya Chen")
    assert maya.is_me and maya.person.title == "Senior Product Manager, Patient App"
    manager = next(t for t in maya.ties if t.source == "orgchart-manager")
    assert manager.other_name == "Elena Vasquez"
    elena = people.show_person(db, "Elena Vasquez")
    assert elena.org is not None and [m.name for m in elena.org.chain][:1] == ["Marcus Reed"]
    tom_page = people.show_person(db, "Tom Becker")
    tom = tom_page.person
    assert ("Northwind Health", "Senior Product Manager, Patient App") in {
        (j.organization, j.title) for j in tom.history
    }
    assert tom.navigated_transition and tom.offered_help
    # The chart is in the directory, imported twice: Tom held Maya's seat in the earlier one.
    assert tom_page.org is not None
    assert [p.title for p in tom_page.org.positions] == [
        "Senior Product Manager, Patient App",
        "Group Product Manager, Scheduling",
    ]
    assert [t.size for t in tom_page.org.team][-1] == 13
    assert [(s.kind, s.file) for s in tom_page.sources] == [
        ("orgchart", f"northwind-org-{today:%Y-%m}.csv")
    ]
    with db.session() as session:
        history = list(net.snapshots(session, "Northwind Health").values())
    assert history[0]["Product – Scheduling"] < history[-1]["Product – Scheduling"]
    # Only the people Maya deals with are hers; everyone else on the chart is a member.
    listed, total = people.list_people(db, limit=None)
    assert total == len(listed) >= counts["people"]  # and the people of the meetings demo
    chart = [p for p in listed if p.organization == "Northwind Health"]
    mine = {p.name for p in chart if not p.member_ref}
    assert mine == {
        "Maya Chen", "Elena Vasquez", "Marcus Reed", "Tom Becker", "Priya Nayak", "Nora Kim",
        "Jordan Blake", "Sofia Marin", "Kenji Watanabe", "Dan Cole",
    }  # fmt: skip
    assert (
        len(chart) - len(mine) == counts["org_chart_people"] - counts["chart_people_you_deal_with"]
    )
    member = people.show_person(db, next(p.member_ref for p in chart if p.member_ref))
    assert member.person.industry == "healthcare software" and member.org is not None
    _, helpers = people.list_people(db, flags=["offered-help"])
    _, movers = people.list_people(db, flags=["navigated-transition"])
    assert helpers >= 5 and movers >= 10


def test_the_demo_is_deterministic_and_replaceable(
    db: Workspace, today: date, now: datetime
) -> None:
    first = demo.create_demo(db, today=today, now=now)
    names = [p.name for p in people.list_people(db, limit=None)[0]]
    again = demo.create_demo(db, today=today, now=now, replace=True)
    assert again == first
    assert [p.name for p in people.list_people(db, limit=None)[0]] == names


def test_the_demo_still_tells_its_story_her_predecessor_in_a_growing_team_is_first(
    db: Workspace, today: date, now: datetime
) -> None:
    from nextmove.services.suggest import suggest_people

    demo.create_demo(db, today=today, now=now)
    first = suggest_people(db, today=today, limit=5).suggestions[0]
    assert first.candidate.name == "Tom Becker"
    reasons = {r.code: r.text for r in first.reasons}
    assert reasons["predecessor"].startswith("held your role before you")
    assert "growing-team" in reasons


def test_a_second_workspaces_demo_reads_the_chart_already_in_the_directory(
    db: Workspace, today: date, now: datetime
) -> None:
    """The directory is shared: a coach's second client running the demo links to
    Northwind's chart instead of importing it again, and the story holds there too."""
    from nextmove.services.directory import list_organizations
    from nextmove.services.suggest import suggest_people
    from nextmove.services.workspace import open_workspace
    from nextmove.services.workspaces import create_workspace

    first = demo.create_demo(db, today=today, now=now)
    create_workspace(db.db, "client-2", now=now)
    other = open_workspace(db.db, "client-2")
    assert demo.create_demo(other, today=today, now=now) == first
    (org,) = list_organizations(other)
    assert (org.members, org.snapshots) == (first["org_chart_people"], 2)
    top = suggest_people(other, today=today, limit=1).suggestions[0]
    assert top.candidate.name == "Tom Becker"
    assert "predecessor" in {r.code for r in top.reasons}
    # The first workspace's people and story are as they were.
    assert suggest_people(db, today=today, limit=1).suggestions[0].candidate.name == "Tom Becker"
    assert people.list_people(db, limit=1)[1] == people.list_people(other, limit=1)[1]
