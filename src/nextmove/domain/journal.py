"""The energy journal: dated activities rated for energy and engagement, and the summary that
turns them into evidence of what energizes and what drains."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

ENERGY_MIN, ENERGY_MAX = -2, 2
ENGAGEMENT_MIN, ENGAGEMENT_MAX = 1, 5


@dataclass(slots=True)
class JournalEntry:
    day: date
    activity: str
    energy: int
    engagement: int = 3
    flow: bool = False
    themes: list[str] = field(default_factory=list)
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class Tally:
    """Aggregate evidence for one activity or theme."""

    name: str
    count: int = 0
    energy_total: int = 0
    engagement_total: int = 0
    flow_count: int = 0
    last_seen: date | None = None

    @property
    def mean_energy(self) -> float:
        return self.energy_total / self.count if self.count else 0.0

    @property
    def mean_engagement(self) -> float:
        return self.engagement_total / self.count if self.count else 0.0

    def add(self, entry: JournalEntry) -> None:
        self.count += 1
        self.energy_total += entry.energy
        self.engagement_total += entry.engagement
        self.flow_count += int(entry.flow)
        if self.last_seen is None or entry.day > self.last_seen:
            self.last_seen = entry.day


@dataclass(slots=True)
class JournalSummary:
    start: date | None
    end: date | None
    entries: int
    mean_energy: float
    flow_entries: int
    energizing: list[Tally]
    draining: list[Tally]
    themes_energizing: list[Tally]
    themes_draining: list[Tally]


def activity_key(activity: str) -> str:
    """Group "Customer interviews" and "customer interviews " together."""
    return re.sub(r"\s+", " ", activity.strip().lower())


def _rank(tallies: Iterable[Tally], *, energizing: bool, limit: int) -> list[Tally]:
    chosen = [t for t in tallies if (t.mean_energy > 0 if energizing else t.mean_energy < 0)]
    sign = -1 if energizing else 1
    chosen.sort(
        key=lambda t: (
            sign * t.mean_energy,
            -t.flow_count,
            -t.count,
            sign * t.mean_engagement,
            t.name,
        )
    )
    return chosen[:limit]


def summarize_journal(
    entries: Iterable[JournalEntry],
    *,
    start: date | None = None,
    end: date | None = None,
    limit: int = 5,
) -> JournalSummary:
    """Activities and themes that energize and drain most, between start and end inclusive.

    Ranking: mean energy first, then how often the activity brought flow, then how often it
    was logged, so one lucky afternoon does not outrank a steady pattern at equal energy.
    """
    picked = [
        e for e in entries if (start is None or e.day >= start) and (end is None or e.day <= end)
    ]
    activities: dict[str, Tally] = {}
    themes: dict[str, Tally] = defaultdict(lambda: Tally(""))
    for entry in picked:
        key = activity_key(entry.activity)
        activities.setdefault(key, Tally(entry.activity.strip())).add(entry)
        for theme in {activity_key(t) for t in entry.themes if t.strip()}:
            tally = themes[theme]
            tally.name = theme
            tally.add(entry)
    total = sum(e.energy for e in picked)
    return JournalSummary(
        start=start if start is not None else min((e.day for e in picked), default=None),
        end=end if end is not None else max((e.day for e in picked), default=None),
        entries=len(picked),
        mean_energy=total / len(picked) if picked else 0.0,
        flow_entries=sum(1 for e in picked if e.flow),
        energizing=_rank(activities.values(), energizing=True, limit=limit),
        draining=_rank(activities.values(), energizing=False, limit=limit),
        themes_energizing=_rank(themes.values(), energizing=True, limit=limit),
        themes_draining=_rank(themes.values(), energizing=False, limit=limit),
    )
