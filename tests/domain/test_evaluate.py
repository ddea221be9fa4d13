"""Judging opportunities against the person's own plan: the acceptance scenario, every flag at
its threshold (just below, at, above), inferred ratings, and invariants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain import evaluate as ev
from nextmove.domain.evaluate import evaluate_opportunity, rank_evaluations
from nextmove.domain.journal import JournalEntry, summarize_journal
from nextmove.domain.opportunities import Opportunity, Source
from nextmove.domain.vision import Choice, Choices, Position, Priority, RoleOutline, Vision

TODAY = date(2026, 11, 22)
PRIORITIES = ["location", "career trajectory", "skills development"]


def vision(
    *,
    level: int = 5,
    city: Choice = Choice.OPEN,
    industry: Choice = Choice.OPEN,
    company: Choice = Choice.OPEN,
    priorities: list[str] | None = None,
) -> Vision:
    """A product manager in Chicago at `level`, aiming at director then VP of product."""
    return Vision(
        me=Position(
            name="Ana",
            title="Product Manager",
            organization="Northwind Health",
            function="product",
            level=level,
            industry="healthcare software",
            city="Chicago",
        ),
        steps=[
            RoleOutline(
                title="Director of Product",
                function="product",
                level=7,
                industry="healthcare software",
                city="Denver",
            ),
            RoleOutline(
                title="VP of Product",
                function="product",
                level=9,
                industry="healthcare software",
                city="Denver",
            ),
        ],
        priorities=[Priority(p) for p in (priorities or PRIORITIES)],
        choices=Choices(industry=industry, company=company, city=city),
        energizers=["coaching", "customer interviews"],
        strengths=["Turning messy research into a clear roadmap"],
    )


def opp(**fields: object) -> Opportunity:
    """A role on the path by default: product, healthcare software, one level up, in Denver."""
    base: dict[str, object] = {
        "title": "Senior Manager, Product",
        "source": Source.JOB_BOARD,
        "organization": "Cedar Health",
        "function": "product",
        "level": 6,
        "industry": "healthcare software",
        "city": "Denver",
        "id": 1,
    }
    base.update(fields)
    return Opportunity(**base)  # type: ignore[arg-type]


def codes(v: Vision, o: Opportunity, journal=None) -> list[str]:  # type: ignore[no-untyped-def]
    return evaluate_opportunity(v, journal, o).flag_codes


def rated(top: int, second: int = 5, third: int = 5) -> dict[str, int]:
    return {"location": top, "career trajectory": second, "skills development": third}


# --- the acceptance scenario -------------------------------------------------------------


def test_prestigious_vp_role_in_the_city_you_want_to_leave_is_impressive_but_misaligned_and_loses_to_a_fitting_director_role() -> (
    None
):
    plan = vision(level=5, city=Choice.CHANGE)
    vp = opp(
        id=1,
        title="VP of Product",
        organization="Lumen Bank",
        level=9,
        city="Chicago",
        brand=True,
        source=Source.RECRUITER,
        ratings={"location": 1},
    )
    director = opp(
        id=2,
        title="Director of Product",
        organization="Cedar Health",
        level=7,
        city="Denver",
        source=Source.NETWORK_REFERRAL,
        ratings={"location": 5},
    )
    vp_eval = evaluate_opportunity(plan, None, vp)
    director_eval = evaluate_opportunity(plan, None, director)

    assert "impressive-but-misaligned" in vp_eval.flag_codes
    assert "breaks-city-choice" in vp_eval.flag_codes
    assert vp_eval.verdict.key == "misaligned"
    flag = next(f for f in vp_eval.flags if f.code == "impressive-but-misaligned")
    assert "location" in flag.explanation and "1/5" in flag.explanation
    assert "vice president title" in flag.explanation

    assert director_eval.flag_codes == []
    assert director_eval.verdict.key == "strong-fit"
    assert [e.opportunity.id for e in rank_evaluations([vp_eval, director_eval])] == [2, 1]


def test_the_vp_role_is_misaligned_even_when_the_top_priority_is_only_inferred() -> None:
    plan = vision(level=5, city=Choice.CHANGE)
    vp = opp(title="VP of Product", level=9, city="Chicago", brand=True)
    result = evaluate_opportunity(plan, None, vp)
    top = result.priorities[0]
    assert (top.name, top.rating, top.basis) == ("location", 1, "inferred")
    assert "breaks your city choice" in top.why
    assert "impressive-but-misaligned" in result.flag_codes


def test_lateral_role_proposed_by_hr_is_not_a_big_enough_reach() -> None:
    plan = vision(level=5)
    lateral = opp(
        title="Product Manager, Scheduling",
        organization="Northwind Health",
        level=5,
        city="Chicago",
        source=Source.HR_PROPOSAL,
    )
    result = evaluate_opportunity(plan, None, lateral)
    assert "not-a-big-enough-reach" in result.flag_codes
    flag = next(f for f in result.flags if f.code == "not-a-big-enough-reach")
    assert "proposed by HR" in flag.explanation
    assert flag.inputs == {"level_change": 0, "function_change": False}
    assert result.verdict.key != "strong-fit"


# --- impressive but misaligned, at each threshold ----------------------------------------


@pytest.mark.parametrize(
    ("level", "impressive"),
    [(6, False), (7, True), (8, True)],  # today: 5; threshold: 2 levels up
)
def test_impressive_starts_at_two_levels_above_today(level: int, impressive: bool) -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(level=level, ratings=rated(1)))
    assert ("impressive-but-misaligned" in result.flag_codes) is impressive
    assert bool(result.impressive) is impressive


@pytest.mark.parametrize(("level", "impressive"), [(8, False), (9, True), (10, True)])
def test_a_vp_title_or_higher_is_impressive_even_one_level_up(level: int, impressive: bool) -> None:
    result = evaluate_opportunity(vision(level=8), None, opp(level=level, ratings=rated(1)))
    assert ("impressive-but-misaligned" in result.flag_codes) is impressive


@pytest.mark.parametrize("brand", [False, True])
def test_a_famous_brand_is_impressive_at_any_level(brand: bool) -> None:
    result = evaluate_opportunity(
        vision(level=5), None, opp(level=6, brand=brand, ratings=rated(1))
    )
    assert ("impressive-but-misaligned" in result.flag_codes) is brand


@pytest.mark.parametrize(("top", "flagged"), [(3, False), (2, True), (1, True)])
def test_misaligned_when_the_top_priority_rates_two_or_less(top: int, flagged: bool) -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(level=8, ratings=rated(top)))
    assert ("impressive-but-misaligned" in result.flag_codes) is flagged
    assert result.fit is not None and result.fit >= ev.FIT_WEAK_BELOW


@pytest.mark.parametrize(
    ("ratings", "fit", "flagged"),
    [
        ((3, 2, 1), 2.33, True),  # just below 2.5
        ((3, 2, 2), 2.5, False),  # at
        ((3, 3, 1), 2.67, False),  # above
    ],
)
def test_misaligned_when_the_priority_fit_is_below_two_and_a_half(
    ratings: tuple[int, int, int], fit: float, flagged: bool
) -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(level=8, ratings=rated(*ratings)))
    assert result.fit == fit
    assert ("impressive-but-misaligned" in result.flag_codes) is flagged


def test_a_role_that_fits_poorly_but_is_not_impressive_is_a_weak_fit_not_misaligned() -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(level=6, ratings=rated(1, 1, 1)))
    assert "impressive-but-misaligned" not in result.flag_codes
    assert result.verdict.key == "weak-fit"


# --- reach -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [(4, ["step-down"]), (5, ["not-a-big-enough-reach"]), (6, [])],  # today: 5
)
def test_reach_flags_at_one_level_up(level: int, expected: list[str]) -> None:
    flags = codes(vision(level=5), opp(level=level))
    assert [c for c in flags if c in ("step-down", "not-a-big-enough-reach")] == expected


def test_a_lateral_move_into_the_function_of_your_path_is_a_reach() -> None:
    plan = vision(level=5)
    plan.me.function = "design"
    assert "not-a-big-enough-reach" not in codes(plan, opp(level=5, function="product"))


def test_a_lateral_move_into_a_function_off_your_path_is_not_a_reach() -> None:
    flags = codes(vision(level=5), opp(level=5, function="sales"))
    assert "not-a-big-enough-reach" in flags


def test_unknown_levels_give_no_reach_flag_and_say_what_is_missing() -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(level=None))
    assert result.reach.level_change is None
    assert "unknown" in result.reach.description
    assert not {"step-down", "not-a-big-enough-reach"} & set(result.flag_codes)


# --- detour ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "detour"),
    [
        ({"industry": "fintech"}, False),  # one part off the path
        ({"industry": "fintech", "function": "sales"}, True),  # two: the threshold
        ({"industry": "fintech", "function": "sales", "level": 11}, True),  # three
    ],
)
def test_detour_when_two_of_function_level_and_industry_lead_away(
    fields: dict[str, object], detour: bool
) -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(**fields))
    assert ("detour-from-your-path" in result.flag_codes) is detour
    assert len([p for p in result.reach.path if p.on_path is False]) == len(fields)


def test_unknown_parts_of_the_path_are_not_counted_as_off_the_path() -> None:
    result = evaluate_opportunity(vision(level=5), None, opp(industry="", function=None))
    assert "detour-from-your-path" not in result.flag_codes
    assert [p.on_path for p in result.reach.path] == [None, True, None]


# --- stay-or-change choices --------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "city", "remote", "outcome"),
    [
        (Choice.STAY, "Chicago", False, "kept"),
        (Choice.STAY, "Denver", False, "broken"),
        (Choice.STAY, "Denver", True, "kept"),
        (Choice.CHANGE, "Chicago", False, "broken"),
        (Choice.CHANGE, "chicago, IL", False, "broken"),
        (Choice.CHANGE, "Denver", False, "kept"),
        (Choice.OPEN, "Denver", False, "open"),
        (Choice.STAY, "", False, "unknown"),
    ],
)
def test_city_choice_kept_or_broken(choice: Choice, city: str, remote: bool, outcome: str) -> None:
    result = evaluate_opportunity(vision(city=choice), None, opp(city=city, remote=remote))
    check = next(c for c in result.choices if c.subject == "city")
    assert check.outcome == outcome
    assert ("breaks-city-choice" in result.flag_codes) is (outcome == "broken")


@pytest.mark.parametrize(
    ("choice", "industry", "outcome"),
    [
        (Choice.STAY, "Healthcare Software", "kept"),
        (Choice.STAY, "fintech", "broken"),
        (Choice.CHANGE, "healthcare software", "broken"),
        (Choice.CHANGE, "fintech", "kept"),
    ],
)
def test_industry_choice_kept_or_broken(choice: Choice, industry: str, outcome: str) -> None:
    result = evaluate_opportunity(vision(industry=choice), None, opp(industry=industry))
    assert next(c for c in result.choices if c.subject == "industry").outcome == outcome
    assert ("breaks-industry-choice" in result.flag_codes) is (outcome == "broken")


@pytest.mark.parametrize(
    ("choice", "organization", "outcome"),
    [
        (Choice.STAY, "Northwind Health", "kept"),
        (Choice.STAY, "Cedar Health", "broken"),
        (Choice.CHANGE, "northwind health", "broken"),
        (Choice.STAY, "Northwind Health Inc.", "kept"),
        (Choice.CHANGE, "Cedar Health", "kept"),
    ],
)
def test_company_choice_kept_or_broken(choice: Choice, organization: str, outcome: str) -> None:
    result = evaluate_opportunity(vision(company=choice), None, opp(organization=organization))
    assert next(c for c in result.choices if c.subject == "company").outcome == outcome
    assert ("breaks-company-choice" in result.flag_codes) is (outcome == "broken")


# --- energy ------------------------------------------------------------------------------


def journal(**energies: int):  # type: ignore[no-untyped-def]
    entries = [
        JournalEntry(day=TODAY - timedelta(days=d), activity=name.replace("_", " "), energy=e)
        for name, e in energies.items()
        for d in range(3)
    ]
    return summarize_journal(entries, limit=50)


EVIDENCE = journal(status_reporting=-2, budgets=-1, alignment_meetings=-2, workshops=2)


@pytest.mark.parametrize(
    ("involves", "drains"),
    [
        (["status reporting", "workshops", "coaching"], False),  # 1/3 draining: below
        (["status reporting", "workshops"], True),  # 1/2: at the threshold
        (["status reporting", "budgets", "workshops"], True),  # 2/3: above
    ],
)
def test_drains_you_when_half_the_work_drains_you_by_your_journal(
    involves: list[str], drains: bool
) -> None:
    result = evaluate_opportunity(vision(), EVIDENCE, opp(involves=involves))
    assert ("drains-you" in result.flag_codes) is drains


@pytest.mark.parametrize(
    ("involves", "flagged"),
    [
        (["workshops", "spreadsheets", "hiring"], False),  # 1/3 energizing: at
        (["workshops", "spreadsheets", "hiring", "travel"], True),  # 1/4: below
        (["workshops", "coaching", "hiring"], False),  # 2/3: above
    ],
)
def test_little_that_energizes_you_below_a_third(involves: list[str], flagged: bool) -> None:
    result = evaluate_opportunity(vision(), EVIDENCE, opp(involves=involves))
    assert ("little-that-energizes-you" in result.flag_codes) is flagged


def test_with_an_empty_journal_no_match_is_not_evidence_of_little_that_energizes_you() -> None:
    """A VP with no journal entries pasted a posting: its duties match none of the energizers
    she listed. "Only 0% of the work energizes you" would state what nothing shows."""
    result = evaluate_opportunity(
        vision(), None, opp(involves=["monthly close", "budgeting", "board reporting"])
    )
    assert "little-that-energizes-you" not in result.flag_codes
    assert all("journal has no entries" in i.why for i in result.energy.items)
    assert "in your journal." not in result.energy.items[0].why
    # With the journal, the same work is flagged: the evidence says it.
    flagged = evaluate_opportunity(
        vision(), EVIDENCE, opp(involves=["monthly close", "budgeting", "board reporting"])
    )
    assert "little-that-energizes-you" in flagged.flag_codes


def test_journal_evidence_outweighs_the_energizers_you_listed() -> None:
    plan = vision()
    plan.energizers.append("status reporting")
    result = evaluate_opportunity(plan, EVIDENCE, opp(involves=["status reporting"]))
    item = result.energy.items[0]
    assert item.kind == "drains" and "-2.0" in item.why


def test_work_items_match_energizers_and_strengths_loosely() -> None:
    result = evaluate_opportunity(
        vision(), None, opp(involves=["Customer Interviews", "clear roadmap", "hiring"])
    )
    kinds = [(i.name, i.kind, i.strength) for i in result.energy.items]
    assert kinds == [
        ("Customer Interviews", "energizer", False),
        ("clear roadmap", "strength", True),
        ("hiring", "neutral", False),
    ]
    assert result.energy.score == round(3 + 2 * (1 / 3), 2)


def test_no_work_listed_means_no_energy_score_and_no_energy_flag() -> None:
    result = evaluate_opportunity(vision(), EVIDENCE, opp(involves=[]))
    assert result.energy.score is None
    assert not {"drains-you", "little-that-energizes-you"} & set(result.flag_codes)


# --- inferred ratings --------------------------------------------------------------------


def test_inferred_ratings_say_so_and_your_own_rating_wins() -> None:
    plan = vision(level=5, city=Choice.STAY)
    result = evaluate_opportunity(plan, None, opp(level=7, city="Chicago"))
    assert [(p.name, p.rating, p.basis) for p in result.priorities] == [
        ("location", 4, "inferred"),
        ("career trajectory", 5, "inferred"),
        ("skills development", 4, "inferred"),
    ]
    mine = evaluate_opportunity(plan, None, opp(level=7, city="Chicago", ratings={"location": 2}))
    assert (mine.priorities[0].rating, mine.priorities[0].basis) == (2, "rated")


def test_priorities_nextmove_cannot_infer_stay_unrated_and_out_of_the_fit() -> None:
    plan = vision(priorities=["compensation", "mission", "career trajectory"])
    result = evaluate_opportunity(plan, None, opp(level=6))
    assert [p.basis for p in result.priorities] == ["unrated", "unrated", "inferred"]
    assert "nextmove opp rate 1" in result.priorities[0].why
    assert result.fit == 4.0  # only career trajectory (+1 level) is known


def test_nothing_known_gives_an_unknown_verdict_that_says_what_to_do() -> None:
    plan = vision(priorities=["compensation", "mission", "autonomy"])
    plan.steps = []
    result = evaluate_opportunity(plan, None, opp())
    assert result.fit is None
    assert result.verdict.key == "unknown" and "nextmove opp rate" in result.verdict.text


def test_verdict_bands() -> None:
    strong = evaluate_opportunity(vision(), None, opp(ratings=rated(4, 4, 4)))
    assert strong.overall is not None and strong.overall >= ev.STRONG_FIT_AT_LEAST
    assert strong.verdict.key == "strong-fit"
    middling = evaluate_opportunity(vision(), None, opp(ratings=rated(2, 3, 3), level=6))
    assert middling.verdict.key == "worth-exploring"


# --- invariants --------------------------------------------------------------------------

ratings_strategy = st.tuples(
    st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 4)
)


@given(ratings_strategy, st.integers(0, 11), st.booleans())
def test_raising_the_top_priority_rating_never_lowers_the_fit_or_adds_a_misaligned_flag(
    r: tuple[int, int, int, int], level: int, brand: bool
) -> None:
    first, second, third, raise_by = r
    plan = vision(level=5)
    low = opp(level=level, brand=brand, ratings=rated(first, second, third))
    high = replace(low, ratings=rated(min(5, first + raise_by), second, third))
    before = evaluate_opportunity(plan, None, low)
    after = evaluate_opportunity(plan, None, high)
    assert after.fit is not None and before.fit is not None
    assert after.fit >= before.fit
    assert after.overall is not None and before.overall is not None
    assert after.overall >= before.overall
    if "impressive-but-misaligned" not in before.flag_codes:
        assert "impressive-but-misaligned" not in after.flag_codes


@given(st.lists(st.integers(1, 5), min_size=3, max_size=3))
def test_the_priority_fit_stays_on_the_one_to_five_scale(values: list[int]) -> None:
    result = evaluate_opportunity(vision(), None, opp(ratings=rated(*values)))
    assert result.fit is not None and 1 <= result.fit <= 5
    assert result.overall is not None and 1 <= result.overall <= 5


@pytest.mark.parametrize(
    ("ratings", "overall", "verdict"),
    [
        ((4, 3, 3), 3.88, "worth-exploring"),  # just below 4.0
        ((4, 4, 2), 4.0, "strong-fit"),  # at
        ((4, 4, 3), 4.12, "strong-fit"),  # above
        ((2, 2, 2), 2.75, "weak-fit"),  # below 3.0
        ((2, 3, 2), 3.0, "worth-exploring"),  # at
        ((2, 3, 3), 3.12, "worth-exploring"),  # above
    ],
)
def test_verdict_bands_at_four_and_three(
    ratings: tuple[int, int, int], overall: float, verdict: str
) -> None:
    # No work listed (no energy score) and every part on the path (path 5.0):
    # overall = (3 × fit + 5) / 4.
    result = evaluate_opportunity(vision(level=5), None, opp(level=6, ratings=rated(*ratings)))
    assert result.reach.score == 5.0 and result.energy.score is None
    assert result.overall == pytest.approx(overall, abs=0.01)
    assert result.verdict.key == verdict


# --- relative to you (issue 14) ----------------------------------------------------------


@pytest.mark.parametrize("my_level", [9, 10, 11])
def test_a_lateral_vp_offer_to_a_vp_is_not_impressive(my_level: int) -> None:
    result = evaluate_opportunity(
        vision(level=my_level), None, opp(title="VP, Finance", level=9, ratings=rated(1))
    )
    assert result.impressive == []
    assert "impressive-but-misaligned" not in result.flag_codes
    assert result.verdict.key != "misaligned"


def test_a_famous_brand_at_your_own_level_is_not_impressive() -> None:
    result = evaluate_opportunity(vision(level=6), None, opp(level=6, brand=True))
    assert result.impressive == []


@given(me=st.integers(0, 11), role=st.integers(0, 11), brand=st.booleans())
def test_impressive_never_fires_for_a_role_at_or_below_your_level(
    me: int, role: int, brand: bool
) -> None:
    result = evaluate_opportunity(vision(level=me), None, opp(level=role, brand=brand))
    if role <= me:
        assert result.impressive == []
    elif role - me >= ev.IMPRESSIVE_LEVEL_JUMP or role >= ev.IMPRESSIVE_LEVEL or brand:
        assert result.impressive


def test_a_function_change_onto_your_path_counts_toward_trajectory() -> None:
    """An engineer aiming at product: a lateral product role is a step along the path."""
    plan = vision(level=5)
    plan.me.function = "engineering"
    lateral_product = opp(function="product", level=5)
    lateral_engineering = opp(function="engineering", level=5)
    on_path = evaluate_opportunity(plan, None, lateral_product)
    same = evaluate_opportunity(plan, None, lateral_engineering)
    career = next(p for p in on_path.priorities if p.name == "career trajectory")
    assert career.rating is not None and career.rating >= 3
    assert "function of your path" in career.why
    assert career.rating > next(
        p.rating or 0 for p in same.priorities if p.name == "career trajectory"
    )
    assert "not-a-big-enough-reach" not in on_path.flag_codes
