"""The method's stories, on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from nextmove.domain.vision import Position, RoleOutline
from nextmove.services.suggest import suggest_people, warm_paths
from nextmove.services.workspace import Workspace
from tests.services.world import World, plan

TODAY = date(2026, 11, 22)


def ranks(db: Workspace, limit: int = 50) -> list[str]:
    return [s.candidate.name for s in suggest_people(db, today=TODAY, limit=limit).suggestions]


def in_sales(
    w: World, name: str, title: str, *, level: int, depth: int, manager: str, **more: Any
) -> None:
    """Someone in Acme's Sales department, in the org chart under `manager`."""
    w.person(
        name,
        title=title,
        function="sales",
        level=level,
        depth=depth,
        manager=manager,
        department="Sales",
        **more,
    )


def acme(w: World) -> None:
    """An org chart: CEO, two VPs, directors, managers, and a crowd."""
    w.person("Cora CEO", title="CEO", function="executive", level=11, depth=0)
    w.person(
        "Victor VP Product",
        title="VP Product",
        function="product",
        level=9,
        depth=1,
        manager="Cora CEO",
        department="Product",
    )
    in_sales(w, "Vera VP Sales", "VP Sales", level=9, depth=1, manager="Cora CEO")
    in_sales(
        w,
        "Dana Director",
        "Director of Sales Enablement",
        level=7,
        depth=2,
        manager="Vera VP Sales",
    )
    in_sales(w, "Mo Manager", "Sales Enablement Manager", level=5, depth=3, manager="Dana Director")
    for i in range(8):
        in_sales(w, f"Crowd {i}", "Account Executive", level=2, depth=4, manager="Mo Manager")


def me(
    w: World,
    name: str,
    title: str,
    *steps: RoleOutline,
    organization: str = "Acme",
    function: str,
    level: int,
    **where: Any,
) -> None:
    """Me: a person in the network, and a plan of `steps` that starts from the same position."""
    w.person(name, title=title, organization=organization, function=function, level=level, **where)
    here = Position(
        name=name, title=title, organization=organization, function=function, level=level
    )
    w.me(name, plan(here, *steps))


def me_in_acme_sales(w: World, title: str, *steps: RoleOutline) -> None:
    """Me: level 2 in Acme's Sales department, under Mo Manager."""
    me(
        w,
        "Me Myself",
        title,
        *steps,
        function="sales",
        level=2,
        depth=4,
        manager="Mo Manager",
        department="Sales",
    )


def test_a_predecessor_now_hiring_in_a_growing_product_team_is_near_the_top(db: Workspace) -> None:
    w = World(db)
    acme(w)
    w.person(
        "Priya Predecessor",
        title="Group Product Manager",
        function="product",
        level=5,
        depth=2,
        manager="Victor VP Product",
        department="Product",
        history=[("Acme", "Product Marketing Associate"), ("Acme", "Sales Enablement Specialist")],
    )
    me_in_acme_sales(
        w,
        "Sales Enablement Specialist",
        RoleOutline(
            title="Product Marketing Manager", function="marketing", level=4, scope="Launches"
        ),
        RoleOutline(
            title="Director of Product Marketing", function="marketing", level=7, scope="GTM"
        ),
    )
    for i in range(5):
        in_sales(
            w, f"Other Lead {i}", "Senior Sales Lead", level=4, depth=3, manager="Dana Director"
        )
    w.tie("Mo Manager", "Priya Predecessor", strength=4)
    w.snapshot("Acme", {"Product": 40, "Sales": 100})
    w.snapshot("Acme", {"Product": 56, "Sales": 98})
    result = suggest_people(db, today=TODAY, limit=5)
    names = [s.candidate.name for s in result.suggestions]
    assert "Priya Predecessor" in names[:3], names
    priya = next(s for s in result.suggestions if s.candidate.name == "Priya Predecessor")
    codes = {r.code for r in priya.reasons}
    assert {"predecessor", "growing-team", "level-gap"} <= codes
    assert priya.candidate.path is not None
    assert priya.candidate.path_names[0].startswith("Mo Manager (")
    paths = warm_paths(db, "Priya Predecessor")
    assert paths.described[0][-1] == "Priya Predecessor"


def test_a_senior_leader_who_offered_to_help_ranks_above_same_level_peers(db: Workspace) -> None:
    w = World(db)
    acme(w)
    in_sales(
        w,
        "Lena Leader",
        "Director of Sales Enablement Programs",
        level=7,
        depth=2,
        manager="Vera VP Sales",
        offered_help=True,
    )
    me_in_acme_sales(
        w,
        "Account Executive",
        RoleOutline(title="Sales Manager", function="sales", level=5, scope="A team of 6"),
        RoleOutline(title="Sales Director", function="sales", level=7, scope="A region"),
    )
    order = ranks(db)
    peers = [n for n in order if n.startswith("Crowd")]
    assert order.index("Lena Leader") < min(order.index(p) for p in peers)
    crowd = next(
        s
        for s in suggest_people(db, today=TODAY, limit=50).suggestions
        if s.candidate.name == "Crowd 0"
    )
    assert any(r.code == "peer" and r.contribution < 0 for r in crowd.reasons)


