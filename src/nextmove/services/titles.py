"""Title inference for the rest of the application: one cached interpreter per process.

The reference data (src/nextmove/data/titles.tsv.gz) is read on first use, not at import,
so commands that never look at a title never pay for it.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from importlib import resources

from nextmove.domain.merge import CONFIDENT
from nextmove.domain.titles import (
    DEPARTMENT_OVERRIDES_BELOW,
    TitleGuess,
    TitleReference,
    infer_title,
    read_department,
    with_department,
)
from nextmove.domain.vision import Position
from nextmove.formats.title_data import parse_title_reference

REFERENCE_FILE = "titles.tsv.gz"
_CACHE_LIMIT = 200_000
_guesses: dict[str, TitleGuess] = {}


@cache
def load_reference() -> TitleReference:
    """The packaged title reference, read once per process."""
    data = resources.files("nextmove").joinpath("data", REFERENCE_FILE).read_bytes()
    return parse_title_reference(gzip.decompress(data).decode("utf-8"), source=REFERENCE_FILE)


def infer_titles(titles: Iterable[str]) -> dict[str, TitleGuess]:
    """Guess level and function for many titles at once (each distinct title once)."""
    reference = load_reference()
    guesses = _guesses
    out: dict[str, TitleGuess] = {}
    for title in titles:
        if title in out:
            continue
        key = " ".join(title.lower().split()) if isinstance(title, str) else ""
        guess = guesses.get(key)
        if guess is None:
            if len(guesses) >= _CACHE_LIMIT:
                guesses.clear()
            guess = guesses[key] = infer_title(title, reference)
        out[title] = guess
    return out


def read_title(title: str, department: str = "") -> TitleGuess:
    """One title (people's, opportunities', postings'), with its department or team as
    evidence of the function."""
    guess = infer_titles([title]).get(title) if title else None
    return with_department(guess or infer_title(""), department)


_departments: dict[str, tuple[str | None, float]] = {}


def infer_titles_in(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], TitleGuess]:
    """Guess level and function for many (title, department) pairs: the title read once per
    distinct title, the department once per distinct department."""
    pairs = set(pairs)
    guesses = infer_titles({title for title, _ in pairs})
    out: dict[tuple[str, str], TitleGuess] = {}
    for title, department in pairs:
        guess = guesses[title]
        if department and guess.function_confidence < DEPARTMENT_OVERRIDES_BELOW:
            reading = _departments.get(department)
            if reading is None:
                if len(_departments) >= _CACHE_LIMIT:
                    _departments.clear()
                reading = _departments[department] = read_department(department)
            guess = with_department(guess, department, reading)
        out[title, department] = guess
    return out


def read_position(me: Position) -> Position:
    """Your position as the advice reads it: where you set no level or function, the ones
    your title says (a confident reading only, as for anyone's title); what you set wins.
    Without it a "Science Teacher" who never set a level is of unknown distance to everyone."""
    if (me.level is not None and me.function is not None) or not me.title.strip():
        return me
    guess = read_title(me.title)
    level, function = me.level, me.function
    if level is None and guess.level is not None and guess.level_confidence >= CONFIDENT:
        level = guess.level
    if function is None and guess.function and guess.function_confidence >= CONFIDENT:
        function = guess.function
    return replace(me, level=level, function=function)
