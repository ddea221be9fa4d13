"""The demo's network: Maya's org chart at Northwind Health and a few people she knows
elsewhere, so suggestions, warm paths and the network map have something to show.

Written through the store, like an import would; the stories of the method are in it: a
director two levels up who offered to help, her predecessor now leading a growing team,
peers in her own team, and a warm path to the hiring manager of a referred role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from nextmove.domain.people import Interaction, Job, Person, Tie
from nextmove.store import network as network_repo
from nextmove.store import people as people_repo

ORG = "Northwind Health"
INDUSTRY = "healthcare software"


@dataclass(frozen=True, slots=True)
class DemoPerson:
    key: str
    name: str
    title: str
    organization: str
    function: str
    level: int
    city: str = "Chicago"
    industry: str = INDUSTRY
    manager: str | None = None  # key of their manager in the org chart
    depth: int | None = None  # depth in the org chart (None: not in it)
    department: str = ""
    history: tuple[tuple[str, str], ...] = ()
    flags: dict[str, bool] = field(default_factory=dict)
    how_known: str = ""


PEOPLE = (
    DemoPerson(
        "grace",
        "Grace Okafor",
        "Chief Executive Officer",
        ORG,
        "general-management",
        11,
        depth=0,
        department="Executive",
    ),
    DemoPerson(
        "daniel",
        "Daniel Reyes",
        "Chief Product Officer",
        ORG,
        "product",
        11,
        manager="grace",
        depth=1,
        department="Product",
    ),
    DemoPerson(
        "helen",
        "Helen Park",
        "VP of Product",
        ORG,
        "product",
        9,
        manager="daniel",
        depth=2,
        department="Product",
        flags={"navigated_transition": True},
    ),
    DemoPerson(
        "omar",
        "Omar Haddad",
        "Director of Product, Patient Apps",
        ORG,
        "product",
        7,
        manager="helen",
        depth=3,
        department="Patient Apps",
        flags={"offered_help": True},
    ),
    DemoPerson(
        "ben",
        "Ben Carter",
        "Director of Product Marketing",
        ORG,
        "marketing",
        7,
        manager="helen",
        depth=3,
        department="Marketing",
    ),
    DemoPerson(
        "lena",
        "Lena Fischer",
        "Group Product Manager, Patient App",
        ORG,
        "product",
        5,
        manager="omar",
        depth=4,
        department="Patient Apps",
    ),
    DemoPerson(
        "sofia",
        "Sofia Marquez",
        "Group Product Manager, Scheduling",
        ORG,
        "product",
        5,
        manager="omar",
        depth=4,
        department="Scheduling",
        history=((ORG, "Senior Product Manager"), ("Cedar Health Partners", "Product Manager")),
    ),
    DemoPerson(
        "maya",
        "Maya Chen",
        "Senior Product Manager",
        ORG,
        "product",
        3,
        manager="lena",
        depth=5,
        department="Patient Apps",
    ),
    DemoPerson(
        "tom",
        "Tom Becker",
        "Senior Product Manager",
        ORG,
        "product",
        3,
        manager="lena",
        depth=5,
        department="Patient Apps",
        flags={"peer": True},
    ),
    DemoPerson(
        "aisha",
        "Aisha Rahman",
        "Product Manager",
        ORG,
        "product",
        2,
        manager="lena",
        depth=5,
        department="Patient Apps",
    ),
    DemoPerson(
        "priya",
        "Priya Nair",
        "Senior Product Manager",
        "Cedar Health Partners",
        "product",
        3,
        how_known="former colleague at Northwind Health",
    ),
    DemoPerson(
        "marcus",
        "Marcus Lee",
        "Director of Product",
        "Cedar Health Partners",
        "product",
        7,
        history=(("Mercy Digital", "Senior Product Manager"),),
    ),
    DemoPerson(
        "jordan",
        "Jordan Kim",
        "VP of Product",
        "Brightpath Clinics",
        "product",
        9,
        city="Denver",
        flags={"navigated_transition": True},
    ),
    DemoPerson(
        "nadia",
        "Nadia Petrova",
        "Group Product Manager",
        "Brightpath Clinics",
        "product",
        5,
        flags={"offered_help": True},
        how_known="met at HLTH 2025",
    ),
    DemoPerson(
        "rachel",
        "Rachel Adams",
        "Director of Product",
        "Mercy Digital",
        "product",
        7,
        history=(("Mercy Digital", "Senior Product Manager"),),
    ),
    DemoPerson(
        "chris",
        "Chris Wong",
        "Head of Product",
        "Lumen Bank",
        "product",
        8,
        city="New York",
        industry="fintech",
    ),
)
# (a, b, source, strength): "b is a's …" (domain.people.TieSource).
TIES = (
    ("maya", "priya", "met-at", 4),
    ("maya", "nadia", "met-at", 2),
    ("priya", "marcus", "same-team", 4),
    ("marcus", "jordan", "met-at", 3),
    ("omar", "rachel", "met-at", 3),
    ("nadia", "chris", "met-at", 2),
)
CONTACTS = ("priya", "nadia")  # in Maya's LinkedIn export


def add_demo_network(session: Any, *, today: date, now: datetime) -> int:
    """Add the demo's people, ties and a few interactions; link Maya as the user. Returns how
    many people were added."""
    ids: dict[str, int] = {}
    for p in PEOPLE:
        in_chart = p.depth is not None
        person = Person(
            name=p.name,
            title=p.title,
            organization=p.organization,
            function=p.function,
            level=p.level,
            level_source="orgchart" if in_chart else "inferred",
            function_source="orgchart" if in_chart else "inferred",
            level_confidence=1.0 if in_chart else 0.8,
            function_confidence=1.0 if in_chart else 0.8,
            position_source="orgchart" if in_chart else "linkedin",
            industry=p.industry,
            city=p.city,
            department=p.department,
            org_depth=p.depth,
            manager_id=ids[p.manager] if p.manager else None,
            history=[Job(organization=o, title=t, source="linkedin") for o, t in p.history],
            how_known=p.how_known,
            **p.flags,  # type: ignore[arg-type]
        )
        ids[p.key] = people_repo.add_person(session, person, now=now)
    for a, b, source, strength in TIES:
        network_repo.add_tie(session, Tie(ids[a], ids[b], source, strength), now=now)
    people_repo.add_sources(
        session,
        [(ids[k], f"demo-{k}", "Connections.csv", f"row {n}") for n, k in enumerate(CONTACTS, 2)],
        kind="linkedin",
        import_id=None,
        now=now,
    )
    for key, days_ago, kind in (
        ("priya", 9, "call"),
        ("lena", 2, "meeting"),
        ("nadia", 200, "message"),
    ):
        network_repo.add_interaction(
            session, Interaction(ids[key], kind, today - timedelta(days=days_ago)), now=now
        )
    people_repo.refresh_last_contact(session, list(ids.values()))
    network_repo.link_me(session, ids["maya"])
    return len(ids)


def clear_network(session: Any) -> None:
    """Delete every person (with their ties, sources and interactions)."""
    ids = [p.id for p in people_repo.iter_people(session) if p.id is not None]
    network_repo.link_me(session, None)
    for pid in ids:
        people_repo.delete_person(session, pid)
