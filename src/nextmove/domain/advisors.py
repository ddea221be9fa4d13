"""Who would make a good advisor on your board of three. Pure.

An advisor is senior to you **and** known to you: a tie with some strength, or someone who
offered to help; never one of your own reports. Candidates are ordered by how well you know
them and how senior they are, not by name. For an executive (VP and up), where two or three
levels up hardly exists, seniority is read on purpose: chief executives and C-level peers one
step ahead elsewhere, board members and non-executive directors, operating partners, and
executive-search partners, who advise on the market. A recruiter or an HR business partner
helps with a hiring process, not with seeing your path: not a candidate unless your plan
heads into people/HR or they offered to help.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nextmove.domain.levels import MAX_RANK, layers_between, level_label
from nextmove.domain.title_lexicon import (
    ADVISOR,
    BOARD,
    EXECUTIVE_SEARCH,
    HR_PARTNER,
    INVESTOR,
    OPERATING_PARTNER,
    RECRUITER,
    TAGS,
)
from nextmove.domain.title_words import fold
from nextmove.domain.titles import infer_title

EXECUTIVE_AT_LEAST = 9  # vp
KNOWN_AT_LEAST = 2  # a tie this strong or stronger means you know them
STRENGTH_WORDS = {2: "a light tie", 3: "a good tie", 4: "a strong tie", 5: "a very strong tie"}

# Outside and governance roles, by what they bring to an executive's board: the title
# reader's tag (domain/titles.py) -> (kind, why, bonus).
_OUTSIDE_ROLES: dict[str, tuple[str, str, float]] = {
    BOARD: ("board", "sits on boards: sees the C-suite from above", 1.5),
    EXECUTIVE_SEARCH: (
        "search",
        "an executive-search partner: an advisor on the market for your next role",
        1.0,
    ),
    OPERATING_PARTNER: (
        "operating-partner",
        "an operating partner: has seen many leadership teams up close",
        1.0,
    ),
    ADVISOR: ("advisor", "an advisor or investor to companies", 0.5),
    INVESTOR: ("advisor", "an advisor or investor to companies", 0.5),
}
_LONGEST = 200  # characters of a title or organization read
# Words of those phrases too common in titles to be worth the test ("Director of …"): each
# phrase has another word that is kept.
_GENERIC = frozenset({"the", "and", "van", "des", "del", "director", "member", "vice"})
# A title with none of these has no outside role: one cheap test before reading it (the
# words of the reader's outside-role phrases, and a firm's roles and practices).
_MAYBE_OUTSIDE = re.compile(
    "|".join(
        sorted(
            {
                re.escape(word)
                for phrase, tag in TAGS.items()
                if tag in _OUTSIDE_ROLES
                for word in phrase.split()
                if len(word) >= 3 and word not in _GENERIC
            }
            | {"partner", "principal", "practice", "advis", "investor"}
        )
    )
)


@lru_cache(maxsize=1 << 15)
def _maybe_outside(title: str) -> bool:
    """Whether a title could name an outside role at all (asked once per title, whatever
    the organization: a network repeats its titles across many organizations)."""
    return bool(title.strip()) and _MAYBE_OUTSIDE.search(fold(title)) is not None


@lru_cache(maxsize=16384)
def outside_role(title: str, organization: str = "") -> tuple[str, str, float] | None:
    """(kind, why, bonus) for a governance or outside role, else None, as the one title
    reader tags it: a board seat, an executive-search partner (by the practice, or a plain
    "Partner" at a search firm), an operating partner, an advisor or investor. A
    department chair, a tax-practice partner or a financial advisor is none of these."""
    title = (title or "")[:_LONGEST]
    if not _maybe_outside(title):
        return None
    organization = (organization or "")[:_LONGEST].strip()
    tag = infer_title(f"{title} at {organization}" if organization else title).tag
    return _OUTSIDE_ROLES.get(tag)


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
    aiming_at: frozenset[str] = frozenset()  # the functions of your plan's steps


# A title with none of these words is no recruiter's: one cheap test before reading it.
_MAYBE_RECRUITING = re.compile(
    r"recruit|sourcer|talent|\bhr\b|human resources|people partner|recrut"
)


def _recruiting(title: str) -> bool:
    """A recruiter, talent acquisition or an HR business partner, by the title reader."""
    text = title[:_LONGEST]
    if not _MAYBE_RECRUITING.search(text.lower()):
        return False
    return infer_title(text).tag in (RECRUITER, HR_PARTNER)


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
    if not p.offered_help and "people" not in me.aiming_at and _recruiting(p.title):
        return None  # helps with a hiring process, not with seeing your path
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
