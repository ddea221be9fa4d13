"""The people you know: a person with their current position, history, how you know them and
the flags the method needs; ties between people; the interaction log. Plain values and pure
functions (normalizing names, emails, profile URLs, organizations) — no I/O, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from urllib.parse import unquote, urlsplit

TIERS = ("A", "B", "C")
TIER_MEANING = {
    "A": "keep in close touch (every month or two)",
    "B": "keep in touch (a few times a year)",
    "C": "stay in loose touch (once a year)",
}


class LevelSource(StrEnum):
    """Where a person's level or function came from. A user's word is never overwritten."""

    INFERRED = "inferred"  # from the title
    ORGCHART = "orgchart"  # from their place in an org chart
    USER = "user"  # set by the user


class TieSource(StrEnum):
    """How we know that two people know each other. A tie (a, b, source) reads "b is a's …"."""

    ORGCHART_MANAGER = "orgchart-manager"  # b is a's manager (from an org chart)
    ORGCHART_REPORT = "orgchart-report"  # b reports to a (from an org chart)
    SAME_TEAM = "same-team"
    INTRODUCED_BY = "introduced-by"  # b introduced the user to a
    MET_AT = "met-at"
    STATED = "stated"  # the user said so


TIE_INVERSE = {
    TieSource.ORGCHART_MANAGER: TieSource.ORGCHART_REPORT,
    TieSource.ORGCHART_REPORT: TieSource.ORGCHART_MANAGER,
}


class InteractionKind(StrEnum):
    MET = "met"
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"
    MEETING = "meeting"
    CALENDAR = "calendar"


STRENGTH_MIN, STRENGTH_MAX = 1, 5
DEFAULT_STRENGTH = 3


@dataclass(slots=True)
class Labeled:
    """An email address, phone number or link with its label ("work", "home", "mobile" …)."""

    value: str
    label: str = ""


@dataclass(slots=True)
class Job:
    """One past (or current) position in someone's employment history."""

    organization: str
    title: str = ""
    start: date | None = None
    end: date | None = None
    source: str = ""  # the import kind or "user" that recorded it


@dataclass(slots=True)
class SourceRef:
    """Where a person came from: an import (kind, file) and the row or card in it."""

    kind: str
    key: str
    where: str = ""
    file: str = ""
    import_id: int | None = None
    imported_at: date | None = None


@dataclass(slots=True)
class Person:
    id: int | None = None
    name: str = ""
    first_name: str = ""
    last_name: str = ""
    emails: list[Labeled] = field(default_factory=list)
    phones: list[Labeled] = field(default_factory=list)
    links: list[Labeled] = field(default_factory=list)
    profile_url: str | None = None  # normalized LinkedIn profile URL
    organization: str = ""
    title: str = ""
    department: str = ""
    function: str | None = None
    level: int | None = None
    level_confidence: float = 0.0
    function_confidence: float = 0.0
    level_source: str | None = None
    function_source: str | None = None
    position_source: str = ""  # which kind of source set organization/title ("user" wins)
    industry: str = ""
    city: str = ""
    history: list[Job] = field(default_factory=list)
    how_known: str = ""
    known_since: date | None = None
    tags: list[str] = field(default_factory=list)
    tier: str | None = None
    notes: str = ""
    offered_help: bool = False
    navigated_transition: bool = False
    peer: bool = False
    changed_jobs_on: date | None = None
    last_contact: date | None = None
    # Place in an org chart (the organization's): employee id, manager, exact depth.
    employee_id: str | None = None
    manager_id: int | None = None
    org_depth: int | None = None

    @property
    def email(self) -> str | None:
        return self.emails[0].value if self.emails else None

    @property
    def changed_jobs(self) -> bool:
        return self.changed_jobs_on is not None


@dataclass(slots=True)
class Tie:
    """`other` is `person`'s … (see TieSource), with a strength 1 (weak) … 5 (strong)."""

    person_id: int
    other_id: int
    source: str
    strength: int = DEFAULT_STRENGTH
    note: str = ""
    other_name: str = ""
    id: int | None = None
    # True when stored the other way round (`person` is `other`'s …): for an introduction,
    # `person` introduced the user to `other`.
    reverse: bool = False


@dataclass(slots=True)
class Interaction:
    person_id: int
    kind: str
    day: date
    note: str = ""
    source: str = "user"
    id: int | None = None


