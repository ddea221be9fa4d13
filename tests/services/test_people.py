"""The people commands' use cases: find, edit, merge, delete everywhere, log contacts."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nextmove.domain.edits import PersonEdit
from nextmove.errors import Ambiguous, NotFound, UserError
from nextmove.services import imports, people
from nextmove.services.workspace import Workspace
from nextmove.store import models

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures"


def count(db: Workspace, model: type, **where: object) -> int:
    with db.session() as session:
        statement = select(func.count()).select_from(model)
        for key, value in where.items():
            statement = statement.where(getattr(model, key) == value)
        return int(session.scalar(statement) or 0)


def add(db: Workspace, now: datetime, today: date, name: str, **fields: object):  # type: ignore[no-untyped-def]
    return people.add_person(db, PersonEdit(name=name, **fields), now=now, today=today)


def test_delete_removes_a_person_everywhere(db: Workspace, now: datetime, today: date) -> None:
    imports.import_file(
        db, "orgchart", FIXTURES / "orgchart" / "oracle-hr.csv", now=now, today=today,
        organization="Oracle HR Sample", me="104",
    )  # fmt: skip
    neena = people.resolve(db, "Neena Yang")
    king = people.resolve(db, "Steven King")
    people.add_tie(
        db, "Neena Yang", "Bruce Miller", source="introduced-by", strength=4, note="", now=now
    )
    people.touch(db, "Neena Yang", kind="call", note="catch-up", day=today, now=now)
    people.delete_person(db, "Neena Yang")
    assert count(db, models.Person, id=neena) == 0
    assert count(db, models.Tie) == 0
    assert count(db, models.Interaction) == 0
    assert count(db, models.OrgPosition, person_id=neena) == 0
    assert count(db, models.Person, manager_id=neena) == 0  # her reports no longer point at her
    assert people.show_person(db, "Steven King").person.id == king
    with pytest.raises(NotFound):
        people.show_person(db, str(neena))


def test_deleting_yourself_unlinks_your_profile(db: Workspace, now: datetime, today: date) -> None:
    me = add(db, now, today, "Maya Chen")
    people.link_me(db, str(me.id))
    people.delete_person(db, str(me.id))
    with db.session() as session:
        assert session.get(models.Profile, 1).person_id is None  # type: ignore[union-attr]


def test_an_ambiguous_name_lists_the_candidates(db: Workspace, now: datetime, today: date) -> None:
    add(db, now, today, "Sam Lee", organization="Acme", title="Designer")
    add(db, now, today, "Sam Lee", organization="Globex")
    with pytest.raises(Ambiguous) as error:
        people.show_person(db, "sam lee")
    assert "2 people are called 'sam lee'" in error.value.message
    assert "Designer at Acme" in error.value.message and "Globex" in error.value.message


def test_a_level_you_set_survives_every_import(db: Workspace, now: datetime, today: date) -> None:
    li = FIXTURES / "linkedin" / "current-export-with-notes-preamble.csv"
    imports.import_file(db, "linkedin", li, now=now, today=today)
    edited = people.edit_person(
        db, "Ana Okafor", PersonEdit(level="director", function="product"), now=now, today=today
    )
    assert (edited.level, edited.level_source, edited.function_source) == (7, "user", "user")
    imports.import_file(
        db,
        "linkedin",
        FIXTURES / "linkedin" / "newer-export-with-job-changes.csv",
        now=now,
        today=today,
    )
    ana = people.show_person(db, "Ana Okafor").person
    assert (ana.level, ana.level_source, ana.function) == (7, "user", "product")


def test_a_position_you_set_is_yours_and_the_old_one_goes_into_history(
    db: Workspace, now: datetime, today: date
) -> None:
    add(db, now, today, "Ana Okafor", organization="Acme", title="PM")
    ana = people.edit_person(
        db, "Ana Okafor", PersonEdit(organization="Globex", title="Director"), now=now, today=today
    )
    assert [(j.organization, j.title, j.end) for j in ana.history] == [("Acme", "PM", today)]
    assert ana.position_source == "user"


def test_merge_combines_two_records_of_one_person(
    db: Workspace, now: datetime, today: date
) -> None:
    a = add(
        db,
        now,
        today,
        "Ana Okafor",
        organization="Acme",
        title="PM",
        add_emails=("ana@acme.example",),
    )
    b = add(
        db,
        now,
        today,
        "Ana O.",
        add_emails=("ana@home.example",),
        add_phones=("+1 555 0100",),
        tier="A",
        offered_help=True,
    )
    other = add(db, now, today, "Ben Schmidt")
    people.add_tie(
        db, str(b.id), str(other.id), source="met-at", strength=2, note="conference", now=now
    )
    people.touch(db, str(b.id), kind="met", note="coffee", day=date(2026, 11, 1), now=now)
    merged = people.merge_people(db, str(a.id), str(b.id), now=now, today=today)
    assert [e.value for e in merged.emails] == ["ana@acme.example", "ana@home.example"]
    assert (merged.tier, merged.offered_help, merged.organization) == ("A", True, "Acme")
    detail = people.show_person(db, str(a.id))
    assert [(t.other_name, t.source) for t in detail.ties] == [("Ben Schmidt", "met-at")]
    assert detail.person.last_contact == date(2026, 11, 1)
    assert count(db, models.Person) == 2
    with pytest.raises(UserError, match="same person"):
        people.merge_people(db, str(a.id), str(a.id), now=now, today=today)


def test_touch_sets_the_last_contact_date(db: Workspace, now: datetime, today: date) -> None:
    add(db, now, today, "Ana Okafor")
    people.touch(db, "Ana Okafor", kind="call", note="", day=date(2026, 10, 1), now=now)
    people.touch(db, "Ana Okafor", kind="email", note="", day=date(2026, 9, 1), now=now)
    assert people.show_person(db, "Ana Okafor").person.last_contact == date(2026, 10, 1)
    with pytest.raises(UserError, match="not a kind of contact"):
        people.touch(db, "Ana Okafor", kind="smoke signal", note="", day=today, now=now)


def test_list_filters_by_query_tag_tier_and_flag(db: Workspace, now: datetime, today: date) -> None:
    add(
        db,
        now,
        today,
        "Ana Okafor",
        organization="Northwind Health",
        title="Senior PM",
        add_tags=("mentor",),
        tier="A",
    )
    add(db, now, today, "Ben Schmidt", organization="Contoso", navigated_transition=True)
    assert [p.name for p in people.list_people(db, query="northwind")[0]] == ["Ana Okafor"]
    assert [p.name for p in people.list_people(db, tag="mentor")[0]] == ["Ana Okafor"]
    assert [p.name for p in people.list_people(db, tier="a")[0]] == ["Ana Okafor"]
    assert [p.name for p in people.list_people(db, flags=["navigated-transition"])[0]] == [
        "Ben Schmidt"
    ]
    lines, total = people.list_people(db, limit=1)
    assert total == 2 and len(lines) == 1
    with pytest.raises(UserError, match="not a flag"):
        people.list_people(db, flags=["famous"])


def test_bad_input_is_refused_with_advice(db: Workspace, now: datetime, today: date) -> None:
    with pytest.raises(UserError, match="tier"):
        add(db, now, today, "Ana", tier="D")
    with pytest.raises(UserError, match="not an email address"):
        add(db, now, today, "Ana", add_emails=("nope",))
    with pytest.raises(UserError, match="unknown level"):
        add(db, now, today, "Ana", level="wizard")
    add(db, now, today, "Ana")
    with pytest.raises(UserError, match="not a kind of tie"):
        people.add_tie(db, "Ana", "Ana", source="cousin", strength=3, note="", now=now)
    with pytest.raises(UserError, match="themselves"):
        people.add_tie(db, "Ana", "Ana", source="stated", strength=3, note="", now=now)


def test_someone_you_add_by_hand_is_a_direct_contact(
    db: Workspace, now: datetime, today: date
) -> None:
    from nextmove.store import suggest as suggest_repo

    met = add(db, now, today, "Dana Lee", how_known="met at a conference")
    with db.session() as session:
        direct = suggest_repo.direct_ties(session, suggest_repo.load_me(session))
    assert met.id in direct
    assert count(db, models.PersonSource, person_id=met.id, kind="manual") == 1
    people.delete_person(db, f"#{met.id}")
    assert count(db, models.PersonSource, person_id=met.id) == 0


def test_a_picked_name_with_its_id_resolves_to_that_person(
    db: Workspace, now: datetime, today: date
) -> None:
    first = add(db, now, today, "Sam Park")
    second = add(db, now, today, "Sam Park")
    assert people.resolve(db, f"Sam Park #{second.id}") == second.id
    assert people.resolve(db, f"#{first.id}") == first.id
    with pytest.raises(Ambiguous):
        people.resolve(db, "Sam Park")
