"""How a job title is cut into words: segments, the organization after "at"/"@", tokens
with abbreviations expanded, and the order-free key looked up among O*NET titles.

The build script for the reference data uses the same `split_title` and `core_key`, so keys
built from O*NET and keys looked up at run time agree.
"""

from __future__ import annotations

import re
import unicodedata

from nextmove.domain.title_lexicon import GRADES

_SEGMENT_SPLIT = re.compile(r"[|•·;\\()\[\]{}]|\s[-–—:/]\s|[–—]")
_ORG_CUT = re.compile(r"@|\b(?:at|to(?! work)|for)\s")
_TOKEN = re.compile(r",|[^\W_][\w&+#]*")
# Apostrophes join ("women's" -> womens); every other mark already ends a token.
_JOIN = str.maketrans({"'": "", "’": "", "`": ""})

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "sr": ("senior",),
    "snr": ("senior",),
    "sen": ("senior",),
    "senior": ("senior",),
    "jr": ("junior",),
    "jnr": ("junior",),
    "mgr": ("manager",),
    "manger": ("manager",),
    "mngr": ("manager",),
    "dir": ("director",),
    "asst": ("assistant",),
    "assitant": ("assistant",),
    "assoc": ("associate",),
    "exec": ("executive",),
    "engr": ("engineer",),
    "eng": ("engineering",),
    "dev": ("developer",),
    "swe": ("software", "engineer"),
    "sde": ("software", "engineer"),
    "mts": ("member", "of", "technical", "staff"),
    "mktg": ("marketing",),
    "mgmt": ("management",),
    "managment": ("management",),
    "acct": ("accounting",),
    "admin": ("administrator",),
    "coord": ("coordinator",),
    "rep": ("representative",),
    "reps": ("representative",),
    "cofounder": ("cofounder",),
    "founders": ("founder",),
    "vicepresident": ("vice", "president"),
    "pmm": ("product", "marketing", "manager"),
    "tpm": ("technical", "program", "manager"),
    "apm": ("associate", "product", "manager"),
    "em": ("engineering", "manager"),
    "csm": ("customer", "success", "manager"),
    "ae": ("account", "executive"),
    "hrbp": ("hr", "business", "partner"),
    "gm": ("general", "manager"),
    "ops": ("operations",),
    "intl": ("international",),
    "technology": ("technology",),
    "tech": ("technical",),
    "internship": ("intern",),
    "interns": ("intern",),
    "werkstudent": ("working", "student"),
    "coop": ("intern",),
}

# Words that only modify the level; dropped from the key looked up in the O*NET titles.
LEVEL_ONLY = frozenset(
    {"senior", "junior", "lead", "staff", "principal", "i", "ii", "iii", "iv", "v"}
    | {"1", "2", "3", "global", "regional", "interim", "acting", "freelance", "contract"}
    | {"independent", "entry", "level", "trainee", "intern", "apprentice"}
    | set(GRADES)
)
STOP = frozenset({"of", "and", "&", "the", "a", "an", "in", "for", ",", "de", "y", "et"})


def split_title(title: str) -> tuple[list[list[str]], list[str]]:
    """A title -> its segments (each a list of tokens) and the tokens of the organization
    that followed "at" or "@" (kept as context, never as the title)."""
    org: list[str] = []
    segments = []
    for part in _SEGMENT_SPLIT.split(fold(title)):
        cut = _ORG_CUT.search(part)
        if cut is not None:
            if not org:
                org = [t for t in _TOKEN.findall(part[cut.end() :]) if t != ","]
            part = part[: cut.start()]
        tokens = _expand(_TOKEN.findall(part))
        if tokens:
            segments.append(tokens)
    return segments, org


def tokenize(text: str) -> list[str]:
    """Lower-case tokens with abbreviations expanded ("Sr." -> senior, "SWE" -> software
    engineer). Commas stay as tokens: they separate a level from a function."""
    return _expand(_TOKEN.findall(fold(text)))


def fold(text: str) -> str:
    """Lower case, accents dropped ("Geschäftsführerin" -> "geschaftsfuhrerin", "Générale"
    -> "generale"), apostrophes joined; ß is ss."""
    text = text.lower().translate(_JOIN)
    if text.isascii():
        return text
    text = text.replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        expanded = ABBREVIATIONS.get(token)
        if expanded is None:
            out.append(token)
        else:
            out.extend(expanded)
    return out


def core_key(tokens: list[str]) -> str:
    """The words that name the job, as a bag: level words and stop words dropped, order
    ignored ("Engineer, Software" and "Senior Software Engineer" share a key)."""
    return " ".join(sorted({t for t in tokens if t not in LEVEL_ONLY and t not in STOP}))
