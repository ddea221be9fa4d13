"""The three-way merge of a person and a card (domain.sync): properties that make a sync
converge and lose nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.sync import FIELDS, Projection, merge

names = st.sampled_from(["", "Ann Lee", "Ann B. Lee", "ann lee"])
orgs = st.sampled_from(["", "Acme", "Globex"])
emails = st.lists(st.sampled_from(["a@x.org", "b@x.org", "c@y.org"]), max_size=3)
phones = st.lists(st.sampled_from(["+1 415 555 0101", "+1 (415) 555-0101", "+44 20 1"]), max_size=3)
projections = st.builds(
    Projection.of,
    name=names,
    organization=orgs,
    title=orgs,
    city=orgs,
    emails=emails,
    phones=phones,
)


def same(a: Projection, b: Projection) -> bool:
    return a.digest() == b.digest()


@given(projections, projections)
def test_a_change_on_one_side_only_is_taken_whole(base: Projection, changed: Projection) -> None:
    assert same(merge(base, changed, base).result, changed)
    assert same(merge(base, base, changed).result, changed)
    assert merge(base, changed, base).conflicts == []


@given(projections, projections, projections)
def test_the_merge_is_stable_once_both_sides_agree(
    base: Projection, local: Projection, remote: Projection
) -> None:
    result = merge(base, local, remote).result
    again = merge(result, result, result)
    assert same(again.result, result) and again.conflicts == []


@given(projections, projections, projections)
def test_an_address_added_on_either_side_is_never_lost(
    base: Projection, local: Projection, remote: Projection
) -> None:
    result = merge(base, local, remote).result
    for side in (local, remote):
        for email in set(side.emails) - set(base.emails):
            assert email in result.emails


@given(projections, projections, projections)
def test_every_value_that_lost_a_conflict_is_reported(
    base: Projection, local: Projection, remote: Projection
) -> None:
    merged = merge(base, local, remote)
    reported = {c.field for c in merged.conflicts}
    for name in FIELDS:
        for side in (local, remote):
            lost = not side.same(merged.result, name) and not side.same(base, name)
            if lost and name not in ("emails", "phones"):
                assert name in reported


def test_phone_numbers_written_differently_are_one_number() -> None:
    a = Projection.of(phones=["+1 415 555 0101"])
    b = Projection.of(phones=["+1 (415) 555-0101"])
    assert a.same(b, "phones")
