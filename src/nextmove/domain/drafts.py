"""What a message draft says, as plain values for a template (docs/templates.md).

Four kinds: the meeting request, the follow-up nudge, the thank-you and the advisor
check-in. This module decides the content and refuses drafts that break the method (a
request without a rough outline of the role you want; a thank-you that does not name what
you learned); the wording lives in editable Jinja2 templates (``formats/drafts.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from nextmove.domain.agenda import PersonBrief, outline_phrase, similar_titles
from nextmove.domain.check import is_vague
from nextmove.domain.vision import RoleOutline, Vision
from nextmove.errors import UserError

DEFAULT_MINUTES = 30


class DraftKind(StrEnum):
    REQUEST = "request"
    NUDGE = "nudge"
    THANKS = "thanks"
    CHECKIN = "checkin"


def parse_draft_kind(value: str) -> DraftKind:
    try:
        return DraftKind(value.strip().lower())
    except ValueError:
        raise UserError(
            f"unknown draft kind {value!r}",
            hint=f"Use one of: {', '.join(k.value for k in DraftKind)}.",
        ) from None


def why_this_person(vision: Vision, person: PersonBrief) -> str:
    """A default reason to ask this person, from how they relate to the next step."""
    step = vision.next_step
    where = f" at {person.organization}" if person.organization else ""
    if person.navigated_transition and person.past_titles:
        return (
            f"you moved from {person.past_titles[0]} to {person.title or 'your current role'}"
            f"{where}, a move much like the one I am planning"
        )
    if (
        step is not None
        and person.title
        and step.title
        and similar_titles(person.title, step.title)
    ):
        return f"you are {person.title}{where}, the kind of role I am aiming for"
    if step is not None and step.function and person.function == step.function:
        return f"you work in {step.function}{where}, where I want to grow"
    if person.title:
        return f"you are {person.title}{where}, and I would value your view"
    return "I would value your view on my next step"


def draft_context(
    kind: DraftKind | str,
    vision: Vision,
    person: PersonBrief,
    *,
    why: str = "",
    learned: Sequence[str] = (),
    slots: Sequence[str] = (),
    minutes: int = DEFAULT_MINUTES,
    requested_on: date | None = None,
    met_on: date | None = None,
    introduced_by: str = "",
    last_chat_on: date | None = None,
) -> dict[str, Any]:
    """The variables a draft template sees (all plain strings, lists and dicts).

    ``why`` (default: ``why_this_person``) says why you ask this person; ``learned`` names
    what you took from the meeting (required for a thank-you); ``slots`` are proposed times
    already worded for people; ``requested_on``, ``met_on`` and ``last_chat_on`` are shown
    in the nudge, thank-you and check-in. A request or nudge without a rough, concrete
    outline of the next step is refused with a UserError.
    """
    kind = parse_draft_kind(kind) if isinstance(kind, str) else kind
    step = vision.next_step
    if kind in (DraftKind.REQUEST, DraftKind.NUDGE):
        _require_outline(step)
    cleaned = [_clause(item) for item in learned if _clause(item)]
    if kind is DraftKind.THANKS and not cleaned:
        raise UserError(
            "a thank-you names what you learned",
            hint="Add at least one thing you learned or will act on (an insight from the "
            "meeting notes).",
        )
    me = vision.me
    return {
        "kind": kind.value,
        "me": {
            "name": me.name,
            "first_name": me.name.split()[0] if me.name.strip() else "",
            "title": me.title,
            "organization": me.organization,
        },
        "person": {
            "name": person.name,
            "first_name": person.first_name,
            "title": person.title,
            "organization": person.organization,
        },
        "why": _why(why, introduced_by) or why_this_person(vision, person),
        "outline": outline_phrase(step) if step is not None else "",
        "step": _step(step),
        "two_jobs_out": vision.two_jobs_out.title if vision.two_jobs_out else "",
        "minutes": minutes,
        "slots": [s for s in slots if s.strip()],
        "learned": cleaned,
        "requested_on": _day(requested_on),
        "met_on": _day(met_on),
        "introduced_by": introduced_by.strip(),
        "last_chat_on": _day(last_chat_on),
        "priorities": [p.name for p in vision.priorities],
    }


def _clause(text: str) -> str:
    """Text that a draft places inside its own sentence: without a closing full stop of its
    own (the sentence has one: "What stays with me: ask first." not "first.."), and with the
    capital lowered when it only started a note ("Ask for …"); names keep theirs."""
    text = text.strip().rstrip(".").rstrip()
    first = text.split()[0] if text else ""
    if first[:1].isupper() and first[1:].islower() and first.lower() in _PLAIN_STARTS:
        text = text[0].lower() + text[1:]
    return text


# Words that start a note as a verb or a plain word, not a name ("Priya said …" keeps its
# capital).
_PLAIN_STARTS = frozenset(
    [
        "ask",
        "build",
        "talk",
        "lead",
        "learn",
        "start",
        "focus",
        "keep",
        "get",
        "find",
        "write",
        "read",
        "meet",
        "try",
        "use",
        "show",
        "follow",
        "the",
        "a",
        "an",
        "it",
        "that",
        "this",
        "your",
        "my",
        "their",
        "our",
        "how",
        "why",
        "what",
        "when",
        "where",
        "most",
        "every",
        "never",
        "always",
        "don't",
        "do",
        "be",
        "make",
        "take",
        "spend",
        "look",
        "reach",
        "join",
        "apply",
        "move",
        "stay",
        "say",
        "tell",
        "think",
        "work",
        "hire",
        "hiring",
        "pricing",
        "product",
        "people",
        "managers",
    ]
)


def _why(why: str, introduced_by: str) -> str:
    """Your reason to ask this person, as a clause; empty when it only repeats the
    introduction the draft already opens with ("Ana suggested I talk to you")."""
    why = _clause(why)
    if introduced_by.strip() and why.startswith(introduced_by.strip()) and "suggest" in why:
        return ""
    return why


def _require_outline(step: RoleOutline | None) -> None:
    if step is None or not step.title.strip() or is_vague(step.title):
        raise UserError(
            "a meeting request needs a rough outline of the role you want, never "
            "'open to anything'",
            hint="Write your next step (title, level, kind of organization, scope) with "
            "`nextmove vision edit`, then draft again.",
        )


def _step(step: RoleOutline | None) -> dict[str, Any]:
    if step is None:
        return {"title": "", "scope": "", "problems": [], "organization_kind": "", "city": ""}
    return {
        "title": step.title,
        "scope": step.scope,
        "problems": list(step.problems),
        "organization_kind": step.organization or step.organization_kind,
        "city": step.city,
    }


def _day(value: date | None) -> str:
    return f"{value:%A} {value.day} {value:%B}" if value else ""
