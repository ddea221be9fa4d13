"""The energy journal's summary: evidence of what energizes and what drains."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.journal import JournalEntry, summarize_journal

D = date(2026, 11, 2)


def entry(
    activity: str, energy: int, *, day: date = D, flow: bool = False, themes=()
) -> JournalEntry:
    return JournalEntry(day=day, activity=activity, energy=energy, flow=flow, themes=list(themes))


def test_most_energizing_and_most_draining_activities_come_first() -> None:
    summary = summarize_journal(
        [
            entry("interviews", 2),
            entry("interviews", 2),
            entry("writing", 1),
            entry("reporting", -2),
            entry("budgets", -1),
            entry("planning", 0),
        ]
    )
    assert [t.name for t in summary.energizing] == ["interviews", "writing"]
    assert [t.name for t in summary.draining] == ["reporting", "budgets"]


def test_activities_are_grouped_regardless_of_case_and_spacing() -> None:
    summary = summarize_journal(
        [entry("Customer  interviews", 2), entry("customer interviews ", 1)]
    )
    assert len(summary.energizing) == 1 and summary.energizing[0].count == 2


def test_at_equal_energy_flow_and_frequency_break_ties() -> None:
    summary = summarize_journal(
        [entry("a", 2), entry("b", 2, flow=True), entry("c", 2), entry("c", 2)]
    )
    assert [t.name for t in summary.energizing] == ["b", "c", "a"]


def test_themes_are_summarized_across_activities() -> None:
    summary = summarize_journal(
        [
            entry("interviews", 2, themes=["people"]),
            entry("coaching", 1, themes=["people", "teaching"]),
            entry("reporting", -2, themes=["admin"]),
        ]
    )
    assert summary.themes_energizing[0].name == "people" and summary.themes_energizing[0].count == 2
    assert [t.name for t in summary.themes_draining] == ["admin"]


def test_the_window_is_inclusive_at_both_ends() -> None:
    entries = [entry("x", 1, day=D + timedelta(days=i)) for i in range(-1, 12)]
    summary = summarize_journal(entries, start=D, end=D + timedelta(days=10))
    assert summary.entries == 11


@given(st.lists(st.tuples(st.integers(-2, 2), st.sampled_from("abcde")), max_size=40))
def test_an_activity_is_never_both_energizing_and_draining(rows: list[tuple[int, str]]) -> None:
    summary = summarize_journal([entry(name, energy) for energy, name in rows], limit=10)
    good = {t.name for t in summary.energizing}
    bad = {t.name for t in summary.draining}
    assert not good & bad
    assert all(t.mean_energy > 0 for t in summary.energizing)
    assert all(t.mean_energy < 0 for t in summary.draining)
