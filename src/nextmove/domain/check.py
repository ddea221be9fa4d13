"""`vision check`: every weakness of a plan, with concrete advice. Pure; the journal summary is
passed in so energizers can be held against evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextmove.domain.journal import JournalSummary, activity_key
from nextmove.domain.levels import level_label
from nextmove.domain.vision import Choice, RoleOutline, Vision, step_name

VAGUE_PATTERNS = (
    r"\bopen to (anything|everything|any\w*)\b",
    r"\banything\b",
    r"\bwhatever\b",
    r"\bany (role|job|position|thing)\b",
    r"\bnot sure\b",
    r"\bno idea\b",
    r"\bdon'?t know\b",
    r"^\s*(tbd|tbc|\?+|n/?a)\s*$",
    r"\bsomething (new|else|different)\b",
)
_VAGUE = re.compile("|".join(VAGUE_PATTERNS), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    field: str
    message: str
    advice: str
    severity: str = "weakness"  # "weakness" | "note"
    # The advice in the web app's words where `advice` names a command: the web never tells
    # people to run one (the page's "Fix this" link and its own pages do the rest).
    web_advice: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field,
            "message": self.message,
            "advice": self.advice,
        }


def is_vague(text: str) -> bool:
    return bool(_VAGUE.search(text or ""))


def _step_field(index: int, name: str) -> str:
    return f"steps[{index}].{name}"


def _subject(index: int) -> str:
    """A step as the subject of a sentence: "the job after next has no city", not "the two
    jobs from now has no city"."""
    return "job after next" if index == 1 else step_name(index)


def _check_outline(index: int, step: RoleOutline) -> list[Finding]:
    found: list[Finding] = []
    label = _subject(index)
    texts = [step.title, step.scope, *step.problems]
    if any(is_vague(t) for t in texts):
        found.append(
            Finding(
                "vague-outline",
                _step_field(index, "title"),
                f"The {label} reads as 'open to anything'.",
                "People can only help with a rough outline of the role you want: name a "
                "function, a level and the problems you want to own, even if you are unsure.",
            )
        )
    if not step.title.strip():
        found.append(
            Finding(
                "no-title",
                _step_field(index, "title"),
                f"The {label} has no working title.",
                "Give it a working title, e.g. 'Director of Product Marketing'.",
            )
        )
    if step.function is None:
        found.append(
            Finding(
                "no-function",
                _step_field(index, "function"),
                f"The {label} has no function.",
                "Say which kind of work it is (product, marketing, engineering, …) so nextmove "
                "can find people who do it.",
            )
        )
    if step.level is None:
        found.append(
            Finding(
                "no-level",
                _step_field(index, "level"),
                f"The {label} has no seniority level.",
                "Set a level (e.g. 'manager', 'director'); it decides who is two to three "
                "levels above you.",
            )
        )
    if not step.scope.strip():
        found.append(
            Finding(
                "no-scope",
                _step_field(index, "scope"),
                f"The {label} has no scope.",
                "Describe the scope in a line: team size, budget, markets or products owned.",
            )
        )
    if not step.problems:
        found.append(
            Finding(
                "no-problems",
                _step_field(index, "problems"),
                f"The {label} names no problems you want to work on.",
                "List one to three problems; they make research meetings concrete.",
                severity="note",
            )
        )
    if not (step.city.strip() or step.remote):
        found.append(
            Finding(
                "no-place",
                _step_field(index, "city"),
                f"The {label} has no city and is not marked remote.",
                "Add a city or set remote = true.",
                severity="note",
            )
        )
    return found


def _choice_findings(vision: Vision) -> list[Finding]:
    found: list[Finding] = []
    me, choices = vision.me, vision.choices

    def add(subject: str, index: int, message: str, advice: str) -> None:
        found.append(
            Finding(f"contradicts-{subject}-choice", f"choices.{subject}", message, advice)
        )

    for index, step in enumerate(vision.steps[:2]):
        label = _subject(index)
        same_city = bool(me.city) and step.city.strip().lower() == me.city.strip().lower()
        if choices.city is Choice.STAY and step.city and not same_city and not step.remote:
            add(
                "city",
                index,
                f"You chose to stay in {me.city}, but the {label} is in {step.city}.",
                "Change the step's city (or mark it remote), or set city to 'open'.",
            )
        if choices.city is Choice.CHANGE and same_city and not step.remote:
            add(
                "city",
                index,
                f"You chose to change city, but the {label} is in {me.city}.",
                "Name the city you want to move to, or set city to 'stay' or 'open'.",
            )
        same_industry = (
            bool(me.industry) and step.industry.strip().lower() == me.industry.strip().lower()
        )
        if choices.industry is Choice.STAY and step.industry and not same_industry and me.industry:
            add(
                "industry",
                index,
                f"You chose to stay in {me.industry}, but the {label} is in {step.industry}.",
                "Align the step's industry, or set industry to 'open'.",
            )
        if choices.industry is Choice.CHANGE and same_industry:
            add(
                "industry",
                index,
                f"You chose to change industry, but the {label} is in {me.industry}.",
                "Name the industry you are aiming at, or set industry to 'stay' or 'open'.",
            )
        same_org = bool(me.organization) and (
            step.organization.strip().lower() == me.organization.strip().lower()
        )
        if choices.company is Choice.STAY and step.organization and not same_org and index == 0:
            add(
                "company",
                index,
                f"You chose to stay at {me.organization}, but the {label} is at {step.organization}.",
                "Leave the organization blank or set company to 'change' or 'open'.",
            )
        if choices.company is Choice.CHANGE and same_org:
            add(
                "company",
                index,
                f"You chose to change company, but the {label} is at {me.organization}.",
                "Set company to 'stay' or 'open', or name another kind of organization.",
            )
    return found


