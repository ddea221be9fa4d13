"""`nextmove report`: the career-plan report a person shares with a coach or mentor — the
plan(s) and their check, the energy evidence with its charts, the board of three, the round
and the research meetings with their insights, the opportunities compared, the next steps.

One service builds one JSON view model (``report_view``); the Typst template reads only
that. With ``private`` no contact's name is in it: people are described by their role, and
names in free text are replaced (``nextmove.domain.privacy``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nextmove.config import Settings
from nextmove.domain.agenda import outline_phrase
from nextmove.domain.cadence import TouchState
from nextmove.domain.evaluate import Evaluation
from nextmove.domain.journal import JournalEntry, summarize_journal
from nextmove.domain.levels import level_label
from nextmove.domain.meetings import Meeting, MeetingKind, MeetingState, describe_target
from nextmove.domain.people import Person
from nextmove.domain.plans import get_plan
from nextmove.domain.privacy import NameWords, name_tokens, redact
from nextmove.domain.vision import CHOICE_SUBJECTS, Vision, plan_key, step_name
from nextmove.formats.report_svg import Bar, activity_bars_svg, energy_days_svg, round_svg
from nextmove.formats.typst_pdf import render_pdf
from nextmove.services import board as board_service
from nextmove.services import meeting_rounds
from nextmove.services import opportunities as opp_service
from nextmove.services import plans as plans_service
from nextmove.services.pdf_files import Written, check_target, write_file
from nextmove.services.plans import PlanSummary
from nextmove.services.today import build_digest
from nextmove.services.vision import EVIDENCE_WINDOW_DAYS
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as meetings_repo
from nextmove.store import models
from nextmove.store import people as people_repo
from nextmove.store import vision as vision_repo

MAIN_PLAN = "main"
CHART_DAYS = 30
ACTIVITY_BARS = 4  # energizing and draining each
MAX_MEETINGS = 12
MAX_OPPORTUNITIES = 8
MAX_NEXT_STEPS = 8


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def position_phrase(title: str, organization: str) -> str:
    if title and organization:
        return f"{title} at {organization}"
    return title or organization


class People:
    """How the report names people: by name, or with ``private`` by their role only."""

    def __init__(self, db: Workspace, *, private: bool, me: str):
        self.private = private
        self.roles: dict[int, str] = {}
        self.tokens = NameWords()
        self.me = me
        if private:
            with db.session() as session:
                names = session.execute(select(models.Person.name)).scalars()
                self.tokens = name_tokens((n for n in names if n), keep=[me])

    def load(self, db: Workspace, ids: set[int]) -> None:
        missing = ids - set(self.roles)
        if not missing:
            return
        with db.session() as session:
            for pid, person in people_repo.load_people(session, list(missing)).items():
                self.roles[pid] = self.describe(person)

    @staticmethod
    def describe(person: Person) -> str:
        """A person by their role: "a Director of Product at Litware", "someone at Litware"."""
        if person.title:
            article = "an" if person.title[:1].lower() in "aeiou" else "a"
            where = f" at {person.organization}" if person.organization else ""
            return f"{article} {person.title}{where}"
        return f"someone at {person.organization}" if person.organization else "a contact"

    def name(self, person_id: int | None, name: str) -> str:
        if not self.private:
            return name
        if person_id is not None and person_id in self.roles:
            return self.roles[person_id]
        return "a contact"

    def text(self, text: str) -> str:
        return redact(text, self.tokens) if self.private else text


# ---------------------------------------------------------------------------- plans


MAX_SERVED = 4  # opportunities listed under each plan


def plan_view(summary: PlanSummary, people: People) -> dict[str, Any]:
    """One plan: its steps, choices, gauges, check, the opportunities it serves best and how
    many research meetings explored it."""
    plan = summary.plan
    label = (
        f"Main plan: {plan.name}" if summary.main else f"Alternative {summary.rank}: {plan.name}"
    )
    findings = sorted(summary.findings, key=lambda f: f.severity != "weakness")
    return {
        "name": plan.name,
        "main": summary.main,
        "label": people.text(label),
        "note": people.text(plan.note),
        "steps": [
            {
                "label": step_name(i).capitalize(),
                "title": people.text(step.title) or "(no title yet)",
                "outline": people.text(outline_phrase(step)),
                "problems": [people.text(p) for p in step.problems],
            }
            for i, step in enumerate(plan.steps)
        ],
        "choices": [{"subject": s, "choice": plan.choices.get(s).value} for s in CHOICE_SUBJECTS],
        "gauges": [
            {"label": name, "value": value}
            for name, value in plan.gauges.as_dict().items()
            if value is not None
        ],
        "check": [
            {
                "severity": f.severity,
                "message": people.text(f.message),
                "advice": people.text(f.advice),
            }
            for f in findings
        ],
        "weaknesses": sum(1 for f in findings if f.severity == "weakness"),
        "serves": [
            {
                "title": people.text(position_phrase(opp.title, opp.organization)),
                "kind": fit.kind,
            }
            for opp, fit in summary.serves[:MAX_SERVED]
        ],
        "meetings": summary.meetings,
    }


def chosen_plans(
    vision: Vision, summaries: list[PlanSummary], name: str | None
) -> list[PlanSummary]:
    """Every plan, or only the one named (any case; "main" is the main plan). An unknown
    name is NotFound, listing the plans there are."""
    if name is None:
        return summaries
    wanted = plan_key(get_plan(vision, name).name)
    return [s for s in summaries if plan_key(s.name) == wanted]


# ---------------------------------------------------------------------------- energy


def energy_view(entries: list[JournalEntry], *, today: date, people: People) -> dict[str, Any]:
    start = today - timedelta(days=EVIDENCE_WINDOW_DAYS - 1)
    summary = summarize_journal(entries, start=start, end=today, limit=ACTIVITY_BARS)
    chart_start = today - timedelta(days=CHART_DAYS - 1)
    recent = [(e.day, e.energy) for e in entries if e.day >= chart_start]

    def bar(t: Any) -> Bar:
        note = f"{t.count}×" + (f", flow {t.flow_count}×" if t.flow_count else "")
        return Bar(people.text(t.name), t.mean_energy, note)

    bars = [bar(t) for t in summary.energizing] + [bar(t) for t in summary.draining]
    return {
        "days": EVIDENCE_WINDOW_DAYS,
        "chart_days": CHART_DAYS,
        "entries": summary.entries,
        "mean": round(summary.mean_energy, 2),
        "flow_entries": summary.flow_entries,
        "days_logged": len({e.day for e in entries}),
        "recent_entries": len(recent),
        "chart_svg": energy_days_svg(recent, start=chart_start, end=today) if recent else "",
        "activities_svg": activity_bars_svg(bars) if bars else "",
        "energizing": [people.text(t.name) for t in summary.energizing],
        "draining": [people.text(t.name) for t in summary.draining],
        "themes": [people.text(t.name) for t in summary.themes_energizing],
    }


# ---------------------------------------------------------------------------- meetings


def _when(meeting: Meeting) -> date | None:
    """The day that matters for a meeting: when it was held, is scheduled or was asked for."""
    if meeting.held_on:
        return meeting.held_on
    if meeting.starts_at:
        return meeting.starts_at.date()
    return meeting.requested_on or meeting.idea_on


SHOWN_STATES = (
    MeetingState.HELD,
    MeetingState.FOLLOWED_UP,
    MeetingState.SCHEDULED,
    MeetingState.REQUESTED,
)


def meetings_view(db: Workspace, vision: Vision, people: People) -> dict[str, Any]:
    with db.session() as session:
        research = [
            m for m in meetings_repo.list_meetings(session) if m.kind is MeetingKind.RESEARCH
        ]
        insights = {m.id: meetings_repo.insights_of(session, m.id) for m in research if m.id}
    people.load(db, {m.person_id for m in research})
    explored = plans_service.meeting_plans(db)
    shown = sorted(
        (m for m in research if m.state in SHOWN_STATES),
        key=lambda m: (SHOWN_STATES.index(m.state) // 2, -(_when(m) or date.min).toordinal()),
    )
    counts = {s.value: 0 for s in MeetingState}
    for m in research:
        counts[m.state.value] += 1
    return {
        "counts": counts,
        "total": len(research),
        "held": counts["held"] + counts["followed-up"],
        "closed": counts["declined"] + counts["no-reply"],
        "insight_count": sum(len(v) for v in insights.values()),
        "items": [
            {
                "id": m.id,
                "who": people.name(m.person_id, m.person_name),
                "state": m.state.value,
                "date": str(_when(m) or ""),
                "why": people.text(m.why),
                "plan": people.text(explored.get(m.id or 0, "")),
                "insights": [
                    {
                        "text": people.text(i.text),
                        "affects": people.text(describe_target(i, vision)),
                    }
                    for i in insights.get(m.id or 0, [])
                ],
            }
            for m in shown[:MAX_MEETINGS]
        ],
        "more": max(0, len(shown) - MAX_MEETINGS),
    }


def round_view(db: Workspace, people: People) -> dict[str, Any] | None:
    round_id = meeting_rounds.current_round_id(db)
    if round_id is None:
        return None
    progress = meeting_rounds.round_progress(db, round_id)
    meetings = meeting_rounds.round_meetings(db, round_id)
    people.load(db, {m.person_id for m in meetings})
    return {
        "size": progress.size,
        "weeks": progress.weeks,
        "started": long_date(progress.created_on),
        "totals": progress.totals,
        "chart_svg": round_svg(progress.totals, progress.size),
        "meetings": [
            {
                "week": m.week or 0,
                "who": people.name(m.person_id, m.person_name),
                "state": m.state.value,
            }
            for m in meetings
        ],
    }


# ---------------------------------------------------------------------------- the rest


def board_view(
    db: Workspace, *, settings: Settings, today: date, now: datetime, people: People
) -> list[dict[str, Any]]:
    seats = board_service.show_board(db, settings=settings, today=today, now=now, with_extras=False)
    people.load(db, {s.person_id for s in seats if s.person_id is not None})
    out = []
    for seat in seats:
        status = seat.status
        out.append(
            {
                "seat": seat.seat,
                "who": people.name(seat.person_id, seat.name) if not seat.empty else "",
                "why": people.text(seat.why),
                "last_chat": long_date(seat.last_chat_on) if seat.last_chat_on else "",
                "state": status.state.value if status else "",
                "due": long_date(status.due_on) if status else "",
            }
        )
    return out


def _plans_text(ev: Evaluation, plan: str | None) -> str:
    """Which plan it serves: for one chosen plan, how it fits that plan; else which of your
    plans it serves best ("A step on your wild card plan, a detour from your main plan.")."""
    if ev.plans is None:
        return ""
    if plan is None:
        return ev.plans.text if len(ev.plans.fits) > 1 else ""
    fit = next((f for f in ev.plans.fits if plan_key(f.plan) == plan_key(plan)), None)
    return fit.why if fit else ""


def _opportunity(ev: Evaluation, people: People, plan: str | None) -> dict[str, Any]:
    opp = ev.opportunity
    return {
        "id": opp.id,
        "title": people.text(opp.title),
        "organization": people.text(opp.organization),
        "level": level_label(opp.level) if opp.level is not None else "",
        "source": opp.source.value,
        "status": opp.status.value,
        "verdict": ev.verdict.key,
        "verdict_text": people.text(ev.verdict.text),
        "fit": None if ev.fit is None else round(ev.fit, 1),
        "overall": None if ev.overall is None else round(ev.overall, 1),
        "flags": [  # the verdict may already say it ("Impressive but misaligned: …")
            people.text(f.title) for f in ev.flags if f.title not in ev.verdict.text
        ],
        "plans": people.text(_plans_text(ev, plan)),
    }


def opportunities_view(
    db: Workspace, vision: Vision, *, today: date, people: People, plan: str | None = None
) -> dict[str, Any]:
    if not vision.priorities and not vision.steps:
        return {"items": [], "total": 0, "mix": ""}
    evaluations, mix = opp_service.evaluate(db, None, today=today)
    return {
        "items": [_opportunity(ev, people, plan) for ev in evaluations[:MAX_OPPORTUNITIES]],
        "total": len(evaluations),
        "more": max(0, len(evaluations) - MAX_OPPORTUNITIES),
        "mix": people.text(mix.advice),
    }


def next_steps(
    db: Workspace,
    plans: list[dict[str, Any]],
    *,
    settings: Settings,
    today: date,
    now: datetime,
    people: People,
) -> list[str]:
    """What to do next, most pressing first: what is due in meetings and on the board, the
    plan's first weakness, and the next people to meet."""
    digest = build_digest(db, settings=settings, today=today, now=now)
    people.load(
        db,
        {m.person_id for m in digest.thanks_due + digest.nudges_due + digest.meetings_this_week}
        | {s.candidate.person_id for s in digest.next_people},
    )
    steps: list[str] = []
    for m in digest.meetings_today + digest.meetings_this_week:
        when = f"{m.starts_at:%a %d %b}" if m.starts_at else "soon"
        steps.append(
            f"Prepare the meeting with {people.name(m.person_id, m.person_name)} ({when})."
        )
    for m in digest.thanks_due:
        steps.append(f"Thank {people.name(m.person_id, m.person_name)} for the meeting.")
    for m in digest.nudges_due:
        steps.append(f"Nudge {people.name(m.person_id, m.person_name)}: no reply yet.")
    for task in digest.tasks_due:
        steps.append(f"{people.text(task.text)} (due {long_date(task.due_on)}).")
    for seat in digest.advisors_due:
        state = "overdue" if seat.status and seat.status.state is TouchState.OVERDUE else "due"
        who = people.name(seat.person_id, seat.name)
        steps.append(f"See your advisor in seat {seat.seat} ({who}) in person: {state}.")
    for plan in plans:
        weak = [c for c in plan["check"] if c["severity"] == "weakness"]
        if weak:
            steps.append(f"{plan['label']}: {weak[0]['advice']}")
    for s in digest.next_people:
        who = people.name(s.candidate.person_id, s.candidate.name)
        steps.append(f"Ask {who} for a 30-minute research meeting.")
    return steps[:MAX_NEXT_STEPS]


