"""Who would make a good advisor on your board of three. Pure.

An advisor is senior to you **and** known to you: a tie with some strength, or someone who
offered to help; never one of your own reports. Candidates are ordered by how well you know
them and how senior they are, not by name. For an executive (VP and up), where two or three
levels up hardly exists, seniority is read on purpose: chief executives and C-level peers one
step ahead elsewhere, board members and non-executive directors, operating partners, and
executive-search partners, who advise on the market.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nextmove.domain.levels import MAX_RANK, layers_between, level_label

EXECUTIVE_AT_LEAST = 9  # vp
KNOWN_AT_LEAST = 2  # a tie this strong or stronger means you know them
STRENGTH_WORDS = {2: "a light tie", 3: "a good tie", 4: "a strong tie", 5: "a very strong tie"}

# Outside and governance roles, by what they bring to an executive's board.
_OUTSIDE_ROLES: tuple[tuple[str, re.Pattern[str], str, float], ...] = (
    (
        "board",
        re.compile(
            r"\b(board\s+(member|director|chair)|member\s+of\s+the\s+board|non[- ]?executive\s+"
            r"(director|chair)|\bned\b|chair\s+of\s+the\s+board|chair(man|woman|person)\b|"
            r"^\s*(vice[- ])?chair\s*$|trustee|supervisory\s+board)",
            re.IGNORECASE,
        ),
        "sits on boards: sees the C-suite from above",
        1.5,
    ),
    (
        "search",
        re.compile(
            r"\bpartner\b.*\b(c[a-z]o|chief\s+\w+\s+officer|board|leadership|executive)\s+"
            r"(practice|search)\b|\b(executive\s+search|headhunter)\b",
            re.IGNORECASE,
        ),
        "an executive-search partner: an advisor on the market for your next role",
        1.0,
    ),
    (
        "operating-partner",
        re.compile(r"\b(operating|venture|executive)\s+partner\b", re.IGNORECASE),
        "an operating partner: has seen many leadership teams up close",
        1.0,
    ),
    (
        "advisor",
        re.compile(
            r"\b(board|strategic|senior|independent|executive)\s+advis[oe]r\b|"
            r"\badvis[oe]r\s+to\b|\bangel\s+investor\b|"
            r"^\s*(advis[oe]r|investor)\s*(?:$|[,&/|]|\s+(?:and|at)\b)",
            re.IGNORECASE,
        ),
        "an advisor or investor to companies",
        0.5,
    ),
)
_SEARCH_FIRMS = re.compile(
    r"heidrick|spencer\s+stuart|korn\s+ferry|egon\s+zehnder|russell\s+reynolds|odgers|"
    r"boyden|diversified\s+search",
    re.IGNORECASE,
)


# Any of these words, or no outside role: one cheap test before the patterns above.
_MAYBE_OUTSIDE = re.compile(
    r"board|non[- ]?exec|\bned\b|chair|trustee|partner|advis|investor|angel|search|headhunt",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def _outside_by_title(title: str) -> tuple[str, str, float] | None:
    if not _MAYBE_OUTSIDE.search(title):
        return None
    for kind, pattern, why, bonus in _OUTSIDE_ROLES:
        if pattern.search(title):
            return kind, why, bonus
    return None


def outside_role(title: str, organization: str = "") -> tuple[str, str, float] | None:
    """(kind, why, bonus) for a governance or outside role, else None. A plain "Partner" is
    an executive-search partner at a search firm."""
    found = _outside_by_title(title or "")
    if (
        found is None
        and organization
        and "partner" in (title or "").lower()
        and _SEARCH_FIRMS.search(organization)
    ):
        kind, _pattern, why, bonus = _OUTSIDE_ROLES[1]
        return kind, why, bonus
    return found


@dataclass(frozen=True, slots=True)
class Person:
    person_id: int
    name: str
    title: str = ""
    organization: str = ""
    level: int | None = None
    strength: int | None = None  # how well you know them, 1..5; None: not at all
    how: str = ""  # "your manager", "in your contacts", "stated", …
    offered_help: bool = False
    reports_to_me: bool = False


@dataclass(frozen=True, slots=True)
class Me:
    level: int | None
    organization: str = ""
    manager_id: int | None = None


@dataclass(frozen=True, slots=True)
class AdvisorCandidate:
    person: Person
    score: float
    reasons: tuple[str, ...]


def _same_org(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().lower() == b.strip().lower()


def judge_advisor(me: Me, p: Person) -> AdvisorCandidate | None:
    """This person as a candidate for your board, with the reasons in words; None when they
    are not senior to you, not known to you, or one of your reports."""
    if p.reports_to_me:
        return None
    if p.level is not None and me.level is not None and p.level < me.level:
        return None  # never below you, whatever the title
    known = (p.strength or 0) >= KNOWN_AT_LEAST or p.offered_help
    if not known:
        return None
    executive = me.level is not None and me.level >= EXECUTIVE_AT_LEAST
    outside = outside_role(p.title, p.organization)
    reasons: list[str] = []
    score = 0.0
    elsewhere = not _same_org(p.organization, me.organization)
    if outside is not None:
        # A board member or partner: what they bring is the outside view, whatever rank
        # their title reads as.
        score += 1.0 if p.level is None or me.level is None or p.level > me.level else 0.5
    elif (
        executive
        and elsewhere
        and p.level is not None
        and me.level is not None
        and p.level >= max(me.level, MAX_RANK - 1)
    ):
        # For an executive, the seat one step ahead is the C-suite, best seen elsewhere.
        score += 2.0 if p.level == MAX_RANK else 1.0
        what = "a C-level executive" if p.level == MAX_RANK else f"a {level_label(p.level)}"
        reasons.append(f"{what} elsewhere, one step ahead of you")
    elif p.level is not None and me.level is not None and p.level > me.level:
        gap = layers_between(me.level, p.level)
        score += 1.5 if 1 <= gap <= 3 else 1.0
        reasons.append(f"senior to you ({level_label(p.level)})")
    else:
        return None  # not senior to you (or their level is unknown)
    if outside is not None:
        kind, why, bonus = outside
        score += bonus if executive or kind != "advisor" else bonus / 2
        reasons.append(why)
    if p.person_id == me.manager_id:
        score += 1.0
        reasons.insert(0, "your manager")
    if p.strength:
        score += min(p.strength, 5)
        reasons.append(f"you know them ({STRENGTH_WORDS.get(p.strength, 'a weak tie')})")
    if p.offered_help:
        score += 2.0
        reasons.append("offered to help")
    return AdvisorCandidate(p, round(score, 3), tuple(reasons))


def rank_advisors(me: Me, people: list[Person]) -> list[AdvisorCandidate]:
    """Candidates for the board, best first: how well you know them and how senior they are;
    ties go to the more senior, then the name."""
    found = [c for p in people if (c := judge_advisor(me, p)) is not None]
    found.sort(key=lambda c: (-c.score, -(c.person.level or 0), c.person.name, c.person.person_id))
    return found
