"""Three people with full worlds, built through the real importers (org charts imported twice,
LinkedIn exports at two dates, a vision file) and the store (people's dated histories, ties):

- a clinician: Nia Novak, Nurse Manager at St. Brigid Health (a 60-person org chart), heading
  for healthcare operations;
- an engineer: Eli Ekwueme, Senior Software Engineer in Austin heading for engineering
  management in Denver, LinkedIn only;
- an executive: Vera Vance, VP of Finance at Harbor Foods, aiming at CFO.

Each builder returns the names the stories talk about. Issue 14's faults are told against
these worlds in test_persona_stories.py.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

from nextmove.domain.people import Job, Tie
from nextmove.services import imports
from nextmove.services import vision as vision_service
from nextmove.services.people import resolve_id
from nextmove.services.workspace import Workspace
from nextmove.store import network as network_repo
from nextmove.store import people as people_repo

TODAY = date(2026, 11, 22)
FIRST_IMPORT = date(2026, 3, 2)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

OrgRow = tuple[str, str, str, str, str]  # employee id, name, title, manager id, department


def _write_orgchart(path: Path, rows: list[OrgRow]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["employee_id", "name", "title", "manager_id", "department"])
        out.writerows(rows)
    return path


def _write_linkedin(path: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    """Connections.csv as LinkedIn exports it today: a notes preamble, then the columns."""
    text = io.StringIO()
    text.write("Notes:\n")
    text.write('"When exporting your connection data, you may notice..."\n\n')
    out = csv.writer(text)
    out.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for first, last, company, position, connected in rows:
        slug = f"{first}-{last}".lower().replace(" ", "-")
        out.writerow(
            [first, last, f"https://www.linkedin.com/in/{slug}", "", company, position, connected]
        )
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def _import(db: Workspace, kind: str, path: Path, day: date, **options: object) -> None:
    imports.import_file(
        db,
        kind,
        path,
        now=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
        today=day,
        **options,  # type: ignore[arg-type]
    )


def _id(db: Workspace, name: str) -> int:
    """The one person called `name`. A member of an imported org chart becomes one of your
    people here, as when the user acts on them (records their history, a tie, a flag)."""
    with db.session() as session:
        return resolve_id(session, name)


def _history(db: Workspace, name: str, jobs: list[Job]) -> None:
    """People's own employment history, as `people edit` or a fuller import records it."""
    pid = _id(db, name)
    with db.session() as session:
        person = people_repo.get_person(session, pid)
        assert person is not None
        person.history = jobs
        people_repo.update_person(session, person, now=NOW)


def _tie(db: Workspace, a: str, b: str, strength: int, source: str = "met-at") -> None:
    with db.session() as session:
        network_repo.add_tie(session, Tie(_id(db, a), _id(db, b), source, strength), now=NOW)


def _flag(db: Workspace, name: str, **flags: object) -> None:
    pid = _id(db, name)
    with db.session() as session:
        person = people_repo.get_person(session, pid)
        assert person is not None
        for key, value in flags.items():
            setattr(person, key, value)
        people_repo.update_person(session, person, now=NOW)


# ---------------------------------------------------------------------------- the clinician

CLINIC = "St. Brigid Health"
CLINICIAN_VISION = """
[me]
name = "Nia Novak"
title = "Nurse Manager"
organization = "St. Brigid Health"
function = "healthcare"
level = "manager"
industry = "health care"
city = "Columbus"

[[steps]]
title = "Director of Clinical Operations"
function = "operations"
level = "director"
industry = "health care"
scope = "Patient flow, staffing and throughput across the hospital's units"
problems = ["patient flow", "staffing", "throughput"]

[[steps]]
title = "VP of Operations"
function = "operations"
level = "vp"
industry = "health care"
scope = "Hospital operations"

[[priorities]]
name = "career trajectory"

[[priorities]]
name = "family life"

[[priorities]]
name = "skills development"
"""


