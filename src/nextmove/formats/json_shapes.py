"""The documented JSON shapes of read commands (docs/json.md). Plain dicts, stable keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nextmove.domain.check import Finding
from nextmove.domain.journal import JournalEntry, JournalSummary, Tally
from nextmove.domain.levels import level_key, level_label
from nextmove.domain.paths import WarmPath
from nextmove.domain.slots import Interval
from nextmove.domain.suggest import Suggestion
from nextmove.domain.vision import Position, RoleOutline, Vision, step_name

# The pydantic models load when a shape is built (a `--json` run, the API), not with the
# helpers: a read command's text output never pays for them.
if TYPE_CHECKING:
    from nextmove.formats.schemas.calendar import BusyPublic, FreeSlotsPublic
    from nextmove.formats.schemas.core import (
        JournalEntryPublic,
        JournalSummaryPublic,
        PositionPublic,
        VisionPublic,
    )
    from nextmove.formats.schemas.imports import ImportReportPublic
    from nextmove.formats.schemas.people import (
        PersonDetailPublic,
        PersonListPublic,
        PersonPublic,
        TiePublic,
        TouchPublic,
    )
    from nextmove.formats.schemas.suggest import PathsPublic, SuggestionsPublic


def level_json(rank: int | None) -> dict[str, Any] | None:
    if rank is None:
        return None
    return {"rank": rank, "key": level_key(rank), "label": level_label(rank)}


def position_json(me: Position) -> PositionPublic:
    from nextmove.formats.schemas.core import PositionPublic

    shape = {
        "name": me.name,
        "title": me.title,
        "organization": me.organization,
        "function": me.function,
        "level": level_json(me.level),
        "industry": me.industry,
        "city": me.city,
    }
    return PositionPublic.model_validate(shape)


def step_json(index: int, step: RoleOutline) -> dict[str, Any]:
    return {
        "position": index,
        "name": step_name(index),
        "title": step.title,
        "function": step.function,
        "level": level_json(step.level),
        "industry": step.industry,
        "organization": step.organization,
        "organization_kind": step.organization_kind,
        "city": step.city,
        "remote": step.remote,
        "scope": step.scope,
        "problems": list(step.problems),
    }


def vision_json(vision: Vision) -> VisionPublic:
    from nextmove.formats.schemas.core import VisionPublic

    shape = {
        "me": position_json(vision.me),
        "steps": [step_json(i, s) for i, s in enumerate(vision.steps)],
        "priorities": [
            {"rank": rank, "name": p.name, "note": p.note}
            for rank, p in enumerate(vision.priorities, start=1)
        ],
        "choices": {
            "industry": vision.choices.industry.value,
            "company": vision.choices.company.value,
            "city": vision.choices.city.value,
        },
        "energizers": list(vision.energizers),
        "strengths": list(vision.strengths),
    }
    return VisionPublic.model_validate(shape)


def findings_json(findings: list[Finding]) -> dict[str, Any]:
    weak = [f for f in findings if f.severity == "weakness"]
    return {
        "ok": not weak,
        "weaknesses": len(weak),
        "notes": len(findings) - len(weak),
        "findings": [f.as_dict() for f in findings],
    }


def journal_entry_json(entry: JournalEntry) -> JournalEntryPublic:
    from nextmove.formats.schemas.core import JournalEntryPublic

    shape = {
        "id": entry.id,
        "date": entry.day.isoformat(),
        "activity": entry.activity,
        "energy": entry.energy,
        "engagement": entry.engagement,
        "flow": entry.flow,
        "themes": list(entry.themes),
        "note": entry.note,
    }
    return JournalEntryPublic.model_validate(shape)


def tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "name": tally.name,
        "entries": tally.count,
        "mean_energy": round(tally.mean_energy, 2),
        "mean_engagement": round(tally.mean_engagement, 2),
        "flow": tally.flow_count,
        "last": tally.last_seen.isoformat() if tally.last_seen else None,
    }


def journal_summary_json(summary: JournalSummary) -> JournalSummaryPublic:
    from nextmove.formats.schemas.core import JournalSummaryPublic

    shape = {
        "from": summary.start.isoformat() if summary.start else None,
        "to": summary.end.isoformat() if summary.end else None,
        "entries": summary.entries,
        "mean_energy": round(summary.mean_energy, 2),
        "flow_entries": summary.flow_entries,
        "energizing": [tally_json(t) for t in summary.energizing],
        "draining": [tally_json(t) for t in summary.draining],
        "themes": {
            "energizing": [tally_json(t) for t in summary.themes_energizing],
            "draining": [tally_json(t) for t in summary.themes_draining],
        },
    }
    return JournalSummaryPublic.model_validate(shape)


def interval_json(interval: Interval) -> dict[str, Any]:
    """An interval as ISO 8601 instants with their UTC offset, in the user's zone."""
    return {
        "start": interval.start.isoformat(),
        "end": interval.end.isoformat(),
        "minutes": int(interval.duration.total_seconds() // 60),
        "summary": interval.summary,
    }


def busy_json(timezone: str, start: Any, end: Any, intervals: list[Interval]) -> BusyPublic:
    """`calendar busy --json`: the busy times between two instants, in the user's zone."""
    from nextmove.formats.schemas.calendar import BusyPublic

    return BusyPublic.model_validate(
        {
            "timezone": timezone,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "busy": [interval_json(i) for i in intervals],
        }
    )


def free_slots_json(timezone: str, minutes: int, slots: list[Interval]) -> FreeSlotsPublic:
    """`slots --json`: free slots proposed for a meeting of `minutes`, in the user's zone."""
    from nextmove.formats.schemas.calendar import FreeSlotsPublic

    return FreeSlotsPublic.model_validate(
        {
            "timezone": timezone,
            "minutes": minutes,
            "slots": [{k: v for k, v in interval_json(s).items() if k != "summary"} for s in slots],
        }
    )


def warm_path_json(path: WarmPath, described: tuple[str, ...]) -> dict[str, Any]:
    return {
        "hops": [
            {
                "person_id": hop.person_id,
                "name": label.split(" (")[0],
                "relation": hop.relation,
                "strength": hop.strength,
            }
            for hop, label in zip(path.hops, described, strict=True)
        ],
        "text": " → ".join(("you", *described)),
        "quality": round(path.quality, 3),
    }


def suggestion_json(rank: int, s: Suggestion) -> dict[str, Any]:
    c = s.candidate
    return {
        "rank": rank,
        "person": {
            "id": c.person_id if c.person_id > 0 else None,
            # A member of an org chart who is not one of your people: their reference.
            "member": c.member_ref or None,
            "name": c.name,
            "title": c.title,
            "organization": c.organization,
            "function": c.function,
            "level": level_json(c.level),
            "city": c.city,
        },
        "score": s.score,
        "reasons": [
            {"code": r.code, "text": r.text, "contribution": r.contribution} for r in s.reasons
        ],
        "direct": (
            {"strength": c.direct_strength, "how": c.direct_relation} if c.direct_strength else None
        ),
        "path": warm_path_json(c.path, c.path_names) if c.path is not None else None,
    }


def suggestions_json(result: Any) -> SuggestionsPublic:
    """`suggest --json` and GET /api/suggestions: a services.suggest.SuggestResult."""
    from nextmove.formats.schemas.suggest import SuggestionsPublic

    return SuggestionsPublic.model_validate(
        {
            "people": result.people,
            "considered": result.considered,
            "linked": result.linked,
            "suggestions": [
                suggestion_json(i, s) for i, s in enumerate(result.suggestions, start=1)
            ],
        }
    )


def paths_json(result: Any) -> PathsPublic:
    """`path --json` and GET /api/people/{id}/paths: a services.suggest.PathResult."""
    from nextmove.formats.schemas.suggest import PathsPublic

    return PathsPublic.model_validate(
        {
            "person": {"id": result.person_id, "name": result.name},
            "direct": (
                {"strength": result.direct[0], "how": result.direct[1]} if result.direct else None
            ),
            "paths": [
                warm_path_json(p, d) for p, d in zip(result.paths, result.described, strict=True)
            ],
        }
    )


# ------------------------------------------------------------------------------ the network


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def person_line_json(line: Any) -> dict[str, Any]:
    """One person in `people list --json`."""
    return {
        "id": line.id,
        "name": line.name,
        "title": line.title,
        "organization": line.organization,
        "level": level_json(line.level),
        "function": line.function,
        "city": line.city,
        "tier": line.tier,
        "tags": list(line.tags),
        "last_contact": _day(line.last_contact),
        "flags": _flags(line),
        # "northwind:NW1042": a member of an org chart, not one of your people (id 0).
        "member": getattr(line, "member_ref", "") or None,
    }


def _flags(p: Any) -> list[str]:
    flags = []
    if p.offered_help:
        flags.append("offered-help")
    if p.navigated_transition:
        flags.append("navigated-transition")
    if p.peer:
        flags.append("peer")
    if p.changed_jobs_on is not None:
        flags.append("changed-jobs")
    return flags


def person_json(person: Any) -> dict[str, Any]:
    """A whole person (`people show --json`, without ties and interactions)."""
    return {
        "id": person.id,
        "name": person.name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "emails": [{"address": e.value, "label": e.label} for e in person.emails],
        "phones": [{"number": p.value, "label": p.label} for p in person.phones],
        "links": [{"url": link.value, "label": link.label} for link in person.links],
        "linkedin_url": person.profile_url,
        "organization": person.organization,
        "title": person.title,
        "department": person.department,
        "level": level_json(person.level),
        "level_confidence": person.level_confidence,
        "level_source": person.level_source,
        "function": person.function,
        "function_confidence": person.function_confidence,
        "function_source": person.function_source,
        "industry": person.industry,
        "city": person.city,
        "history": [
            {
                "organization": j.organization,
                "title": j.title,
                "start": _day(j.start),
                "end": _day(j.end),
                "source": j.source,
            }
            for j in person.history
        ],
        "how_known": person.how_known,
        "known_since": _day(person.known_since),
        "tags": list(person.tags),
        "tier": person.tier,
        "notes": person.notes,
        "flags": _flags(person),
        "changed_jobs_on": _day(person.changed_jobs_on),
        "last_contact": _day(person.last_contact),
        "org_chart": None
        if person.employee_id is None
        else {
            "employee_id": person.employee_id,
            "manager_id": person.manager_id,
            "depth": person.org_depth,
        },
    }


def tie_json(tie: Any) -> dict[str, Any]:
    return {
        "person_id": tie.other_id,
        "name": tie.other_name,
        "source": tie.source,
        "strength": tie.strength,
        "note": tie.note,
    }


def interaction_json(item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "date": item.day.isoformat(),
        "kind": item.kind,
        "note": item.note,
        "source": item.source,
    }


def touch_json(person: Any, item: Any) -> dict[str, Any]:
    """A logged touch and the person's last contact after it (`touch --json`)."""
    return interaction_json(item) | {
        "person_id": person.id,
        "last_contact": _day(person.last_contact),
    }


def source_json(ref: Any) -> dict[str, Any]:
    return {
        "kind": ref.kind,
        "key": ref.key,
        "file": ref.file,
        "where": ref.where,
        "import_id": ref.import_id,
        "imported_on": _day(ref.imported_at),
    }


def person_detail_json(detail: Any) -> dict[str, Any]:
    return person_json(detail.person) | {
        "is_me": detail.is_me,
        "ties": [tie_json(t) for t in detail.ties],
        "interactions": [interaction_json(i) for i in detail.interactions],
        "sources": [source_json(s) for s in detail.sources],
        "member": detail.member_ref or None,
        "directory": org_facts_json(detail.org) if detail.org is not None else None,
    }


# The people commands' documented shapes (`people list/show/add/edit/tie`, `touch`), the models
# the API returns; the dict builders above are their parts (and the export's).


def person_list_json(total: int, lines: list[Any]) -> PersonListPublic:
    from nextmove.formats.schemas.people import PersonLinePublic, PersonListPublic

    return PersonListPublic(
        total=total, people=[PersonLinePublic.model_validate(person_line_json(p)) for p in lines]
    )


def person_public(person: Any) -> PersonPublic:
    from nextmove.formats.schemas.people import PersonPublic

    return PersonPublic.model_validate(person_json(person))


def person_detail_public(detail: Any) -> PersonDetailPublic:
    from nextmove.formats.schemas.people import PersonDetailPublic

    return PersonDetailPublic.model_validate(person_detail_json(detail))


def tie_public(tie: Any) -> TiePublic:
    from nextmove.formats.schemas.people import TiePublic

    return TiePublic.model_validate(tie_json(tie))


def touch_public(person: Any, item: Any) -> TouchPublic:
    from nextmove.formats.schemas.people import TouchPublic

    return TouchPublic.model_validate(touch_json(person, item))


def _member_json(m: Any) -> dict[str, Any]:
    return {"employee_id": m.employee_id, "name": m.name, "title": m.title}


def org_facts_json(org: Any) -> dict[str, Any]:
    """What an organization's chart says about someone (`people show --json`)."""
    m = org.member
    return {
        "organization": org.organization,
        "ref": org.ref,
        "employee_id": m.employee_id,
        "title": m.title,
        "level": level_json(m.level),
        "function": m.function,
        "department": m.department,
        "city": m.city,
        "depth": m.depth,
        "managers": [_member_json(c) for c in org.chain],
        "reports": [_member_json(r) for r in org.reports],
        "team": [{"date": _day(t.taken_on), "direct": t.direct, "size": t.size} for t in org.team],
        "positions": [
            {
                "title": p.title,
                "department": p.department,
                "manager_employee_id": p.manager_employee_id,
                "since": _day(p.since),
                "until": _day(p.until),
            }
            for p in org.positions
        ],
        "held_seat_before": [
            {"employee_id": h.employee_id, "name": h.name, "title": h.title, "until": _day(h.until)}
            for h in org.predecessors
        ],
    }


def import_report_json(report: Any) -> dict[str, Any]:
    return {
        "kind": report.kind,
        "source": report.source,
        "dry_run": report.dry_run,
        "partial": report.partial,
        "import_id": report.import_id,
        "records": report.records,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "interactions": report.interactions,
        "skipped": len(report.skipped),
        "skipped_by_reason": report.skipped_by_reason(),
        "skips": [{"where": s.where, "reason": s.reason} for s in report.skipped],
        "problems": [{"where": p.where, "message": p.message} for p in report.problems],
        "changed_jobs": [
            {"person_id": c.person_id, "name": c.name, "before": c.before, "after": c.after}
            for c in report.job_changes
        ],
        "notes": list(report.notes),
    }


def import_report_public(report: Any) -> ImportReportPublic:
    """`import KIND FILE --json` and POST /api/imports/{kind}: an import's report."""
    from nextmove.formats.schemas.imports import ImportReportPublic

    return ImportReportPublic.model_validate(import_report_json(report))
