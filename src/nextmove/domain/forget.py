"""Delete means delete: what deleting a person removes from the texts that stay.

Deleting a person removes their row and everything recorded with them; other rows can still
name them: "introduced by Ana Ruiz" on the people she referred, "Ana Ruiz suggested I talk to
you" on their meeting ideas, the name of an imported file (``ana-ruiz.vcf``), a note the user
wrote elsewhere. `scrub` replaces the person's full name with "a deleted contact" and their
e-mail addresses and phone numbers with "[removed]", whole words only and ignoring case.

A text that was about the person (an opportunity they were linked to, a meeting where they
were suggested, the "how you know them" of someone they introduced, or any text that names
them in full) also loses their first name ("Priya referred me" -> "a deleted contact referred
me"). Everywhere else only the full name goes, so a different person sharing a first name
keeps their notes. `Rewrites` counts what was (or would be) rewritten, for the confirmation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextmove.domain.people import Person

DELETED_NAME = "a deleted contact"
REMOVED = "[removed]"
# Shorter strings ("Al", "5") would scrub unrelated words.
MIN_TRACE = 3
# A first name is only looked for in texts about the person; two letters ("Bo", "Li") are
# then matched with their own capitals, so "bo" in a sentence stays.
MIN_SHORT = 2


@dataclass(frozen=True, slots=True)
class Traces:
    """The strings that identify a deleted person in other texts."""

    name: str
    details: tuple[str, ...]  # e-mail addresses, phone numbers, profile links
    # The names they go by on their own (first name), scrubbed only in texts about them.
    short_names: tuple[str, ...] = ()

    @property
    def strings(self) -> tuple[str, ...]:
        """Every string to look for (the ones long enough to be distinctive)."""
        found = ((self.name,) if len(self.name) >= MIN_TRACE else ()) + self.details
        return tuple(dict.fromkeys(found))

    def __bool__(self) -> bool:
        return bool(self.strings)


def traces_of(person: Person) -> Traces:
    details = [e.value for e in person.emails] + [p.value for p in person.phones]
    details += [link.value for link in person.links]
    if person.profile_url:
        details.append(person.profile_url)
    name = " ".join(person.name.split())
    first = (person.first_name or "").strip() or (name.split()[0] if name else "")
    shorts = tuple(
        s for s in dict.fromkeys([first]) if len(s) >= MIN_SHORT and s.casefold() != name.casefold()
    )
    return Traces(
        name,
        tuple(d.strip() for d in details if len(d.strip()) >= MIN_TRACE),
        shorts,
    )


def _pattern(traces: Traces) -> re.Pattern[str]:
    parts = sorted(traces.strings, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
    # Whole words: "Ana Ruiz" is not in "Ana Ruizdale" nor in "Ana Ruiz-Lopez".
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _short_pattern(traces: Traces) -> re.Pattern[str] | None:
    alternatives = [
        re.escape(s) if len(s) >= MIN_TRACE else f"(?-i:{re.escape(s)})"
        for s in sorted(traces.short_names, key=len, reverse=True)
    ]
    if not alternatives:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)


def names_in_full(text: str | None, traces: Traces) -> bool:
    """Whether `text` names the person by full name (or an e-mail or phone of theirs)."""
    return bool(text) and bool(traces) and _pattern(traces).search(text or "") is not None


def scrub(text: str, traces: Traces, *, about: bool = False) -> str:
    """`text` without the deleted person's name, e-mails and phones; with `about` (a text
    about them), without their first name either."""
    if not text or not traces:
        return text
    key = " ".join(traces.name.split()).casefold()

    def replace(match: re.Match[str]) -> str:
        return DELETED_NAME if " ".join(match.group(0).split()).casefold() == key else REMOVED

    text = _pattern(traces).sub(replace, text)
    short = _short_pattern(traces) if about else None
    return short.sub(DELETED_NAME, text) if short else text


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The texts rewritten in one kind of record: `texts` texts in `records` records."""

    noun: str  # singular ("opportunity"); plural below
    plural: str
    records: int
    texts: int

    def __str__(self) -> str:
        what = self.noun if self.records == 1 else self.plural
        texts = "1 text" if self.texts == 1 else f"{self.texts} texts"
        return f"{texts} in {self.records} {what}"


@dataclass(frozen=True, slots=True)
class Rewrites:
    """Everything a delete rewrote (or would), kind by kind, so nothing changes silently."""

    items: tuple[Rewrite, ...] = ()

    @property
    def texts(self) -> int:
        return sum(item.texts for item in self.items)

    def summary(self) -> str:
        """ "3 texts in 2 meetings, 1 text in 1 opportunity", or that no other text names them."""
        if not self.items:
            return "no other text names them"
        return ", ".join(str(item) for item in self.items)


def _squeezed(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def file_names_person(file: str, traces: Traces) -> bool:
    """Whether an imported file's name names the person: all the words of their name appear
    in it, in any order and with any separators ("ana_ruiz.vcf", "Ruiz, Ana.vcf")."""
    squeezed = _squeezed(file)
    words = [_squeezed(w) for w in traces.name.split()]
    words = [w for w in words if w]
    if words and sum(map(len, words)) >= MIN_TRACE and all(w in squeezed for w in words):
        return True
    return any(len(_squeezed(d)) >= MIN_TRACE and _squeezed(d) in squeezed for d in traces.details)


def scrubbed_file_name(file: str) -> str:
    """An imported file's name once it named a deleted person: only its extension is kept."""
    suffix = re.search(r"\.[A-Za-z0-9]{1,8}$", file)
    return REMOVED + (suffix.group(0) if suffix else "")


def last_path_part(file: str) -> str:
    """A file's name without the folders it was in (which can name the user or others)."""
    return re.split(r"[\\/]", file.rstrip("\\/"))[-1] if file else file
