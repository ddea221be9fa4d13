"""The demo workspace: a realistic mid-career professional with her vision, a month of journal
entries and her network (services/demo_network.py), so every command has something to show.
Dates are relative to `today`, so the demo never goes stale."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from nextmove.domain.journal import JournalEntry
from nextmove.domain.opportunities import Decision, Opportunity, Source, Status
from nextmove.domain.vision import (
    Choice,
    Choices,
    Gauges,
    Plan,
    Position,
    Priority,
    RoleOutline,
    Vision,
)
from nextmove.errors import UserError
from nextmove.services.demo_meetings import add_demo_meetings
from nextmove.services.demo_network import create_demo_network, import_demo_chart
from nextmove.services.workspace import Workspace
from nextmove.store import network
from nextmove.store import opportunities as opp_repo
from nextmove.store import people as people_repo
from nextmove.store import vision as vision_repo

DEMO_SEED = 20261122


def demo_vision() -> Vision:
    return Vision(
        me=Position(
            name="Maya Chen",
            title="Senior Product Manager",
            organization="Northwind Health",
            function="product",
            level=3,
            industry="healthcare software",
            city="Chicago",
        ),
        steps=[
            RoleOutline(
                title="Group Product Manager, Patient Experience",
                function="product",
                level=5,
                industry="healthcare software",
                organization_kind="growth-stage company",
                city="Chicago",
                remote=False,
                scope="Lead 3–4 product managers across the patient app and scheduling; "
                "own the roadmap and a team of about 30.",
                problems=[
                    "Patients drop out between booking and the first visit",
                    "Clinics juggle five tools to run a day",
                ],
            ),
            RoleOutline(
                title="Director of Product",
                function="product",
                level=7,
                industry="healthcare software",
                organization_kind="growth-stage company or a large health system's digital unit",
                city="Chicago",
                remote=True,
                scope="Own a product line end to end, with P&L input; build and coach a team of "
                "product managers and designers.",
                problems=["Make digital care as easy to use as consumer apps"],
            ),
        ],
        priorities=[
            Priority(
                "family life", "Two kids in school here; no more than two travel days a month."
            ),
            Priority("career trajectory", "Director within four years."),
            Priority(
                "skills development", "Learn to lead managers, not just individual contributors."
            ),
        ],
        choices=Choices(industry=Choice.STAY, company=Choice.OPEN, city=Choice.STAY),
        energizers=["customer interviews", "coaching junior PMs", "workshops"],
        strengths=[
            "Turning messy research into a clear roadmap",
            "Bringing engineering and clinical teams to one plan",
            "Writing crisp product specs",
        ],
        plan_note="Grow into product leadership in healthcare software, here in Chicago.",
        gauges=Gauges(resources=75, likeability=70, confidence=80, coherence=85),
        alternatives=[
            Plan(
                name="if it vanished",
                note="If product roles in health tech dried up: advise health systems instead.",
                steps=[
                    RoleOutline(
                        title="Senior Consultant, Digital Health",
                        function="consulting",
                        level=4,
                        industry="healthcare consulting",
                        organization_kind="boutique consultancy",
                        city="Chicago",
                        scope="Lead discovery and roadmap work for two or three hospital clients "
                        "at a time.",
                        problems=["Hospitals buy software their clinicians never adopt"],
                    ),
                    RoleOutline(
                        title="Principal, Digital Health Practice",
                        function="consulting",
                        level=7,
                        industry="healthcare consulting",
                        city="Chicago",
                        remote=True,
                        scope="Own a practice area and its client relationships; coach a team "
                        "of consultants.",
                        problems=["Make digital transformation stick in care teams"],
                    ),
                ],
                choices=Choices(industry=Choice.CHANGE, company=Choice.CHANGE, city=Choice.STAY),
                gauges=Gauges(resources=60, likeability=50, confidence=65, coherence=60),
            ),
            Plan(
                name="wild card",
                note="Teach product management to people switching careers.",
                steps=[
                    RoleOutline(
                        title="Lead Instructor, Product Management",
                        function="education",
                        level=4,
                        industry="education",
                        organization_kind="bootcamp",
                        city="Chicago",
                        remote=True,
                        scope="Design and teach a 12-week product course; mentor a cohort of 25.",
                        problems=["Career changers can't show product judgment yet"],
                    ),
                    RoleOutline(
                        title="Head of Curriculum",
                        function="education",
                        level=7,
                        industry="education",
                        city="Chicago",
                        remote=True,
                        scope="Own the product and design curriculum and a team of instructors.",
                        problems=["Courses that lead to real product jobs"],
                    ),
                ],
                choices=Choices(industry=Choice.CHANGE, company=Choice.CHANGE, city=Choice.STAY),
                gauges=Gauges(resources=40, likeability=90, confidence=45, coherence=75),
            ),
        ],
    )


# (activity, themes, typical energy, typical engagement, chance of flow)
_ACTIVITIES = [
    ("customer interviews", ["research", "people"], 2, 5, 0.6),
    ("coaching junior PMs", ["people", "teaching"], 2, 4, 0.4),
    ("workshops", ["people", "facilitation"], 1, 4, 0.3),
    ("roadmap writing", ["writing", "strategy"], 1, 4, 0.3),
    ("status reporting", ["admin"], -2, 1, 0.0),
    ("budget spreadsheets", ["admin", "finance"], -1, 2, 0.0),
    ("back-to-back alignment meetings", ["meetings"], -2, 2, 0.0),
    ("sprint planning", ["delivery"], 0, 3, 0.0),
]


def demo_journal(today: date, days: int = 30) -> list[JournalEntry]:
    """About a month of workdays, two or three entries each, with some natural noise."""
    rng = random.Random(DEMO_SEED)
    entries: list[JournalEntry] = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for activity, themes, energy, engagement, flow_chance in rng.sample(
            _ACTIVITIES, k=rng.choice((2, 3))
        ):
            noisy_energy = max(-2, min(2, energy + rng.choice((0, 0, 0, -1, 1))))
            entries.append(
                JournalEntry(
                    day=day,
                    activity=activity,
                    energy=noisy_energy,
                    engagement=max(1, min(5, engagement + rng.choice((0, 0, -1, 1)))),
                    flow=rng.random() < flow_chance,
                    themes=list(themes),
                )
            )
    return entries


def demo_opportunities() -> list[Opportunity]:
    """One option from every source, including an impressive-but-misaligned one."""
    return [
        Opportunity(
            title="Senior Product Manager, Scheduling",
            source=Source.HR_PROPOSAL,
            organization="Northwind Health",
            function="product",
            level=3,
            industry="healthcare software",
            city="Chicago",
            notes="HR's proposal after the reorganisation: same level, a different product.",
            involves=["sprint planning", "status reporting", "roadmap writing"],
        ),
        Opportunity(
            title="Product Lead, Care Navigation",
            source=Source.JOB_BOARD,
            organization="Brightpath Clinics",
            function="product",
            level=4,
            industry="healthcare software",
            remote=True,
            link="https://jobs.brightpath.example/product-lead",
            involves=[
                "customer interviews",
                "roadmap writing",
                "writing product specs",
                "sprint planning",
            ],
        ),
        Opportunity(
            title="VP of Product, Consumer Banking",
            source=Source.RECRUITER,
            organization="Lumen Bank",
            function="product",
            level=9,
            industry="fintech",
            city="New York",
            brand=True,
            notes="Recruiter call: 60 people, reports to the CEO, a week a month in London.",
            involves=[
                "back-to-back alignment meetings",
                "budget spreadsheets",
                "status reporting",
                "roadmap writing",
            ],
            ratings={"career trajectory": 5},
        ),
        Opportunity(
            title="Group Product Manager, Patient Experience",
            source=Source.NETWORK_REFERRAL,
            organization="Cedar Health Partners",
            function="product",
            level=5,
            industry="healthcare software",
            city="Chicago",
            notes="Priya (a former colleague) referred me; the hiring manager wants a coach.",
            involves=["coaching junior PMs", "customer interviews", "workshops", "roadmap writing"],
            ratings={"family life": 4},
        ),
        Opportunity(
            title="Product Lead, Clinic Operations (new team)",
            source=Source.SELF_CREATED,
            organization="Northwind Health",
            function="product",
            level=4,
            industry="healthcare software",
            city="Chicago",
            notes="A team I am pitching to the CPO: clinics juggle five tools to run a day.",
            involves=[
                "workshops",
                "customer interviews",
                "bringing engineering and clinical teams to one plan",
                "budget spreadsheets",
            ],
        ),
    ]


def _add_demo_opportunities(session: Any, today: date, now: datetime) -> int:
    opportunities = demo_opportunities()
    ids = [
        opp_repo.add_opportunity(session, o, today=today - timedelta(days=21 - 4 * i), now=now)
        for i, o in enumerate(opportunities)
    ]
    hr, board, recruiter, referral, _own = ids
    referrer = people_repo.ids_named(session, "Priya Nayak")  # from the demo network
    if referrer:
        opp_repo.link_person(session, referral, referrer[0][0], "referrer", now=now)
    opp_repo.add_decision(
        session,
        hr,
        Decision(
            day=today - timedelta(days=3),
            choice="pass",
            why="Same level and scope as today: not a step toward Group PM.",
        ),
        now=now,
    )
    # (opportunity, new status, days ago, note): where each option stands today
    for opp_id, status, days_ago, note in (
        (board, Status.APPLIED, 10, ""),
        (recruiter, Status.INTERVIEWING, 6, "first call with the CPO"),
        (referral, Status.EXPLORING, 5, "coffee with the hiring manager"),
        (hr, Status.PASSED, 3, "decided"),
    ):
        opp_repo.set_status(
            session, opp_id, status, day=today - timedelta(days=days_ago), note=note, now=now
        )
    return len(ids)


def create_demo(
    db: Workspace, *, today: date, now: datetime, replace: bool = False, timezone: str = "UTC"
) -> dict[str, int]:
    """Fill the workspace with the demo. Refuses to touch a workspace that already holds
    someone's plan unless `replace` is given. What the workspace held goes first; then
    Northwind's org chart goes into the shared directory as an import does (its own short
    transactions); then the plan, journal, people, opportunities and meetings, in one unit
    of work."""
    with db.session() as session:
        if vision_repo.has_profile(session) and not replace:
            raise UserError(
                "this database already holds a workspace; the demo would overwrite it",
                hint="Use a separate database (`nextmove --db sqlite:///demo.db demo`) or pass "
                "--replace to overwrite it.",
            )
        opp_repo.clear_opportunities(session)
        network.clear_network(session)
        vision_repo.clear_workspace(session)
    import_demo_chart(db, today=today, now=now)
    with db.session() as session:
        vision_repo.save_vision(session, demo_vision(), now=now)
        journal = demo_journal(today)
        for entry in journal:
            vision_repo.add_journal_entry(session, entry, now=now)
        people = create_demo_network(session, today=today, now=now)
        opportunities = _add_demo_opportunities(session, today, now)
        meetings = add_demo_meetings(session, today=today, now=now, timezone=timezone)
    return {
        "steps": 2,
        "priorities": 3,
        "journal_entries": len(journal),
        "opportunities": opportunities,
        "meetings": meetings,
    } | people
