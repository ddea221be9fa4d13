"""The rows the ranking reads are named, and carry what each column holds (both backends)."""

from __future__ import annotations

from nextmove.services.workspace import Workspace
from nextmove.store import suggest as repo
from tests.services.world import World


def test_candidate_row_fields_are_the_columns_in_order() -> None:
    assert repo.CandidateRow._fields == tuple(c.name for c in repo.CANDIDATE_COLUMNS)


def test_candidate_rows_carry_each_persons_columns_by_name(db: Workspace) -> None:
    w = World(db)
    boss = w.person("Cora CEO", title="CEO", function="executive", level=11, depth=0)
    w.person(
        "Dana Director",
        title="Director of Sales",
        function="sales",
        level=7,
        depth=1,
        manager="Cora CEO",
        department="Sales",
        offered_help=True,
    )
    with db.session() as session:
        me = repo.load_me(session)
        rows = repo.candidate_rows(
            session,
            exclude=None,
            min_level=None,
            target_functions=[],
            direct_ids=[],
            me=me,
            prefilter=False,
        )
    dana = next(r for r in rows if r.name == "Dana Director")
    assert isinstance(dana, repo.CandidateRow)
    assert (dana.title, dana.organization, dana.department) == (
        "Director of Sales",
        "Acme",
        "Sales",
    )
    assert (dana.function, dana.level, dana.level_source) == ("sales", 7, "orgchart")
    assert (dana.org_depth, dana.manager_id) == (1, boss)
    assert bool(dana.offered_help) and not bool(dana.peer)
