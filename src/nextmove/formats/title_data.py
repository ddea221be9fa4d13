"""The title reference file (src/nextmove/data/titles.tsv.gz, decompressed) <-> TitleReference.

A line-oriented, tab-separated text, chosen because it parses in a few milliseconds:

    # comment
    F <tab> function <tab> function …          the functions, numbered from 0
    R <tab> word word …                         IPOD responsibility (seniority) words
    T <tab> title key <tab> function# <tab> job zone <tab> share
    K <tab> word <tab> function# <tab> probability <tab> titles
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from nextmove.domain.titles import TitleReference
from nextmove.errors import UserError

HEADER = (
    "# nextmove title reference, built by scripts/build-title-data.\n"
    "# Includes information from the O*NET 27.0 Database by the U.S. Department of Labor,\n"
    "# Employment and Training Administration (USDOL/ETA), used under CC BY 4.0, and the\n"
    "# IPOD job title gazetteer (junhua/IPOD), CC BY 4.0. See README.md next to this file.\n"
)


def render_title_reference(reference: TitleReference) -> str:
    functions = sorted(
        {f for f, _, _ in reference.titles.values()} | {f for f, _, _ in reference.tokens.values()}
    )
    index = {f: i for i, f in enumerate(functions)}
    lines = [HEADER.rstrip("\n"), "F\t" + "\t".join(functions)]
    lines.append("R\t" + " ".join(sorted(reference.role_words)))
    for key in sorted(reference.titles):
        function, zone, share = reference.titles[key]
        lines.append(f"T\t{key}\t{index[function]}\t{zone}\t{round(share, 2):g}")
    for word in sorted(reference.tokens):
        function, p, n = reference.tokens[word]
        lines.append(f"K\t{word}\t{index[function]}\t{round(p, 2):g}\t{n}")
    return "\n".join(lines) + "\n"


def parse_title_reference(text: str, *, source: str = "title reference") -> TitleReference:
    """Read the reference. The O*NET titles stay raw lines until looked up (found by binary
    search: the file lists them sorted, in one block): reading 34k lines into a dict of
    tuples would cost more than a CLI command should spend before it starts."""
    start = text.find("\nT\t") + 1
    end = text.find("\n", text.rfind("\nT\t") + 1) if start else 0
    block = text[start : end if end >= 0 else len(text)]
    titles = block.split("\n") if start else []
    # One block of title lines, each with exactly four tabs, sorted as the build script
    # writes them (each checked at once, not line by line); otherwise the careful reading
    # below names the damaged line, or puts the titles in a dict.
    if (
        not titles
        or block.count("\nT\t") != len(titles) - 1
        or block.count("\t") != 4 * len(titles)
        or titles != sorted(titles)
    ):
        return _parse_lines(text.split("\n"), source)
    try:
        rest = _parse_lines((text[:start] + text[start + len(block) :]).split("\n"), source)
    except UserError:
        return _parse_lines(text.split("\n"), source)  # the error with its real line number
    functions = rest.titles.functions  # type: ignore[attr-defined]  # a _RawTitles
    return replace(rest, titles=_Titles(titles, functions))


def _parse_lines(lines: list[str], source: str) -> TitleReference:
    functions: list[str] = []
    role_words: frozenset[str] = frozenset()
    raw_titles: dict[str, str] = {}
    tokens: dict[str, tuple[str, float, int]] = {}
    number = 0
    try:
        for number, line in enumerate(lines, 1):  # noqa: B007 (used on error)
            kind = line[:2]
            if kind == "T\t":
                _, key, value = line.split("\t", 2)
                raw_titles[key] = value
            elif kind == "K\t":
                _, word, f, p, n = line.split("\t")
                tokens[word] = (functions[int(f)], float(p), int(n))
            elif kind == "F\t":
                functions = line.split("\t")[1:]
            elif kind == "R\t":
                role_words = frozenset(line[2:].split())
            elif line and line[0] != "#":
                raise ValueError(f"unknown line kind {line[:1]!r}")
    except (IndexError, ValueError) as exc:
        raise UserError(
            f"{source}, line {number}: cannot read ({exc})",
            hint="Rebuild it with scripts/build-title-data, or reinstall nextmove.",
        ) from exc
    return TitleReference(_RawTitles(raw_titles, functions), tokens, role_words)


class _RawTitles(Mapping[str, tuple[str, int, float]]):
    """O*NET title keys -> (function, job zone, share), parsed on lookup."""

    __slots__ = ("_raw", "functions")

    def __init__(self, raw: dict[str, str], functions: list[str]):
        self._raw = raw
        self.functions = functions

    def __getitem__(self, key: str) -> tuple[str, int, float]:
        f, zone, share = self._raw[key].split("\t")
        return self.functions[int(f)], int(zone), float(share)

    def get(self, key: str, default: Any = None) -> Any:
        value = self._raw.get(key)
        if value is None:
            return default
        f, zone, share = value.split("\t")
        return self.functions[int(f)], int(zone), float(share)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _Titles(Mapping[str, tuple[str, int, float]]):
    """The same, over the file's sorted title lines ("T<tab>key<tab>f<tab>zone<tab>share"):
    a key is found by binary search. A line sorts as its key does, since a tab sorts before
    every character a key holds."""

    __slots__ = ("_lines", "functions")

    def __init__(self, lines: list[str], functions: list[str]):
        self._lines = lines
        self.functions = functions

    def _line(self, key: str) -> str | None:
        probe = f"T\t{key}\t"
        i = bisect_left(self._lines, probe)
        if i < len(self._lines) and self._lines[i].startswith(probe):
            return self._lines[i]
        return None

    def __getitem__(self, key: str) -> tuple[str, int, float]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def get(self, key: str, default: Any = None) -> Any:
        line = self._line(key) if isinstance(key, str) else None
        if line is None:
            return default
        _, _, f, zone, share = line.split("\t")
        return self.functions[int(f)], int(zone), float(share)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._line(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (line.split("\t", 2)[1] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)
