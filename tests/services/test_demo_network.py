"""The demo's network tells the method's stories, on both backends."""

from __future__ import annotations

from datetime import date, datetime

from nextmove.services import suggest as suggest_service
from nextmove.services.demo import create_demo
from nextmove.services.network_map import network_map
from nextmove.services.workspace import Database


def test_the_demo_suggests_her_predecessor_first_and_a_senior_who_offered_help_above_peers(
    db: Database, today: date, now: datetime
) -> None:
    create_demo(db, today=today, now=now)
    result = suggest_service.suggest_people(db, today=today, limit=20)
    names = [s.candidate.name for s in result.suggestions]
    assert result.linked
    assert names[0] == "Sofia Marquez"
    assert "predecessor" in [r.code for r in result.suggestions[0].reasons]
    assert names.index("Omar Haddad") < names.index("Tom Becker")
    assert all(len(s.reasons) >= 2 for s in result.suggestions)


def test_the_referred_roles_hiring_manager_is_reached_through_the_former_colleague(
    db: Database, today: date, now: datetime
) -> None:
    create_demo(db, today=today, now=now)
    paths = suggest_service.warm_paths(db, "Marcus Lee")
    assert paths.direct is None
    assert paths.described[0] == ("Priya Nair (met at, strong)", "Marcus Lee")


def test_replacing_the_demo_replaces_its_people(db: Database, today: date, now: datetime) -> None:
    create_demo(db, today=today, now=now)
    counts = create_demo(db, today=today, now=now, replace=True)
    data = network_map(db, today=today, limit=5)
    assert counts["people"] == 16
    assert data.result.people == 16
    assert data.me_name == "Maya Chen"
    assert [t.name for t in data.direct][:2] == ["Lena Fischer", "Priya Nair"]
