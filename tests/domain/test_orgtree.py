"""The org chart's tree as arrays: depths, cycles, and levels derived from the tree."""

from __future__ import annotations

from array import array

from nextmove.domain.imports import ImportReport
from nextmove.domain.orgtree import NONE, depths, derive_levels


def _tree(managers: list[int]) -> array:  # type: ignore[type-arg]
    return array("q", managers)


def test_depths_count_the_steps_below_the_root_in_any_row_order() -> None:
    # rows: 0 reports to 2, 1 is the root, 2 reports to 1, 3 reports to 0
    manager = _tree([2, NONE, 1, 0])
    report = ImportReport(kind="orgchart", source="chart.csv")
    depth, broken = depths(manager, str, array("l", [2, 3, 4, 5]), report)
    assert list(depth) == [2, 0, 1, 3]
    assert broken == []
    assert report.problems == []


def test_a_cycle_is_reported_with_its_lines_and_broken_at_its_first_row() -> None:
    manager = _tree([NONE, 2, 3, 1, 3])  # 1 → 2 → 3 → 1, and 4 reports into the cycle
    report = ImportReport(kind="orgchart", source="chart.csv")
    depth, broken = depths(manager, lambda k: f"E{k}", array("l", [2, 3, 4, 5, 6]), report)
    assert broken == [1]
    assert manager[1] == NONE
    assert [(p.where, p.message) for p in report.problems] == [
        ("lines 3, 4, 5", "management cycle: E1 → E2 → E3 → E1")
    ]
    assert list(depth) == [0, 0, 2, 1, 2]


def test_levels_come_up_my_chain_and_down_from_known_managers() -> None:
    # 0 CEO (title says nothing), 1 VP (known: 9), 2 director (nothing), 3 me, 4 my report
    manager = _tree([NONE, 0, 1, 2, 3])
    depth = array("l", [0, 1, 2, 3, 4])
    level = array("b", [-1, 9, -1, -1, -1])
    derived = derive_levels(manager, depth, level, 3, 5)
    assert list(derived) == [10, -1, 6, 5, 4]
    # Without me: only one below a known manager.
    assert list(derive_levels(manager, depth, level, None, None)) == [-1, -1, 8, 7, 6]
