"""Energizers and strengths: what an opportunity's work is made of, held against the journal
(evidence first) and the vision's energizers and strengths. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nextmove.domain.journal import JournalSummary, Tally
from nextmove.domain.matching import same_phrase
from nextmove.domain.opportunities import Opportunity
from nextmove.domain.vision import Vision


@dataclass(frozen=True, slots=True)
class WorkItem:
    name: str
    kind: str  # "drains" | "energizer" | "strength" | "neutral"
    why: str
    strength: bool = False


@dataclass(frozen=True, slots=True)
class Energy:
    items: list[WorkItem]
    energizing_share: float | None
    draining_share: float | None
    strengths_share: float | None
    score: float | None  # 1–5: 3 + 2 × (energizing share − draining share)


def _entries(n: int) -> str:
    return f"{n} journal " + ("entry" if n == 1 else "entries")


def _matches(name: str, tallies: Iterable[Tally]) -> Tally | None:
    for tally in tallies:
        if same_phrase(name, tally.name):
            return tally
    return None


def assess_energy(vision: Vision, journal: JournalSummary | None, opp: Opportunity) -> Energy:
    """Each part of the role's work against the journal (evidence first) and the vision."""
    items: list[WorkItem] = []
    draining = [*journal.draining, *journal.themes_draining] if journal else []
    energizing = [*journal.energizing, *journal.themes_energizing] if journal else []
    for name in opp.involves:
        strength = next((s for s in vision.strengths if same_phrase(name, s)), None)
        drained = _matches(name, draining)
        energized = _matches(name, energizing)
        listed = next((e for e in vision.energizers if same_phrase(name, e)), None)
        if drained is not None:
            kind = "drains"
            why = (
                f"Your journal: {drained.name!r} averages {drained.mean_energy:+.1f} energy "
                f"over {_entries(drained.count)}."
            )
        elif energized is not None:
            kind = "energizer"
            why = (
                f"Your journal: {energized.name!r} averages {energized.mean_energy:+.1f} energy "
                f"over {_entries(energized.count)}."
            )
        elif listed is not None:
            kind = "energizer"
            why = f"Listed as an energizer in your vision ({listed!r})."
        elif strength is not None:
            kind = "strength"
            why = f"One of your strengths ({strength!r})."
        else:
            kind = "neutral"
            why = (
                "Neither an energizer, a strength, nor draining in your journal."
                if journal is not None
                else "Not among your energizers or strengths; your journal has no entries "
                "to weigh it yet."
            )
        if strength is not None and kind != "strength":
            why += f" Also one of your strengths ({strength!r})."
        items.append(WorkItem(name, kind, why, strength=strength is not None))
    if not items:
        return Energy([], None, None, None, None)
    n = len(items)
    energizing_share = sum(1 for i in items if i.kind == "energizer") / n
    draining_share = sum(1 for i in items if i.kind == "drains") / n
    strengths_share = sum(1 for i in items if i.strength) / n
    score = round(3 + 2 * (energizing_share - draining_share), 2)
    return Energy(items, energizing_share, draining_share, strengths_share, score)
