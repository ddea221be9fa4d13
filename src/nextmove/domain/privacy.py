"""Leaving other people's names out of what you share (`nextmove report --private`). Pure.

Structured fields are replaced by a description of the role where the view is built; this
module catches the names that hide in free text — an insight that says "Ben suggested…",
a note, a referral — by replacing every capitalised word of a contact's name."""

from __future__ import annotations

import re
from collections.abc import Iterable

PLACEHOLDER = "[a contact]"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_RUN = re.compile(re.escape(PLACEHOLDER) + r"(?:[ \t]+" + re.escape(PLACEHOLDER) + r")+")
_POSSESSIVE = ("'s", "’s")
MIN_TOKEN = 2  # single letters are initials: too common to hide on their own


def _fold(word: str) -> str:
    return word.casefold().strip("'’-")


def name_tokens(names: Iterable[str], *, keep: Iterable[str] = ()) -> frozenset[str]:
    """The words of contacts' names worth hiding, case-folded; words of ``keep`` (your own
    name) are kept so the report can still say whose plan it is."""
    kept = {_fold(w) for name in keep for w in _WORD.findall(name)}
    out: set[str] = set()
    for name in names:
        for word in _WORD.findall(name):
            folded = _fold(word)
            if len(folded) >= MIN_TOKEN and folded not in kept:
                out.add(folded)
    return frozenset(out)


def _name_part(word: str, tokens: frozenset[str]) -> tuple[bool, str]:
    """Whether ``word`` is (a possessive of) a contact's name word, and the suffix to keep."""
    if not word[0].isupper():
        return False, ""
    folded = _fold(word)
    if folded in tokens:
        return True, ""
    for suffix in _POSSESSIVE:
        if folded.endswith(suffix) and folded[: -len(suffix)] in tokens:
            return True, word[-len(suffix) :]
    return False, ""


def redact(text: str, tokens: frozenset[str]) -> str:
    """``text`` with every capitalised word of a contact's name replaced by a placeholder;
    a run of them ("Ben Okafor") becomes one."""
    if not text or not tokens:
        return text

    def swap(match: re.Match[str]) -> str:
        hit, suffix = _name_part(match.group(), tokens)
        return PLACEHOLDER + suffix if hit else match.group()

    return _RUN.sub(PLACEHOLDER, _WORD.sub(swap, text))