def report_view(
    db: Workspace,
    *,
    settings: Settings,
    today: date,
    now: datetime,
    plan: str | None = None,
    private: bool = False,
) -> dict[str, Any]:
    """The whole report as plain JSON-ready data."""
    with db.session() as session:
        vision = vision_repo.load_vision(session)
        start = today - timedelta(days=EVIDENCE_WINDOW_DAYS - 1)
        entries = vision_repo.list_journal_entries(session, start=start, end=today)
    me = vision.me
    people = People(db, private=private, me=me.name)
    summaries = chosen_plans(vision, plans_service.list_plans(db, today=today), plan)
    plans = [plan_view(s, people) for s in summaries]
    owner = me.name or "My"
    return {
        "title": f"{owner}’s career plan" if me.name else "My career plan",
        "owner": me.name,
        "position": people.text(position_phrase(me.title, me.organization)),
        "as_of": str(today),
        "as_of_text": long_date(today),
        "private": private,
        "plan_filter": plan or "",
        "plans": plans,
        "priorities": [
            {"rank": i + 1, "name": people.text(p.name), "note": people.text(p.note)}
            for i, p in enumerate(vision.priorities)
        ],
        "energizers": [people.text(e) for e in vision.energizers],
        "strengths": [people.text(s) for s in vision.strengths],
        "energy": energy_view(entries, today=today, people=people),
        "board": board_view(db, settings=settings, today=today, now=now, people=people),
        "round": round_view(db, people),
        "meetings": meetings_view(db, vision, people),
        "opportunities": opportunities_view(
            db, vision, today=today, people=people, plan=summaries[0].name if plan else None
        ),
        "next_steps": next_steps(db, plans, settings=settings, today=today, now=now, people=people),
    }


# ---------------------------------------------------------------------------- writing


def report_pdf(
    db: Workspace,
    *,
    settings: Settings,
    today: date,
    now: datetime,
    plan: str | None = None,
    private: bool = False,
) -> bytes:
    view = report_view(db, settings=settings, today=today, now=now, plan=plan, private=private)
    return render_pdf("career_plan", view, as_of=today)


def write_report(
    db: Workspace,
    path: Path,
    *,
    settings: Settings,
    today: date,
    now: datetime,
    plan: str | None = None,
    private: bool = False,
) -> Written:
    target = check_target(path)
    pdf = report_pdf(db, settings=settings, today=today, now=now, plan=plan, private=private)
    return write_file(target, pdf)