def _clinic_rows(grown: bool) -> list[OrgRow]:
    rows: list[OrgRow] = [
        ("1", "Helen Hart", "Chief Executive Officer", "", "Executive"),
        ("2", "Olga Ortiz", "Chief Operating Officer", "1", "Operations"),
        ("3", "Carmen Cruz", "Chief Nursing Officer", "1", "Nursing"),
        ("4", "Hugo Hale", "Chief People Officer", "1", "Human Resources"),
        ("5", "Dario Diaz", "Director of Clinical Operations", "2", "Clinical Operations"),
        ("6", "Dee Dunn", "Director of Nursing", "3", "Nursing"),
        ("7", "Nia Novak", "Nurse Manager", "6", "Nursing"),
        ("8", "Paula Park", "Nurse Manager", "6", "Nursing"),
        ("9", "Amy Ames", "Assistant Nurse Manager", "7", "Nursing"),
        ("10", "Rex Reed", "Senior Technical Recruiter", "4", "Human Resources"),
        ("11", "Gwen Gale", "Director of Patient Flow", "2", "Clinical Operations"),
        ("12", "Omar Odum", "Operations Manager", "5", "Clinical Operations"),
        ("13", "Ola Obi", "Operations Manager", "5", "Clinical Operations"),
        ("14", "Ivy Ito", "Nurse Manager, ICU", "6", "Nursing"),
        ("15", "Pia Paz", "Assistant Nurse Manager", "8", "Nursing"),
        ("16", "Hana Holt", "HR Business Partner", "4", "Human Resources"),
        ("17", "Fay Fox", "Finance Manager", "1", "Finance"),
    ]
    n = 18
    for manager, count, title, department in [
        ("7", 12, "Registered Nurse", "Nursing"),
        ("8", 10, "Registered Nurse", "Nursing"),
        ("14", 8, "Registered Nurse", "Nursing"),
        ("12", 4, "Operations Analyst", "Clinical Operations"),
        ("16", 2, "HR Generalist", "Human Resources"),
        ("17", 3, "Financial Analyst", "Finance"),
    ]:
        for _ in range(count):
            rows.append((str(n), f"Staff {title.split()[0]} {n}", title, manager, department))
            n += 1
    if grown:  # the second chart: clinical operations grew
        for i in range(4):
            rows.append((str(n), f"New Analyst {i}", "Operations Analyst", "13", "Clinical Operations"))  # fmt: skip
            n += 1
    return rows


def build_clinician(db: Workspace, tmp: Path) -> dict[str, str]:
    vision_service.import_vision(db, CLINICIAN_VISION, source="vision.toml", now=NOW)
    first = _write_orgchart(tmp / "st-brigid-2026-03.csv", _clinic_rows(grown=False))
    _import(db, "orgchart", first, FIRST_IMPORT, organization=CLINIC, me="7")
    second = _write_orgchart(tmp / "st-brigid-2026-11.csv", _clinic_rows(grown=True))
    _import(db, "orgchart", second, TODAY, organization=CLINIC, me="7")
    linkedin = [
        ("Rosa", "Reyes", "Mercy Health", "Director of Clinical Operations", "04 Feb 2021"),
        ("Tariq", "Tan", "Mercy Health", "Senior Manager, Patient Flow", "11 Aug 2022"),
        ("Lena", "Lund", "Ohio Health Partners", "Talent Acquisition Partner", "02 Mar 2023"),
    ]
    _import(db, "linkedin", _write_linkedin(tmp / "c1.csv", linkedin[:2]), FIRST_IMPORT)
    _import(db, "linkedin", _write_linkedin(tmp / "c2.csv", linkedin), TODAY)
    # Who held her seat: Gwen ran 4 West until Nia took it over.
    _history(
        db,
        "Gwen Gale",
        [
            Job(CLINIC, "Nurse Manager", date(2019, 4, 1), date(2023, 6, 30), "user"),
            Job(CLINIC, "Assistant Nurse Manager", date(2016, 1, 1), date(2019, 3, 31), "user"),
        ],
    )
    _history(
        db,
        "Nia Novak",
        [
            Job(CLINIC, "Nurse Manager", date(2023, 7, 10), None, "user"),
            Job(CLINIC, "Assistant Nurse Manager", date(2019, 5, 1), date(2023, 7, 9), "user"),
        ],
    )
    # Amy holds the assistant title Nia once held; Paula has been a Nurse Manager since 2021.
    _history(db, "Amy Ames", [Job(CLINIC, "Assistant Nurse Manager", date(2023, 8, 1), None)])
    _history(db, "Paula Park", [Job(CLINIC, "Nurse Manager", date(2021, 2, 1), None, "user")])
    _tie(db, "Nia Novak", "Gwen Gale", 3)
    _tie(db, "Nia Novak", "Rosa Reyes", 2)
    return {"me": "Nia Novak", "next job": "Dario Diaz", "predecessor": "Gwen Gale"}


# ---------------------------------------------------------------------------- the engineer

ENGINEER_VISION = """
[me]
name = "Eli Ekwueme"
title = "Senior Software Engineer"
organization = "Quill Labs"
function = "engineering"
level = "senior"
industry = "software"
city = "Austin"

[[steps]]
title = "Engineering Manager, Data Platform"
function = "engineering"
level = "manager"
industry = "software"
city = "Denver"
scope = "A team of six building the data platform"
problems = ["data platform", "hiring"]

[[steps]]
title = "Director of Engineering"
function = "engineering"
level = "director"
industry = "software"
city = "Denver"

[[priorities]]
name = "career trajectory"

[[priorities]]
name = "location"

[[priorities]]
name = "skills development"
"""

