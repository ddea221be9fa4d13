"""A round of informational interviews: a diverse handful of people, paced over weeks."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from nextmove.domain.suggest import Suggestion


@dataclass(frozen=True, slots=True)
class RoundSlot:
    suggestion: Suggestion
    week: int  # 1-based
    reach_out_by: date
    why_chosen: str


def plan_round(
    ranked: list[Suggestion],
    *,
    size: int,
    weeks: int,
    start: date,
) -> list[RoundSlot]:
    """Choose `size` people from the ranking so the round is diverse and balanced:

    - at most ceil(size / 3) from one organization and ceil(size / 2) from one function;
    - at least one person who navigated a what's-next transition and one who offered help,
      when the ranking holds such people;
    - paced: the best first, about size / weeks a week.
    """
    if size < 1 or weeks < 1:
        return []
    max_org = max(1, math.ceil(size / 3))
    max_function = max(1, math.ceil(size / 2))
    chosen: list[tuple[Suggestion, str]] = []
    orgs: Counter[str] = Counter()
    functions: Counter[str] = Counter()

    def fits(s: Suggestion, *, by_function: bool = True) -> bool:
        c = s.candidate
        org = c.organization.strip().lower()
        org_ok = not org or orgs[org] < max_org
        return org_ok and (
            not by_function or not c.function or functions[c.function] < max_function
        )

    def take(s: Suggestion, why: str) -> None:
        c = s.candidate
        chosen.append((s, why))
        if c.organization.strip():
            orgs[c.organization.strip().lower()] += 1
        if c.function:
            functions[c.function] += 1

    def taken(s: Suggestion) -> bool:
        return any(s is other for other, _ in chosen)

    for flag, why in (
        ("navigated_transition", "went through a what's-next move themselves"),
        ("offered_help", "offered to help"),
    ):
        if any(getattr(s.candidate, flag) for s, _ in chosen):
            continue
        for s in ranked:
            if getattr(s.candidate, flag) and not taken(s) and fits(s):
                take(s, why)
                break
    for s in ranked:
        if len(chosen) >= size:
            break
        if not taken(s) and fits(s):
            take(s, "among your best suggestions")
    for s in ranked:  # everyone is in one function: keep organizations diverse at least
        if len(chosen) >= size:
            break
        if not taken(s) and fits(s, by_function=False):
            take(s, "among your best suggestions")
    for s in ranked:  # not enough diversity available: fill up with the best left
        if len(chosen) >= size:
            break
        if not taken(s):
            take(s, "among your best suggestions (fills the round)")
    chosen = chosen[:size]
    chosen.sort(key=lambda pair: -pair[0].score)
    per_week = math.ceil(len(chosen) / weeks)
    slots = []
    for index, (s, why) in enumerate(chosen):
        week = min(weeks, index // per_week + 1)
        slots.append(RoundSlot(s, week, start + timedelta(days=7 * week - 3), why))
    return slots
