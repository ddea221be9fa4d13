"""The vision file: a TOML document for people who prefer writing their plan as text.

See docs/vision-file.md for the full format. Errors name the field and its line.
"""

from __future__ import annotations

import re
import tomllib
from typing import Annotated, Any, TypeVar

import tomli_w
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from nextmove.domain.functions import parse_function
from nextmove.domain.levels import level_key, parse_level
from nextmove.domain.plans import clean_plan_name
from nextmove.domain.vision import (
    DEFAULT_PLAN_NAME,
    GAUGE_MAX,
    GAUGE_MIN,
    GAUGES,
    MAX_ALTERNATIVES,
    Choice,
    Choices,
    Gauges,
    Plan,
    Position,
    Priority,
    RoleOutline,
    Vision,
    plan_key,
)
from nextmove.errors import InvalidInput, NextmoveError, Problem

FORMAT_VERSION = 1
MAX_PRIORITIES = 3


def _level(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return parse_level(value)
    except NextmoveError as exc:
        raise ValueError(f"{exc.detail}. {exc.hint}") from None


def _function(value: Any) -> str | None:
    if value is None or value == "":
        return None
    try:
        return parse_function(value)
    except NextmoveError as exc:
        raise ValueError(f"{exc.detail}. {exc.hint}") from None


def _text(value: Any) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        return value.strip()
    return value


def _plan_name(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return clean_plan_name(value)
    except NextmoveError as exc:
        raise ValueError(exc.detail + (f". {exc.hint}" if exc.hint else "")) from None


PlanName = Annotated[str, BeforeValidator(_plan_name)]
Gauge = Annotated[int | None, Field(ge=GAUGE_MIN, le=GAUGE_MAX)]
LevelField = Annotated[int | None, BeforeValidator(_level)]
FunctionField = Annotated[str | None, BeforeValidator(_function)]
Text = Annotated[str, BeforeValidator(_text)]
# The storage's column widths: a longer value is a clear problem here, not a database error.
Text200 = Annotated[str, BeforeValidator(_text), StringConstraints(max_length=200)]
Text300 = Annotated[str, BeforeValidator(_text), StringConstraints(max_length=300)]
MAX_STEPS = 10


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class _MeIn(_Strict):
    name: Text200 = ""
    title: Text300 = ""
    organization: Text300 = ""
    function: FunctionField = None
    level: LevelField = None
    industry: Text200 = ""
    city: Text200 = ""


class _StepIn(_Strict):
    title: Text300 = ""
    function: FunctionField = None
    level: LevelField = None
    industry: Text200 = ""
    organization: Text300 = ""
    organization_kind: Text200 = ""
    city: Text200 = ""
    remote: bool = False
    scope: Text = ""
    problems: list[Text] = Field(default_factory=list)


class _PriorityIn(_Strict):
    name: Text200 = Field(min_length=1)
    note: Text = ""


class _ChoicesIn(_Strict):
    industry: Choice = Choice.OPEN
    company: Choice = Choice.OPEN
    city: Choice = Choice.OPEN


class _PlanMetaIn(_Strict):
    """[plan]: the main plan's name, note and gauges."""

    name: PlanName = DEFAULT_PLAN_NAME
    note: Text = ""
    resources: Gauge = None
    likeability: Gauge = None
    confidence: Gauge = None
    coherence: Gauge = None


class _PlanIn(_Strict):
    """[[plans]]: one alternative plan."""

    name: PlanName
    note: Text = ""
    resources: Gauge = None
    likeability: Gauge = None
    confidence: Gauge = None
    coherence: Gauge = None
    choices: _ChoicesIn = Field(default_factory=_ChoicesIn)
    steps: list[_StepIn] = Field(default_factory=list, max_length=MAX_STEPS)


def _priority(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class _VisionIn(_Strict):
    version: int = FORMAT_VERSION
    priorities: list[Annotated[_PriorityIn, BeforeValidator(_priority)]] = Field(
        default_factory=list, max_length=MAX_PRIORITIES
    )
    energizers: list[Text] = Field(default_factory=list)
    strengths: list[Text] = Field(default_factory=list)
    me: _MeIn = Field(default_factory=_MeIn)
    choices: _ChoicesIn = Field(default_factory=_ChoicesIn)
    steps: list[_StepIn] = Field(default_factory=list, max_length=MAX_STEPS)
    plan: _PlanMetaIn = Field(default_factory=_PlanMetaIn)
    plans: list[_PlanIn] = Field(default_factory=list, max_length=MAX_ALTERNATIVES)


_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(#.*)?$")
_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]+\")\s*=")


class _LineIndex:
    """Finds the line of a field like ('steps', 1, 'level') in the raw TOML text."""

    def __init__(self, text: str):
        self.keys: dict[tuple[tuple[Any, ...], str], int] = {}
        self.tables: dict[tuple[Any, ...], int] = {}
        counts: dict[tuple[Any, ...], int] = {}
        table: tuple[Any, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            if match := _ARRAY_TABLE.match(line):
                parent = self._resolve(match.group(1).split(".")[:-1], counts)
                name = (*parent, match.group(1).split(".")[-1])
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (*name, index)
                self.tables[table] = number
            elif match := _TABLE.match(line):
                table = self._resolve(match.group(1).split("."), counts)
                self.tables[table] = number
            elif match := _KEY.match(line):
                self.keys.setdefault((table, match.group(1).strip('"')), number)

    @staticmethod
    def _resolve(parts: list[str], counts: dict[tuple[Any, ...], int]) -> tuple[Any, ...]:
        """`plans.steps` inside the second [[plans]] is ('plans', 1, 'steps')."""
        path: tuple[Any, ...] = ()
        for part in parts:
            path = (*path, part)
            if path in counts:
                path = (*path, counts[path] - 1)
        return path

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        for cut in range(len(loc), 0, -1):
            head, key = loc[: cut - 1], loc[cut - 1]
            if isinstance(key, str) and (head, key) in self.keys:
                return self.keys[(head, key)]
            if loc[:cut] in self.tables:
                return self.tables[loc[:cut]]
        return None


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + str(part)
    return name


def _problem(error: Any, lines: _LineIndex) -> Problem:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    field = _field_name(loc)
    line = lines.line_of(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        message = f"unknown field {field!r}"
    elif kind == "too_long" and loc == ("plans",):
        count = len(error.get("input") or [])
        message = (
            f"{field}: {count} alternative plans; up to {MAX_ALTERNATIVES} besides your main "
            "plan (Designing Your Life's three Odyssey plans)"
        )
    elif kind in ("greater_than_equal", "less_than_equal") and loc[-1] in GAUGES:
        message = f"{field}: {error['input']} is outside {GAUGE_MIN}–{GAUGE_MAX}"
    elif kind == "missing":
        message = f"{field}: is required"
    elif kind == "too_long" and loc == ("priorities",):
        count = len(error.get("input") or [])
        message = f"{field}: {count} given; the method asks for exactly three, ranked"
    elif kind == "string_too_short":
        message = f"{field}: must not be empty"
    elif kind in ("string_too_long", "too_long") and isinstance(error.get("input"), str):
        message = f"{field}: longer than {error['ctx']['max_length']} characters"
    elif kind == "enum":
        message = f"{field}: {error['input']!r} is not one of stay, change, open"
    else:
        message = f"{field}: " + re.sub(r"^Value error, ", "", error["msg"])
    return Problem(f"line {line}" if line else "", message)


_M = TypeVar("_M", bound=BaseModel)


def _validate_toml(
    model: type[_M], text: str, source: str, *, syntax_hint: str, fields_hint: str
) -> _M:
    """TOML text -> `model`; bad syntax, then bad fields (named with their line), each raised
    as one InvalidInput with its own hint."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(
            source, [Problem("", f"not valid TOML: {exc}")], hint=syntax_hint
        ) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = _LineIndex(text)
        raise InvalidInput(
            source, [_problem(e, lines) for e in exc.errors()], hint=fields_hint
        ) from None


def parse_vision(text: str, source: str = "vision file") -> Vision:
    """TOML text -> Vision; every problem named with its field and line in one InvalidInput."""
    parsed = _validate_toml(
        _VisionIn,
        text,
        source,
        syntax_hint="Fix the syntax at the line shown; docs/vision-file.md has a full example.",
        fields_hint="Fields and allowed values are in docs/vision-file.md "
        "(`nextmove vision export` writes a valid file to start from).",
    )
    return _vision_of(parsed, text, source)


def vision_from_data(data: dict[str, Any], source: str = "vision") -> Vision:
    """A dict shaped like the vision file (a web form, a JSON body) -> Vision.

    Problems name the field itself (`steps[0].level`) in `Problem.where`, so a form can show
    each message next to its field.
    """
    try:
        parsed = _VisionIn.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(
                p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
            )
            message = _problem(error, _LineIndex("")).message
            field = _field_name(loc)
            if message.startswith(f"{field}: "):
                message = message[len(field) + 2 :]
            problems.append(Problem(field, message))
        raise InvalidInput(source, problems, hint="Fix the fields marked and save again.") from None
    return _vision_of(parsed, "", source)


def _vision_of(parsed: _VisionIn, text: str, source: str) -> Vision:
    if parsed.version != FORMAT_VERSION:
        raise InvalidInput(
            source,
            [
                Problem(
                    f"line {_LineIndex(text).line_of(('version',))}",
                    f"version: {parsed.version} is not supported (this nextmove reads {FORMAT_VERSION})",
                )
            ],
        )
    lines = _LineIndex(text)
    seen: dict[str, str] = {plan_key(parsed.plan.name): "plan.name"}
    for index, alternative in enumerate(parsed.plans):
        key = plan_key(alternative.name)
        if key in seen:
            where = f"line {lines.line_of(('plans', index, 'name'))}" if text else ""
            field = f"plans[{index}].name"
            raise InvalidInput(
                source,
                [
                    Problem(
                        where or field,
                        (f"{field}: " if text else "")
                        + f"{alternative.name!r} is already the name of {seen[key]}; "
                        "each plan needs its own name",
                    )
                ],
            )
        seen[key] = f"plans[{index}]"
    return Vision(
        me=Position(**parsed.me.model_dump()),
        steps=[RoleOutline(**s.model_dump()) for s in parsed.steps],
        priorities=[Priority(name=p.name, note=p.note) for p in parsed.priorities],
        choices=_choices(parsed.choices),
        energizers=list(parsed.energizers),
        strengths=list(parsed.strengths),
        plan_name=parsed.plan.name,
        plan_note=parsed.plan.note,
        gauges=_gauges(parsed.plan),
        alternatives=[
            Plan(
                name=p.name,
                steps=[RoleOutline(**s.model_dump()) for s in p.steps],
                choices=_choices(p.choices),
                note=p.note,
                gauges=_gauges(p),
            )
            for p in parsed.plans
        ],
    )


def _choices(parsed: _ChoicesIn) -> Choices:
    return Choices(industry=parsed.industry, company=parsed.company, city=parsed.city)


def _gauges(parsed: _PlanMetaIn | _PlanIn) -> Gauges:
    return Gauges(**{name: getattr(parsed, name) for name in GAUGES})


def _clean(table: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: leave out unset values, keep everything else."""
    return {k: v for k, v in table.items() if v not in (None, "", [], False)}


HEADER = """\
# nextmove vision — where you want to be two jobs from now.
# Format: docs/vision-file.md. Import with `nextmove vision import FILE`.

"""


def _toml_value(value: str) -> str:
    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].rstrip("\n")


def _render_priorities(priorities: list[Any]) -> str:
    items = []
    for item in priorities:
        if isinstance(item, dict):
            items.append(
                f"{{ name = {_toml_value(item['name'])}, note = {_toml_value(item['note'])} }}"
            )
        else:
            items.append(_toml_value(item))
    body = "".join(f"    {item},\n" for item in items)
    return f"priorities = [\n{body}]\n" if items else "priorities = []\n"


def render_vision(vision: Vision) -> str:
    """Vision -> TOML text that parse_vision reads back to an equal Vision."""
    me = vision.me
    document: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "priorities": [
            {"name": p.name, "note": p.note} if p.note else p.name for p in vision.priorities
        ],
        "energizers": list(vision.energizers),
        "strengths": list(vision.strengths),
        "me": _clean(
            {
                "name": me.name,
                "title": me.title,
                "organization": me.organization,
                "function": me.function,
                "level": level_key(me.level),
                "industry": me.industry,
                "city": me.city,
            }
        ),
        "choices": {
            "industry": vision.choices.industry.value,
            "company": vision.choices.company.value,
            "city": vision.choices.city.value,
        },
        "steps": [_step_table(s) for s in vision.steps],
    }
    main_meta = _plan_meta(vision.main_plan)
    if main_meta != {"name": DEFAULT_PLAN_NAME}:
        document["plan"] = main_meta
    steps = document.pop("steps")
    priorities = document.pop("priorities")
    # Priorities stay one readable list (a string, or an inline table with a note); steps read
    # better as [[steps]] blocks than as the inline tables tomli_w would write.
    parts = [HEADER, f"version = {FORMAT_VERSION}\n", _render_priorities(priorities)]
    del document["version"]
    parts.append(tomli_w.dumps(document, multiline_strings=True))
    if steps:
        parts.append("\n# The next job first, then two jobs from now.\n")
    for step in steps:
        parts.append("\n[[steps]]\n" + tomli_w.dumps(step, multiline_strings=True))
    if vision.alternatives:
        parts.append(
            "\n# Alternative plans (up to three): each with its own steps, choices and gauges.\n"
        )
    for plan in vision.alternatives:
        parts.append("\n" + render_plan(plan, table="plans"))
    return "".join(parts)


def _step_table(s: RoleOutline) -> dict[str, Any]:
    return _clean(
        {
            "title": s.title,
            "function": s.function,
            "level": level_key(s.level),
            "industry": s.industry,
            "organization": s.organization,
            "organization_kind": s.organization_kind,
            "city": s.city,
            "remote": s.remote,
            "scope": s.scope,
            "problems": list(s.problems),
        }
    )


def _plan_meta(plan: Plan) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": plan.name}
    if plan.note:
        meta["note"] = plan.note
    meta.update({k: v for k, v in plan.gauges.as_dict().items() if v is not None})
    return meta


def render_plan(plan: Plan, *, table: str = "") -> str:
    """One plan as TOML: as a [[plans]] block of the vision file (table="plans"), or as a
    document of its own (`plan edit`) that parse_plan reads back."""
    prefix = f"{table}." if table else ""
    head = f"[[{table}]]\n" if table else ""
    choices = {
        "industry": plan.choices.industry.value,
        "company": plan.choices.company.value,
        "city": plan.choices.city.value,
    }
    text = head + tomli_w.dumps(_plan_meta(plan), multiline_strings=True)
    text += f"\n[{prefix}choices]\n" + tomli_w.dumps(choices)
    for step in plan.steps:
        text += f"\n[[{prefix}steps]]\n" + tomli_w.dumps(_step_table(step), multiline_strings=True)
    return text


PLAN_HEADER = """\
# One nextmove plan: its name, note, gauges (0–100), stay-or-change choices and steps
# (the next job, then two jobs from now). Format: docs/vision-file.md ([[plans]]).

"""


def parse_plan(text: str, source: str = "plan file") -> Plan:
    """A plan document (render_plan without a table) -> Plan; problems named by field and line."""
    parsed = _validate_toml(
        _PlanIn,
        text,
        source,
        syntax_hint="Fix the syntax at the line shown.",
        fields_hint="Fields and allowed values are in docs/vision-file.md ([[plans]]).",
    )
    return Plan(
        name=parsed.name,
        steps=[RoleOutline(**s.model_dump()) for s in parsed.steps],
        choices=_choices(parsed.choices),
        note=parsed.note,
        gauges=_gauges(parsed),
    )