ENGINEER_CONNECTIONS = [
    ("Mara", "Mendez", "Alpine Data", "Engineering Manager, Data Platform", "12 Jan 2020"),
    ("Sven", "Stone", "Quill Labs", "Senior Software Engineer", "03 Mar 2021"),
    ("Tia", "Tran", "Quill Labs", "Software Engineer", "14 Jun 2022"),
    ("Dev", "Dutta", "Alpine Data", "Director of Engineering", "19 Sep 2019"),
    ("Rae", "Rowe", "Hirewell", "Senior Technical Recruiter", "07 Jul 2023"),
    ("Kai", "Kim", "Quill Labs", "Staff Software Engineer", "22 Feb 2020"),
    ("Lu", "Lam", "Peak Systems", "Engineering Manager", "30 Oct 2021"),
    ("Bo", "Berg", "Quill Labs", "Junior Software Engineer", "05 May 2024"),
]


def build_engineer(db: Workspace, tmp: Path) -> dict[str, str]:
    vision_service.import_vision(db, ENGINEER_VISION, source="vision.toml", now=NOW)
    older = [c for c in ENGINEER_CONNECTIONS if c[0] != "Lu"]
    older = [
        ("Mara", "Mendez", "Alpine Data", "Senior Software Engineer", "12 Jan 2020"),
        *[c for c in older if c[0] != "Mara"],
    ]
    _import(db, "linkedin", _write_linkedin(tmp / "2025.csv", older), date(2025, 6, 1))
    _import(db, "linkedin", _write_linkedin(tmp / "2026.csv", ENGINEER_CONNECTIONS), TODAY)
    with db.session() as session:  # LinkedIn only: the user is not a person in the network
        network_repo.link_me(session, None)
    return {"next job": "Mara Mendez", "colleague": "Sven Stone", "recruiter": "Rae Rowe"}


# ---------------------------------------------------------------------------- the executive

HARBOR = "Harbor Foods"
EXECUTIVE_VISION = """
[me]
name = "Vera Vance"
title = "VP of Finance"
organization = "Harbor Foods"
function = "finance"
level = "vp"
industry = "consumer goods"
city = "Chicago"

[[steps]]
title = "Chief Financial Officer"
function = "finance"
level = "c-level"
industry = "consumer goods"

[[steps]]
title = "Chief Executive Officer"
function = "executive"
level = "c-level"

[[priorities]]
name = "career trajectory"

[[priorities]]
name = "family life"

[[priorities]]
name = "compensation"
"""


def _harbor_rows(grown: bool) -> list[OrgRow]:
    rows: list[OrgRow] = [
        ("1", "Carl Chen", "Chief Executive Officer", "", "Executive"),
        ("2", "Fiona Ford", "Chief Financial Officer", "1", "Finance"),
        ("3", "Vera Vance", "VP of Finance", "2", "Finance"),
        ("4", "Dora Diaz", "Director of FP&A", "3", "Finance"),
        ("5", "Drew Dale", "Senior Director, Financial Planning", "3", "Finance"),
        ("6", "Cole Cross", "Controller", "3", "Finance"),
        ("7", "Vic Vale", "VP of Sales", "1", "Sales"),
        ("8", "Tess Tate", "Senior Technical Recruiter", "1", "People"),
    ]
    n = 9
    for manager, count, title, dept in [
        ("4", 5, "Financial Analyst", "Finance"),
        ("6", 4, "Accountant", "Finance"),
        ("7", 6, "Account Executive", "Sales"),
    ]:
        for _ in range(count):
            rows.append((str(n), f"Staff {n}", title, manager, dept))
            n += 1
    if grown:
        rows.append((str(n), "Nate New", "Financial Analyst", "4", "Finance"))
    return rows


def build_executive(db: Workspace, tmp: Path) -> dict[str, str]:
    vision_service.import_vision(db, EXECUTIVE_VISION, source="vision.toml", now=NOW)
    first = _write_orgchart(tmp / "harbor-1.csv", _harbor_rows(grown=False))
    _import(db, "orgchart", first, FIRST_IMPORT, organization=HARBOR, me="3")
    second = _write_orgchart(tmp / "harbor-2.csv", _harbor_rows(grown=True))
    _import(db, "orgchart", second, TODAY, organization=HARBOR, me="3")
    outside = [
        ("Cora", "Cole", "Lumen Brands", "Chief Financial Officer", "04 Apr 2018"),
        ("Nico", "Nash", "Cedar Partners", "Non-Executive Director", "11 Nov 2019"),
        ("Pat", "Price", "Heidrick & Struggles", "Partner, CFO Practice", "13 Feb 2020"),
        ("Olu", "Obi", "Northwind Capital", "Operating Partner", "21 Mar 2021"),
        ("Bea", "Banks", "Maple Foods", "Board Member", "02 May 2022"),
        ("Sam", "Sato", "Oak Foods", "VP of Finance", "09 Sep 2022"),
    ]
    _import(db, "linkedin", _write_linkedin(tmp / "x1.csv", outside[:4]), FIRST_IMPORT)
    _import(db, "linkedin", _write_linkedin(tmp / "x2.csv", outside), TODAY)
    _tie(db, "Vera Vance", "Cora Cole", 3)
    _tie(db, "Vera Vance", "Nico Nash", 3)
    return {
        "me": "Vera Vance",
        "manager": "Fiona Ford",
        "reports": "Dora Diaz,Drew Dale,Cole Cross",
    }
