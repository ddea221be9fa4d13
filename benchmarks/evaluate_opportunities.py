"""How fast `opp evaluate` judges many opportunities against a plan with a journal.

Prints figures; never asserts timings. Run: .venv/bin/python benchmarks/evaluate_opportunities.py
"""

from __future__ import annotations

import random
import time
from datetime import date

from nextmove.domain.evaluate import evaluate_opportunity, rank_evaluations
from nextmove.domain.journal import summarize_journal
from nextmove.domain.opportunities import Opportunity, Source
from nextmove.services.demo import demo_journal, demo_vision

COUNTS = (100, 1_000, 5_000)
WORK = [
    "customer interviews",
    "coaching junior PMs",
    "status reporting",
    "budget spreadsheets",
    "roadmap writing",
    "hiring",
    "travel",
]


def options(n: int, rng: random.Random) -> list[Opportunity]:
    return [
        Opportunity(
            id=i,
            title=f"Role {i}",
            source=rng.choice(list(Source)),
            organization=rng.choice(["Cedar Health", "Lumen Bank", "Northwind Health"]),
            function=rng.choice(["product", "marketing", "engineering"]),
            level=rng.randint(2, 10),
            industry=rng.choice(["healthcare software", "fintech"]),
            city=rng.choice(["Chicago", "New York", "Denver"]),
            remote=rng.random() < 0.2,
            involves=rng.sample(WORK, k=3),
        )
        for i in range(n)
    ]


def main() -> None:
    today = date(2026, 11, 22)
    vision = demo_vision()
    journal = summarize_journal(demo_journal(today), limit=50)
    rng = random.Random(6)
    for n in COUNTS:
        batch = options(n, rng)
        start = time.perf_counter()
        ranked = rank_evaluations(evaluate_opportunity(vision, journal, o) for o in batch)
        seconds = time.perf_counter() - start
        print(
            f"{n:>6} opportunities: {seconds * 1000:8.1f} ms "
            f"({n / seconds:,.0f} per second); best: {ranked[0].verdict.key}"
        )


if __name__ == "__main__":
    main()
