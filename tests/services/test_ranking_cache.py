"""The ranking kept between requests (services/ranking_cache.py), on SQLite and PostgreSQL:
kept per workspace and never served to another, and never older than the workspace — every
write in it moves its revision on (store/revision.py), and a new snapshot of its directory
is a new key."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from nextmove.domain.edits import PersonEdit
from nextmove.domain.vision import Position, RoleOutline, Vision
from nextmove.services import people, suggest_directory
from nextmove.services import ranking_cache as cache
from nextmove.services.ranking_cache import Kept, state_of
from nextmove.services.suggest import suggest_people
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.services.workspaces import create_workspace
from nextmove.store import directory as directory_store
from nextmove.store import directory_write
from nextmove.store import vision as vision_repo
from nextmove.store.revision import revision_of
from tests.services.test_suggest_directory import story

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
SALES = Vision(
    me=Position(name="Me", title="Account Executive", organization="Northwind", level=2),
    steps=[
        RoleOutline(title="Sales Manager", function="sales", level=5, scope="A team"),
        RoleOutline(title="VP Sales", function="sales", level=8, scope="The sales unit"),
    ],
)


def ranking(db: Workspace, **options: object) -> list[tuple[str, float]]:
    found = suggest_people(db, today=TODAY, limit=8, **options).suggestions  # type: ignore[arg-type]
    return [(s.candidate.member_ref or s.candidate.name, s.score) for s in found]


def revision(db: Workspace) -> int:
    with db.db.session() as session:
        found = revision_of(session, db.id)
    assert found is not None
    return found[0]


@pytest.fixture
def two(db: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Two workspaces reading one directory: A aims at data management, B at sales."""
    story(db, tmp_path, link_me=False)
    made = create_workspace(db.db, "sales", now=NOW)
    other = open_workspace(db.db, workspace_id=made.id)
    with db.session() as session:
        (org,) = directory_store.organization_ids_of(session, db.id)
    with db.engine.begin() as conn:
        directory_write.link_workspace(conn, other.id, org, NOW)
    with other.session() as session:
        vision_repo.save_vision(session, SALES, now=NOW)
    cache.RANKINGS.clear()
    return db, other


def test_two_workspaces_on_one_directory_keep_rankings_of_their_own(
    two: tuple[Workspace, Workspace],
) -> None:
    a, b = two
    first_a, first_b = ranking(a), ranking(b)
    assert first_a != first_b  # same members, different plans
    assert cache.RANKINGS.misses == 2 and cache.RANKINGS.hits == 0
    assert ranking(a) == first_a and ranking(b) == first_b
    assert cache.RANKINGS.hits == 2  # asked again, nothing changed: kept
    # A changes its plan to B's: A's next ranking is worked out anew and is B's ranking.
    with a.session() as session:
        vision_repo.save_vision(session, SALES, now=NOW)
    hits = cache.RANKINGS.hits
    assert ranking(a) == first_b
    assert cache.RANKINGS.hits == hits  # A's write made A's kept ranking stale
    assert ranking(b) == first_b
    assert cache.RANKINGS.hits == hits + 1  # B's was not touched by A's write


def test_a_write_by_any_path_is_in_the_next_ranking(two: tuple[Workspace, Workspace]) -> None:
    a, _b = two
    before = ranking(a)
    person = people.add_person(
        a,
        PersonEdit(name="Zoe Quinn", title="Director of Data", organization="Northwind"),
        now=NOW,
        today=TODAY,
    )
    after = ranking(a)
    assert after != before and "Zoe Quinn" in dict(after)
    # A Core statement of its own (no ORM object) is a write too.
    with a.session() as session:
        session.execute(
            text("DELETE FROM person WHERE workspace_id = :ws AND id = :id"),
            {"ws": a.id, "id": person.id},
        )
    assert ranking(a) == before


def test_the_day_and_the_question_are_part_of_the_key(two: tuple[Workspace, Workspace]) -> None:
    a, _b = two
    ranking(a)
    misses = cache.RANKINGS.misses
    suggest_people(a, today=date(2027, 1, 4), limit=8)
    suggest_people(a, today=TODAY, limit=3)
    suggest_people(a, today=TODAY, limit=8, cooldown_days=1)
    assert cache.RANKINGS.misses == misses + 3


def test_a_new_snapshot_of_the_directory_is_a_new_key(db: Workspace, tmp_path: Path) -> None:
    story(db, tmp_path, link_me=False)
    with db.session() as session:
        before = state_of(session, db)
    from nextmove.services.directory_import import import_directory

    chart = tmp_path / "june.csv"  # written by story(); imported again: a new snapshot
    import_directory(
        db, chart, organization="Northwind", column_map=None, me=None, now=NOW, today=TODAY
    )
    with db.session() as session:
        after = state_of(session, db)
    assert before is not None and after is not None
    assert after.snapshots != before.snapshots


def test_the_revision_moves_on_with_writes_only(two: tuple[Workspace, Workspace]) -> None:
    a, b = two
    start_a, start_b = revision(a), revision(b)
    with a.session() as session:  # reading only
        vision_repo.load_vision(session)
    assert revision(a) == start_a
    people.add_person(a, PersonEdit(name="Ann Lee"), now=NOW, today=TODAY)
    assert revision(a) == start_a + 1 and revision(b) == start_b
    with pytest.raises(RuntimeError), a.session() as session:  # rolled back: nothing happened
        session.execute(text("UPDATE person SET name = 'X' WHERE workspace_id = :ws"), {"ws": a.id})
        raise RuntimeError("changed my mind")
    assert revision(a) == start_a + 1
    with a.db.session(all_workspaces=True) as session:  # a write on every workspace
        session.execute(text("UPDATE person SET notes = notes"))
    assert revision(a) == start_a + 2 and revision(b) == start_b + 1


def test_the_cache_holds_a_bounded_number_of_answers() -> None:
    kept: Kept[int] = Kept(3)
    for n in range(5):
        kept.put(n, n)
    assert len(kept) == 3 and kept.get(0) is None and kept.get(4) == 4
    kept.get(2)  # used: kept over 3
    kept.put(5, 5)
    assert kept.get(3) is None and kept.get(2) == 2


def test_workspaces_of_one_directory_share_its_read_and_rank_alike_to_a_fresh_read(
    two: tuple[Workspace, Workspace],
) -> None:
    a, b = two
    reads = suggest_directory.DIRECTORY_READS
    reads.clear()
    with a.session() as session:
        aim = vision_repo.load_vision(session)
    with b.session() as session:  # B aims as A does: the same read of the directory
        vision_repo.save_vision(session, aim, now=NOW)
    first = ranking(a)
    assert (reads.hits, reads.misses) == (0, 1)
    assert ranking(b) == first  # the same directory, the same plan, no people of their own
    assert (reads.hits, reads.misses) == (1, 1)
    reads.clear()
    cache.RANKINGS.clear()
    assert ranking(b) == first  # read afresh: the same
