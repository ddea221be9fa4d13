"""Leaving other people's names out of what you share (`nextmove report --private`). Pure.

Structured fields are replaced by a description of the role where the view is built; this
module catches the names that hide in free text — an insight that says "Ben suggested…",
a note, a referral — by replacing every word of a contact's name: capitalised as names are
written, or exactly as the contact's name writes it ("bell hooks"). It errs on the side of
hiding: "Will" at the start of a sentence goes when a contact is called Will."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDER = "[a contact]"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_RUN = re.compile(re.escape(PLACEHOLDER) + r"(?:[ \t]+" + re.escape(PLACEHOLDER) + r")+")
_POSSESSIVE = ("'s", "’s")
MIN_TOKEN = 2  # single letters are initials: too common to hide on their own


# Particles of names ("Ludwig van Beethoven", "Ana de la Cruz"): not a name on their own.
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
    ]
)


def _fold(word: str) -> str:
    return word.casefold().strip("'’-")


@dataclass(frozen=True, slots=True)
class NameWords:
    """The words to hide: ``folded`` are hidden when capitalised in a text ("Ben", "BEN");
    ``exact`` are name words written in lower case ("bell hooks"), hidden as written."""

    folded: frozenset[str] = frozenset()
    exact: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.folded or self.exact)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (_fold(word) in self.folded or word in self.exact)


def name_tokens(names: Iterable[str], *, keep: Iterable[str] = ()) -> NameWords:
    """The words of contacts' names worth hiding; words of ``keep`` (your own name) are
    kept so the report can still say whose plan it is."""
    kept = {_fold(w) for name in keep for w in _WORD.findall(name)}
    folded: set[str] = set()
    exact: set[str] = set()
    for name in names:
        for word in _WORD.findall(name):
            key = _fold(word)
            if len(key) < MIN_TOKEN or key in kept or key in PARTICLES:
                continue
            folded.add(key)
            if word[0].islower():
                exact.add(word)
    return NameWords(frozenset(folded), frozenset(exact))


def _name_part(word: str, tokens: NameWords) -> tuple[bool, str]:
    """Whether ``word`` is (a possessive of) a contact's name word, and the suffix to keep."""
    for suffix in ("", *_POSSESSIVE):
        if suffix and not word.endswith(suffix):
            continue
        stem = word[: len(word) - len(suffix)]
        if not stem:
            continue
        if stem in tokens.exact or (not stem[0].islower() and _fold(stem) in tokens.folded):
            return True, suffix
    return False, ""


def redact(text: str, tokens: NameWords) -> str:
    """``text`` with every word of a contact's name replaced by a placeholder; a run of them
    ("Ben Okafor") becomes one."""
    if not text or not tokens:
        return text

    def swap(match: re.Match[str]) -> str:
        hit, suffix = _name_part(match.group(), tokens)
        return PLACEHOLDER + suffix if hit else match.group()

    return _RUN.sub(PLACEHOLDER, _WORD.sub(swap, text))
