"""Issue 14's faults, told as stories of three people with full worlds (tests/services/
personas.py), on SQLite and PostgreSQL: seniority relative to you, the real predecessor,
levels across org-chart branches, specific reasons, board candidates and opportunities."""

from __future__ import annotations

from pathlib import Path

from nextmove.config import Settings
from nextmove.domain.edits import OpportunityInput
from nextmove.domain.suggest import Suggestion
from nextmove.services import board as board_service
from nextmove.services import opportunities as opp_service
from nextmove.services import people as people_service
from nextmove.services.suggest import suggest_people
from nextmove.services.titles import read_title
from nextmove.services.workspace import Workspace
from tests.services.personas import (
    NOW,
    TODAY,
    build_clinician,
    build_engineer,
    build_executive,
)

LEADER_CODES = {"target-role", "target-function-leader"}


def top(db: Workspace, limit: int = 50) -> list[Suggestion]:
    return suggest_people(db, today=TODAY, limit=limit).suggestions


def by_name(suggestions: list[Suggestion]) -> dict[str, Suggestion]:
    return {s.candidate.name: s for s in suggestions}


def names(suggestions: list[Suggestion]) -> list[str]:
    return [s.candidate.name for s in suggestions]


def codes(s: Suggestion) -> set[str]:
    return {r.code for r in s.reasons}


def text(s: Suggestion, code: str) -> str:
    return next(r.text for r in s.reasons if r.code == code)


def board(db: Workspace) -> list[board_service.Seat]:
    return board_service.show_board(db, settings=Settings(), today=TODAY, now=NOW, with_extras=True)


# ---------------------------------------------------------------------------- the clinician


