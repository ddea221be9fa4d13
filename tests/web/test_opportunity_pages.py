"""The opportunity pages as a user meets them, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

from nextmove.services import opportunities as opp_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, Web

POSTING = """Senior Director, Product Management
Acme Health
Location: Chicago, IL

About the role
You will lead the product managers of our patient platform.
"""


def test_the_list_shows_every_option_its_verdict_and_the_source_mix(demo_web: Web) -> None:
    page = demo_web.get(f"/opportunities?{AS_OF}")
    assert page.status_code == 200
    text = page.text
    for title in (
        "Senior Product Manager, Scheduling",
        "VP of Product, Consumer Banking",
        "Group Product Manager, Patient Experience",
    ):
        assert title in text
    assert "Where your options come from" in text
    assert "<strong>2</strong> from your network or self-created" in text
    assert "Impressive but misaligned" in text  # the VP role's flag
    assert 'class="verdict strong-fit"' in text
    assert "Compare selected" in text


def test_a_list_mostly_from_hr_and_job_boards_says_so_and_points_to_suggestions(
    web: Web, web_db: Workspace, today, now
) -> None:  # type: ignore[no-untyped-def]
    for title, source in (("A", "hr-proposal"), ("B", "job-board"), ("C", "recruiter")):
        opp_service.add_opportunity(
            web_db, {"title": title, "source": source}, today=today, now=now
        )
    page = web.get(f"/opportunities?{AS_OF}").text
    assert "Most of your options come from HR proposals and job boards" in page
    assert 'href="/suggestions?as_of=2026-11-22"' in page


def test_the_list_filters_by_status(demo_web: Web) -> None:
    page = demo_web.get(f"/opportunities?status=interviewing&{AS_OF}").text
    assert "VP of Product, Consumer Banking" in page
    assert "Senior Product Manager, Scheduling" not in page
    assert demo_web.get("/opportunities?status=dreaming").status_code == 400


def test_the_detail_page_shows_the_whole_evaluation(demo_web: Web) -> None:
    page = demo_web.get(f"/opportunities/3?{AS_OF}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>VP of Product, Consumer Banking</h1>" in text
    assert "Verdict: misaligned" in text
    assert "Impressive but misaligned" in text
    assert "Threshold:" in text  # each flag is explained with its threshold
    assert "Breaks your stay-in-city choice" in text
    # Priority fit per priority, each marked as rated or inferred.
    assert re.search(r"family life.*?basis inferred", text, re.S)
    assert re.search(r"career trajectory.*?basis rated", text, re.S)
    # Energizers, reach and the stay-or-change choices.
    assert "back-to-back alignment meetings" in text
    assert "Reach and path" in text
    assert "Stay or change" in text
    assert "✗ broken" in text


def test_adding_by_hand_fills_level_and_function_from_the_title(
    web: Web, web_db: Workspace
) -> None:
    response = web.submit(
        f"/opportunities/new?{AS_OF}",
        {"title": "Director of Product Marketing", "source": "network-referral"},
        page="/opportunities/new",
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/opportunities/1?")
    opp = opp_service.get_opportunity(web_db, 1)
    assert opp.source.value == "network-referral"
    assert opp.level is not None and opp.function is not None
    page = web.get(response.headers["location"])
    assert "Added #1" in page.text
    assert "Level and function come from the title" in page.text


def test_a_pasted_posting_fills_in_the_role_and_counts_as_a_job_board_find(
    web: Web, web_db: Workspace
) -> None:
    response = web.submit(
        "/opportunities/new", {"posting": POSTING, "source": ""}, page="/opportunities/new"
    )
    assert response.status_code == 303
    opp = opp_service.get_opportunity(web_db, 1)
    assert opp.title == "Senior Director, Product Management"
    assert opp.organization == "Acme Health"
    assert opp.city == "Chicago"
    assert opp.source.value == "job-board"
    assert opp.level is not None
    page = web.get(response.headers["location"]).text
    assert "Filled in from the pasted posting: check the role below" in page


def test_what_you_type_wins_over_the_posting(web: Web, web_db: Workspace) -> None:
    web.submit(
        "/opportunities/new",
        {"posting": POSTING, "organization": "Acme Health Group", "source": "recruiter"},
        page="/opportunities/new",
    )
    opp = opp_service.get_opportunity(web_db, 1)
    assert opp.organization == "Acme Health Group"
    assert opp.source.value == "recruiter"


def test_a_form_without_title_or_source_shows_errors_and_adds_nothing(
    web: Web, web_db: Workspace
) -> None:
    response = web.submit("/opportunities/new", {"title": ""}, page="/opportunities/new")
    assert response.status_code == 400
    assert "Not added: 2 problems" in response.text
    assert 'aria-invalid="true"' in response.text
    assert opp_service.list_opportunities(web_db)[0] == []


def test_a_bad_level_is_shown_next_to_the_level_field(web: Web) -> None:
    response = web.submit(
        "/opportunities/new",
        {"title": "Head of X", "source": "recruiter", "level": "emperor"},
        page="/opportunities/new",
    )
    assert response.status_code == 400
    assert 'id="f-level-error"' in response.text


def test_changing_the_status_keeps_a_dated_history(demo_web: Web, web_db: Workspace) -> None:
    response = demo_web.submit(
        f"/opportunities/4/status?{AS_OF}",
        {"status": "applied", "date": "2026-11-20", "note": "sent the deck"},
        page="/opportunities/4",
    )
    assert response.status_code == 303
    page = demo_web.get(response.headers["location"]).text
    assert "Status is now applied." in page
    assert "sent the deck" in page
    opp = opp_service.get_opportunity(web_db, 4)
    assert opp.status.value == "applied"
    assert opp.history[-1].day.isoformat() == "2026-11-20"


def test_rating_a_priority_changes_the_evaluation(demo_web: Web, web_db: Workspace) -> None:
    response = demo_web.submit(
        f"/opportunities/3/ratings?{AS_OF}",
        {"rating[1]": "1", "rating[2]": "", "rating[3]": "2"},
        page="/opportunities/3",
    )
    assert response.status_code == 303
    opp = opp_service.get_opportunity(web_db, 3)
    assert opp.ratings == {"family life": 1, "career trajectory": 5, "skills development": 2}
    page = demo_web.get(response.headers["location"]).text
    assert "Your ratings are saved" in page
    # Clearing a rating goes back to the inferred default.
    demo_web.submit("/opportunities/3/ratings", {"rating[2]": "clear"}, page="/opportunities/3")
    assert "career trajectory" not in opp_service.get_opportunity(web_db, 3).ratings


def test_a_refused_rating_saves_none_of_the_ratings_posted_with_it(
    demo_web: Web, web_db: Workspace
) -> None:
    before = opp_service.get_opportunity(web_db, 3).ratings
    response = demo_web.submit(
        f"/opportunities/3/ratings?{AS_OF}",
        {"rating[1]": "1", "rating[2]": "9"},
        page="/opportunities/3",
    )
    assert response.status_code == 400
    assert "No rating saved" in response.text
    assert "9 is outside 1…5" in response.text
    assert opp_service.get_opportunity(web_db, 3).ratings == before


def test_deciding_records_the_choice_and_why_and_sets_the_status(
    demo_web: Web, web_db: Workspace
) -> None:
    response = demo_web.submit(
        f"/opportunities/3/decide?{AS_OF}",
        {"choice": "decline", "why": "Moving to New York breaks family life."},
        page="/opportunities/3",
    )
    assert response.status_code == 303
    page = demo_web.get(response.headers["location"]).text
    assert "Your decision is recorded; the status is now declined." in page
    assert "Moving to New York breaks family life." in page
    assert opp_service.get_opportunity(web_db, 3).status.value == "declined"


def test_a_decision_without_reasons_is_refused_on_the_page_keeping_the_choice(
    demo_web: Web, web_db: Workspace
) -> None:
    response = demo_web.submit(
        "/opportunities/3/decide",
        {"choice": "other", "choice_other": "ask for a Chicago base", "why": ""},
        page="/opportunities/3",
    )
    assert response.status_code == 400
    assert "Not recorded:</strong> Why: must not be empty." in response.text
    assert "you will reflect on them later" in response.text
    assert 'value="ask for a Chicago base"' in response.text
    assert 'id="choice-other" name="choice" value="other" checked' in response.text
    assert opp_service.get_opportunity(web_db, 3).decisions == []


def test_a_status_change_with_a_bad_date_is_refused_on_the_page(demo_web: Web) -> None:
    response = demo_web.submit(
        "/opportunities/3/status", {"status": "offer", "date": "soon"}, page="/opportunities/3"
    )
    assert response.status_code == 400
    assert (
        "Not changed:</strong> Date: &#39;soon&#39; is not a day the date picker knows. "
        "Pick a day from the calendar, or leave the field blank." in (response.text)
    )
    assert demo_web.submit("/opportunities/99/status", {"status": "offer"}).status_code == 404


def test_comparing_two_shows_every_criterion_and_the_best_first(demo_web: Web) -> None:
    page = demo_web.get(f"/opportunities/compare?ids=3&ids=4&{AS_OF}")
    assert page.status_code == 200
    text = page.text
    assert "Best against your plan: #4 Group Product Manager, Patient Experience" in text
    for criterion in (
        "Verdict",
        "Overall",
        "Priority fit",
        "1. family life",
        "2. career trajectory",
        "3. skills development",
        "Energy",
        "Strengths used",
        "Reach",
        "Path",
        "Choice: city",
        "Flags",
    ):
        assert f'<th scope="row">{criterion}</th>' in text, criterion
    assert text.index("#4 Group Product Manager") < text.index("#3 VP of Product")


def test_compare_with_fewer_than_two_asks_for_more(demo_web: Web) -> None:
    page = demo_web.get("/opportunities/compare?ids=3")
    assert page.status_code == 400
    assert "Choose at least two different opportunities." in page.text


def test_deleting_an_opportunity_removes_it(demo_web: Web, web_db: Workspace) -> None:
    response = demo_web.submit("/opportunities/1/delete", {}, page="/opportunities/1")
    assert response.status_code == 303
    assert "Deleted opportunity #1." in demo_web.get(response.headers["location"]).text
    assert demo_web.get("/opportunities/1").status_code == 404


def test_without_a_vision_the_detail_page_asks_for_one(
    web: Web, web_db: Workspace, today, now
) -> None:  # type: ignore[no-untyped-def]
    opp_service.add_opportunity(
        web_db, {"title": "Head of Data", "source": "recruiter"}, today=today, now=now
    )
    page = web.get("/opportunities/1")
    assert page.status_code == 200
    assert "No evaluation yet" in page.text
    assert "Write your vision" in page.text


def test_the_edit_form_shows_what_is_saved_and_saves_every_field(
    demo_web: Web, web_db: Workspace
) -> None:
    page = demo_web.get("/opportunities/2/edit")
    assert page.status_code == 200
    assert "<h1>Edit #2 Product Lead, Care Navigation</h1>" in page.text
    assert 'value="Brightpath Clinics"' in page.text
    assert "customer interviews\nroadmap writing" in page.text
    response = demo_web.submit(
        f"/opportunities/2/edit?{AS_OF}",
        {
            "title": "Product Lead, Care Navigation",
            "organization": "Brightpath Clinics",
            "source": "job-board",
            "level": "manager",
            "function": "product",
            "city": "",
            "remote": "on",
            "involves": "coaching junior PMs\nworkshops",
        },
        page="/opportunities/2/edit",
    )
    assert response.status_code == 303
    assert (
        "Saved. The evaluation below is up to date."
        in demo_web.get(response.headers["location"]).text
    )
    opp = opp_service.get_opportunity(web_db, 2)
    assert opp.level == 5
    assert opp.involves == ["coaching junior PMs", "workshops"]
    assert opp.industry == ""  # left blank on the form: cleared


def test_the_edit_form_keeps_the_title(demo_web: Web) -> None:
    response = demo_web.submit(
        "/opportunities/2/edit", {"title": "", "source": "job-board"}, page="/opportunities/2/edit"
    )
    assert response.status_code == 400
    assert 'id="f-title-error"' in response.text
    assert "Not saved: 1 problem" in response.text


def test_the_list_is_a_board_with_a_column_per_open_status_and_closed_ones_apart(
    demo_web: Web,
) -> None:
    page = demo_web.get(f"/opportunities?{AS_OF}").text
    columns = re.findall(r'<section class="opp-column"[^>]*data-status="([a-z-]+)"', page)
    assert columns == ["considering", "exploring", "applied", "interviewing", "offer"]
    interviewing = page.split('data-status="interviewing"')[1].split("</section>")[0]
    assert "VP of Product, Consumer Banking" in interviewing
    assert "Senior Product Manager, Scheduling" not in interviewing
    assert 'form="compare-form"' in page  # the compare ticks sit in the cards, outside forms


def test_a_card_moves_to_the_next_column_or_any_status_and_comes_back_to_the_board(
    demo_web: Web, web_db: Workspace
) -> None:
    before = opp_service.get_opportunity(web_db, 4).status.value
    nxt = demo_web.submit(
        f"/opportunities/4/status?{AS_OF}",
        {"status": "applied", "to": before, "back": "board"},
        page="/opportunities",
    )
    assert nxt.status_code == 303
    assert (
        nxt.headers["location"].startswith("/opportunities?")
        and "#opp-4" in nxt.headers["location"]
    )
    assert opp_service.get_opportunity(web_db, 4).status.value == "applied"
    assert "is now applied" in demo_web.get(nxt.headers["location"]).text
    anywhere = demo_web.submit(
        "/opportunities/4/status", {"to": "passed", "back": "board"}, page="/opportunities"
    )
    assert anywhere.status_code == 303
    assert opp_service.get_opportunity(web_db, 4).status.value == "passed"
    page = demo_web.get("/opportunities").text
    closed = page.split('class="closed-opps')[1]
    assert 'id="opp-4"' in closed


def test_compare_has_a_stacked_reading_for_phones(demo_web: Web) -> None:
    page = demo_web.get(f"/opportunities/compare?ids=3&ids=4&{AS_OF}").text
    stack = page.split('class="compare-stack"')[1]
    assert "Verdict" in stack and "#3 VP of Product, Consumer Banking" in stack