def _energizer_findings(vision: Vision, journal: JournalSummary | None) -> list[Finding]:
    found: list[Finding] = []
    if not vision.energizers:
        advice = "List what gives you energy at work"
        web = ""
        if journal and journal.energizing:
            tops = ", ".join(t.name for t in journal.energizing[:3])
            advice += f"; your journal points to: {tops}"
        else:
            web = advice + " — log activities in your energy journal to find out from evidence."
            advice += " — log activities with `nextmove journal add` to find out from evidence"
        found.append(
            Finding(
                "no-energizers", "energizers", "No energizers listed.", advice + ".", web_advice=web
            )
        )
    if not vision.strengths:
        found.append(
            Finding(
                "no-strengths",
                "strengths",
                "No strengths listed.",
                "List what you are good at, ideally things others have told you or results show.",
            )
        )
    if journal and journal.entries:
        draining = {activity_key(t.name): t for t in (*journal.draining, *journal.themes_draining)}
        for energizer in vision.energizers:
            tally = draining.get(activity_key(energizer))
            if tally:
                found.append(
                    Finding(
                        "energizer-drains",
                        "energizers",
                        f"'{energizer}' is listed as an energizer, but your journal rates it "
                        f"{tally.mean_energy:+.1f} over {tally.count} entries.",
                        "Trust the evidence: move it off the list, or log more to see whether "
                        "it really gives you energy.",
                    )
                )
    elif vision.energizers:
        found.append(
            Finding(
                "energizers-without-evidence",
                "energizers",
                "Your energizers rest on no journal entries yet.",
                "Log a few weeks of activities with `nextmove journal add` to test them.",
                severity="note",
                web_advice="Log a few weeks of activities in your energy journal to test them.",
            )
        )
    return found


def check_vision(vision: Vision, journal: JournalSummary | None = None) -> list[Finding]:
    """Every weakness of the vision, most structural first."""
    found: list[Finding] = []
    me = vision.me
    if not me.title.strip() or me.level is None or me.function is None:
        missing = [
            n
            for n, v in (
                ("title", me.title.strip()),
                ("level", me.level),
                ("function", me.function),
            )
            if v in ("", None)
        ]
        found.append(
            Finding(
                "incomplete-position",
                "me",
                "Your current position lacks " + ", ".join(missing) + ".",
                "Set it with `nextmove me set`; reach and 'levels above you' are measured from it.",
                web_advice="Fill it in where you edit your vision; reach and 'levels above you' "
                "are measured from it.",
            )
        )
    if len(vision.steps) < 2:
        found.append(
            Finding(
                "fewer-than-two-steps",
                "steps",
                "No steps yet: a plan needs the next job and the one after it."
                if not vision.steps
                else "Only the next job so far: a plan needs the one after it too.",
                "Decide where you want to be two jobs from now, then the next job that leads there.",
            )
        )
    for index, step in enumerate(vision.steps):
        found.extend(_check_outline(index, step))

    nxt, after = vision.next_step, vision.two_jobs_out
    if nxt and nxt.level is not None and me.level is not None:
        same_function = nxt.function is None or nxt.function == me.function
        if nxt.level < me.level:
            found.append(
                Finding(
                    "next-step-down",
                    "steps[0].level",
                    f"The next job ({level_label(nxt.level)}) is below your level today "
                    f"({level_label(me.level)}).",
                    "If it is a deliberate step back (a new field, more life), say so in its "
                    "scope; otherwise aim higher.",
                )
            )
        elif nxt.level == me.level and same_function:
            found.append(
                Finding(
                    "next-step-not-a-reach",
                    "steps[0].level",
                    f"The next job is at your level today ({level_label(me.level)}) in the same "
                    "function: not a reach.",
                    "A next move should stretch you: a level up, or a new function or scope "
                    "that builds toward two jobs from now.",
                )
            )
    if nxt and after:
        if nxt.level is not None and after.level is not None and after.level < nxt.level:
            found.append(
                Finding(
                    "path-goes-down",
                    "steps[1].level",
                    f"Two jobs from now ({level_label(after.level)}) is below the next job "
                    f"({level_label(nxt.level)}).",
                    "Make the next job a step toward the one after it, or swap them.",
                )
            )
        if (
            nxt.function
            and after.function
            and nxt.function != after.function
            and after.function not in ("executive",)
            and (
                not nxt.industry
                or not after.industry
                or nxt.industry.lower() != after.industry.lower()
            )
        ):
            found.append(
                Finding(
                    "path-does-not-build",
                    "steps[1].function",
                    f"Two jobs from now is in {after.function}, the next job in {nxt.function}, "
                    "with nothing carried over (function or industry).",
                    "Pick a next job that builds toward the later one: same function, same "
                    "industry, or explain the bridge in its scope.",
                )
            )
    found.extend(_choice_findings(vision))

    if len(vision.priorities) != 3:
        found.append(
            Finding(
                "not-three-priorities",
                "priorities",
                f"{len(vision.priorities)} priorities; the method asks for exactly three, ranked.",
                "Choose the three that matter most now (e.g. family life, career trajectory, "
                "skills development) and rank them.",
            )
        )
    names = [p.name.strip().lower() for p in vision.priorities]
    if len(set(names)) != len(names):
        found.append(
            Finding(
                "duplicate-priorities",
                "priorities",
                "The same priority is listed twice.",
                "Each of the three should be a different thing you would trade off.",
            )
        )
    found.extend(_energizer_findings(vision, journal))
    return found


def weaknesses(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "weakness"]
