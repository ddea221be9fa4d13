"""The store keeps each workspace to itself: ORM and Core statements, gets, inserts and
bulk loads see and write one workspace; the statement guard the whole suite runs under
catches a statement that does not say which workspace."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, func, select, text, update

from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store import workspaces
from nextmove.store.bulk import bulk_insert
from nextmove.store.models import JournalEntry, Person, Tie
from tests.workspace_guard import Guard, unscoped_references

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def _person(name: str) -> Person:
    return Person(name=name, name_key=name.lower(), created_at=NOW, updated_at=NOW)


@pytest.fixture
def two(db: Workspace) -> tuple[Workspace, Workspace]:
    with db.db.session() as session:
        other = workspaces.create(session, "client-b", now=NOW)
    b = open_workspace(db.db, other.name)
    with db.session() as s:
        s.add_all([_person("Ana Alves"), _person("Ben Brook")])
    with b.session() as s:
        s.add(_person("Cleo Chan"))
    return db, b


def _names(ws: Workspace) -> set[str]:
    with ws.session() as s:
        return set(s.scalars(select(Person.name)))


def test_each_workspace_reads_only_its_own_rows(two: tuple[Workspace, Workspace]) -> None:
    a, b = two
    assert _names(a) == {"Ana Alves", "Ben Brook"}
    assert _names(b) == {"Cleo Chan"}
    with b.session() as s:
        # Core statements, through the session and through its connection.
        assert s.execute(select(func.count()).select_from(Person.__table__)).scalar() == 1
        assert s.connection().execute(select(Person.__table__.c.name)).scalars().all() == [
            "Cleo Chan"
        ]


def test_a_statement_of_one_shape_is_scoped_anew_for_each_workspace(
    two: tuple[Workspace, Workspace],
) -> None:
    """The store remembers a select's FROM list by its shape; the workspace it compares is
    still each session's own, whichever workspace ran that shape first."""
    a, b = two
    table = Person.__table__
    for ws, expected in ((a, ["Ana Alves", "Ben Brook"]), (b, ["Cleo Chan"]), (a, None)):
        with ws.session() as s:
            names = s.execute(select(table.c.name).order_by(table.c.name)).scalars().all()
            count = s.scalar(select(func.count()).select_from(Person))
        assert names == (expected or ["Ana Alves", "Ben Brook"])
        assert count == len(names)


def test_an_id_from_another_workspace_finds_nothing_and_changes_nothing(
    two: tuple[Workspace, Workspace],
) -> None:
    a, b = two
    with a.session() as s:
        ana = s.scalars(select(Person.id).where(Person.name == "Ana Alves")).one()
    with b.session() as s:
        assert s.get(Person, ana) is None
        s.execute(update(Person).where(Person.id == ana).values(name="Hijacked"))
        s.execute(update(Person.__table__).where(Person.__table__.c.id == ana).values(notes="x"))
        s.execute(delete(Person).where(Person.id == ana))
    with a.session() as s:
        row = s.get(Person, ana)
        assert row is not None
        assert (row.name, row.notes) == ("Ana Alves", "")


def test_ids_never_repeat_across_workspaces(two: tuple[Workspace, Workspace]) -> None:
    a, b = two
    with a.session() as s:
        ids_a = set(s.scalars(select(Person.id)))
    with b.session() as s:
        ids_b = set(s.scalars(select(Person.id)))
    assert ids_a.isdisjoint(ids_b)
    assert len(ids_a | ids_b) == 3


def test_a_bulk_load_lands_in_the_sessions_workspace(two: tuple[Workspace, Workspace]) -> None:
    a, b = two
    with b.session() as s:
        bulk_insert(
            s,
            JournalEntry.__table__,  # type: ignore[arg-type]
            ["day", "activity", "energy", "engagement", "flow", "themes", "note"],
            [
                (NOW.date(), "Workshop", 2, 4, True, [], ""),
                (NOW.date(), "Review", -1, 2, False, [], ""),
            ],
        )
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(JournalEntry)) == 0
    with b.session() as s:
        assert sorted(s.scalars(select(JournalEntry.activity))) == ["Review", "Workshop"]


def test_a_row_cannot_point_into_another_workspace(two: tuple[Workspace, Workspace]) -> None:
    a, b = two
    with a.session() as s:
        ana = s.scalars(select(Person.id).where(Person.name == "Ana Alves")).one()
    with b.session() as s:
        cleo = s.scalars(select(Person.id)).one()
    # The composite reference (workspace_id, other_id) -> person refuses Ana from b.
    with pytest.raises(Exception, match=r"(?i)foreign key|violates"), b.session() as s:
        s.add(Tie(person_id=cleo, other_id=ana, source="stated", strength=3, created_at=NOW))


def test_a_session_without_a_workspace_refuses_per_workspace_tables(db: Workspace) -> None:
    with pytest.raises(RuntimeError, match="outside a workspace"), db.db.session() as s:
        s.scalars(select(Person)).all()
    with pytest.raises(RuntimeError, match="outside a workspace"), db.db.session() as s:
        s.add(_person("Nobody"))


def test_deleting_a_workspace_removes_its_rows_and_leaves_the_other(
    two: tuple[Workspace, Workspace],
) -> None:
    a, b = two
    with a.db.session(all_workspaces=True) as s:
        workspaces.delete(s, b.id)
    assert _names(a) == {"Ana Alves", "Ben Brook"}
    with a.db.session(all_workspaces=True) as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 2
        assert workspaces.find(s, "client-b") is None


@pytest.mark.unscoped_on_purpose
def test_the_guard_catches_a_statement_without_its_workspace(db: Workspace) -> None:
    guard = Guard()
    guard.install()
    try:
        with db.session() as s:
            s.execute(text("SELECT count(*) FROM person")).scalar()
            s.execute(
                text("SELECT count(*) FROM person WHERE workspace_id = :ws"), {"ws": db.id}
            ).scalar()
    finally:
        guard.remove()
    assert [missing for _sql, missing in guard.violations] == [["person"]]


@pytest.mark.parametrize(
    ("statement", "missing"),
    [
        (
            "SELECT p.name FROM person p JOIN tie t ON t.person_id = p.id WHERE p.workspace_id = 1",
            ["tie AS t"],
        ),
        (
            "SELECT name FROM person WHERE id IN (SELECT person_id FROM tie) AND workspace_id = 1",
            ["person", "tie"],
        ),
        ("UPDATE person SET notes = '' WHERE id = 3", ["person"]),
        ("INSERT INTO tie (id, person_id) VALUES (1, 2)", ["tie"]),
        ("SELECT name FROM workspace", []),
        # people list's total once counted every workspace: the column in the select list
        # of a subquery limits nothing.
        (
            "SELECT count(*) AS count_1 FROM (SELECT person.workspace_id AS workspace_id, "
            "person.id AS id FROM person) AS anon_1",
            ["person"],
        ),
        (
            "SELECT count(*) AS count_1 FROM (SELECT person.workspace_id AS workspace_id, "
            "person.id AS id FROM person WHERE person.workspace_id = ?) AS anon_1",
            [],
        ),
        ("DELETE FROM tie WHERE workspace_id = %(workspace_id_1)s", []),
    ],
)
def test_the_guard_reads_joins_subqueries_and_writes(statement: str, missing: list[str]) -> None:
    assert unscoped_references(statement) == missing