def test_the_assistant_nurse_manager_below_her_is_not_her_predecessor_the_one_in_her_seat_is(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    people = by_name(top(db))
    assert not people["Amy Ames"].candidate.predecessor
    gwen = people["Gwen Gale"]
    assert gwen.candidate.predecessor
    said = text(gwen, "predecessor")
    assert said.startswith("held your role before you")
    assert "until Jun 2023" in said
    assert names(top(db, 1)) == ["Gwen Gale"]


def test_a_colleague_with_the_same_title_at_the_same_time_is_not_her_predecessor(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    paula = by_name(top(db, 200))["Paula Park"]
    assert not paula.candidate.predecessor
    assert "predecessor" not in codes(paula)


def test_the_director_who_holds_her_next_job_is_in_her_top_three_with_the_job_named(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    ranked = top(db, 10)
    assert "Dario Diaz" in names(ranked)[:3], names(ranked)
    dario = by_name(ranked)["Dario Diaz"]
    said = text(dario, "target-role")
    assert said.startswith("holds the job you want next (Director of Clinical Operations")
    assert "operations" in said


def test_a_contact_elsewhere_with_her_next_job_title_is_told_as_holding_it(
    db: Workspace, tmp_path: Path
) -> None:
    """LinkedIn only, no department: the title alone says it is the job she wants next."""
    build_clinician(db, tmp_path)
    ranked = top(db, 10)
    assert "Rosa Reyes" in names(ranked)[:5], names(ranked)
    said = text(by_name(ranked)["Rosa Reyes"], "target-role")
    assert said.startswith("holds the job you want next (Director of Clinical Operations at Mercy")
    assert names(ranked).index("Rosa Reyes") < names(ranked).index("Dee Dunn")


def test_a_recruiter_in_another_branch_is_not_levels_above_her_by_org_chart_depth(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    rex = by_name(top(db, 100))["Rex Reed"]
    assert rex.candidate.levels_above_me is None
    gap = text(rex, "level-gap")
    assert "(org chart)" not in gap
    assert "above you" not in gap


def test_her_own_report_gets_no_leader_or_next_job_credit_and_is_marked_as_a_report(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    amy = by_name(top(db, 100))["Amy Ames"]
    assert not codes(amy) & LEADER_CODES
    assert "your-report" in codes(amy)
    assert amy.candidate.levels_above_me == -1


def test_her_top_five_reasons_do_not_all_read_the_same(db: Workspace, tmp_path: Path) -> None:
    build_clinician(db, tmp_path)
    firsts = [tuple(r.text for r in s.reasons[:3]) for s in top(db, 5)]
    assert len(set(firsts)) == 5


def test_her_board_candidates_are_known_seniors_her_manager_among_them_never_her_reports(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    seats = board(db)
    offered = [c for s in seats for c in s.candidates]
    shown = [c.name for c in offered]
    assert "Dee Dunn" in shown  # her manager
    assert "Amy Ames" not in shown and "Helen Hart" not in shown  # a report, a stranger
    assert len(shown) == len(set(shown))  # each empty seat its own candidates
    dee = next(c for c in offered if c.name == "Dee Dunn")
    assert dee.reasons[0] == "your manager"


def test_a_lateral_move_into_operations_counts_toward_her_trajectory(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    added = opp_service.add_opportunity(
        db,
        OpportunityInput(
            title="Clinical Operations Manager",
            organization="Mercy Health",
            function="operations",
            level="manager",
            industry="health care",
            source="job-board",
        ),
        today=TODAY,
        now=NOW,
    )
    evaluation = opp_service.evaluate(db, [added.id], today=TODAY)[0][0]
    career = next(p for p in evaluation.priorities if p.name == "career trajectory")
    assert career.rating is not None and career.rating >= 3, career
    assert "function of your path" in career.why
    assert "not-a-big-enough-reach" not in evaluation.flag_codes


# ---------------------------------------------------------------------------- the engineer


def test_the_person_holding_his_next_job_is_first_and_the_domain_is_named(
    db: Workspace, tmp_path: Path
) -> None:
    build_engineer(db, tmp_path)
    ranked = top(db, 10)
    assert names(ranked)[0] == "Mara Mendez"
    said = text(ranked[0], "target-role")
    assert said.startswith("holds the job you want next")
    assert "platform" in said


def test_a_colleague_with_his_generic_title_is_not_his_predecessor(
    db: Workspace, tmp_path: Path
) -> None:
    build_engineer(db, tmp_path)
    sven = by_name(top(db))["Sven Stone"]
    assert not sven.candidate.predecessor
    assert "predecessor" not in codes(sven)


def test_a_recruiter_ranks_below_everyone_on_his_path(db: Workspace, tmp_path: Path) -> None:
    build_engineer(db, tmp_path)
    order = names(top(db))
    for on_path in ("Mara Mendez", "Lu Lam", "Dev Dutta"):
        assert order.index(on_path) < order.index("Rae Rowe")


def test_people_below_him_get_no_next_job_credit(db: Workspace, tmp_path: Path) -> None:
    build_engineer(db, tmp_path)
    people = by_name(top(db))
    for below in ("Tia Tran", "Bo Berg"):
        assert not codes(people[below]) & LEADER_CODES, people[below].reasons


# ---------------------------------------------------------------------------- the executive


def test_a_lateral_vp_offer_is_not_impressive_but_misaligned(db: Workspace, tmp_path: Path) -> None:
    build_executive(db, tmp_path)
    lateral = opp_service.add_opportunity(
        db,
        OpportunityInput(
            title="VP, Finance",
            organization="Oak Foods",
            function="finance",
            level="vp",
            industry="consumer goods",
            source="recruiter",
            brand=True,
        ),
        today=TODAY,
        now=NOW,
    )
    evaluation = opp_service.evaluate(db, [lateral.id], today=TODAY)[0][0]
    assert evaluation.impressive == []
    assert evaluation.verdict.key != "misaligned"


def test_her_direct_reports_are_not_leaders_she_should_meet(db: Workspace, tmp_path: Path) -> None:
    build_executive(db, tmp_path)
    ranked = top(db)
    people = by_name(ranked)
    outside = ["Cora Cole", "Nico Nash", "Bea Banks", "Olu Obi", "Pat Price"]
    for report in ("Dora Diaz", "Drew Dale", "Cole Cross"):
        assert not codes(people[report]) & LEADER_CODES
        assert all(names(ranked).index(o) < names(ranked).index(report) for o in outside)


def test_outside_seniors_are_read_on_purpose_for_an_executive(
    db: Workspace, tmp_path: Path
) -> None:
    build_executive(db, tmp_path)
    people = by_name(top(db))
    assert "sits on boards" in text(people["Nico Nash"], "level-gap")
    assert "sits on boards" in text(people["Bea Banks"], "level-gap")
    assert "operating partner" in text(people["Olu Obi"], "level-gap")
    pat = people["Pat Price"]
    assert "executive-search partner" in text(pat, "level-gap")
    assert "target-function-leader" not in codes(pat)  # a search partner is not a CFO


def test_her_board_has_her_manager_and_known_outside_seniors_never_her_reports(
    db: Workspace, tmp_path: Path
) -> None:
    build_executive(db, tmp_path)
    seats = board(db)
    shown = [c.name for s in seats for c in s.candidates]
    assert "Fiona Ford" in shown
    assert "Cora Cole" in shown and "Nico Nash" in shown
    assert not {"Dora Diaz", "Drew Dale", "Cole Cross"} & set(shown)
    assert "Carl Chen" not in shown  # her manager's manager, whom she has no tie to
    assert len(shown) == len(set(shown))


# ---------------------------------------------------------------- title reading (titles-moves)


def test_her_contact_with_her_next_job_title_is_stored_in_operations(
    db: Workspace, tmp_path: Path
) -> None:
    """'Director of Clinical Operations' from LinkedIn (no department) reads as operations
    with enough confidence to be stored: "clinical" says where the operations are run."""
    build_clinician(db, tmp_path)
    assert people_service.show_person(db, "Rosa Reyes").person.function == "operations"


def test_an_executive_search_partner_is_read_as_one_not_as_a_senior_vp(
    db: Workspace, tmp_path: Path
) -> None:
    """'Partner, CFO Practice' at a search firm: the practice names the work, not the rank."""
    build_executive(db, tmp_path)
    pat = people_service.show_person(db, "Pat Price").person
    assert pat.level != 10
    assert read_title("Partner, CFO Practice").tag == "executive-search"


# ------------------------------------------------------- a coach's read of the reasons (advice2)


def test_a_vp_of_sales_is_not_close_to_her_cfo_seat_nor_a_recruiter_to_his_manager_job(
    db: Workspace, tmp_path: Path
) -> None:
    """'works close to your next job' with nothing in common but a level two away named
    nothing: a VP of Sales is not close to a CFO seat."""
    build_executive(db, tmp_path)
    people = by_name(top(db))
    assert "target-role" not in codes(people["Vic Vale"])
    for s in top(db):
        if "target-role" in codes(s):
            assert ":" in text(s, "target-role"), s.candidate.name  # it names what matches


def test_the_engineers_recruiter_does_not_work_close_to_his_next_job(
    db: Workspace, tmp_path: Path
) -> None:
    build_engineer(db, tmp_path)
    assert "target-role" not in codes(by_name(top(db))["Rae Rowe"])


def test_her_predecessor_who_moved_on_is_told_once_that_he_held_her_role(
    db: Workspace, tmp_path: Path
) -> None:
    build_clinician(db, tmp_path)
    gwen = by_name(top(db))["Gwen Gale"]
    reasons = " ".join(r.text for r in gwen.reasons)
    assert reasons.count("Nurse Manager at St. Brigid Health") == 1
    assert text(gwen, "moved-like-you").startswith("went on from your role to one like your target")


def test_an_operating_partners_rank_is_not_a_seat_close_to_her_cfo_job(
    db: Workspace, tmp_path: Path
) -> None:
    """'Operating Partner' reads as a senior VP, but that rank is no seat on her path: no
    'works close to your next job: senior vp level'. He stays a senior outside advisor."""
    build_executive(db, tmp_path)
    olu = by_name(top(db))["Olu Obi"]
    assert "target-role" not in codes(olu)
    assert "operating partner" in text(olu, "level-gap")
