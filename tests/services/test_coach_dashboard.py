"""A coach's dashboard over many clients, on SQLite and PostgreSQL: the figures read for all
clients at once are the figures each client's own pages show, and a client's plan check,
kept between visits, follows their writes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from nextmove.config import load_settings
from nextmove.domain.journal import JournalEntry
from nextmove.services import accounts, coaching, meeting_rounds, meetings, ranking_cache, vision
from nextmove.services.coach_dashboard import client_overview
from nextmove.services.demo import create_demo
from nextmove.services.suggest import plan_research_round
from nextmove.services.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery staple"


def check_words(ws: Workspace) -> str:
    """The plan check as the client's own Today page reads it."""
    if not vision.get_vision(ws).steps:
        return "no plan yet"
    weak = sum(1 for f in vision.run_check(ws, today=TODAY) if f.severity == "weakness")
    return f"{weak} weakness{'es' if weak != 1 else ''}" if weak else "no weaknesses"


def one_by_one(ws: Workspace, zone: ZoneInfo) -> tuple[str | None, int, int]:
    """The round, meetings this week and replies awaited as the client's own pages read them."""
    round_id = meeting_rounds.current_round_id(ws)
    round_text = None
    if round_id is not None:
        progress = meeting_rounds.round_progress(ws, round_id)
        round_text = f"{progress.totals.get('held', 0)} of {progress.size} held"
    this_week = sum(
        1
        for m in meetings.list_meetings(ws, state="scheduled")
        if m.starts_at is not None
        and TODAY <= m.starts_at.astimezone(zone).date() < TODAY + timedelta(days=7)
    )
    return round_text, this_week, len(meetings.list_meetings(ws, state="requested"))


def test_the_dashboard_reads_every_client_at_once_as_their_own_pages_do(db: Workspace) -> None:
    database = db.db
    coach = accounts.create_account(
        database, email="cat@example.org", name="Cat", role="coach", password=PASSWORD, now=NOW
    )
    clients = {}
    for name, timezone in (("Ann", "Europe/Paris"), ("Bob", None), ("Dee", "America/New_York")):
        made = accounts.create_account(
            database,
            email=f"{name.lower()}@example.org",
            name=name,
            role="member",
            password=PASSWORD,
            now=NOW,
        )
        ws = open_workspace(database, workspace_id=made.workspace_id)
        if timezone is not None:  # the demo: a plan, meetings in every state
            create_demo(ws, today=TODAY, now=NOW, timezone=timezone)
        if name == "Ann":  # and a round: one held, one followed up, one requested
            plan = plan_research_round(ws, today=TODAY, size=4)
            ids = [m.id for m in meeting_rounds.round_meetings(ws, plan.round_id)]  # type: ignore[arg-type]
            steps = (["requested"], ["requested", "held"], ["requested", "held", "followed-up"])
            for meeting_id, states in zip(ids[:3], steps, strict=True):
                for state in states:
                    meetings.advance(ws, meeting_id, state, day=TODAY, now=NOW, early=True)
        coaching.grant_access(
            database, client_email=made.email, coach_email=coach.email, access="view", now=NOW
        )
        clients[made.workspace_id] = ws
    for zone_name in ("UTC", "America/New_York"):
        settings = load_settings(timezone=zone_name)
        lines = client_overview(database, coach.id, settings=settings, today=TODAY, now=NOW)
        assert [line.client.name for line in lines] == ["Bob", "Ann", "Dee"]  # Bob stalled
        for line in lines:
            ws = clients[line.workspace_id]
            assert (line.round, line.meetings_this_week, line.replies_awaited) == one_by_one(
                ws, ZoneInfo(zone_name)
            ), line.client.name
            assert line.plan_check == check_words(ws)
    ann = next(line for line in lines if line.client.name == "Ann")
    assert ann.round == "2 of 4 held" and ann.meetings_this_week + ann.replies_awaited > 0
    assert ann.last_activity is not None and not ann.stalled


def test_a_clients_plan_check_follows_their_writes(db: Workspace) -> None:
    database = db.db
    coach = accounts.create_account(
        database, email="cat@example.org", name="Cat", role="coach", password=PASSWORD, now=NOW
    )
    made = accounts.create_account(
        database, email="ann@example.org", name="Ann", role="member", password=PASSWORD, now=NOW
    )
    coaching.grant_access(
        database, client_email=made.email, coach_email=coach.email, access="view", now=NOW
    )
    ann = open_workspace(database, workspace_id=made.workspace_id)
    settings = load_settings()

    def line():  # type: ignore[no-untyped-def]
        (found,) = client_overview(database, coach.id, settings=settings, today=TODAY, now=NOW)
        return found

    assert line().plan_check == "no plan yet" and line().stalled
    hits = ranking_cache.RANKINGS.hits
    line()
    assert ranking_cache.RANKINGS.hits == hits + 1  # nothing changed: the check is kept
    vision.save_vision_data(
        ann,
        {"me": {"name": "Ann", "title": "Analyst"}, "steps": [{"title": "Head of Data"}]},
        source="test",
        now=NOW,
    )
    vision.add_journal_entry(ann, JournalEntry(day=TODAY, activity="Coffee", energy=1), now=NOW)
    after = line()
    assert after.plan_check == check_words(ann) != "no plan yet"
    assert not after.stalled and after.last_activity is not None
