"""Warm-introduction paths: who can introduce you to whom, up to three hops.

Pure: the caller passes the neighbourhoods it fetched (your ties, the ties of your ties, the
target's ties); strengths are 1 (weak) … 5 (very strong), as ties store them. The best path is the one whose weakest
link is strongest, then the shortest, then the one with the strongest links overall.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MAX_STRENGTH = 5


@dataclass(frozen=True, slots=True)
class Hop:
    person_id: int
    strength: int  # strength of the tie leading to this person
    relation: str = ""  # "your manager", "introduced by", "same team", …


@dataclass(frozen=True, slots=True)
class WarmPath:
    hops: tuple[Hop, ...]  # from the first person you know to the target, in order

    @property
    def length(self) -> int:
        return len(self.hops)

    @property
    def weakest(self) -> int:
        return min(h.strength for h in self.hops)

    @property
    def quality(self) -> float:
        """0..1: 1 for a strong direct tie, less for each hop and each weak link."""
        return (self.weakest / MAX_STRENGTH) * (0.75 ** (self.length - 1))

    def sort_key(self) -> tuple[float, int, int]:
        return (-self.weakest, self.length, -sum(h.strength for h in self.hops))


Neighbours = Mapping[int, Sequence[Hop]]


def find_paths(
    me: int,
    target: int,
    ties: Neighbours,
    *,
    max_hops: int = 3,
    limit: int = 3,
) -> list[WarmPath]:
    """The best `limit` simple paths from `me` to `target` of at most `max_hops` ties.

    `ties[p]` lists p's neighbours; only the neighbourhoods reachable within the hop limit
    need to be present (missing entries count as no ties).
    """
    if me == target:
        return []
    found: list[WarmPath] = []

    def walk(current: int, trail: tuple[Hop, ...], seen: frozenset[int]) -> None:
        for hop in ties.get(current, ()):
            if hop.person_id in seen:
                continue
            path = (*trail, hop)
            if hop.person_id == target:
                found.append(WarmPath(path))
            elif len(path) < max_hops:
                walk(hop.person_id, path, seen | {hop.person_id})

    walk(me, (), frozenset({me}))
    found.sort(key=WarmPath.sort_key)
    return found[:limit]
