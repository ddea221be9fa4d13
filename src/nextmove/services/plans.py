"""Use cases for alternative plans: list, add, edit, set gauges, promote, delete, compare.

Each change loads the vision, applies a pure operation (domain/plans), and saves it in one
transaction; a plan keeps its row (and the meetings that explored it) across edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from nextmove.domain.check import Finding
from nextmove.domain.journal import summarize_journal
from nextmove.domain.opportunities import CLOSED_STATUSES, Opportunity
from nextmove.domain.plans import (
    PlanFit,
    add_plan,
    check_plans,
    delete_plan,
    get_plan,
    is_main,
    plans_served,
    promote_plan,
    replace_plan,
    set_plan,
)
from nextmove.domain.suggest import Suggestion
from nextmove.domain.vision import Plan, Vision, plan_key
from nextmove.errors import NotFound
from nextmove.formats.vision_toml import PLAN_HEADER, parse_plan, render_plan
from nextmove.services import suggest as suggest_service
from nextmove.services.vision import EVIDENCE_WINDOW_DAYS, journal_window
from nextmove.services.workspace import Workspace
from nextmove.store import opportunities as opp_repo
from nextmove.store import vision as repo


@dataclass(slots=True)
class PlanSummary:
    """One plan as the compare page, `plan show` and the report see it."""

    plan: Plan
    main: bool
    rank: int  # 0 the main plan, 1–3 the alternatives
    findings: list[Finding]
    serves: list[tuple[Opportunity, PlanFit]] = field(default_factory=list)
    meetings: int = 0  # research meetings recorded as exploring this plan

    @property
    def name(self) -> str:
        return self.plan.name


def _change(
    db: Workspace, operation: Any, *, now: datetime, renamed: dict[str, str] | None = None
) -> Vision:
    """Load, change (a pure function of the vision), save: one transaction."""
    with db.session() as session:
        repo.hold_for_update(session)
        vision = operation(repo.load_vision(session))
        repo.save_vision(session, vision, now=now, renamed=renamed)
    return vision


def list_plans(db: Workspace, *, today: date) -> list[PlanSummary]:
    """Every plan, the main plan first, each with its check (the journal of the last 90 days
    as evidence), the open opportunities it serves and its research meetings."""
    start, end = journal_window(today, EVIDENCE_WINDOW_DAYS)
    with db.session() as session:
        vision = repo.load_vision(session)
        entries = repo.list_journal_entries(session, start=start, end=end)
        opportunities = [
            o for o in opp_repo.list_opportunities(session) if o.status not in CLOSED_STATUSES
        ]
        counts = repo.plan_meeting_counts(session)
    journal = summarize_journal(entries, start=start, end=end, limit=10) if entries else None
    served = plans_served(vision, opportunities)
    return [
        PlanSummary(
            plan=check.plan,
            main=check.main,
            rank=rank,
            findings=check.findings,
            serves=served.get(check.plan.name, []),
            meetings=counts.get(plan_key(check.plan.name), 0),
        )
        for rank, check in enumerate(check_plans(vision, journal))
    ]


def show_plan(db: Workspace, name: str, *, today: date) -> PlanSummary:
    with db.session() as session:
        vision = repo.load_vision(session)
    wanted = plan_key(get_plan(vision, name).name)
    return next(s for s in list_plans(db, today=today) if plan_key(s.name) == wanted)


def create_plan(db: Workspace, name: str, *, source: str | None, now: datetime) -> Plan:
    vision = _change(db, lambda v: add_plan(v, name, source=source), now=now)
    return vision.alternatives[-1]


def change_plan(
    db: Workspace,
    name: str,
    *,
    gauges: dict[str, int | None] | None = None,
    note: str | None = None,
    rename: str | None = None,
    now: datetime,
) -> Plan:
    """Set some gauges, the note or the name of a plan."""
    with db.session() as session:
        old = get_plan(repo.load_vision(session), name).name
    vision = _change(
        db,
        lambda v: set_plan(v, name, gauges=gauges, note=note, rename=rename),
        now=now,
        renamed={old: rename} if rename else None,
    )
    return get_plan(vision, rename or old)


def promote(db: Workspace, name: str, *, now: datetime) -> Vision:
    return _change(db, lambda v: promote_plan(v, name), now=now)


def plan_to_delete(db: Workspace, name: str) -> Plan:
    """The plan `remove_plan` would delete, or the error it would raise (an unknown name, the
    main plan): checked before asking the user to confirm, so nobody confirms a refusal."""
    with db.session() as session:
        vision = repo.load_vision(session)
    delete_plan(vision, name)
    return get_plan(vision, name)


def remove_plan(db: Workspace, name: str, *, now: datetime) -> Plan:
    with db.session() as session:
        plan = get_plan(repo.load_vision(session), name)
    _change(db, lambda v: delete_plan(v, name), now=now)
    return plan


def export_plan(db: Workspace, name: str) -> str:
    with db.session() as session:
        plan = get_plan(repo.load_vision(session), name)
    return PLAN_HEADER + render_plan(plan)


def import_plan(db: Workspace, name: str, text: str, *, source: str, now: datetime) -> Plan:
    """Replace the plan called `name` with the plan document `text` (`plan edit`); a new name
    in the document renames the plan."""
    plan = parse_plan(text, source)
    with db.session() as session:
        old = get_plan(repo.load_vision(session), name).name
    vision = _change(db, lambda v: replace_plan(v, name, plan), now=now, renamed={old: plan.name})
    return get_plan(vision, plan.name)


def plan_is_main(db: Workspace, name: str) -> bool:
    with db.session() as session:
        vision = repo.load_vision(session)
    return is_main(vision, get_plan(vision, name))


def set_meeting_plan(
    db: Workspace, meeting_id: int, name: str | None, *, now: datetime
) -> str | None:
    """Record which plan a meeting explores; None or "" clears it. Returns the plan's name."""
    with db.session() as session:
        plan_id = None
        plan_name = None
        if name is not None and name.strip():
            plan = get_plan(repo.load_vision(session), name)
            plan_name = plan.name
            plan_id = repo.plan_ids(session).get(plan_key(plan.name))
            if plan_id is None:  # the vision was never saved: the main plan has no row yet
                repo.hold_for_update(session)
                repo.save_plans(session, repo.load_vision(session), now=now)
                plan_id = repo.plan_ids(session)[plan_key(plan.name)]
        if not repo.set_meeting_plan(session, meeting_id, plan_id):
            raise NotFound(
                f"no meeting with id {meeting_id}", hint="`nextmove meeting list` shows ids."
            )
    return plan_name


def meeting_plan(db: Workspace, meeting_id: int) -> str | None:
    with db.session() as session:
        return repo.meeting_plan_names(session, [meeting_id]).get(meeting_id)


def meeting_plans(db: Workspace) -> dict[int, str]:
    """meeting id -> the plan it explores, for every meeting that names one."""
    with db.session() as session:
        return repo.meeting_plan_names(session)


def people_for_plans(
    db: Workspace,
    *,
    today: date,
    limit: int = 3,
    weights: Any = None,
    cooldown_days: int | None = None,
) -> dict[str, list[Suggestion]]:
    """Plan name -> the best people to meet to explore it (suggestions aimed at the plan)."""
    with db.session() as session:
        names = [p.name for p in repo.load_vision(session).plans]
    options: dict[str, Any] = {"today": today, "limit": limit, "weights": weights}
    if cooldown_days is not None:
        options["cooldown_days"] = cooldown_days
    return {
        name: suggest_service.suggest_people(db, plan=name, **options).suggestions for name in names
    }
