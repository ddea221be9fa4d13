"""HTML forms <-> the plain data the services validate. Field names follow the problems the
validators report (`steps[0].level`), so each message lands next to its field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nextmove.domain.days import parse_day
from nextmove.domain.journal import ENERGY_MAX, ENERGY_MIN, ENGAGEMENT_MAX, ENGAGEMENT_MIN
from nextmove.domain.levels import level_key
from nextmove.domain.vision import CHOICE_SUBJECTS, Vision
from nextmove.errors import InvalidInput, Problem, UserError

POSITION_FIELDS = ("name", "title", "organization", "function", "level", "industry", "city")
STEP_TEXT_FIELDS = ("title", "industry", "organization", "organization_kind", "city")
PRIORITY_SLOTS = 3
_INDEXED = re.compile(r"^(steps|priorities)\[(\d+)\]")


def said(error: UserError) -> str:
    """A service's words for a form ('Why: must not be empty.'), the hint added unless it
    names a command or an option of the CLI."""
    message = error.message
    first_word = message.split(" ", 1)[0].rstrip(":")
    if first_word.isalpha():  # a file name keeps its case
        message = message[:1].upper() + message[1:]
    hint = error.hint if error.hint and "`" not in error.hint and "--" not in error.hint else ""
    return message.rstrip(".") + "." + (f" {hint}" if hint else "")


def field_of(error: UserError, fields: Iterable[str]) -> tuple[str, str] | None:
    """(field, what is wrong with it) when the error is about one of `fields`: named by the
    service (error.field) or leading its message ('title: must not be empty')."""
    if error.field is not None:
        return (error.field, error.detail) if error.field in fields else None
    head, sep, rest = error.message.partition(":")
    return (head, rest.strip()) if sep and head in fields else None


def field_message(name: str, text: str) -> str:
    """What is wrong with a field in words that stand alone, as the summary at the top of a
    form repeats them: a service's "is 9,199 characters long; …" gets its subject ("Name is
    9,199 characters long; …"); anything else its first letter in capitals, the rest as
    written (an unknown level 'VP' stays 'VP')."""
    if text.startswith(("is ", "are ")):
        return f"{name.replace('_', ' ').capitalize()} {text}"
    return text[:1].upper() + text[1:]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _get(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@dataclass
class VisionForm:
    """What the edit form shows: a value per field, and a problem per field after a failed save."""

    values: dict[str, str] = field(default_factory=dict)
    step_slots: int = 2
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)
    # Which form slot each submitted step / priority came from (blank slots are left out).
    step_origin: list[int] = field(default_factory=list)
    priority_origin: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, vision: Vision, *, max_steps: int) -> VisionForm:
        values: dict[str, str] = {}
        me = vision.me
        for name in POSITION_FIELDS:
            raw = getattr(me, name)
            values[f"me.{name}"] = (level_key(raw) if name == "level" else raw) or ""
        for i, step in enumerate(vision.steps):
            prefix = f"steps[{i}]"
            for name in STEP_TEXT_FIELDS:
                values[f"{prefix}.{name}"] = getattr(step, name)
            values[f"{prefix}.function"] = step.function or ""
            values[f"{prefix}.level"] = level_key(step.level) or ""
            values[f"{prefix}.remote"] = "on" if step.remote else ""
            values[f"{prefix}.scope"] = step.scope
            values[f"{prefix}.problems"] = "\n".join(step.problems)
        for i, priority in enumerate(vision.priorities):
            values[f"priorities[{i}].name"] = priority.name
            values[f"priorities[{i}].note"] = priority.note
        for subject in CHOICE_SUBJECTS:
            values[f"choices.{subject}"] = vision.choices.get(subject).value
        values["energizers"] = "\n".join(vision.energizers)
        values["strengths"] = "\n".join(vision.strengths)
        return cls(values=values, step_slots=min(max_steps, max(2, len(vision.steps) + 1)))


def vision_data_from_form(
    form: Mapping[str, Any], *, max_steps: int
) -> tuple[dict[str, Any], VisionForm]:
    """The submitted form -> (data in the vision file's shape, the form to show again).

    Blank step and priority slots are left out; `remove` drops a step.
    """
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    slots_raw = _get(form, "step_slots")
    slots = min(max_steps + 1, int(slots_raw)) if slots_raw.isdigit() else 2
    shown = VisionForm(values=values, step_slots=max(1, min(max_steps, slots)))
    me = {name: _get(form, f"me.{name}") for name in POSITION_FIELDS}
    steps: list[dict[str, Any]] = []
    step_origin: list[int] = []
    for i in range(slots):
        prefix = f"steps[{i}]"
        if _get(form, f"{prefix}.remove"):
            continue
        step: dict[str, Any] = {name: _get(form, f"{prefix}.{name}") for name in STEP_TEXT_FIELDS}
        step["function"] = _get(form, f"{prefix}.function")
        step["level"] = _get(form, f"{prefix}.level")
        step["scope"] = _get(form, f"{prefix}.scope")
        step["problems"] = _lines(_get(form, f"{prefix}.problems"))
        step["remote"] = bool(_get(form, f"{prefix}.remote"))
        if not any(step.values()):
            continue
        steps.append(step)
        step_origin.append(i)
    priorities: list[dict[str, str]] = []
    priority_origin: list[int] = []
    for i in range(PRIORITY_SLOTS):
        name = _get(form, f"priorities[{i}].name")
        note = _get(form, f"priorities[{i}].note")
        if name or note:
            priorities.append({"name": name, "note": note})
            priority_origin.append(i)
    data: dict[str, Any] = {
        "me": me,
        "steps": steps,
        "priorities": priorities,
        "choices": {s: _get(form, f"choices.{s}") or "open" for s in CHOICE_SUBJECTS},
        "energizers": _lines(_get(form, "energizers")),
        "strengths": _lines(_get(form, "strengths")),
    }
    shown.step_origin = step_origin
    shown.priority_origin = priority_origin
    return data, shown


_POSITION_LABELS = {
    "name": "Your name",
    "title": "Job title",
    "organization": "Organization",
    "function": "Function",
    "level": "Seniority level",
    "industry": "Industry",
    "city": "City",
}
_STEP_LABELS = {
    **_POSITION_LABELS,
    "title": "Working title",
    "organization": "Named organization",
    "organization_kind": "Kind of organization",
    "remote": "Remote",
    "scope": "Scope",
    "problems": "Problems",
}
_STEP_NAMES = ("The next job", "Two jobs from now")


def field_label(name: str) -> str:
    """The words a person sees for a field: `steps[1].level` -> "Two jobs from now: Seniority
    level"."""
    if name.startswith("me."):
        return "Today: " + _POSITION_LABELS.get(name[3:], name[3:])
    match = _INDEXED.match(name)
    if match:
        index = int(match.group(2))
        rest = name[match.end() :].lstrip(".")
        if match.group(1) == "priorities":
            return f"Priority {index + 1}" + (" note" if rest == "note" else "")
        step = _STEP_NAMES[index] if index < len(_STEP_NAMES) else f"Step {index + 1}"
        return f"{step}: {_STEP_LABELS.get(rest, rest)}"
    if name.startswith("choices."):
        return f"Stay or change: {name[8:]}"
    return name.capitalize()


def place_problems(form: VisionForm, error: InvalidInput) -> VisionForm:
    """Put each problem next to its field; those that belong to no field go on top."""
    for problem in error.problems:
        where = _form_field(problem, form.step_origin, form.priority_origin)
        if where is None:
            form.general_errors.append(str(problem))
        else:
            form.errors.setdefault(where, problem.message)
    return form


def _form_field(problem: Problem, steps: list[int], priorities: list[int]) -> str | None:
    where = problem.where
    if not where:
        return None
    match = _INDEXED.match(where)
    if match:
        kind, index = match.group(1), int(match.group(2))
        origin = steps if kind == "steps" else priorities
        if index < len(origin):
            where = f"{kind}[{origin[index]}]" + where[match.end() :]
        if kind == "priorities" and where.endswith("]"):
            where += ".name"
    if where.startswith("steps[") and where.endswith("]"):
        where += ".title"
    if where in ("me", "steps", "priorities", "choices"):
        return None
    return where


# The journal form -----------------------------------------------------------------------


@dataclass
class JournalForm:
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def blank(cls, today: date) -> JournalForm:
        return cls(values={"date": today.isoformat(), "energy": "", "engagement": "3"})


@dataclass
class JournalInput:
    day: date
    activity: str
    energy: int
    engagement: int
    flow: bool
    themes: list[str]
    note: str


def journal_input_from_form(form: Mapping[str, Any]) -> tuple[JournalInput | None, JournalForm]:
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    shown = JournalForm(values=values)
    errors = shown.errors
    raw_day = _get(form, "date")
    day: date | None = None
    try:
        day = parse_day(raw_day)
    except UserError as error:
        errors["date"] = said(error)
    activity = _get(form, "activity")
    if not activity:
        errors["activity"] = "Say what you did, e.g. 'customer interviews'."
    energy = _int_in(_get(form, "energy"), ENERGY_MIN, ENERGY_MAX)
    if energy is None:
        errors["energy"] = "Choose how much energy it gave or took (−2 … +2)."
    engagement = _int_in(_get(form, "engagement"), ENGAGEMENT_MIN, ENGAGEMENT_MAX)
    if engagement is None:
        errors["engagement"] = "Choose your engagement from 1 (bored) to 5 (absorbed)."
    if errors or day is None or energy is None or engagement is None:
        return None, shown
    themes = [t.strip() for t in _get(form, "themes").split(",") if t.strip()]
    return (
        JournalInput(
            day=day,
            activity=activity,
            energy=energy,
            engagement=engagement,
            flow=bool(_get(form, "flow")),
            themes=themes,
            note=_get(form, "note"),
        ),
        shown,
    )


def _int_in(text: str, low: int, high: int) -> int | None:
    text = text.replace("−", "-").replace("+", "")
    try:
        value = int(text)
    except ValueError:
        return None
    return value if low <= value <= high else None