def test_someone_whose_peers_do_not_get_her_work_gets_suggestions_outside_her_team(
    db: Workspace,
) -> None:
    w = World(db)
    w.person(
        "Hal Head", title="Head of Data", function="data", level=7, depth=0, organization="Nimbus"
    )
    w.person(
        "Ian Manager",
        title="Analytics Manager",
        function="data",
        level=5,
        depth=1,
        manager="Hal Head",
        organization="Nimbus",
    )
    for i in range(6):
        w.person(
            f"Peer {i}",
            title="Data Analyst",
            function="data",
            level=2,
            depth=2,
            manager="Ian Manager",
            organization="Nimbus",
            peer=True,
        )
    me(
        w,
        "Me Myself",
        "Conversation Designer",
        RoleOutline(
            title="Lead Conversation Designer", function="design", level=4, scope="AI assistants"
        ),
        RoleOutline(title="AI Product Lead", function="product", level=5, scope="An AI product"),
        organization="Nimbus",
        function="design",
        level=2,
        depth=2,
        manager="Ian Manager",
    )
    w.person(
        "Ana AI",
        title="Director of AI Product",
        function="product",
        level=7,
        organization="Orbit",
        contact=True,
        navigated_transition=True,
    )
    w.person(
        "Raj Research",
        title="UX Research Manager",
        function="design",
        level=5,
        organization="Quanta",
        contact=True,
    )
    w.person(
        "Sam Staff",
        title="Staff Product Designer",
        function="design",
        level=4,
        organization="Orbit",
        contact=True,
    )
    top = ranks(db, limit=3)
    assert not any(name.startswith("Peer") for name in top), top
    assert "Ana AI" in top


def test_someone_met_last_week_is_not_suggested_but_is_again_after_the_cooldown(
    db: Workspace,
) -> None:
    w = World(db)
    w.person("Lee Leader", title="VP Sales", function="sales", level=9, contact=True)
    me(
        w,
        "Me Myself",
        "Account Executive",
        RoleOutline(title="Sales Manager", function="sales", level=5, scope="x"),
        function="sales",
        level=2,
    )
    w.met("Lee Leader", TODAY - timedelta(days=7))
    assert "Lee Leader" not in ranks(db)
    later = suggest_people(db, today=TODAY + timedelta(days=200), limit=10).suggestions
    assert "Lee Leader" in [s.candidate.name for s in later]


def test_every_suggestion_has_two_reasons_and_unconnected_ones_a_path_when_one_exists(
    db: Workspace,
) -> None:
    w = World(db)
    acme(w)
    me_in_acme_sales(
        w,
        "Account Executive",
        RoleOutline(title="Sales Manager", function="sales", level=5, scope="x"),
    )
    result = suggest_people(db, today=TODAY, limit=20)
    assert result.suggestions
    for s in result.suggestions:
        assert len(s.reasons) >= 2
        if s.candidate.name in ("Dana Director",):  # two hops up the chain: me → Mo → Dana
            assert s.candidate.path is not None and s.candidate.path.length == 2


def test_a_fuller_form_of_your_title_makes_a_predecessor_but_a_junior_one_does_not(
    db: Workspace,
) -> None:
    w = World(db)
    past_roles = {
        "Full Form": ("Northwind", "Senior Product Manager, Patient App"),
        "Typo": ("Northwind", "Senior Prodcut Manager"),
        "Junior": ("Northwind", "Product Manager"),
        "Elsewhere": ("Contoso", "Senior Product Manager"),
    }
    for name, past in past_roles.items():
        w.person(
            name,
            title="Director of Product",
            function="product",
            level=7,
            history=[past],
            contact=True,
        )
    me(
        w,
        "Me",
        "Senior Product Manager",
        RoleOutline(title="GPM", function="product", level=5, scope="x"),
        organization="Northwind",
        function="product",
        level=3,
    )
    found = {
        s.candidate.name
        for s in suggest_people(db, today=TODAY, limit=10).suggestions
        if s.candidate.predecessor
    }
    assert found == {"Full Form", "Typo"}


def test_your_title_gives_your_level_when_you_set_none(db: Workspace) -> None:
    """A science teacher who imported a vision with her title but no level: the advice reads
    her title as it reads everyone's, so a director is "levels above you", not "level
    unknown", and an empty board seat is offered the people senior to her that she knows."""
    from nextmove.config import Settings
    from nextmove.services.board import show_board

    w = World(db)
    w.person("Maya Me", title="Science Teacher", organization="Riverside USD")
    w.me(
        "Maya Me",
        plan(
            Position(name="Maya Me", title="Science Teacher", organization="Riverside USD"),
            RoleOutline(title="Instructional Designer", function="education", level=2),
        ),
    )
    w.person(
        "Jamal Director",
        title="Director of Learning Design",
        organization="Khan Academy",
        function="education",
        level=7,
    )
    w.person(
        "Nina Math",
        title="Math Teacher",
        organization="Riverside USD",
        function="education",
        level=2,
    )
    w.tie("Maya Me", "Jamal Director", strength=2)
    w.tie("Maya Me", "Nina Math", strength=4)
    result = suggest_people(db, today=TODAY, limit=5)
    jamal = next(s for s in result.suggestions if s.candidate.name == "Jamal Director")
    gap = next(r.text for r in jamal.reasons if r.code == "level-gap")
    assert "levels above you" in gap, gap
    now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    seats = show_board(db, settings=Settings(), today=TODAY, now=now, with_extras=True)
    offered = {c.name for seat in seats for c in seat.candidates}
    assert "Jamal Director" in offered and "Nina Math" not in offered, offered
