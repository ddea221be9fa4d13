"""A small fallback that reads a level and a function from common words in a job title
("Senior", "Director", "VP", "Head of", "Engineer"). Title inference proper lives behind
`nextmove.services.titles.infer_titles`; this covers the usual words when it knows nothing.

Each guess returns the words it relied on, so callers can say why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextmove.domain.titles import TitleGuess

# "X manager" titles that are individual-contributor roles, not people managers.
_IC_MANAGER = r"(product|project|program|programme|account|brand|category|community|case)\s+manager"

# Checked in order; the first match wins. (pattern, rank)
_LEVEL_RULES: tuple[tuple[str, int], ...] = (
    (r"\bchief\b|\bc[etofmpi]o\b|\bpresident\b(?<!vice president)|\bfounder\b", 11),
    (r"\b(senior|executive|sr\.?)\s+vice\s+president\b|\bs\.?vp\b|\be\.?vp\b", 10),
    (r"\bvice\s+president\b|\bvp\b|\bgeneral\s+manager\b", 9),
    (r"\b(senior|sr\.?|executive)\s+director\b", 8),
    (r"\bassociate\s+director\b|\b(senior|sr\.?)\s+manager\b", 6),
    (r"\bdirector\b|\bhead\s+of\b", 7),
    (r"\b(staff|principal|lead|group)\b", 4),
    (rf"\b(associate|junior|jr\.?|assistant)\b.*\b{_IC_MANAGER}\b", 1),
    (rf"\b(senior|sr\.?)\b.*\b{_IC_MANAGER}\b", 3),
    (rf"\b{_IC_MANAGER}\b", 2),
    (r"\bmanager\b", 5),
    (r"\b(senior|sr\.?)\b", 3),
    (r"\bintern(ship)?\b|\btrainee\b|\bapprentice\b|\bworking\s+student\b", 0),
    (r"\b(junior|jr\.?|associate|assistant|graduate|coordinator|entry[- ]level)\b", 1),
    (
        r"\b(engineer|developer|analyst|specialist|consultant|designer|scientist|researcher|"
        r"accountant|recruiter|representative|owner|architect)\b",
        2,
    ),
)

# Checked in order; the first match wins. (pattern, function)
_FUNCTION_RULES: tuple[tuple[str, str], ...] = (
    (r"\bproduct\s+marketing\b|\bmarketing\b|\bcommunications\b|\bbrand\b|\bgrowth\b", "marketing"),
    (r"\bdesign(er)?\b|\bux\b|\bui\b|\buser\s+research", "design"),
    (r"\bproduct\s+(manager|management|owner|lead)\b|\bof\s+product\b|\bproduct\b", "product"),
    (r"\bdata\b|\banalytics\b|\bmachine\s+learning\b|\bml\b|\bbi\b", "data"),
    (
        r"\bengineer(ing)?\b|\bdeveloper\b|\bsoftware\b|\bcto\b|\bsre\b|\btechnology\b",
        "engineering",
    ),
    (r"\bsales\b|\baccount\s+executive\b|\bbusiness\s+development\b|\bcro\b", "sales"),
    (r"\bcustomer\s+(success|support|experience)\b|\bsupport\b", "customer-success"),
    (r"\bfinanc\w*\b|\baccount(ant|ing)\b|\bcontroller\b|\bcfo\b|\btreasury\b", "finance"),
    (
        r"\boperations\b|\bsupply\s+chain\b|\blogistics\b|\bcoo\b|\bprogram\s+manager\b",
        "operations",
    ),
    (r"\bhr\b|\bhuman\s+resources\b|\bpeople\b|\brecruit\w*\b|\btalent\b", "people"),
    (r"\blegal\b|\bcounsel\b|\bcompliance\b|\battorney\b|\blawyer\b", "legal"),
    (r"\bit\b|\bsecurity\b|\binfrastructure\b|\bcio\b|\bciso\b", "it"),
    (r"\bresearch\b|\bscientist\b", "research"),
    (r"\bconsult\w*\b|\bstrategy\b", "consulting"),
    (r"\bnurse\b|\bphysician\b|\bclinical\b|\bclinician\b", "healthcare"),
    (r"\bteacher\b|\blecturer\b|\bprofessor\b", "education"),
    (r"\bceo\b|\bchief\s+executive\b|\bgeneral\s+manager\b|\bmanaging\s+director\b", "executive"),
)


@dataclass(frozen=True, slots=True)
class WordGuess:
    level: int | None
    function: str | None
    evidence: tuple[str, ...]


def guess_from_words(title: str) -> WordGuess:
    """Level and function from the usual words of a title; None where nothing matched."""
    text = " " + re.sub(r"\s+", " ", title.lower()) + " "
    evidence: list[str] = []
    level = None
    for pattern, rank in _LEVEL_RULES:
        match = re.search(pattern, text)
        if match:
            level = rank
            evidence.append(f"level from {match.group(0).strip()!r}")
            break
    function = None
    for pattern, name in _FUNCTION_RULES:
        match = re.search(pattern, text)
        if match:
            function = name
            evidence.append(f"function from {match.group(0).strip()!r}")
            break
    return WordGuess(level, function, tuple(evidence))


# Title inference wins when it is at least this confident; below it, the words above win.
INFERENCE_CONFIDENCE_AT_LEAST = 0.5


def combine_guesses(title: str, inferred: TitleGuess | None) -> WordGuess:
    """Title inference first (when confident enough), the usual words as a fallback, and
    the less confident inference when the words say nothing."""
    words = guess_from_words(title)
    level, function, evidence = words.level, words.function, list(words.evidence)
    if inferred is None:
        return words
    if inferred.level is not None and (
        inferred.level_confidence >= INFERENCE_CONFIDENCE_AT_LEAST or level is None
    ):
        level = inferred.level
        evidence = [e for e in evidence if not e.startswith("level")]
        evidence.insert(0, f"level from title inference ({inferred.level_confidence:.0%})")
    if inferred.function is not None and (
        inferred.function_confidence >= INFERENCE_CONFIDENCE_AT_LEAST or function is None
    ):
        function = inferred.function
        evidence = [e for e in evidence if not e.startswith("function")]
        evidence.append(f"function from title inference ({inferred.function_confidence:.0%})")
    return WordGuess(level, function, tuple(evidence))
