"""The agenda of a 30-minute research meeting, generated from the vision and the person.

The method: ask about their life and how they got where they are, share what you are
thinking with a rough outline of the role you want (never "I'm open to anything"), ask about
the problems in their area, and always ask who else to talk to. Questions are tailored to
who the person is: someone who made a transition, someone in the function you are aiming
for, someone who holds (or held) the role you want. Plain values, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nextmove.domain.check import is_vague
from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import level_label
from nextmove.domain.vision import RoleOutline, Vision

WHO_ELSE = "Who else should I talk to?"


@dataclass(frozen=True, slots=True)
class PersonBrief:
    """What the agenda and drafts need to know about the other person.

    ``function`` is a key of ``nextmove.domain.functions.FUNCTIONS`` and ``level`` a rank on
    the ladder (``nextmove.domain.levels``), each None when unknown. ``past_titles`` are
    earlier roles, most recent first. ``offered_to_help``: they said they would help;
    ``navigated_transition``: they changed function, industry or kind of role themselves.
    """

    name: str
    title: str = ""
    organization: str = ""
    function: str | None = None
    level: int | None = None
    past_titles: tuple[str, ...] = ()
    offered_to_help: bool = False
    navigated_transition: bool = False

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name


@dataclass(frozen=True, slots=True)
class AgendaSection:
    """One part of the agenda: a stable ``key``, a heading and the questions to ask."""

    key: str
    title: str
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Agenda:
    """The agenda of one meeting. ``notes`` are warnings for you, not questions for them
    (for example: the vision has no rough outline to share yet)."""

    person: str
    minutes: int
    sections: tuple[AgendaSection, ...]
    notes: tuple[str, ...] = field(default=())

    def section(self, key: str) -> AgendaSection:
        return next(s for s in self.sections if s.key == key)

    def as_markdown(self) -> str:
        """The agenda as Markdown: a heading, a section per part, a bullet per question."""
        lines = [f"# {self.minutes} minutes with {self.person}", ""]
        for note in self.notes:
            lines += [f"> {note}", ""]
        for section in self.sections:
            lines.append(f"## {section.title}")
            lines += [f"- {q}" for q in section.questions]
            lines.append("")
        return "\n".join(lines)


def build_agenda(vision: Vision, person: PersonBrief, *, minutes: int = 30) -> Agenda:
    """An agenda in five parts — their path, their life, your outline, the problems in their
    area, who else to talk to — with questions tailored to the person."""
    step = vision.next_step
    has_outline = step is not None and bool(step.title.strip()) and not is_vague(step.title)
    roles = _Roles(vision, person)
    notes: list[str] = []
    if not has_outline:
        notes.append(
            "Your next step has no rough outline yet: write one before the meeting "
            "(`nextmove vision edit`) — people help most when they can react to a concrete "
            "idea, never to 'open to anything'."
        )
    return Agenda(
        person=person.name,
        minutes=minutes,
        sections=(
            AgendaSection("path", "Their path", tuple(_path_questions(person, roles))),
            AgendaSection(
                "life", "Their life and what energizes them", tuple(_life_questions(vision))
            ),
            AgendaSection(
                "outline",
                "What I am thinking",
                tuple(_outline_questions(vision, person, roles, has_outline)),
            ),
            AgendaSection(
                "problems", "The problems in their area", tuple(_problem_questions(vision, person))
            ),
            AgendaSection("referrals", "Who else to talk to", tuple(_referral_questions(person))),
        ),
        notes=tuple(notes),
    )


class _Roles:
    """How the person relates to the vision's next step and to the user's current role."""

    def __init__(self, vision: Vision, person: PersonBrief):
        step = vision.next_step
        self.step = step
        self.holds_target = step is not None and _same_role(person.title, person, step)
        self.held_target = step is not None and any(
            similar_titles(t, step.title) for t in person.past_titles
        )
        self.in_target_function = (
            step is not None and step.function is not None and person.function == step.function
        )
        mine = vision.me.title
        self.was_like_me = next(
            (t for t in person.past_titles if mine and similar_titles(t, mine)), None
        )
        self.senior_to_target = (
            step is not None
            and step.level is not None
            and person.level is not None
            and person.level > step.level
        )


def _path_questions(person: PersonBrief, roles: _Roles) -> list[str]:
    where = _role_phrase(person)
    questions = [f"How did you get to {where}?" if where else "How did you get where you are?"]
    if person.navigated_transition:
        earlier = person.past_titles[0] if person.past_titles else "your earlier role"
        questions += [
            f"You moved from {earlier} to {person.title or 'what you do now'}: what made you "
            "decide, and how did you make the jump?",
            "What surprised you in the first year after the move?",
        ]
    if roles.was_like_me:
        questions.append(
            f"You were once {_a(roles.was_like_me)}, as I am now: what got you from there to here?"
        )
    questions.append("Looking back, what would you do differently?")
    return questions


def _life_questions(vision: Vision) -> list[str]:
    questions = [
        "What does a good week look like for you: what gives you energy, and what drains it?",
        "What do you enjoy most about your work right now?",
    ]
    if vision.priorities:
        top = vision.priorities[0].name
        questions.append(
            f"How do you fit work with the rest of your life? ({top.capitalize()} is my "
            "first priority.)"
        )
    return questions


def _outline_questions(
    vision: Vision, person: PersonBrief, roles: _Roles, has_outline: bool
) -> list[str]:
    step = roles.step
    if not has_outline or step is None:
        return [
            "Here is what I am thinking (write your rough outline of the next step first): "
            "does it sound realistic for someone with my background?"
        ]
    questions = [
        f"Here is what I am thinking: {outline_phrase(step)}. How does that sound to you — "
        "realistic for someone with my background?",
        "What would make that outline stronger, or what is missing from it?",
    ]
    if roles.holds_target or roles.held_target:
        # Their own title may differ from the step's ("Group Product Manager" for the step
        # "Group Product Manager, Patient Experience"): name the step as the kind of role.
        now = "hold" if roles.holds_target else "held"
        questions += [
            f"You {now} the kind of role I am aiming for next, {_a(step.title)}: what does a "
            "typical week look like in it?",
            "What separates the people who do well in it from those who struggle?",
        ]
    elif roles.in_target_function:
        label = FUNCTIONS.get(step.function or "", step.function or "").lower()
        questions.append(
            f"How does {label} work at {person.organization or 'your organization'}, and which "
            f"skills matter most for {_a(step.title)}?"
        )
    if roles.senior_to_target:
        questions.append(f"When you hire {_a(step.title)}, what do you look for?")
    later = vision.two_jobs_out
    if later is not None and later.title.strip() and not is_vague(later.title):
        questions.append(
            f"Two jobs from now I would like to be {_a(later.title)}: does this next step "
            "build toward it?"
        )
    if vision.priorities:
        names = ", ".join(p.name for p in vision.priorities)
        questions.append(f"My priorities are {names}: how well does this kind of role fit them?")
    return questions


def _problem_questions(vision: Vision, person: PersonBrief) -> list[str]:
    area = f"at {person.organization}" if person.organization else "in your area"
    questions = [f"What are the hardest problems {area} right now?"]
    step = vision.next_step
    for problem in (step.problems if step else [])[:2]:
        questions.append(
            f"I am drawn to problems like “{problem}”: how do they show up where you are?"
        )
    questions.append("Where do you see the work changing over the next few years?")
    return questions


def _referral_questions(person: PersonBrief) -> list[str]:
    questions = [WHO_ELSE, "May I mention that you suggested I get in touch?"]
    if person.offered_to_help:
        questions.insert(
            1, "You kindly offered to help: is there one introduction that would help most?"
        )
    return questions


def outline_phrase(step: RoleOutline) -> str:
    """A rough outline as one phrase, e.g. "a Product Marketing Manager, Group Lead role
    (manager level, marketing) at a growth-stage company in B2B software, in Austin or
    remote, leading two or three product marketers"."""
    text = f"{_a(step.title)} role" if step.title else "a role"
    detail = [level_label(step.level).lower() + " level" if step.level is not None else ""]
    detail.append(step.function or "")
    detail = [d for d in detail if d]
    if detail:
        text += f" ({', '.join(detail)})"
    where = step.organization or step.organization_kind
    if where:
        text += f" at {_a(where) if not step.organization else where}"
    if step.industry and not _names_industry(where, step.industry):
        text += f" in {step.industry}"
    if step.city and step.remote:
        text += f", in {step.city} or remote"
    elif step.city:
        text += f", in {step.city}"
    elif step.remote:
        text += ", remote"
    if step.scope:
        scope = step.scope.strip().rstrip(".")
        if scope[:2].istitle():  # "Lead two …" -> "lead two …", but keep "AI …"
            scope = scope[0].lower() + scope[1:]
        text += f": {scope}"
    return text


