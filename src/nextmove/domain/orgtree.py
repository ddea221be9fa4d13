"""The tree of an organization chart as compact arrays: every row's manager row (or NONE),
exact depths below the root with cycles found and broken, and levels derived from the tree
for people whose title says nothing. Pure: no I/O."""

from __future__ import annotations

from array import array
from collections.abc import Callable

from nextmove.domain.imports import ImportReport
from nextmove.domain.levels import LADDER

NONE = -1
TOP_RANK = len(LADDER) - 1


def depths(
    manager: array, emp: Callable[[int], str], lines: array, report: ImportReport
) -> tuple[array, list[int]]:  # type: ignore[type-arg]
    """Exact depth below the root for every row. A cycle is reported with its lines and
    broken at the member that comes first in the file (which becomes a root for --partial)."""
    n = len(manager)
    depth = array("i", [-1]) * n
    stamp = array("i", [-1]) * n
    broken: list[int] = []
    for i in range(n):
        if depth[i] >= 0:
            continue
        path: list[int] = []
        j = i
        while j >= 0 and depth[j] < 0:
            if stamp[j] == i:
                cycle = path[path.index(j) :]
                members = sorted(cycle, key=lines.__getitem__)  # in file order
                chain = " → ".join(emp(k) for k in cycle) + f" → {emp(j)}"
                report.problem(
                    "lines " + ", ".join(str(lines[k]) for k in members),
                    f"management cycle: {chain}",
                )
                manager[members[0]] = NONE
                broken.append(members[0])
                for k in path:
                    stamp[k] = -1
                path = []
                j = i
                continue
            stamp[j] = i
            path.append(j)
            j = manager[j]
        d = depth[j] if j >= 0 else -1
        for k in reversed(path):
            d += 1
            depth[k] = d
    return depth, broken


def derive_levels(
    manager_row: array,  # type: ignore[type-arg]
    depth: array,  # type: ignore[type-arg]
    level: array,  # type: ignore[type-arg]
    my_row: int | None,
    my_level: int | None,
) -> array:  # type: ignore[type-arg]
    """Levels (ranks, -1 when unknown) for rows whose title says nothing (`level` -1), from
    the tree: up my own chain from my level (a manager is one above), and one below any
    manager whose level is known or derived."""
    n = len(manager_row)
    derived = array("b", [-1]) * n
    if my_row is not None and my_level is not None:
        k, value = my_row, my_level
        if level[k] < 0:
            derived[k] = value
        while manager_row[k] >= 0:
            k = manager_row[k]
            value = level[k] if level[k] >= 0 else min(TOP_RANK, value + 1)
            if level[k] < 0:
                derived[k] = value
    for k in sorted(range(n), key=depth.__getitem__):
        if level[k] >= 0 or derived[k] >= 0:
            continue
        m = manager_row[k]
        if m >= 0:
            above = level[m] if level[m] >= 0 else derived[m]
            if above >= 0:
                derived[k] = max(0, above - 1)
    return derived
