"""Opportunities as a user meets them: add, edit, status, rate, decide, list with the source
mix, evaluate and compare against the plan, add from a pasted posting, and bad input that
changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Cli

EXAMPLE = ROOT / "docs" / "examples" / "vision.toml"
POSTINGS = ROOT / "tests" / "formats" / "fixtures" / "postings"
AS_OF = "--as-of 2026-11-22"

# Someone who wants to leave Chicago: a manager of product aiming at director, then VP.
LEAVING_CHICAGO = """
version = 1
priorities = ["location", "career trajectory", "skills development"]
energizers = ["coaching", "customer interviews"]

[me]
name = "Ana Ruiz"
title = "Product Manager"
organization = "Northwind Health"
function = "product"
level = "manager"
industry = "healthcare software"
city = "Chicago"

[choices]
industry = "stay"
company = "open"
city = "change"

[[steps]]
title = "Director of Product"
function = "product"
level = "director"
industry = "healthcare software"
city = "Denver"

[[steps]]
title = "VP of Product"
function = "product"
level = "vp"
industry = "healthcare software"
city = "Denver"
"""


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _add(cli: Cli, *args: str) -> int:
    result = cli(["opp", "add", *args, "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    return int(result.stdout.split("#", 1)[1].split(":", 1)[0])


@pytest.fixture
def plan(cli: Cli, tmp_path: Path) -> Cli:
    vision = tmp_path / "vision.toml"
    vision.write_text(LEAVING_CHICAGO)
    assert cli(["vision", "import", str(vision)]).exit_code == 0
    return cli


def test_vp_role_in_the_city_you_want_to_leave_loses_to_a_director_role_that_fits(
    plan: Cli,
) -> None:
    vp = _add(
        plan,
        "VP of Product",
        "-o",
        "Lumen Bank",
        "--level",
        "vp",
        "--function",
        "product",
        "--industry",
        "healthcare software",
        "--city",
        "Chicago",
        "--brand",
        "--source",
        "recruiter",
    )
    director = _add(
        plan,
        "Director of Product",
        "-o",
        "Cedar Health",
        "--level",
        "director",
        "--function",
        "product",
        "--industry",
        "healthcare software",
        "--city",
        "Denver",
        "--source",
        "network-referral",
        "--involves",
        "coaching",
        "--involves",
        "customer interviews",
    )
    assert plan(["opp", "rate", str(vp), "location", "1"]).exit_code == 0
    assert plan(["opp", "rate", str(director), "1", "5"]).exit_code == 0

    report = _json(plan(f"opp compare {vp} {director} --json {AS_OF}"))
    assert report["best"] == director and report["ranking"] == [director, vp]
    by_id = {e["opportunity"]["id"]: e for e in report["evaluations"]}
    vp_flags = [f["code"] for f in by_id[vp]["flags"]]
    assert "impressive-but-misaligned" in vp_flags and "breaks-city-choice" in vp_flags
    assert by_id[vp]["verdict"]["key"] == "misaligned"
    assert by_id[director]["flags"] == []

    human = plan(f"opp compare {vp} {director} {AS_OF}")
    assert human.exit_code == 0
    assert "Impressive but" in human.stdout and "Best against your plan: #" in human.stdout
    assert f"#{director} Director of Product" in human.stdout.split("Best against")[1]


def test_lateral_hr_proposal_is_flagged_not_a_big_enough_reach(plan: Cli) -> None:
    lateral = _add(
        plan,
        "Product Manager, Scheduling",
        "-o",
        "Northwind Health",
        "--level",
        "manager",
        "--function",
        "product",
        "--city",
        "Denver",
        "--source",
        "hr",
    )
    result = _json(plan(f"opp evaluate {lateral} --json {AS_OF}"))
    (evaluation,) = result["evaluations"]
    flag = next(f for f in evaluation["flags"] if f["code"] == "not-a-big-enough-reach")
    assert "HR" in flag["explanation"] and flag["threshold"].startswith("level change < 1")
    assert evaluation["reach"]["level_change"] == 0


def test_evaluate_json_explains_every_score(plan: Cli) -> None:
    opp_id = _add(
        plan,
        "Director of Product",
        "--level",
        "director",
        "--function",
        "product",
        "--city",
        "Denver",
        "--source",
        "job-board",
        "-i",
        "coaching",
        "-i",
        "status reports",
    )
    plan(["journal", "add", "status reports", "--energy", "-2", "--date", "2026-11-20"])
    (e,) = _json(plan(f"opp evaluate {opp_id} --json {AS_OF}"))["evaluations"]
    assert e["overall"]["weights"] == {"priority_fit": 3, "energy": 1, "path": 1}
    assert set(e["overall"]["inputs"]) == {"priority_fit", "energy", "path"}
    fit = e["priority_fit"]
    assert fit["weights_by_rank"] == [3, 2, 1]
    assert fit["thresholds"] == {"top_priority_weak_at_most": 2, "fit_weak_below": 2.5}
    assert e["energy"]["thresholds"]["draining_share_at_least"] == 0.5
    assert e["reach"]["thresholds"]["impressive_level"] == 9
    assert [(p["name"], p["basis"]) for p in fit["priorities"]] == [
        ("location", "inferred"),
        ("career trajectory", "inferred"),
        ("skills development", "inferred"),
    ]
    assert all(p["why"] for p in fit["priorities"])
    assert e["energy"]["draining_share"] == 0.5 and e["energy"]["energizing_share"] == 0.5
    assert [i["kind"] for i in e["energy"]["items"]] == ["energizer", "drains"]
    drains = next(f for f in e["flags"] if f["code"] == "drains-you")
    assert drains["threshold"] == "draining share ≥ 50%" and drains["inputs"]
    assert [p["part"] for p in e["reach"]["path"]["parts"]] == ["function", "level", "industry"]
    assert {c["subject"] for c in e["choices"]} == {"city", "industry", "company"}
    assert e["verdict"]["text"]
    # Before the journal entry's date, there is no evidence it drains.
    (before,) = _json(plan(f"opp evaluate {opp_id} --json --as-of 2026-11-19"))["evaluations"]
    assert [i["kind"] for i in before["energy"]["items"]] == ["energizer", "neutral"]


def test_list_shows_the_source_mix_and_points_to_suggestions_when_most_are_hr_or_boards(
    plan: Cli,
) -> None:
    _add(plan, "A", "--source", "hr-proposal")
    _add(plan, "B", "--source", "job-board")
    _add(plan, "C", "--source", "self-created")
    listing = _json(plan("opp list --json"))
    mix = listing["source_mix"]
    assert mix["mostly_hr_and_job_boards"] is True
    assert mix["hr_and_job_boards"] == 2 and mix["network_or_self_created"] == 1
    assert "`nextmove suggest`" in mix["advice"] and "`nextmove round plan`" in mix["advice"]
    human = plan("opp list")
    assert "nextmove round plan" in human.stdout
    assert "From your network or self-created: 1 of 3" in human.stdout
    evaluated = _json(plan(f"opp evaluate --json {AS_OF}"))
    assert evaluated["source_mix"]["mostly_hr_and_job_boards"] is True
    _add(plan, "D", "--source", "network-referral")
    assert _json(plan("opp list --json"))["source_mix"]["mostly_hr_and_job_boards"] is False


def test_status_history_ratings_and_decisions_are_kept(plan: Cli) -> None:
    opp_id = _add(plan, "Director of Product", "--source", "recruiter")
    assert (
        plan(f"opp status {opp_id} interviewing --note 'first call' --date 2026-11-10").exit_code
        == 0
    )
    assert plan(["opp", "rate", str(opp_id), "Career Trajectory", "4"]).exit_code == 0
    decided = plan(
        [
            "opp",
            "decide",
            str(opp_id),
            "--choice",
            "decline",
            "--why",
            "Too much travel.",
            "--date",
            "2026-11-20",
        ]
    )
    assert decided.exit_code == 0 and "declined" in decided.stdout
    shown = _json(plan(f"opp show {opp_id} --json"))
    assert [(h["status"], h["date"]) for h in shown["history"]] == [
        ("considering", "2026-11-01"),
        ("interviewing", "2026-11-10"),
        ("declined", "2026-11-20"),
    ]
    assert shown["status"] == "declined"
    assert shown["ratings"] == {"career trajectory": 4}
    assert [(d["choice"], d["why"]) for d in shown["decisions"]] == [
        ("decline", "Too much travel.")
    ]
    assert plan(["opp", "rate", str(opp_id), "2", "--clear"]).exit_code == 0
    assert _json(plan(f"opp show {opp_id} --json"))["ratings"] == {}
    # Closed options are left out of `opp evaluate` without ids.
    assert _json(plan(f"opp evaluate --json {AS_OF}"))["evaluations"] == []


def test_edit_changes_only_the_given_fields(plan: Cli) -> None:
    opp_id = _add(plan, "Director of Product", "-o", "Cedar", "--source", "recruiter", "-i", "x")
    assert plan(f"opp edit {opp_id} --level director --remote -i coaching -i hiring").exit_code == 0
    shown = _json(plan(f"opp show {opp_id} --json"))
    assert shown["level"]["key"] == "director" and shown["remote"] is True
    assert shown["involves"] == ["coaching", "hiring"] and shown["organization"] == "Cedar"


def test_delete_removes_the_opportunity_with_its_history(plan: Cli) -> None:
    opp_id = _add(plan, "Director of Product", "--source", "recruiter")
    plan(f"opp status {opp_id} applied")
    assert plan(f"opp delete {opp_id}").exit_code == 0
    assert _json(plan("opp list --json"))["opportunities"] == []
    missing = plan(f"opp show {opp_id}")
    assert missing.exit_code == 3 and f"no opportunity with id {opp_id}" in missing.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["opp", "add", "X", "--source", "linkedin"], "unknown source 'linkedin'"),
        (["opp", "add", "X"], "--source: required"),
        (["opp", "add", "X", "--source", "hr", "--level", "wizard"], "unknown level 'wizard'"),
        (["opp", "add", "X", "--source", "hr", "--function", "magic"], "unknown function"),
        (["opp", "add", "", "--source", "hr"], "title"),
    ],
)
def test_bad_input_to_add_is_a_clear_error_and_writes_nothing(
    plan: Cli, args: list[str], message: str
) -> None:
    result = plan(args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert _json(plan("opp list --json"))["opportunities"] == []


def test_bad_status_rating_or_priority_is_a_clear_error_and_changes_nothing(plan: Cli) -> None:
    opp_id = _add(plan, "Director of Product", "--source", "recruiter")
    before = plan(f"opp show {opp_id} --json").stdout
    bad_status = plan(f"opp status {opp_id} hired")
    assert bad_status.exit_code == 2 and "unknown status 'hired'" in bad_status.stderr
    bad_rating = plan(["opp", "rate", str(opp_id), "location", "7"])
    assert bad_rating.exit_code == 2 and "outside 1…5" in bad_rating.stderr
    bad_priority = plan(["opp", "rate", str(opp_id), "salary", "4"])
    assert bad_priority.exit_code == 2 and "'salary' is not one of your priorities" in (
        bad_priority.stderr
    )
    assert "1. location" in bad_priority.stderr
    no_why = plan(["opp", "decide", str(opp_id), "--choice", "accept", "--why", " "])
    assert no_why.exit_code == 2 and "--why" in no_why.stderr
    assert plan(f"opp show {opp_id} --json").stdout == before
    assert plan(f"opp compare {opp_id}").exit_code == 2
    assert plan(f"opp compare {opp_id} 999").exit_code == 3


def test_add_from_a_pasted_posting_fills_what_it_can(plan: Cli) -> None:
    result = plan(["opp", "add", "--from-text", str(POSTINGS / "linkedin-header.txt")])
    assert result.exit_code == 0, result.output
    assert "From the posting" in result.stdout
    (opp,) = _json(plan("opp list --json"))["opportunities"]
    assert opp["title"] == "Senior Product Manager, Patient Experience"
    assert opp["organization"] == "Northwind Health"
    assert opp["level"]["key"] == "senior" and opp["function"] == "product"
    assert (opp["city"], opp["remote"], opp["source"]) == ("Chicago", False, "job-board")
    assert opp["link"].startswith("https://jobs.northwind.example/")


def test_options_given_with_from_text_win_over_the_posting(cli_sqlite: Cli) -> None:
    result = cli_sqlite(
        [
            "opp",
            "add",
            "--from-text",
            str(POSTINGS / "prose-email.txt"),
            "--source",
            "recruiter",
            "--industry",
            "fintech",
            "--level",
            "svp",
        ]
    )
    assert result.exit_code == 0, result.output
    (opp,) = _json(cli_sqlite("opp list --json"))["opportunities"]
    assert (opp["title"], opp["organization"], opp["city"]) == (
        "VP of Product",
        "Lumen Bank",
        "New York",
    )
    assert opp["level"]["key"] == "svp" and opp["industry"] == "fintech"
    assert opp["source"] == "recruiter"


def test_a_posting_without_an_organization_says_what_is_missing(
    cli_sqlite: Cli, tmp_path: Path
) -> None:
    posting = tmp_path / "bare.txt"
    posting.write_text("Staff Software Engineer\n\nBuild things. Remote-first team.\n")
    result = cli_sqlite(["opp", "add", "--from-text", str(posting)])
    assert result.exit_code == 0, result.output
    assert "Not found in the posting:" in result.stdout and "organization" in result.stdout
    (opp,) = _json(cli_sqlite("opp list --json"))["opportunities"]
    assert opp["level"]["key"] == "lead" and opp["remote"] is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\n  \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
    ],
)
def test_from_text_with_an_empty_or_binary_file_is_a_clear_error_and_writes_nothing(
    cli_sqlite: Cli, tmp_path: Path, content: bytes, message: str
) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_bytes(content)
    result = cli_sqlite(["opp", "add", "--from-text", str(posting)])
    assert result.exit_code == 2
    assert str(posting) in result.stderr and message in result.stderr
    assert "Traceback" not in result.output
    assert _json(cli_sqlite("opp list --json"))["opportunities"] == []


def test_from_text_with_a_missing_file_is_a_clear_error(cli_sqlite: Cli, tmp_path: Path) -> None:
    result = cli_sqlite(["opp", "add", "--from-text", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_from_text_reads_stdin(cli_sqlite: Cli) -> None:
    text = (POSTINGS / "labelled-fields.txt").read_text()
    result = cli_sqlite(["opp", "add", "--from-text", "-"], input=text)
    assert result.exit_code == 0, result.output
    (opp,) = _json(cli_sqlite("opp list --json"))["opportunities"]
    assert opp["organization"] == "Brightpath Clinics" and opp["remote"] is True
    assert opp["level"]["key"] == "director"


def test_evaluate_without_a_plan_says_to_write_one(cli_sqlite: Cli) -> None:
    _add(cli_sqlite, "Director of Product", "--source", "recruiter")
    result = cli_sqlite("opp evaluate")
    assert result.exit_code == 2 and "vision" in result.stderr


def test_the_demo_has_options_from_every_source_and_flags_the_impressive_misaligned_one(
    cli: Cli,
) -> None:
    assert cli(f"demo {AS_OF}").exit_code == 0
    listing = _json(cli("opp list --json"))
    assert all(n >= 1 for n in listing["source_mix"]["by_source"].values())
    ids = [o["id"] for o in listing["opportunities"]]
    report = _json(cli(["opp", "compare", *map(str, ids), "--json", "--as-of", "2026-11-22"]))
    by_title = {e["opportunity"]["title"]: e for e in report["evaluations"]}
    vp = by_title["VP of Product, Consumer Banking"]
    assert "impressive-but-misaligned" in [f["code"] for f in vp["flags"]]
    hr = by_title["Senior Product Manager, Scheduling"]
    assert "not-a-big-enough-reach" in [f["code"] for f in hr["flags"]]
    assert report["ranking"][-1] == vp["opportunity"]["id"]
    assert cli("demo --replace").exit_code == 0
    assert len(_json(cli("opp list --json"))["opportunities"]) == len(ids)
    human = cli(f"opp evaluate {AS_OF}")
    assert human.exit_code == 0 and "Impressive but misaligned" in human.stdout


def test_add_without_a_level_takes_it_from_the_title_and_says_so(cli_sqlite: Cli) -> None:
    result = cli_sqlite(["opp", "add", "Head of Product Design", "--source", "recruiter"])
    assert result.exit_code == 0, result.output
    assert "From the title: level director" in result.stdout
    (opp,) = _json(cli_sqlite("opp list --json"))["opportunities"]
    assert opp["level"]["key"] == "director" and opp["function"] == "design"
    given = cli_sqlite(["opp", "add", "Head of Design", "--source", "hr", "--level", "manager"])
    assert "level director" not in given.stdout
    assert _json(cli_sqlite("opp list --json"))["opportunities"][1]["level"]["key"] == "manager"


def test_a_posting_without_a_title_needs_one_from_you(cli_sqlite: Cli, tmp_path: Path) -> None:
    posting = tmp_path / "note.txt"
    posting.write_text("Great team, great mission. Reach out to me at sam@example.org.\n")
    result = cli_sqlite(["opp", "add", "--from-text", str(posting)])
    assert result.exit_code == 2 and "found no job title" in result.stderr
    assert _json(cli_sqlite("opp list --json"))["opportunities"] == []
    given = cli_sqlite(["opp", "add", "Senior Director of Product", "--from-text", str(posting)])
    assert given.exit_code == 0, given.output
    (opp,) = _json(cli_sqlite("opp list --json"))["opportunities"]
    assert opp["level"]["key"] == "senior-director" and opp["function"] == "product"


def test_a_forwarded_hr_opening_pasted_in_is_judged_a_lateral_move(cli_sqlite: Cli) -> None:
    assert cli_sqlite(f"demo {AS_OF}").exit_code == 0
    posting = str(POSTINGS / "hr-email-forward.txt")
    result = cli_sqlite(["opp", "add", "--from-text", posting, "--source", "hr-proposal"])
    assert result.exit_code == 0, result.output
    opp_id = int(result.stdout.split("#", 1)[1].split(":", 1)[0])
    (e,) = _json(cli_sqlite(f"opp evaluate {opp_id} --json {AS_OF}"))["evaluations"]
    assert e["opportunity"]["organization"] == "Northwind Health"
    assert e["reach"]["level_change"] == 0
    assert "not-a-big-enough-reach" in [f["code"] for f in e["flags"]]


def test_list_filters_by_status_and_rejects_an_unknown_one(cli_sqlite: Cli) -> None:
    first = _add(cli_sqlite, "Director of Product", "--source", "recruiter")
    _add(cli_sqlite, "Group PM", "--source", "job-board")
    cli_sqlite(f"opp status {first} applied")
    applied = _json(cli_sqlite("opp list --status applied --json"))
    assert [o["id"] for o in applied["opportunities"]] == [first]
    assert applied["source_mix"]["total"] == 2
    bad = cli_sqlite("opp list --status hired")
    assert bad.exit_code == 2 and "unknown status 'hired'" in bad.stderr
