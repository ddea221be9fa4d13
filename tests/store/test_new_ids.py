"""New ids never collide between concurrent writers: the id is read under the write lock.

Two real connections to one database, each its own transaction, in the order that lost
writes in 0.1: the first reserves ids and has not committed yet when the second asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Table

from nextmove.errors import DatabaseBusy
from nextmove.services.workspace import Workspace
from nextmove.store import bulk
from nextmove.store.models import Person


def _table() -> Table:
    table = Person.__table__
    assert isinstance(table, Table)
    return table


@pytest.fixture
def other(db_url: str) -> Iterator[Workspace]:
    """A second writer that gives up after a fifth of a second instead of five."""
    database = Workspace.open(db_url, busy_timeout=0.2)
    yield database
    database.dispose()


def test_second_writer_never_gets_the_ids_the_first_holds(db: Workspace, other: Workspace) -> None:
    with db.session() as first:
        mine = list(bulk.reserve_ids(first, _table(), 3))
        if db.engine.dialect.name == "sqlite":
            # The first writer holds the write lock: the second waits, then hears "busy".
            with pytest.raises(DatabaseBusy), other.session() as second:
                bulk.reserve_ids(second, _table(), 3)
        else:
            # PostgreSQL's sequence hands out fresh ids without waiting.
            with other.session() as second:
                theirs = list(bulk.reserve_ids(second, _table(), 3))
            assert not set(mine) & set(theirs)


def test_writer_waits_for_an_org_chart_import_numbering_from_max_id(
    db: Workspace, other: Workspace
) -> None:
    with db.session() as importing:
        bulk.next_free_id(importing, _table())
        # An import numbers its rows from max(id)+1 and moves the sequence only when done:
        # a writer drawing an id meanwhile would take one of the import's.
        with pytest.raises(DatabaseBusy), other.session() as second:
            bulk.reserve_ids(second, _table(), 1)


def test_two_position_edits_at_once_both_land(db: Workspace, db_url: str) -> None:
    """One edit holds the vision (not committed yet) while another starts: the second waits,
    then reads the first's change and adds its own, instead of overwriting it (or failing to
    create the single profile row twice). PostgreSQL only: there the waiting writer can be
    seen waiting (pg_stat_activity) before the first commits, without sleeping."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the waiting writer is observable on PostgreSQL only")
    import threading

    from sqlalchemy import text

    from nextmove.services.vision import get_vision, set_position
    from nextmove.store import vision as vision_repo
    from tests.conftest import NOW

    second = Workspace.open(db_url, busy_timeout=30)
    failures: list[BaseException] = []

    def edit_city() -> None:
        try:
            set_position(second, {"city": "Berlin"}, now=NOW)
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    try:
        with db.session() as first:
            vision_repo.hold_for_update(first)
            me = vision_repo.load_vision(first).me
            me.title = "Director of Product"
            vision_repo.save_position(first, me, now=NOW)
            first.flush()
            editor = threading.Thread(target=edit_city)
            editor.start()
            with db.engine.connect() as watch:
                waiting = 0
                for _ in range(100_000):
                    waiting = watch.execute(
                        text(
                            "SELECT count(*) FROM pg_stat_activity "
                            "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                        )
                    ).scalar_one()
                    if waiting:
                        break
                assert waiting, "the second edit never waited for the first"
        editor.join(timeout=60)
    finally:
        second.dispose()
    assert failures == []
    me = get_vision(db).me
    assert (me.title, me.city) == ("Director of Product", "Berlin")