@dataclass(slots=True)
class ContactRecord:
    """One person as a file describes them (a LinkedIn row, a vCard, a Google row, an org
    chart row), before it is merged into the network. `where` is "line 12" or "card 3"."""

    where: str
    key: str  # identifies this record within its kind of source, stable across exports
    name: str = ""
    first_name: str = ""
    last_name: str = ""
    emails: list[Labeled] = field(default_factory=list)
    phones: list[Labeled] = field(default_factory=list)
    links: list[Labeled] = field(default_factory=list)
    profile_url: str | None = None
    organization: str = ""
    title: str = ""
    department: str = ""
    industry: str = ""
    city: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    known_since: date | None = None
    how_known: str = ""
    history: list[Job] = field(default_factory=list)


# ---------------------------------------------------------------------------- normalizing

_SPACES = re.compile(r"\s+")


def clean_text(value: str | None) -> str:
    """Collapse runs of whitespace (stray tabs, non-breaking spaces, newlines) to one space."""
    if not value:
        return ""
    text = value.strip()
    if text.isascii() and "  " not in text and "\t" not in text and "\n" not in text:
        return text
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zoë Ñúñez" -> "zoe nunez"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_fold_word = lru_cache(maxsize=1 << 16)(fold)  # names repeat: "Zoë" is folded once


# Credentials and honorifics people put around their names ("Nayak, MSc, MBA", "Dr. Ana Ruiz").
# Trailing words are dropped only when they cannot be a surname ("Jack Ma" keeps "Ma"); after a
# comma the wider list applies ("Lee, MA, PMP").
CREDENTIALS = frozenset(
    [
        "mba",
        "msc",
        "mphil",
        "phd",
        "dphil",
        "md",
        "jd",
        "llm",
        "llb",
        "bsc",
        "beng",
        "meng",
        "mfa",
        "mpa",
        "mph",
        "cpa",
        "cfa",
        "caia",
        "frm",
        "pmp",
        "csm",
        "cspo",
        "psm",
        "cissp",
        "cism",
        "cisa",
        "ccna",
        "peng",
        "ceng",
        "dds",
        "dvm",
        "esq",
        "acca",
        "aca",
        "cima",
        "fca",
        "sphr",
        "phr",
        "shrm-cp",
        "shrm-scp",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "rn",
        "pmi-acp",
        "cfp",
        "cma",
        "cia",
        "cips",
        "mcips",
        "chfc",
        "clu",
        "ricp",
    ]
)
CREDENTIALS_AFTER_COMMA = CREDENTIALS | frozenset(
    [
        "ma",
        "ms",
        "ba",
        "bs",
        "ab",
        "do",
        "pa",
        "np",
        "pe",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "facs",
        "frcs",
        "faan",
        "bcba",
        "lcsw",
        "mcp",
    ]
)
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "rev"])
_NAME_JUNK = re.compile(r"[^\w\s'-]", re.UNICODE)
_TOKEN_JUNK = re.compile(r"[^a-z0-9-]")


def _token(word: str) -> str:
    return _TOKEN_JUNK.sub("", fold(word))


def strip_credentials(name: str) -> str:
    """ "Nayak, MSc, MBA" -> "Nayak"; "Ana Ruiz PhD" -> "Ana Ruiz"; "Dr. Ana Ruiz" ->
    "Ana Ruiz". A name that merely contains a comma keeps its parts ("Doe, Jane" stays)."""
    text = clean_text(name)
    if "," not in text and text.isascii():
        words = text.lower().split(" ")
        if _TOKEN_JUNK.sub("", words[-1]) not in CREDENTIALS and (
            len(words) < 3 or _TOKEN_JUNK.sub("", words[0]) not in HONORIFICS
        ):
            return text
    if "," in text:
        head, *rest = [part.strip() for part in text.split(",")]
        if (
            head
            and rest
            and all(
                all(_token(w) in CREDENTIALS_AFTER_COMMA for w in part.split())
                for part in rest
                if part
            )
        ):
            text = head
    words = text.split(" ")
    while len(words) > 1 and _token(words[-1]) in CREDENTIALS:
        words.pop()
    while len(words) > 2 and _token(words[0]) in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def name_key(name: str) -> str:
    """The key people are matched on: first and last word of the name, folded, without
    credentials, honorifics, punctuation or emoji. "Dr. Priya  Nayak, MSc" and "priya nayak"
    share it."""
    if not name:
        return ""
    if name.isascii() and "," not in name:
        words = name.lower().split()
        if (
            words
            and "".join(words).isalnum()
            and words[-1] not in CREDENTIALS
            and words[0] not in HONORIFICS
        ):
            return words[0] if len(words) == 1 else f"{words[0]} {words[-1]}"
    if "," not in name:
        words = name.split()
        if words and "".join(words).isalpha():  # letters in any script: fold two words
            first, last = _fold_word(words[0]), _fold_word(words[-1])
            if last not in CREDENTIALS and (len(words) < 3 or first not in HONORIFICS):
                return first if len(words) == 1 else f"{first} {last}"
    text = fold(strip_credentials(name))
    if not (text.isascii() and text.replace(" ", "").isalpha()):
        text = _NAME_JUNK.sub(" ", text).replace("_", " ")
    words = [w.strip("'-.") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{words[0]} {words[-1]}"


_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "l.l.c",
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "s.a",
        "sas",
        "sarl",
        "bv",
        "nv",
        "co",
        "corp",
        "corporation",
        "company",
        "pty",
        "pte",
        "oy",
        "ab",
        "as",
        "aps",
        "kg",
        "kgaa",
        "spa",
        "srl",
        "lp",
        "llp",
    ]
)


