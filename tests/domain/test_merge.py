"""Merging a file's view of a person into what nextmove knows."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.merge import apply_title_guess, merge_record, person_from_record
from nextmove.domain.people import ContactRecord, Labeled
from nextmove.domain.titles import TitleGuess

TODAY = date(2026, 11, 22)


def record(**fields: object) -> ContactRecord:
    base: dict[str, object] = {"where": "line 2", "key": "k", "name": "Ana Okafor"}
    return ContactRecord(**(base | fields))  # type: ignore[arg-type]


def test_merging_the_same_record_twice_changes_nothing_the_second_time() -> None:
    r = record(organization="Acme", title="PM", emails=[Labeled("ana@example.com", "work")])
    person = person_from_record(record(name="Ana Okafor"), kind="linkedin")
    assert merge_record(person, r, kind="linkedin", today=TODAY).changed
    assert not merge_record(person, r, kind="linkedin", today=TODAY).changed


def test_a_new_company_moves_the_old_job_into_history_and_flags_changed_jobs() -> None:
    person = person_from_record(record(organization="Acme", title="PM"), kind="linkedin")
    outcome = merge_record(
        person, record(organization="Globex", title="Director"), kind="linkedin", today=TODAY
    )
    assert outcome.job_change == ("PM at Acme", "Director at Globex")
    assert (person.organization, person.title) == ("Globex", "Director")
    assert [(j.organization, j.title) for j in person.history] == [("Acme", "PM")]
    assert person.changed_jobs_on == TODAY


def test_an_old_export_cannot_move_someone_back() -> None:
    person = person_from_record(record(organization="Acme", title="PM"), kind="linkedin")
    merge_record(
        person, record(organization="Globex", title="Director"), kind="linkedin", today=TODAY
    )
    assert not merge_record(
        person, record(organization="Acme", title="PM"), kind="linkedin", today=TODAY
    ).changed
    assert person.organization == "Globex"


def test_an_address_book_does_not_overrule_linkedin_or_the_user() -> None:
    person = person_from_record(record(organization="Globex", title="Director"), kind="linkedin")
    merge_record(person, record(organization="Old Co", title="Intern"), kind="vcard", today=TODAY)
    assert person.organization == "Globex"
    person.position_source = "user"
    merge_record(person, record(organization="Initech", title="VP"), kind="linkedin", today=TODAY)
    assert person.organization == "Globex"


def test_lists_only_grow_and_empty_fields_are_filled() -> None:
    person = person_from_record(record(emails=[Labeled("a@x.com", "")]), kind="vcard")
    merge_record(
        person,
        record(
            emails=[Labeled("A@X.com", "work"), Labeled("b@y.com", "home")],
            city="Chicago",
            tags=["mentor"],
        ),
        kind="google",
        today=TODAY,
    )
    assert [e.value for e in person.emails] == ["a@x.com", "b@y.com"]
    assert (person.city, person.tags) == ("Chicago", ["mentor"])


def test_a_users_level_is_never_replaced_by_inference() -> None:
    person = person_from_record(record(title="VP Sales"), kind="linkedin")
    person.level, person.level_source, person.level_confidence = 7, "user", 1.0
    changed = apply_title_guess(
        person, TitleGuess(level=9, function="sales", level_confidence=0.9, function_confidence=0.9)
    )
    assert changed and (person.level, person.level_source) == (7, "user")
    assert (person.function, person.function_source) == ("sales", "inferred")


def test_an_unsure_guess_leaves_the_level_unknown() -> None:
    person = person_from_record(record(title="Ninja"), kind="linkedin")
    apply_title_guess(person, TitleGuess(level=5, level_confidence=0.2))
    assert person.level is None and person.level_source is None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Acme", "Globex", "Initech"]), st.sampled_from(["PM", "Director"])
        ),
        min_size=1,
        max_size=6,
    )
)
def test_replaying_any_sequence_of_exports_a_second_time_changes_nothing(
    positions: list[tuple[str, str]],
) -> None:
    person = person_from_record(record(), kind="linkedin")
    for org, title in positions:
        merge_record(person, record(organization=org, title=title), kind="linkedin", today=TODAY)
    last = positions[-1]
    assert not merge_record(
        person, record(organization=last[0], title=last[1]), kind="linkedin", today=TODAY
    ).changed
