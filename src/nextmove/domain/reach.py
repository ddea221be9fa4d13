"""Reach: the level change from today, and whether an opportunity is a step along the path to
two jobs from now (function, level, industry) or leads away from it. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from nextmove.domain.levels import level_label
from nextmove.domain.matching import same_phrase
from nextmove.domain.opportunities import Opportunity
from nextmove.domain.vision import Vision


@dataclass(frozen=True, slots=True)
class PathCheck:
    part: str  # "function" | "level" | "industry"
    on_path: bool | None  # None: unknown
    why: str


@dataclass(frozen=True, slots=True)
class Reach:
    level_change: int | None
    function_change: bool | None
    description: str
    path: list[PathCheck]
    score: float | None  # 1–5: 1 + 4 × matched / known


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if abs(n) == 1 else "s")


def _path_checks(vision: Vision, opp: Opportunity) -> list[PathCheck]:
    steps = vision.steps[:2]
    functions = [s.function for s in steps if s.function]
    levels = [s.level for s in steps if s.level is not None]
    industries = [s.industry for s in steps if s.industry] or (
        [vision.me.industry] if vision.me.industry else []
    )
    checks: list[PathCheck] = []
    if opp.function is None or not functions:
        checks.append(PathCheck("function", None, "The role's function or your path's is unknown."))
    elif opp.function in functions:
        checks.append(PathCheck("function", True, f"{opp.function}: the function of your path."))
    else:
        checks.append(
            PathCheck(
                "function",
                False,
                f"{opp.function}, while your path is in {' then '.join(dict.fromkeys(functions))}.",
            )
        )
    if opp.level is None or not levels:
        checks.append(PathCheck("level", None, "The role's level or your path's is unknown."))
    else:
        low = vision.me.level if vision.me.level is not None else min(levels)
        high = max(levels)
        if low <= opp.level <= high:
            checks.append(
                PathCheck(
                    "level",
                    True,
                    f"{level_label(opp.level)}: between today ({level_label(low)}) and two jobs "
                    f"from now ({level_label(high)}).",
                )
            )
        elif opp.level > high:
            checks.append(
                PathCheck(
                    "level",
                    False,
                    f"{level_label(opp.level)}: beyond where your path goes ({level_label(high)}).",
                )
            )
        else:
            checks.append(
                PathCheck(
                    "level",
                    False,
                    f"{level_label(opp.level)}: below where you are today ({level_label(low)}).",
                )
            )
    if not opp.industry or not industries:
        checks.append(PathCheck("industry", None, "The role's industry or your path's is unknown."))
    elif any(same_phrase(opp.industry, i) for i in industries):
        checks.append(PathCheck("industry", True, f"{opp.industry}: continuity with your path."))
    else:
        checks.append(
            PathCheck(
                "industry",
                False,
                f"{opp.industry}, while your path is in {' then '.join(dict.fromkeys(industries))}.",
            )
        )
    return checks


def assess_reach(vision: Vision, opp: Opportunity) -> Reach:
    me = vision.me
    change = None if (opp.level is None or me.level is None) else opp.level - me.level
    function_change = (
        None if (opp.function is None or me.function is None) else opp.function != me.function
    )
    if change is None:
        description = "Level change unknown: set the role's level and yours (`nextmove me set`)."
    elif change > 0:
        description = f"A step up of {_plural(change, 'level')} ({level_label(opp.level)})."
    elif change == 0:
        description = f"A lateral move at your level ({level_label(opp.level)})."
    else:
        description = f"A step down of {_plural(-change, 'level')} ({level_label(opp.level)})."
    if function_change:
        description += f" A change of function, from {me.function} to {opp.function}."
    path = _path_checks(vision, opp)
    known = [p for p in path if p.on_path is not None]
    score = round(1 + 4 * sum(1 for p in known if p.on_path) / len(known), 2) if known else None
    return Reach(change, function_change, description, path, score)
