"""Typed edits: what each field of an edit does to a person, and how edges derive one edit
from a whole form."""

from __future__ import annotations

from datetime import date

import pytest

from nextmove.domain.edits import (
    CLEAR,
    OpportunityInput,
    PersonEdit,
    PositionEdit,
    apply_person_edit,
    apply_position_edit,
)
from nextmove.domain.people import Labeled, Person
from nextmove.domain.vision import Position
from nextmove.errors import UserError

TODAY = date(2026, 11, 22)


def ana() -> Person:
    return Person(
        name="Ana Okafor",
        organization="Acme",
        title="PM",
        level=5,
        level_source="inferred",
        level_confidence=0.6,
        emails=[Labeled("ana@acme.com", "work")],
        tags=["product"],
        known_since=date(2020, 1, 1),
    )


def test_fields_left_at_none_change_nothing() -> None:
    person = ana()
    apply_person_edit(person, PersonEdit(), today=TODAY)
    assert person == ana()
    assert PersonEdit().empty and not PersonEdit(city="Lyon").empty


def test_a_level_given_is_the_users_word_and_blank_clears_it() -> None:
    person = ana()
    apply_person_edit(person, PersonEdit(level="director"), today=TODAY)
    assert (person.level, person.level_source, person.level_confidence) == (7, "user", 1.0)
    apply_person_edit(person, PersonEdit(level=""), today=TODAY)
    assert (person.level, person.level_source) == (None, None)


def test_a_new_position_moves_the_old_one_into_the_history() -> None:
    person = ana()
    apply_person_edit(person, PersonEdit(organization="Globex", title="Director"), today=TODAY)
    assert (person.organization, person.title, person.position_source) == (
        "Globex",
        "Director",
        "user",
    )
    assert [(j.organization, j.title, j.end) for j in person.history] == [("Acme", "PM", TODAY)]


def test_a_whole_list_replaces_the_saved_one_and_keeps_labels_of_what_stays() -> None:
    person = ana()
    edit = PersonEdit(emails=("ANA@acme.com", "ana@home.org"), tags=("mentor",))
    apply_person_edit(person, edit, today=TODAY)
    assert person.emails == [Labeled("ana@acme.com", "work"), Labeled("ana@home.org", "")]
    assert person.tags == ["mentor"]


def test_adding_and_removing_keeps_what_is_there() -> None:
    person = ana()
    edit = PersonEdit(
        add_emails=("ana@acme.com", "a@b.org"), add_tags=("x",), remove_tags=("product",)
    )
    apply_person_edit(person, edit, today=TODAY)
    assert [e.value for e in person.emails] == ["ana@acme.com", "a@b.org"]
    assert person.tags == ["x"]


def test_clear_empties_the_date_known_since() -> None:
    person = ana()
    apply_person_edit(person, PersonEdit(known_since=CLEAR), today=TODAY)
    assert person.known_since is None


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (PersonEdit(city="Ly\x00on"), "city"),
        (PersonEdit(add_tags=("ok", "b\x00d")), "add_tags"),
        (PersonEdit(add_emails=("nope",)), "email"),
        (PersonEdit(profile_url="https://example.com/ana"), "linkedin"),
        (PersonEdit(level="wizard"), "level"),
    ],
)
def test_bad_input_names_its_field_and_changes_nothing_saved(edit: PersonEdit, field: str) -> None:
    with pytest.raises(UserError) as caught:
        apply_person_edit(ana(), edit, today=TODAY)
    assert caught.value.field == field


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(UserError, match="name"):
        apply_person_edit(ana(), PersonEdit(name="  "), today=TODAY)


def test_a_form_given_in_full_gives_only_what_changed() -> None:
    saved = PersonEdit(name="Ana", city="Lyon", tags=("a",), known_since=CLEAR, peer=False)
    form = PersonEdit(name="Ana", city="Paris", tags=("a",), known_since=CLEAR, peer=True)
    assert form.changes_from(saved) == PersonEdit(city="Paris", peer=True)
    assert saved.changes_from(saved).empty


def test_a_form_for_someone_new_leaves_blank_fields_out() -> None:
    form = PersonEdit(name="Ana", city="", tags=(), known_since=CLEAR, peer=False, tier="")
    assert form.without_blanks() == PersonEdit(name="Ana")


def test_what_the_person_gives_wins_over_what_a_posting_read() -> None:
    read = OpportunityInput(title="Sr. Director", organization="Acme", remote=True, level=8)
    given = OpportunityInput(title="", organization="Acme Health", remote=False, involves=())
    merged = given.over(read)
    # Blank texts and lists are "not given"; an explicit False is an answer.
    assert merged == OpportunityInput(
        title="Sr. Director", organization="Acme Health", remote=False, level=8
    )


def test_a_position_edit_changes_only_what_it_gives_and_checks_the_level() -> None:
    me = Position(name="Maya", title="PM", organization="Acme", level=5, function="product")
    moved = apply_position_edit(me, PositionEdit(title=" Senior PM ", level="senior"))
    assert (moved.name, moved.title, moved.organization) == ("Maya", "Senior PM", "Acme")
    assert (moved.level, moved.function) == (3, "product")  # "senior" is rank 3
    assert apply_position_edit(me, PositionEdit(function="")).function is None
    with pytest.raises(UserError) as caught:
        apply_position_edit(me, PositionEdit(level="wizard"))
    assert caught.value.field == "level"
