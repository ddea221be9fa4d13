"""The moves people make, read from careers: transitions, roles alike, exactly who made a
move, where people went next, and O*NET's prior where the network is silent."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.moves import (
    Career,
    Role,
    RoleRead,
    family_of,
    moves_of,
    nearest_moves,
    observed_moves,
    read_role,
    where_people_went,
    who_made_the_move,
)
from nextmove.domain.titles import infer_title
from nextmove.services.titles import load_reference

REFERENCE = load_reference()


def read(title: str) -> RoleRead:
    return read_role(title, infer_title(title, REFERENCE))


def career(pid: int, *roles: tuple[str, str, date | None]) -> Career:
    return Career(pid, f"P{pid}", tuple(Role(t, o, s) for t, o, s in roles))


def test_a_career_gives_its_transitions_with_dates_and_time_in_role() -> None:
    c = career(
        1,
        ("Data Analyst", "Acme", date(2016, 1, 1)),
        ("Data Scientist", "Acme", date(2018, 7, 1)),
        ("Product Manager", "Globex", date(2021, 3, 1)),
    )
    moves = moves_of(c)
    assert [(m.from_title, m.to_title, m.year, m.months_in_role) for m in moves] == [
        ("Data Analyst", "Data Scientist", 2018, 30),
        ("Data Scientist", "Product Manager", 2021, 32),
    ]
    assert moves_of(c, as_of=date(2020, 1, 1))[-1].to_title == "Data Scientist"


def test_the_same_role_written_twice_is_not_a_move() -> None:
    c = career(1, ("Senior Data Scientist", "Acme", None), ("Data Scientist, Growth", "Acme", None))
    assert moves_of(c) == []


def test_roles_alike_by_family_within_a_level_or_by_function_and_level_for_managers() -> None:
    assert family_of("Senior Data Scientist, Growth") == family_of("Data Scientist")
    assert family_of("VP, Product") != family_of("VP, Sales")
    assert read("Senior Data Scientist").like(read("Data Scientist"))
    assert not read("Data Scientist").like(read("Data Analyst"))
    assert read("Head of Product").like(read("Director of Product"))
    assert not read("Director of Product").like(read("Director of Engineering"))
    assert not read("Product Manager").like(read("Director of Product"))


def test_where_people_went_counts_people_and_leaves_out_moves_into_your_own_role() -> None:
    careers = [
        career(1, ("Data Scientist", "A", None), ("Product Manager", "B", date(2021, 1, 1))),
        career(2, ("Senior Data Scientist", "A", None), ("Product Manager", "C", date(2022, 1, 1))),
        career(3, ("Data Scientist", "A", None), ("Data Science Manager", "A", date(2020, 1, 1))),
        career(4, ("Data Analyst", "A", None), ("Data Scientist", "A", date(2019, 1, 1))),
        career(5, ("Data Scientist", "A", None), ("Data Scientist", "B", date(2019, 1, 1))),
    ]
    dests = where_people_went(read("Data Scientist"), observed_moves(careers), read)
    assert [(d.title, d.people) for d in dests] == [
        ("Product Manager", 2),
        ("Data Science Manager", 1),
    ]
    assert [m.name for m in dests[0].moves] == ["P2", "P1"]  # most recent first


def test_the_nearest_move_when_nobody_made_yours() -> None:
    careers = [
        career(
            1, ("Data Scientist", "A", None), ("Product Marketing Manager", "B", date(2020, 1, 1))
        ),
        career(2, ("Data Scientist", "A", None), ("Group Product Manager", "B", date(2021, 1, 1))),
        career(3, ("Nurse", "A", None), ("Chef", "B", date(2021, 1, 1))),
    ]
    moves = observed_moves(careers)
    assert who_made_the_move(read("Data Scientist"), read("Product Manager"), moves, read) == []
    near = nearest_moves(read("Data Scientist"), read("Product Manager"), moves, read)
    assert [m.name for m in near] == ["P2"]


TITLES = [
    "Data Scientist",
    "Senior Data Scientist",
    "Data Analyst",
    "Product Manager",
    "Senior Product Manager",
    "Director of Product",
    "Head of Product",
    "Engineering Manager",
    "Software Engineer",
    "Nurse Manager",
    "Director of Clinical Operations",
    "CFO",
    "VP Finance",
]
ROLE = st.tuples(st.sampled_from(TITLES), st.sampled_from(["Acme", "Globex", ""]))
CAREERS = st.lists(st.lists(ROLE, min_size=1, max_size=4), max_size=12)


@settings(max_examples=60, deadline=None)
@given(CAREERS, st.sampled_from(TITLES), st.sampled_from(TITLES))
def test_who_made_the_move_lists_exactly_the_people_who_did(
    raw: list[list[tuple[str, str]]], origin: str, target: str
) -> None:
    careers = [
        Career(i, f"P{i}", tuple(Role(t, o, date(2010 + k, 1, 1)) for k, (t, o) in enumerate(rs)))
        for i, rs in enumerate(raw)
    ]
    moves = observed_moves(careers)
    a, b = read(origin), read(target)
    listed = {m.person_id for m in who_made_the_move(a, b, moves, read)}
    made = {m.person_id for m in moves if a.like(read(m.from_title)) and b.like(read(m.to_title))}
    assert listed == made
    for m in who_made_the_move(a, b, moves, read):
        # Each listed move is a real step in that person's career.
        titles = [t for t, _ in raw[m.person_id]]
        assert any(
            titles[k] == m.from_title and titles[k + 1] == m.to_title
            for k in range(len(titles) - 1)
        )
