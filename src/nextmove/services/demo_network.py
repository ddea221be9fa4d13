"""The demo's network: the org chart around Maya Chen at Northwind Health, and a few hundred
LinkedIn-style contacts outside it. Deterministic (seeded); dates relative to `today`.

The chart holds the people later suggestions need: Maya's manager and skip-level, a VP,
peers, other product leaders, and Tom Becker. It goes into the organization directory as a
user's import does — two CSV files, six months apart (`import_demo_chart`): in the earlier one
Tom holds Maya's seat (Senior Product Manager, Patient App) and Maya is a product manager on
the same team; in the latest one Maya has his seat and Tom leads Scheduling, a team he built
since. So Tom is her predecessor, now a hiring manager in a team that grew.

Only the people Maya deals with — met, touched, tied, flagged, tiered, herself — become
workspace people, linked to their entry (`create_demo_network`, through members.person_for,
as acting on a member does); everyone else on the chart is only in the directory.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from nextmove.domain.merge import apply_title_guess
from nextmove.domain.people import Interaction, Job, Labeled, Person, Tie, org_key
from nextmove.domain.titles import with_department
from nextmove.services import members
from nextmove.services.titles import infer_titles
from nextmove.services.workspace import Workspace
from nextmove.store import directory as directory_store
from nextmove.store import directory_write
from nextmove.store import network as net
from nextmove.store import people as repo

SEED = 20261122
ORG = "Northwind Health"
INDUSTRY = "healthcare software"
DOMAIN = "northwind.example"
# The earlier chart: this many days before the latest one.
EARLIER_DAYS = 182


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Aaron Abena Adele Ahmed Aiko Alba Alex Amara Andrés Anika Arjun Astrid Ayesha Bao Beatriz "
    "Bilal Bruno Camila Carlos Chen Chiara Daniel Dara Deepa Diego Dmitri Eamon Efua Elif Emeka "
    "Emil Esther Fatima Felix Femi Freya Gabriel Gita Hana Hassan Helena Ibrahim Ilse Imani "
    "Isaac Ivana Jae Javier Jia Joao Jonas Julia Kai Kamala Karim Katya Kenji Kwame Laila Lars "
    "Leila Liam Lina Luca Mai Malik Mara Marta Mateus Mei Miguel Mira Nadia Naveen Nia Nikos "
    "Noor Oren Oscar Pablo Paula Pedro Rafael Rania Ravi Rhea Rohan Rui Saanvi Sana Santiago "
    "Sara Selin Seo-yeon Siddharth Sina Soren Tamar Tariq Teo Thandi Theo Valentina Vikram Yara "
    "Yuki Zain Zara"
)
LAST = _words(
    "Abbott Adeyemi Agarwal Alvarez Andersen Baker Banerjee Barros Bauer Bello Berg Bianchi "
    "Brooks Campbell Castillo Chowdhury Costa Cruz Dahl Das Delgado Dimitrov Dunn Eriksen Evans "
    "Farah Fernandes Fischer Fong Foster Garcia Gill Gomez Grant Gupta Hall Hansen Hayes Hoang "
    "Horvat Hughes Iyer Jansen Jensen Joshi Kaur Keller Khan Kowalczyk Kumar Lambert Larsen Lee "
    "Lopes Lund Mahmoud Mendes Mensah Meyer Mills Mokoena Moreau Murphy Nair Navarro Nguyen "
    "Nielsen Novak Nowak Obi Olsen Ortega Owusu Park Pereira Petrov Pham Popescu Quinn Rao Reyes "
    "Ribeiro Rivera Romano Ross Sato Schulz Shah Silva Sousa Suzuki Tan Tanaka Torres Tran "
    "Vargas Varga Vogel Walsh Weber Wong Yilmaz Young Zhou"
)

COMPANIES = [
    ("Contoso Health", "healthcare software"),
    ("Lumen Analytics", "health analytics"),
    ("Fabrikam Care", "digital health"),
    ("Umbrella Health", "health system"),
    ("Tailspin Clinics", "health system"),
    ("Adatum Medical", "medical devices"),
    ("Wingtip Insurance", "health insurance"),
    ("Proseware", "enterprise software"),
    ("Litware", "consumer apps"),
    ("Coho Vineyard Labs", "consumer apps"),
    ("Woodgrove Bank", "financial services"),
    ("Alpine Ski House Digital", "e-commerce"),
    ("Fourth Coffee", "retail"),
    ("Relecloud", "cloud infrastructure"),
    ("Bellows College", "education"),
    ("Trey Research", "consulting"),
]
CONTACT_TITLES = [
    ("Product Manager", 2), ("Senior Product Manager", 3), ("Group Product Manager", 4),
    ("Director of Product", 7), ("VP, Product", 9), ("Chief Product Officer", 11),
    ("Software Engineer", 2), ("Senior Software Engineer", 3), ("Staff Engineer", 4),
    ("Engineering Manager", 5), ("Director of Engineering", 7), ("CTO", 11),
    ("UX Designer", 2), ("Senior Product Designer", 3), ("Head of Design", 7),
    ("Data Scientist", 2), ("Analytics Manager", 5), ("Product Marketing Manager", 5),
    ("VP, Product Marketing", 9), ("Account Executive", 2), ("Customer Success Lead", 4),
    ("Clinical Informatics Specialist", 2), ("Nurse Practitioner", 2), ("Medical Director", 7),
    ("Recruiter", 2), ("Head of People", 7), ("Founder", 11), ("Partner", 9),
    ("Principal Consultant", 4), ("Program Manager", 3),
]  # fmt: skip
TAGS = ("mentor", "former colleague", "conference", "product community", "alumni", "investor")


@dataclass
class _Node:
    key: str
    name: str
    title: str
    department: str
    level: int
    function: str
    manager: str | None = None
    history: list[Job] = field(default_factory=list)
    flags: dict[str, object] = field(default_factory=dict)
    city: str = "Chicago"
    employee_id: str = ""
    # Maya deals with them (a person in her workspace, not only a member of the chart).
    dealings: bool = False


def _org_chart(rng: random.Random) -> list[_Node]:
    """The named people first (who the story is about), then teams filled with generated
    names."""
    nodes = [
        _Node("ceo", "Daniel Okoye", "Chief Executive Officer", "Executive", 11, "executive"),
        _Node("cpo", "Rachel Goldberg", "Chief Product Officer", "Product", 11, "product", "ceo"),
        _Node("cto", "Samir Patel", "Chief Technology Officer", "Engineering", 11, "engineering", "ceo"),
        _Node("vp-px", "Marcus Reed", "VP, Product – Patient Experience", "Product – Patient Experience", 9, "product", "cpo"),
        _Node("vp-cp", "Aisha Rahman", "VP, Product – Clinical Platform", "Product – Clinical Platform", 9, "product", "cpo"),
        _Node("dir-apps", "Elena Vasquez", "Director of Product, Patient Apps", "Product – Patient Experience", 7, "product", "vp-px"),
        _Node(
            "dir-sched", "Tom Becker", "Group Product Manager, Scheduling", "Product – Scheduling", 5, "product", "vp-px",
            flags={"navigated_transition": True, "offered_help": True, "tier": "A",
                   "notes": "Held my role before me; built Scheduling into a team of 13 in six months."},
        ),
        _Node("gpm-nav", "Priya Nayak", "Group Product Manager, Care Navigation", "Product – Patient Experience", 5, "product", "vp-px",
              flags={"tier": "B"}),
        _Node("maya", "Maya Chen", "Senior Product Manager, Patient App", "Product – Patient Experience", 3, "product", "dir-apps"),
        _Node("peer-1", "Jordan Blake", "Senior Product Manager, Messaging", "Product – Patient Experience", 3, "product", "dir-apps",
              flags={"peer": True, "tier": "B"}),
        _Node("peer-2", "Sofia Marin", "Product Manager, Payments", "Product – Patient Experience", 2, "product", "dir-apps",
              flags={"peer": True}),
        _Node("peer-3", "Kenji Watanabe", "Senior Product Manager, Onboarding", "Product – Patient Experience", 3, "product", "dir-apps",
              flags={"peer": True}),
        _Node("dir-cp", "Hannah Schulz", "Director of Product, Clinical Data", "Product – Clinical Platform", 7, "product", "vp-cp"),
        _Node("design-head", "Nora Kim", "Head of Design", "Design", 7, "design", "cpo", flags={"offered_help": True}),
        _Node("data-dir", "Victor Osei", "Director of Data Science", "Data", 7, "data", "cto"),
        _Node("vp-eng", "Ingrid Larsen", "VP, Engineering", "Engineering", 9, "engineering", "cto"),
        _Node("em-apps", "Luis Ortega", "Engineering Manager, Patient Apps", "Engineering", 5, "engineering", "vp-eng"),
        _Node("vp-mkt", "Grace Liu", "VP, Marketing", "Marketing", 9, "marketing", "ceo"),
        _Node("vp-ops", "Kwame Mensah", "VP, Clinical Operations", "Clinical Operations", 9, "operations", "ceo"),
        _Node("head-people", "Olivia Brooks", "Head of People", "People", 7, "people", "ceo"),
        _Node("cfo", "Ethan Walsh", "Chief Financial Officer", "Finance", 11, "finance", "ceo"),
    ]  # fmt: skip
    used = {n.name for n in nodes}

    def person_name() -> str:
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name not in used:
                used.add(name)
                return name

    teams = [
        ("dir-sched", "Product – Scheduling", [("Product Manager, Scheduling", 2, "product")] * 5
         + [("Senior Product Designer", 3, "design")] * 3 + [("Software Engineer", 2, "engineering")] * 5),
        ("gpm-nav", "Product – Patient Experience", [("Product Manager, Care Navigation", 2, "product")] * 3),
        ("dir-cp", "Product – Clinical Platform", [("Product Manager, Clinical Data", 2, "product")] * 4),
        ("vp-cp", "Product – Clinical Platform", [("Group Product Manager, Integrations", 5, "product")]),
        ("design-head", "Design", [("Product Designer", 2, "design")] * 5 + [("UX Researcher", 2, "design")] * 2),
        ("data-dir", "Data", [("Data Scientist", 2, "data")] * 5 + [("Analytics Engineer", 2, "data")] * 3),
        ("vp-eng", "Engineering", [("Engineering Manager", 5, "engineering")] * 3 + [("Staff Engineer", 4, "engineering")] * 2),
        ("em-apps", "Engineering", [("Software Engineer", 2, "engineering")] * 6 + [("Senior Software Engineer", 3, "engineering")] * 3),
        ("vp-mkt", "Marketing", [("Product Marketing Manager", 5, "marketing")] * 2 + [("Content Strategist", 2, "marketing")] * 3),
        ("vp-ops", "Clinical Operations", [("Clinical Operations Manager", 5, "operations")] * 3 + [("Nurse Navigator", 2, "healthcare")] * 6),
        ("head-people", "People", [("Recruiter", 2, "people")] * 3 + [("HR Business Partner", 3, "people")] * 2),
        ("cfo", "Finance", [("Financial Analyst", 2, "finance")] * 4),
    ]  # fmt: skip
    for manager, department, roles in teams:
        for title, level, function in roles:
            nodes.append(
                _Node(f"n{len(nodes)}", person_name(), title, department, level, function, manager)
            )
    # Engineers under the engineering managers.
    managers = [n.key for n in nodes if n.title == "Engineering Manager"]
    for manager in managers:
        for _ in range(rng.randint(4, 7)):
            nodes.append(
                _Node(
                    f"n{len(nodes)}",
                    person_name(),
                    "Software Engineer",
                    "Engineering",
                    2,
                    "engineering",
                    manager,
                )
            )
    return nodes


def _contacts(rng: random.Random, today: date, used: set[str], count: int = 320) -> list[Person]:
    """LinkedIn-style connections outside Northwind, some with history and flags."""
    people: list[Person] = []
    while len(people) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        if name in used:
            continue
        used.add(name)
        company, industry = rng.choice(COMPANIES)
        title, _level = rng.choice(CONTACT_TITLES)
        slug = f"{first}-{last}-{rng.randrange(16**4):04x}".lower().replace(" ", "-")
        since = today - timedelta(days=rng.randint(60, 365 * 12))
        person = Person(
            name=name,
            first_name=first,
            last_name=last,
            profile_url=f"https://www.linkedin.com/in/{slug}",
            organization=company,
            title=title,
            industry=industry,
            city=rng.choice(
                (
                    "Chicago",
                    "Chicago",
                    "Chicago",
                    "Milwaukee",
                    "New York",
                    "Remote",
                    "Boston",
                    "Austin",
                )
            ),
            position_source="linkedin",
            how_known="LinkedIn connection",
            known_since=since,
        )
        if rng.random() < 0.12:
            person.emails.append(Labeled(f"{first}.{last}@example.com".lower(), "work"))
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            past_company, _ = rng.choice(COMPANIES)
            past_title, _ = rng.choice(CONTACT_TITLES)
            if past_company != company:
                start = since - timedelta(days=rng.randint(400, 2500))
                person.history.append(
                    Job(
                        past_company,
                        past_title,
                        start,
                        start + timedelta(days=rng.randint(300, 1400)),
                        "linkedin",
                    )
                )
        if company == "Contoso Health" or any(
            j.organization == "Contoso Health" for j in person.history
        ):
            person.tags.append("former colleague")
            person.how_known = "Worked together at Contoso Health"
        if rng.random() < 0.2:
            tag = rng.choice(TAGS)
            if tag not in person.tags:
                person.tags.append(tag)
        roll = rng.random()
        if roll < 0.06:
            person.offered_help = True
            person.tier = "A"
        elif roll < 0.14:
            person.navigated_transition = True
            person.tier = rng.choice(("A", "B"))
        elif roll < 0.3:
            person.tier = rng.choice(("B", "C"))
        if "Product Manager" in title and rng.random() < 0.3:
            person.peer = True
        if rng.random() < 0.05 and person.history:
            person.changed_jobs_on = today - timedelta(days=rng.randint(3, 60))
        people.append(person)
    return people


def _apply_levels(people: list[Person], levels: dict[str, tuple[int, str]]) -> None:
    """Level and function from the title where inference is sure; else from what the demo
    knows (the chart's truth, marked as coming from the org chart)."""
    guesses = infer_titles({p.title for p in people if p.title})
    for person in people:
        guess = guesses.get(person.title)
        apply_title_guess(person, guess and with_department(guess, person.department))
        known = levels.get(person.name)
        if known is None:
            continue
        if person.level is None:
            person.level, person.level_confidence, person.level_source = known[0], 0.5, "orgchart"
        if person.function is None:
            person.function, person.function_confidence, person.function_source = (
                known[1],
                0.5,
                "orgchart",
            )


# The people of the chart Maya deals with: herself, her manager and skip-level (1:1s), Tom,
# Priya (a tie, a meeting, a referral), Nora (Tom's partner, offered help), her peers (flagged).
DEALINGS = ("maya", "dir-apps", "vp-px", "dir-sched", "gpm-nav", "design-head", "peer-1",
            "peer-2", "peer-3")  # fmt: skip


def _demo_chart(rng: random.Random) -> list[_Node]:
    """The latest chart: every node with its employee id and city (drawn from `rng` in the
    order managers-first, so the contacts drawn after are the same every time)."""
    nodes = _org_chart(rng)
    by_key = {n.key: n for n in nodes}

    def depth(node: _Node) -> int:
        return 0 if node.manager is None else 1 + depth(by_key[node.manager])

    for index, node in enumerate(nodes):
        node.employee_id = f"NW{1000 + index}"
        node.dealings = node.key in DEALINGS
    for node in sorted(nodes, key=depth):
        node.city = "Chicago" if rng.random() < 0.8 else "Remote"
    return nodes


def _earlier_chart(nodes: list[_Node]) -> list[_Node]:
    """The chart six months before: Tom in Maya's seat and Maya a product manager under the
    same director; Scheduling four people under the VP (Tom has built it to 13 since); one
    data scientist who has left since."""
    scheduling = [n for n in nodes if n.manager == "dir-sched"]
    stayed = {n.key for n in scheduling[:3]} | {
        next(n.key for n in scheduling if n.function == "design")
    }
    earlier: list[_Node] = []
    for node in nodes:
        if node.key == "dir-sched":
            node = replace(
                node,
                title="Senior Product Manager, Patient App",
                department="Product – Patient Experience",
                level=3,
                manager="dir-apps",
            )
        elif node.key == "maya":
            node = replace(node, title="Product Manager, Patient App", level=2)
        elif node.manager == "dir-sched":
            if node.key not in stayed:
                continue  # joined since
            node = replace(node, manager="vp-px")
        earlier.append(node)
    data = next(n for n in nodes if n.key == "data-dir")
    earlier.append(
        _Node("left", "Wren Halloway", "Data Scientist", "Data", 2, "data", "data-dir",
              city=data.city, employee_id=f"NW{1000 + len(nodes)}")
    )  # fmt: skip
    return earlier


def _write_chart(path: Path, nodes: list[_Node]) -> None:
    by_key = {n.key: n for n in nodes}
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Employee ID", "Name", "Title", "Manager ID", "Department", "City", "Email"])
        for node in nodes:
            first, _, last = node.name.rpartition(" ")
            out.writerow(
                [
                    node.employee_id,
                    node.name,
                    node.title,
                    by_key[node.manager].employee_id if node.manager else "",
                    node.department,
                    node.city,
                    f"{first}.{last}@{DOMAIN}".lower().replace(" ", "."),
                ]
            )


def _file_name(day: date) -> str:
    return f"northwind-org-{day:%Y-%m}.csv"


def import_demo_chart(ws: Workspace, *, today: date, now: datetime) -> None:
    """Northwind's chart into the directory as a user imports it: the earlier file, then the
    latest (see the module). The directory is shared: when it holds Northwind's chart already
    (another workspace's demo, or this one's before --replace), the workspace is linked to it
    and nothing is imported again."""
    from nextmove.services.directory_import import import_directory

    nodes = _demo_chart(random.Random(SEED))
    before = timedelta(days=EARLIER_DAYS)
    with ws.session() as session:
        found = directory_store.organization_by_key(session, org_key(ORG))
        if found is not None and directory_store.current_snapshot(session, found[0]):
            directory_write.link_workspace(session.connection(), ws.id, found[0], now)
            # The workspace's record of the two imports, as an import keeps it (the
            # headcount per department the suggestions compare).
            for chart, day, at in (
                (_earlier_chart(nodes), today - before, now - before),
                (nodes, today, now),
            ):
                run = net.start_import_run(
                    session, kind="orgchart", file=_file_name(day), organization=ORG,
                    partial=False, now=at,
                )  # fmt: skip
                net.save_snapshot(session, run, ORG, dict(Counter(n.department for n in chart)))
            return
    with tempfile.TemporaryDirectory(prefix="nextmove-demo-") as folder:
        for chart, day, at in (
            (_earlier_chart(nodes), today - before, now - before),
            (nodes, today, now),
        ):
            path = Path(folder) / _file_name(day)
            _write_chart(path, chart)
            import_directory(
                ws, path, organization=ORG, column_map=None, me=None, now=at, today=day
            )


def _histories(today: date) -> dict[str, list[Job]]:
    """What Maya knows of Tom's and her own careers (her records; the chart has the seats)."""
    moved = today - timedelta(days=EARLIER_DAYS - 20)
    return {
        "dir-sched": [
            Job(ORG, "Group Product Manager, Scheduling", moved, None, "demo"),
            Job(ORG, "Senior Product Manager, Patient App", date(2021, 3, 1), moved - timedelta(days=1), "demo"),
            Job("Contoso Health", "Product Manager", date(2018, 1, 8), date(2021, 2, 26), "demo"),
        ],
        "maya": [
            Job(ORG, "Senior Product Manager, Patient App", moved, None, "demo"),
            Job(ORG, "Product Manager, Patient App", date(2023, 5, 15), moved - timedelta(days=1), "demo"),
            Job("Contoso Health", "Product Manager", date(2019, 9, 1), date(2023, 4, 30), "demo"),
        ],
    }  # fmt: skip


def _chart_people(
    session: Session, nodes: list[_Node], *, today: date, now: datetime
) -> dict[str, int]:
    """The chart's people Maya deals with, as workspace people linked to their entry (made
    from the member, as acting on a member does), with what she knows of them."""
    found = directory_store.organization_by_key(session, org_key(ORG))
    assert found is not None, "import_demo_chart first"
    org_id = found[0]
    directory_store.set_industry(session, org_id, INDUSTRY)
    dealt = [n for n in nodes if n.dealings]
    entries = directory_store.members_by_id(session, org_id, [n.employee_id for n in dealt])
    histories = _histories(today)
    ids: dict[str, int] = {}
    for node in dealt:
        person_id = members.person_for(session, entries[node.employee_id], now=now)
        person = repo.get_person(session, person_id)
        assert person is not None
        for key, value in node.flags.items():
            setattr(person, key, value)
        person.history = histories.get(node.key, [])
        repo.update_person(session, person, now=now)
        ids[node.key] = person_id
    net.link_me(session, ids["maya"])
    return ids


def create_demo_network(session: Session, *, today: date, now: datetime) -> dict[str, int]:
    """Maya's people: those of the chart she deals with (after `import_demo_chart`), her
    LinkedIn connections, the ties between them and a year of interactions."""
    rng = random.Random(SEED)
    nodes = _demo_chart(rng)
    ids = _chart_people(session, nodes, today=today, now=now)

    used = {n.name for n in nodes}
    contacts = _contacts(rng, today, used)
    _apply_levels(contacts, {})
    repo.insert_people(session, contacts, now=now)
    # They came from her LinkedIn connections: say so, as an import would, so they count as
    # people she knows directly.
    repo.add_sources(
        session,
        [
            (p.id, p.profile_url or f"demo:{p.id}", "Connections.csv", f"line {line}")
            for line, p in enumerate(contacts, start=4)
            if p.id is not None
        ],
        kind="linkedin",
        import_id=None,
        now=now,
    )

    # Ties: who introduced whom, where people met, the user's statements.
    contact_ids = [p.id for p in contacts if p.id is not None]
    ties = [
        Tie(
            ids["maya"],
            ids["dir-sched"],
            "stated",
            5,
            "Coffee every month since he moved to Scheduling",
        ),
        Tie(ids["maya"], ids["gpm-nav"], "same-team", 4, ""),
        Tie(
            ids["dir-sched"],
            ids["design-head"],
            "same-team",
            3,
            "Partnered on the scheduling redesign",
        ),
    ]
    for _ in range(25):
        a, b = rng.sample(contact_ids, 2)
        ties.append(
            Tie(
                a,
                b,
                rng.choice(("introduced-by", "met-at", "stated")),
                rng.randint(1, 5),
                rng.choice(("", "HLTH conference", "Product meetup", "former colleagues")),
            )
        )
    for tie in ties:
        net.add_tie(session, tie, now=now)

    # Interactions over the last year; the named colleagues recently.
    notes = (
        "coffee",
        "call about the roadmap",
        "lunch",
        "catch-up",
        "asked about their move",
        "sent an article",
    )
    kinds = ("met", "call", "email", "message", "meeting")
    items = [
        Interaction(
            ids["dir-sched"],
            "met",
            today - timedelta(days=12),
            "Coffee: how he made the jump to leading a team",
        ),
        Interaction(ids["dir-apps"], "meeting", today - timedelta(days=3), "1:1"),
        Interaction(ids["vp-px"], "meeting", today - timedelta(days=40), "Skip-level"),
    ]
    for person in contacts:
        if person.tier and rng.random() < 0.7:
            for _ in range(rng.randint(1, 3)):
                assert person.id is not None
                items.append(
                    Interaction(
                        person.id,
                        rng.choice(kinds),
                        today - timedelta(days=rng.randint(5, 400)),
                        rng.choice(notes),
                    )
                )
    rows = [(i.person_id, i.kind, i.day, i.note, f"demo:{n}") for n, i in enumerate(items)]
    net.add_imported_interactions(session, rows, source="demo", import_id=None, now=now)
    return {
        "people": len(nodes) + len(contacts),
        "org_chart_people": len(nodes),
        "chart_people_you_deal_with": len(ids),
        "ties": len(ties) + sum(1 for n in nodes if n.manager),
        "interactions": len(items),
    }
