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
# A word of a text: anything between spaces and punctuation (letters with their combining
# marks, apostrophes and hyphens inside).
_WORD = re.compile(r"[^\s.,;:!?()\[\]{}<>\"“”«»/*_|]+")
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


_EDGES = ".,;:!?()[]{}<>\"'’‘“”«»/*_-"


def _name_words(name: str) -> list[str]:
    """A name's words as the text's words are matched: "Jean-Luc" gives "Jean-Luc", "Jean"
    and "Luc"; quotes, brackets and punctuation around a word are dropped."""
    out: list[str] = []
    for raw in name.split():
        word = raw.strip(_EDGES)
        if not word:
            continue
        out.append(word)
        if "-" in word:
            out.extend(part for part in word.split("-") if part)
    return out


def name_tokens(names: Iterable[str], *, keep: Iterable[str] = ()) -> NameWords:
    """The words of contacts' names worth hiding; words of ``keep`` (your own name) are
    kept so the report can still say whose plan it is. Plain string operations: a network
    of a million people is read in about a second."""
    kept = {w.casefold() for name in keep for w in _name_words(name)}
    folded: set[str] = set()
    exact: set[str] = set()
    for name in names:
        for word in _name_words(name):
            key = word.casefold()
            if len(key) < MIN_TOKEN or key in kept or key in PARTICLES:
                continue
            folded.add(key)
            if word[0].islower():
                exact.add(word)
    return NameWords(frozenset(folded), frozenset(exact))


def _is_name(word: str, tokens: NameWords) -> bool:
    if not word:
        return False
    return word in tokens.exact or (not word[0].islower() and _fold(word) in tokens.folded)


def _swap(word: str, tokens: NameWords) -> str:
    """The word, or the placeholder where it is (a possessive of, a hyphenated part of) a
    contact's name."""
    core = word.strip("'’‘-")
    if not core:
        return word
    lead, tail = word[: word.index(core)], word[word.index(core) + len(core) :]
    if _is_name(core, tokens):
        return lead + PLACEHOLDER + tail
    for suffix in _POSSESSIVE:
        if core.endswith(suffix) and _is_name(core[: -len(suffix)], tokens):
            return lead + PLACEHOLDER + suffix + tail
    if "-" in core:
        parts = core.split("-")
        if any(_is_name(p, tokens) for p in parts):
            return lead + "-".join(PLACEHOLDER if _is_name(p, tokens) else p for p in parts) + tail
    return word


def redact(text: str, tokens: NameWords) -> str:
    """``text`` with every word of a contact's name replaced by a placeholder; a run of them
    ("Ben Okafor") becomes one."""
    if not text or not tokens:
        return text

    return _RUN.sub(PLACEHOLDER, _WORD.sub(lambda m: _swap(m.group(), tokens), text))