_WORD = re.compile(r"[a-z0-9]+")


def _names_industry(where: str, industry: str) -> bool:
    """ "a health tech company" already says "Health tech": not "… in Health tech" again."""
    return bool(where) and set(_WORD.findall(industry.lower())) <= set(_WORD.findall(where.lower()))


_NOISE = {"of", "and", "the", "a", "an", "for", "sr", "senior", "jr", "junior", "i", "ii", "iii"}


def _words(title: str) -> set[str]:
    return {w for w in _WORD.findall(title.lower()) if w not in _NOISE}


def similar_titles(a: str, b: str) -> bool:
    """Titles that name the same kind of role ("Director of Product Marketing" and
    "Product Marketing Director")."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.75


def _same_role(title: str, person: PersonBrief, step: RoleOutline) -> bool:
    if similar_titles(title, step.title):
        return True
    known = step.function is not None and step.level is not None
    return known and (person.function, person.level) == (step.function, step.level)


def _role_phrase(person: PersonBrief) -> str:
    if person.title and person.organization:
        return f"{person.title} at {person.organization}"
    return person.title or person.organization


def _a(noun: str) -> str:
    """The noun with "a" or "an"."""
    noun = noun.strip()
    if not noun:
        return noun
    article = "an" if noun[0].lower() in "aeiou" else "a"
    return f"{article} {noun}"
