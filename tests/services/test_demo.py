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
    skip = people.show_person(db, "Elena Vasquez").person
    assert people.show_person(db, str(skip.manager_id)).person.name == "Marcus Reed"
    tom = people.show_person(db, "Tom Becker").person
    assert ("Northwind Health", "Senior Product Manager, Patient App") in {
        (j.organization, j.title) for j in tom.history
    }
    assert tom.navigated_transition and tom.offered_help
    with db.session() as session:
        history = list(net.snapshots(session, "Northwind Health").values())
    assert history[0]["Product – Scheduling"] < history[-1]["Product – Scheduling"]
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
