"""Who held your seat before you. Pure.

A predecessor is the person who held your position before you: a past role at your
organization whose title is yours both ways (the same words, not a subset: "Assistant Nurse
Manager" is not a Nurse Manager's seat), ending around when yours began. Never someone whose
level sits below yours, and never a colleague who holds the same title now. The evidence is
graded, and the words say only what the data shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, utils

SIMILAR_AT_LEAST = 92  # rapidfuzz ratio: the same title with a typo
# Their role ended at most this many days before yours began (or a little after: handovers).
ENDED_BEFORE_DAYS = 548
HANDOVER_DAYS = 92

# A title's qualifier after a comma, dash or parenthesis names a team or a domain
# ("Senior Product Manager, Patient App"); the title proper comes before it.
_QUALIFIER = re.compile(r"\s*[,(–—|]\s*|\s+-\s+")


@dataclass(frozen=True, slots=True)
class PastSeat:
    organization: str
    title: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Seat:
    """Where you are: your title and organization, your level, and when you started."""

    title: str
    organization: str
    level: int | None = None
    started: date | None = None


@dataclass(frozen=True, slots=True)
class Predecessor:
    certainty: float  # 1: your seat; less: may have held it
    why: str


def split_title(title: str) -> tuple[str, str]:
    """("Senior Product Manager", "patient app") for "Senior Product Manager, Patient App"."""
    parts = _QUALIFIER.split(title.strip(), maxsplit=1)
    proper = utils.default_process(parts[0])
    rest = utils.default_process(parts[1]) if len(parts) > 1 else ""
    return proper, rest


def same_title(mine: str, theirs: str) -> bool:
    """The same title both ways: the same words in the title proper (or the same with a
    typo), and no clash of qualifiers (two different teams are two different seats)."""
    a, qa = split_title(mine)
    b, qb = split_title(theirs)
    if not a or not b:
        return False
    if set(a.split()) != set(b.split()) and fuzz.ratio(a, b) < SIMILAR_AT_LEAST:
        return False
    return not (qa and qb and qa != qb and fuzz.token_set_ratio(qa, qb) < SIMILAR_AT_LEAST)


def _same_org(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().lower() == b.strip().lower()


def _month(day: date) -> str:
    return day.strftime("%b %Y")


def find_predecessor(
    me: Seat,
    *,
    title: str,
    organization: str,
    level: int | None,
    history: tuple[PastSeat, ...],
    today: date,
) -> Predecessor | None:
    """Whether this person (current `title`, `organization`, `level`, past roles `history`)
    held your seat before you, and how sure that is; None when not."""
    if not me.title or not me.organization:
        return None
    if level is not None and me.level is not None and level < me.level:
        return None  # never someone below you
    if _same_org(organization, me.organization) and same_title(me.title, title):
        return None  # holds the same title now: a colleague, not a predecessor
    best: Predecessor | None = None
    for seat in history:
        if not _same_org(seat.organization, me.organization) or not same_title(
            me.title, seat.title
        ):
            continue
        if seat.end is None and seat.start is None:
            found = Predecessor(
                0.6,
                f"was {seat.title} at {seat.organization} (dates unknown): may have held your role",
            )
        elif seat.end is None or seat.end > today:
            continue  # still in it, by the record: a colleague
        elif me.started is not None:
            gap = (me.started - seat.end).days
            if gap < -HANDOVER_DAYS:
                continue  # held it alongside you: a colleague with the same title
            if gap > ENDED_BEFORE_DAYS:
                found = Predecessor(
                    0.6,
                    f"was {seat.title} at {seat.organization} until {_month(seat.end)}, well "
                    "before you began: may have held your role",
                )
            else:
                found = Predecessor(
                    1.0,
                    f"held your role before you ({seat.title} at {seat.organization} until "
                    f"{_month(seat.end)}): knows it and where it leads",
                )
        else:
            found = Predecessor(
                0.8,
                f"was {seat.title} at {seat.organization} until {_month(seat.end)}: likely "
                "held your role before you",
            )
        if best is None or found.certainty > best.certainty:
            best = found
    return best
