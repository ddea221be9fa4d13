"""The seniority ladder: one integer scale used everywhere, so that "two to three levels
above me" is a subtraction.

Individual-contributor steps and management steps share one scale: a staff or principal
engineer (lead) sits just below a first-line manager, a director two steps above a manager.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from nextmove.errors import UserError


@dataclass(frozen=True, slots=True)
class Level:
    rank: int
    key: str
    label: str
    examples: str


LADDER: tuple[Level, ...] = (
    Level(0, "intern", "Intern", "intern, trainee, apprentice, working student"),
    Level(1, "entry", "Entry", "junior, associate, assistant, graduate, coordinator"),
    Level(2, "mid", "Mid-level", "engineer, analyst, specialist, consultant (no prefix)"),
    Level(3, "senior", "Senior", "senior engineer, senior analyst, senior product manager"),
    Level(4, "lead", "Lead", "staff, principal, lead, team lead, group product manager"),
    Level(5, "manager", "Manager", "manager, engineering manager, head of a small team"),
    Level(6, "senior-manager", "Senior manager", "senior manager, associate director"),
    Level(7, "director", "Director", "director, head of a function"),
    Level(8, "senior-director", "Senior director", "senior director, executive director"),
    Level(9, "vp", "Vice president", "VP, vice president, general manager"),
    Level(10, "svp", "Senior VP", "SVP, EVP, senior or executive vice president"),
    Level(11, "c-level", "C-level", "CEO, CTO, CFO, chief … officer, president, founder"),
)

BY_KEY = {level.key: level for level in LADDER}
BY_RANK = {level.rank: level for level in LADDER}
MIN_RANK = LADDER[0].rank
MAX_RANK = LADDER[-1].rank

_ALIASES = {
    "junior": "entry",
    "associate": "entry",
    "professional": "mid",
    "mid-level": "mid",
    "staff": "lead",
    "principal": "lead",
    "senior manager": "senior-manager",
    "sr-manager": "senior-manager",
    "senior director": "senior-director",
    "vice-president": "vp",
    "vice president": "vp",
    "evp": "svp",
    "executive": "c-level",
    "c-suite": "c-level",
    "clevel": "c-level",
    "chief": "c-level",
}


def parse_level(value: str | int, *, field: str = "level") -> int:
    """A ladder key ("director"), alias ("staff") or rank (7) -> the rank; else a UserError."""
    if isinstance(value, bool):
        raise UserError(f"{value!r} is not a level", hint=levels_hint(), field=field)
    if isinstance(value, int):
        if value in BY_RANK:
            return value
        raise UserError(
            f"{value} is not on the ladder ({MIN_RANK}–{MAX_RANK})", hint=levels_hint(), field=field
        )
    text = str(value).strip().lower()
    if text.isascii() and text.isdigit():  # not "¹" or "٣": isdigit() takes those too
        return parse_level(int(text), field=field)
    text = _ALIASES.get(text, text).replace("_", "-").replace(" ", "-")
    text = _ALIASES.get(text, text)
    if text in BY_KEY:
        return BY_KEY[text].rank
    guess = difflib.get_close_matches(text, list(BY_KEY) + list(_ALIASES), n=1, cutoff=0.7)
    suggestion = f"; did you mean {_ALIASES.get(guess[0], guess[0])!r}?" if guess else ""
    raise UserError(f"unknown level {value!r}{suggestion}", hint=levels_hint(), field=field)


def level_key(rank: int | None) -> str | None:
    return None if rank is None else BY_RANK[rank].key


def level_label(rank: int | None) -> str:
    return "—" if rank is None else BY_RANK[rank].label


def levels_hint() -> str:
    return "Levels: " + ", ".join(f"{lv.key} ({lv.rank})" for lv in LADDER) + "."


# Levels in the sense of "two to three levels above me": the management layers an org chart
# would show. Several ladder ranks share a layer (a senior manager is still one layer below a
# director), so gaps between titles read the way people count them.
LAYERS: dict[int, int] = {0: 0, 1: 0, 2: 1, 3: 1, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4, 9: 5, 10: 5, 11: 6}


def layers_between(lower: int, higher: int) -> int:
    """How many management layers `higher` sits above `lower` (negative when below)."""
    return LAYERS[higher] - LAYERS[lower]
