"""Merging a file's view of a person into what nextmove knows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.merge import (
    TITLE_FIELDS,
    Known,
    apply_title_guess,
    chart_row_changes_nothing,
    merge_record,
    person_from_record,
    title_of,
    title_values,
)
from nextmove.domain.people import ContactRecord, Labeled, Person
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


# The quick check of a re-import: "this org-chart row changes nothing" must never be wrong.
_small = st.sampled_from(["", "Ana Okafor", "Ana", "Okafor", "Austin", "Sales", "Lead, Sales"])
_source = st.sampled_from(["", "orgchart", "linkedin", "vcard", "user"])
_level_source = st.sampled_from([None, "inferred", "orgchart", "user"])


@st.composite
def _known_and_record(
    draw: st.DrawFn,
) -> tuple[Known, ContactRecord, int | None, TitleGuess | None]:
    known = Known(
        name=draw(st.sampled_from(["Ana Okafor", "Ana Okafor", ""])),
        first_name=draw(_small),
        last_name=draw(_small),
        email=draw(st.sampled_from([None, "ana@example.com", "ana@acme.test"])),
        how_known=draw(st.sampled_from(["Acme org chart", "Acme org chart", ""])),
        org_key=draw(st.sampled_from(["", "acme", "globex"])),
        title=draw(st.sampled_from(["", "Lead, Sales", "Director"])),
        department=draw(_small),
        city=draw(_small),
        position_source=draw(_source),
        employee_id=draw(st.sampled_from([None, "7", "8"])),
        manager_id=draw(st.sampled_from([None, 1, 2])),
        level=draw(st.sampled_from([None, 3, 5])),
        level_confidence=draw(st.sampled_from([0.0, 0.6, 0.9])),
        level_source=draw(_level_source),
        function=draw(st.sampled_from([None, "sales"])),
        function_confidence=draw(st.sampled_from([0.0, 0.95])),
        function_source=draw(_level_source),
    )
    organizations = {"": "", "acme": "Acme", "globex": "Globex Inc"}

    def like(mine: object, *others: object) -> object:  # mostly what nextmove has
        return draw(st.sampled_from([mine, mine, mine, *others]))

    email = like(known.email or "", "", "ANA@example.com", "not an email")
    rec = record(
        key=like(known.employee_id or "7", "8"),
        name=like(known.name, "", "Ana Okafor"),
        first_name=like(known.first_name, "", "Ana"),
        last_name=like(known.last_name, "", "Okafor"),
        emails=[Labeled(str(email), "work")] if email else [],
        organization=like(organizations[known.org_key], "", "Acme", "Globex Inc"),
        title=like(known.title, "", "Director", "Lead,  Sales"),
        department=like(known.department, "", "Sales"),
        city=like(known.city, "", "Austin"),
        how_known=like(known.how_known, "", "Acme org chart"),
    )
    guess = draw(
        st.sampled_from(
            [None, TitleGuess(3, "sales", 0.6, 0.95), TitleGuess(5, None, 0.9, 0.0), TitleGuess()]
        )
    )
    if draw(st.booleans()):  # the guess was applied before, as a re-import finds it
        applied = title_values(title_of(known), guess)
        known = known._replace(**dict(zip(TITLE_FIELDS, applied, strict=True)))  # type: ignore[arg-type]
    return known, rec, like(known.manager_id, None, 1, 2), guess  # type: ignore[return-value]


def _person(known: Known) -> Person:
    organization = {"": "", "acme": "Acme", "globex": "Globex Inc"}[known.org_key]
    fields = known._asdict()
    email = fields.pop("email")
    fields.pop("org_key")
    return Person(
        id=1, organization=organization, emails=[Labeled(email, "work")] if email else [], **fields
    )


@settings(max_examples=500)
@given(_known_and_record())
def test_the_quick_check_says_nothing_changes_only_when_the_merge_changes_nothing(
    case: tuple[Known, ContactRecord, int | None, TitleGuess | None],
) -> None:
    known, rec, manager_id, guess = case
    if not chart_row_changes_nothing(known, rec, manager_id=manager_id, guess=guess):
        return
    person = _person(known)
    before = repr(person)
    outcome = merge_record(person, rec, kind="orgchart", today=TODAY)
    assert not outcome.changed
    assert (rec.key, manager_id) == (person.employee_id, person.manager_id)
    assert not apply_title_guess(person, guess)
    assert repr(person) == before


def test_an_unchanged_chart_row_is_recognised_at_once() -> None:
    known = Known(
        "Ana Okafor", "Ana", "Okafor", "ana@example.com", "Acme org chart", "acme",
        "Lead, Sales", "Sales", "Austin", "orgchart", "7", 1, 3, 0.6, "inferred", "sales",
        0.95, "inferred",
    )  # fmt: skip
    row = record(
        key="7", name="Ana Okafor", first_name="Ana", last_name="Okafor",
        emails=[Labeled("Ana@Example.com", "work")], organization="Acme", title="Lead, Sales",
        department="Sales", city="Austin", how_known="Acme org chart",
    )  # fmt: skip
    guess = TitleGuess(3, "sales", 0.6, 0.95)
    assert chart_row_changes_nothing(known, row, manager_id=1, guess=guess)
    assert not chart_row_changes_nothing(known, row, manager_id=2, guess=guess)  # a new manager
    moved = replace(row, city="Chicago")
    assert not chart_row_changes_nothing(known, moved, manager_id=1, guess=guess)
    retitled = replace(row, title="Director")
    assert not chart_row_changes_nothing(known, retitled, manager_id=1, guess=guess)
