"""How well titles are understood, and how fast.

Prints, for each labelled set, precision (correct / answered) and coverage (answered / total)
of the level and the function — over every answer and over confident answers only — and the
throughput of `infer_titles` on 30,000 titles with about 10,000 distinct ones.

    .venv/bin/python benchmarks/title_accuracy.py

Sets (tests/domain/fixtures/):
  hand/dev       hand-labelled titles the rules were written against
  hand/heldout   hand-labelled titles kept aside while writing the rules
  hand/fresh     hand-labelled titles written after the rules were done, never tuned on
  world/dev      titles_world.csv: 318 titles written and labelled by hand (executives,
  world/heldout  governance and outside roles, recruiters, comma/dash qualifiers, German,
                 French, Spanish, Portuguese, Dutch); every other row is held out. The
                 rules were tuned looking only at world/dev's misses; world/heldout was
                 only ever scored.
  onet/heldout   O*NET titles left out of the packaged reference (function from the
                 occupation; level only where an IPOD responsibility word names one — a
                 "silver" label from a deliberately simple reading, see build-title-data)
"""

from __future__ import annotations

import csv
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from nextmove.domain.levels import BY_KEY
from nextmove.domain.titles import TitleGuess, infer_title
from nextmove.services import titles as service

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "domain" / "fixtures"
CONFIDENT = 0.6
# The share of a 30k-row LinkedIn import (which must stay within 1.5x of sqlite-utils insert)
# that title inference may take: about 0.3 s for 30,000 titles, 10,000 of them distinct.
BUDGET_S = 0.3


@dataclass
class Score:
    total: int = 0
    answered: int = 0
    correct: int = 0
    confident: int = 0
    confident_correct: int = 0

    def add(self, expected: str | None, got: str | None, confidence: float) -> None:
        self.total += 1
        if got is None:
            return
        self.answered += 1
        self.correct += got == expected
        if confidence >= CONFIDENT:
            self.confident += 1
            self.confident_correct += got == expected

    def line(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:6.1%}" if b else "   n/a"

        return (
            f"precision {ratio(self.correct, self.answered)}  coverage "
            f"{ratio(self.answered, self.total)}  |  confident (≥{CONFIDENT}): precision "
            f"{ratio(self.confident_correct, self.confident)}  coverage "
            f"{ratio(self.confident, self.total)}  (n={self.total})"
        )


def load(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def level_key(guess: TitleGuess) -> str | None:
    if guess.level is None:
        return None
    return next(k for k, lv in BY_KEY.items() if lv.rank == guess.level)


def evaluate(rows: list[dict[str, str]], *, level_labels: bool = True) -> tuple[Score, Score]:
    reference = service.load_reference()
    levels, functions = Score(), Score()
    for row in rows:
        guess = infer_title(row["title"], reference)
        if level_labels or row["level"]:
            expected = row["level"] or None
            if expected is not None and expected.isdigit():
                expected = next(k for k, lv in BY_KEY.items() if lv.rank == int(expected))
            levels.add(expected, level_key(guess), guess.level_confidence)
        functions.add(row["function"] or None, guess.function, guess.function_confidence)
    return levels, functions


def misses(rows: list[dict[str, str]]) -> None:
    """The titles of a set read wrongly or not at all (for tuning on a development split)."""
    reference = service.load_reference()
    for row in rows:
        guess = infer_title(row["title"], reference)
        got = (level_key(guess) or "", guess.function or "")
        if got != (row["level"], row["function"]):
            print(
                f"  {row['title']!r}: want {row['level'] or '-'}/{row['function'] or '-'}, "
                f"got {got[0] or '-'}/{got[1] or '-'} "
                f"({guess.level_confidence}/{guess.function_confidence})"
            )


def sample_titles(n_titles: int = 30_000, pool: int = 11_000) -> list[str]:
    """Titles as a LinkedIn export has them: many repeated, in several spellings."""
    base = [r["title"] for r in load("onet_heldout.csv") + load("titles_labelled.csv")]
    rng = random.Random(7)
    companies = ["Acme", "Globex", "Initech", "Umbrella", "Stark Industries", "Hooli", "Wayne"]
    distinct: set[str] = set()
    while len(distinct) < pool:
        title = rng.choice(base)
        variant = rng.randrange(5)
        if variant == 1:
            title = f"{title} at {rng.choice(companies)}"
        elif variant == 2:
            title = title.upper()
        elif variant == 3:
            title = f"Senior {title}"
        elif variant == 4:
            title = f"{title} | {rng.choice(companies)}"
        distinct.add(title)
    ordered = sorted(distinct)
    return [rng.choice(ordered) for _ in range(n_titles)]


def throughput(runs: int = 3) -> None:
    titles = sample_titles()
    n_distinct = len(set(titles))
    loads, colds, cpus, warms = [], [], [], []
    for _ in range(runs):
        # A cold process each time: the reference is read again and the cache is empty.
        service.load_reference.cache_clear()
        service._guesses.clear()
        start = time.perf_counter()
        service.load_reference()
        loads.append(time.perf_counter() - start)
        start, cpu = time.perf_counter(), time.process_time()
        guesses = service.infer_titles(titles)
        colds.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        start = time.perf_counter()
        service.infer_titles(titles)
        warms.append(time.perf_counter() - start)
        assert len(guesses) == n_distinct
    cold = min(colds)
    print(
        f"reference load: {min(loads) * 1000:.1f} ms best, {max(loads) * 1000:.1f} ms worst "
        f"of {runs}"
    )
    print(
        f"infer_titles: {len(titles):,} titles ({n_distinct:,} distinct), cold cache: "
        f"{cold:.3f} s best, {max(colds):.3f} s worst of {runs} = {len(titles) / cold:,.0f} "
        f"titles/s, {cold / n_distinct * 1e6:.1f} µs per distinct title; warm cache: "
        f"{min(warms):.3f} s"
    )
    print(
        f"cold cache vs the {BUDGET_S} s budget: {cold / BUDGET_S:.2f}x (best run, wall "
        f"clock); CPU time {min(cpus):.3f} s = {min(cpus) / BUDGET_S:.2f}x "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )


def main() -> int:
    hand = load("titles_labelled.csv")
    sets = [
        ("hand/dev", [r for r in hand if r["split"] == "dev"], True),
        ("hand/heldout", [r for r in hand if r["split"] == "heldout"], True),
        ("hand/fresh", [r for r in hand if r["split"] == "fresh"], True),
        ("onet/heldout", load("onet_heldout.csv"), False),
    ]
    world = load("titles_world.csv")
    sets += [
        ("world/dev", [r for r in world if r["split"] == "dev"], True),
        ("world/heldout", [r for r in world if r["split"] == "heldout"], True),
        ("world/all", world, True),
    ]
    for name, rows, level_labels in sets:
        levels, functions = evaluate(rows, level_labels=level_labels)
        if "--misses" in sys.argv and name == "world/dev":
            misses(rows)
        print(f"{name:<13} level     {levels.line()}")
        print(f"{'':<13} function  {functions.line()}")
    if "--no-speed" not in sys.argv:
        throughput()
    return 0


if __name__ == "__main__":
    sys.exit(main())
