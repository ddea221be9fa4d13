"""`nextmove meeting brief ID FILE.pdf`: one page to read before a research meeting — the
person, how they got where they are (as far as their employment history tells), the way to
them (who introduced whom, or the warm paths), the agenda and its questions, what to share
of your plan, and what earlier meetings with them left.

Like the report: one JSON view model (``brief_view``), read by one Typst template. Reading
the brief changes nothing; an agenda never generated is built for the page, not stored."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from nextmove.config import Settings
from nextmove.domain.agenda import build_agenda, outline_phrase
from nextmove.domain.levels import level_label
from nextmove.domain.meetings import Meeting, describe_target
from nextmove.domain.people import Job, Person
from nextmove.domain.suggest import STRENGTH_WORDS
from nextmove.domain.vision import Vision
from nextmove.errors import NotFound, UserError
from nextmove.formats.typst_pdf import render_pdf
from nextmove.services import plans as plans_service
from nextmove.services.meetings import brief_of, introduction_chain
from nextmove.services.pdf_files import Written, check_target, write_file
from nextmove.services.report import long_date, position_phrase
from nextmove.services.suggest import warm_paths
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store.vision import load_vision

MAX_JOBS = 6
_LIST_MARK = re.compile(r"^(?:[-*+]|\d{1,2}[.)])\s+")  # "- ", "* ", "1. ", "2) "
MAX_QUESTIONS = 4  # per agenda section: the page holds about twenty
MAX_PATHS = 2


def _years(job: Job) -> str:
    if job.start and job.end:
        return (
            f"{job.start.year}–{job.end.year}"
            if job.start.year != job.end.year
            else str(job.start.year)
        )
    if job.start:
        return f"since {job.start.year}"
    if job.end:
        return f"until {job.end.year}"
    return ""


def history_view(person: Person) -> list[dict[str, str]]:
    """Their jobs, latest first: the current one, then the history."""
    jobs = sorted(
        person.history,
        key=lambda j: (j.end is None, j.end or date.max, j.start or date.min),
        reverse=True,
    )
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for job in jobs:
        key = (job.organization.casefold(), job.title.casefold())
        if key in seen or not (job.title or job.organization):
            continue
        seen.add(key)
        out.append({"role": position_phrase(job.title, job.organization), "years": _years(job)})
    return out[:MAX_JOBS]


def agenda_view(meeting: Meeting, vision: Vision, person: Person) -> dict[str, Any]:
    """The meeting's agenda as sections of questions: the one you edited when there is one,
    else the one nextmove would write (without storing it)."""
    if meeting.agenda is not None:
        return parse_agenda_markdown(meeting.agenda)
    agenda = build_agenda(vision, brief_of(person), minutes=meeting.minutes)
    return {
        "notes": list(agenda.notes),
        "sections": [
            {"title": s.title, "items": list(s.questions[:MAX_QUESTIONS])} for s in agenda.sections
        ],
    }


def parse_agenda_markdown(text: str) -> dict[str, Any]:
    """An agenda as its Markdown is stored (`## Section`, `- question` or `1. question`,
    `> note`, free lines), back into sections; lines before the first section go into one
    called Agenda."""
    sections: list[dict[str, Any]] = []
    notes: list[str] = []
    current: dict[str, Any] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("# "):
            continue
        if line.startswith("## "):
            current = {"title": line[3:].strip(), "items": []}
            sections.append(current)
        elif line.startswith(">"):
            notes.append(line.lstrip("> ").strip())
        else:
            item = _LIST_MARK.sub("", line, count=1).strip()
            if current is None:
                current = {"title": "Agenda", "items": []}
                sections.append(current)
            current["items"].append(item)
    return {"notes": notes, "sections": sections}


def path_view(db: Workspace, person: Person) -> dict[str, Any]:
    """How you reach them: the chain of introductions that led to them, else the best warm
    paths through people you know."""
    assert person.id is not None
    chain = introduction_chain(db, person.id)
    if len(chain) > 1:
        return {
            "kind": "introductions",
            "text": " → ".join(link.name for link in chain),
            "paths": [],
        }
    try:
        found = warm_paths(db, str(person.id), limit=MAX_PATHS)
    except UserError:
        return {"kind": "none", "text": "", "paths": []}
    if found.direct is not None:
        strength, how = found.direct
        words = STRENGTH_WORDS.get(strength, "some")
        return {
            "kind": "direct",
            "text": f"You know them directly: a {words} tie" + (f" ({how})." if how else "."),
            "paths": [" → ".join(p) for p in found.described],
        }
    return {"kind": "warm", "text": "", "paths": [" → ".join(p) for p in found.described]}


def _when(meeting: Meeting, timezone: str) -> str:
    if meeting.starts_at is None:
        return "not scheduled yet"
    local = meeting.starts_at.astimezone(ZoneInfo(timezone))
    return f"{local:%A} {local.day} {local:%B %Y}, {local:%H:%M} ({timezone})"


def share_view(vision: Vision) -> dict[str, Any]:
    """What to share of your plan: the rough outline they can react to, what comes after,
    what matters to you and what energizes you."""
    return {
        "next_step": outline_phrase(vision.steps[0]) if vision.steps else "",
        "two_jobs_out": outline_phrase(vision.steps[1]) if len(vision.steps) > 1 else "",
        "priorities": [p.name for p in vision.priorities],
        "energizers": list(vision.energizers),
        "strengths": list(vision.strengths[:3]),
    }


def brief_view(
    db: Workspace, meeting_id: int, *, settings: Settings, today: date
) -> dict[str, Any]:
    with db.session() as session:
        meeting = repo.get_meeting(session, meeting_id)
        if meeting is None:
            raise NotFound(f"no meeting {meeting_id}", hint="See `nextmove meeting list`.")
        person = people_repo.get_person(session, meeting.person_id)
        assert person is not None and person.id is not None
        vision = load_vision(session)
        earlier = [  # this one too, once held: the brief doubles as its record
            m for m in repo.list_meetings(session, person_id=person.id) if m.held_on is not None
        ]
        insights = [(m, i) for m in earlier for i in repo.insights_of(session, m.id or 0)]
        tasks = [t for t in repo.tasks_of(session, meeting.id or 0) if t.done_on is None]
    explores = plans_service.meeting_plan(db, meeting_id)
    plan = vision.find_plan(explores) if explores else None
    # The agenda and what to share follow the plan the meeting explores.
    aimed = vision.following(plan) if plan is not None else vision
    details = [
        level_label(person.level) + " level" if person.level is not None else "",
        person.department,
        person.city,
    ]
    flags = []
    if person.offered_help:
        flags.append("offered to help")
    if person.navigated_transition:
        flags.append("made a career change themselves")
    known = person.how_known
    if person.known_since:
        known = (
            f"{known}, since {long_date(person.known_since)}"
            if known
            else (f"known since {long_date(person.known_since)}")
        )
    return {
        "title": f"Meeting brief: {person.name}",
        "owner": vision.me.name,
        "as_of_text": long_date(today),
        "meeting": {
            "id": meeting.id,
            "state": meeting.state.value,
            "when": _when(meeting, settings.timezone),
            "minutes": meeting.minutes,
            "mode": meeting.mode.value,
            "where": meeting.place or meeting.link,
            "why": meeting.why,
            "plan": plan.name if plan is not None else "",
        },
        "person": {
            "name": person.name,
            "position": position_phrase(person.title, person.organization),
            "details": " · ".join(d for d in details if d),
            "known": known,
            "flags": flags,
        },
        "history": history_view(person),
        "path": path_view(db, person),
        "agenda": agenda_view(meeting, aimed, person),
        "share": share_view(aimed),
        "earlier": [
            {"date": str(m.held_on), "text": i.text, "affects": describe_target(i, vision)}
            for m, i in insights
        ],
        "tasks": [{"text": t.text, "due": long_date(t.due_on)} for t in tasks],
    }


def brief_pdf(db: Workspace, meeting_id: int, *, settings: Settings, today: date) -> bytes:
    view = brief_view(db, meeting_id, settings=settings, today=today)
    return render_pdf("meeting_brief", view, as_of=today)


def write_brief(
    db: Workspace, meeting_id: int, path: Path, *, settings: Settings, today: date
) -> Written:
    target = check_target(path, example=f"brief-{meeting_id}.pdf")
    return write_file(target, brief_pdf(db, meeting_id, settings=settings, today=today))