@lru_cache(maxsize=4096)
def org_key(organization: str) -> str:
    """Folded organization without punctuation or legal form: "Northwind Health, Inc." ->
    "northwind health"."""
    if not organization:
        return ""
    text = fold(organization)
    if not (text.isascii() and text.replace(" ", "").isalpha()):
        text = re.sub(r"[^\w\s&]", " ", text).replace("_", " ")
    words = text.split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(value: str | None) -> str | None:
    """Lower-cased address, or None when it is not an email address (LinkedIn's older exports
    hold `urn:li:member:…` there)."""
    if not value:
        return None
    text = value.strip().lower()
    if text.startswith(("<", "mailto:")) or text.endswith(">"):
        text = text.strip("<>").strip().removeprefix("mailto:")
    return text if _EMAIL.match(text) else None


_PLAIN_EMAILS = re.compile(r"(?:[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+\n)*[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")


def normalize_emails(values: Iterable[str]) -> list[str | None]:
    """normalize_email of each value, for a large batch: when every address is a plain one
    (the usual file), one regular expression checks them all at once."""
    texts = list(map(str.lower, map(str.strip, values)))
    given = list(filter(None, texts))
    if not given:
        return [None] * len(texts)
    joined = "\n".join(given)
    if (
        joined.count("\n") == len(given) - 1  # no line break inside an address
        and "mailto:" not in joined
        and _PLAIN_EMAILS.fullmatch(joined)
    ):
        return [text or None for text in texts]
    return list(map(normalize_email, texts))


_PLAIN_PROFILE = re.compile(r"^https?://(?:www\.)?linkedin\.com/in/([^/?#%\s]+)/?$")


def normalize_profile_url(value: str | None) -> str | None:
    """A LinkedIn profile URL in one canonical form, `https://www.linkedin.com/in/<slug>`:
    any scheme, country subdomain, query, fragment, trailing slash or percent-encoding gives
    the same result. Other URLs give None."""
    if not value:
        return None
    text = value.strip()
    plain = _PLAIN_PROFILE.match(text)
    if plain:
        return f"https://www.linkedin.com/in/{plain.group(1).lower()}"
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return None
    segments = [s for s in unquote(parts.path).split("/") if s]
    if len(segments) < 2 or segments[0].lower() not in ("in", "pub"):
        return None
    slug = segments[1].strip().lower()
    if not slug:
        return None
    return f"https://www.linkedin.com/in/{slug}"


def split_name(name: str) -> tuple[str, str]:
    """A display name -> (first, last), credentials removed."""
    words = strip_credentials(name).split()
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    return " ".join(words[:-1]), words[-1]


def display_name(first: str, last: str, fallback: str = "") -> str:
    name = clean_text(f"{clean_text(first)} {clean_text(last)}")
    return name or clean_text(fallback)


# ---------------------------------------------------------------------------- matching

NAME_SIMILARITY = 88
ORG_SIMILARITY = 85


def similar_names(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    ka, kb = fold(strip_credentials(a)), fold(strip_credentials(b))
    return ka == kb or fuzz.token_sort_ratio(ka, kb) >= NAME_SIMILARITY


def similar_orgs(a: str, b: str) -> bool:
    """Two organization keys name the same organization ("acme" ~ "acme group")."""
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    return a == b or fuzz.token_set_ratio(a, b) >= ORG_SIMILARITY


def same_position(org_a: str, title_a: str, org_b: str, title_b: str) -> bool:
    return org_key(org_a) == org_key(org_b) and fold(clean_text(title_a)) == fold(
        clean_text(title_b)
    )


def validate_tier(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    text = value.strip().upper()
    if text not in TIERS:
        from nextmove.errors import UserError

        raise UserError(
            f"tier: {value!r} is not A, B or C",
            hint="A: "
            + TIER_MEANING["A"]
            + "; B: "
            + TIER_MEANING["B"]
            + "; C: "
            + TIER_MEANING["C"]
            + ".",
        )
    return text
