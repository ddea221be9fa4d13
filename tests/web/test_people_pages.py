"""The People pages as a user meets them, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re

import vobject

from nextmove.services import meetings as meetings_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, Web

ROW = re.compile(r'<th scope="row"><a href="/people/(\d+)[^"]*">([^<]+)</a></th>')


def _names(html: str) -> list[str]:
    return [name for _id, name in ROW.findall(html)]


def _id(db: Workspace, name: str) -> int:
    return people_service.resolve(db, name)


def test_the_list_shows_a_page_of_people_with_a_count(demo_web: Web, web_db: Workspace) -> None:
    page = demo_web.get(f"/people?{AS_OF}")
    assert page.status_code == 200
    total = people_service.list_people(web_db, limit=1)[1]
    assert f"{total} people" in page.text
    assert len(_names(page.text)) == 50
    assert "Page 1 of" in page.text
    second = demo_web.get(f"/people?page=2&{AS_OF}").text
    assert set(_names(second)).isdisjoint(_names(page.text))
    assert 'rel="prev"' in second
    assert page.text.count("<h1") == 1


def test_a_referral_is_found_by_name_and_their_page_shows_who_introduced_them(
    demo_web: Web, web_db: Workspace
) -> None:
    found = demo_web.get(f"/people?q=maria+lopez&{AS_OF}").text
    assert _names(found) == ["Maria Lopez"]
    maria, ana = _id(web_db, "Maria Lopez"), _id(web_db, "Ana Ruiz")
    page = demo_web.get(f"/people/{maria}?{AS_OF}").text
    assert "How you got here" in page
    chain = page.split('class="chain"', 1)[1].split("</ol>", 1)[0]
    assert chain.index("You") < chain.index("Ana Ruiz") < chain.index("Maria Lopez")
    assert f'href="/people/{ana}?as_of=2026-11-22">Ana Ruiz</a>' in chain
    assert "Introduced by" in page


def test_a_person_page_shows_history_ties_interactions_and_meetings(
    demo_web: Web, web_db: Workspace
) -> None:
    ana = _id(web_db, "Ana Ruiz")
    page = demo_web.get(f"/people/{ana}?{AS_OF}").text
    assert "VP Product" in page
    assert "Maria Lopez</a>: Ana Ruiz introduced you to them" in page
    meeting = meetings_service.list_meetings(web_db)[0]
    assert meeting.person_id == ana
    assert f'href="/meetings/{meeting.id}?as_of=2026-11-22"' in page
    assert "followed-up" in page
    assert f'href="/meetings/new?person_id={ana}&amp;as_of=2026-11-22"' in page
    ben = _id(web_db, "Ben Okafor")
    ben_page = demo_web.get(f"/people/{ben}?{AS_OF}").text
    assert "meeting</span>" in ben_page  # the interaction logged when the meeting was held
    assert "Tier A" in ben_page
    with_history = next(
        p
        for p in people_service.list_people(web_db, limit=None)[0]
        if people_service.show_person(web_db, str(p.id)).person.history
    )
    job = people_service.show_person(web_db, str(with_history.id)).person.history[0]
    history = demo_web.get(f"/people/{with_history.id}?{AS_OF}").text
    assert '<h2 id="history-h">History</h2>' in history
    assert (job.title or job.organization) in history


def test_each_filter_narrows_the_list(demo_web: Web, web_db: Workspace) -> None:
    everyone = demo_web.get(f"/people?{AS_OF}").text
    total = int(re.search(r"(\d+) people", everyone).group(1))  # type: ignore[union-attr]
    for query, check in (
        ("tier=A", lambda p: p.tier == "A"),
        ("level=director", lambda p: p.level is not None and p.level == 7),
        ("function=product", lambda p: p.function == "product"),
        ("flag=peer", lambda p: p.peer),
        ("flag=offered-help&flag=navigated-transition", lambda p: p.offered_help),
        ("organization=Caremark+Digital", lambda p: p.organization == "Caremark Digital"),
    ):
        page = demo_web.get(f"/people?{query}&{AS_OF}")
        assert page.status_code == 200, query
        count = int(re.search(r"(\d+) (?:person|people) found", page.text).group(1))  # type: ignore[union-attr]
        assert 0 < count < total, query
        shown = _names(page.text)
        lines = people_service.list_people(web_db, limit=None)[0]
        by_name = {p.name: p for p in lines}
        assert all(check(by_name[name]) for name in shown), query
        assert "Clear filters" in page.text
    kept = demo_web.get(f"/people?keep=overdue&tier=A&{AS_OF}").text
    assert 'value="overdue" selected' in kept  # the filters stay filled in
    assert '<option value="A" selected>' in kept


def test_the_keep_filter_shows_who_is_overdue(demo_web: Web, web_db: Workspace) -> None:
    overdue = _names(demo_web.get(f"/people?keep=overdue&{AS_OF}").text)
    due = _names(demo_web.get(f"/people?keep=due&{AS_OF}").text)
    assert overdue and set(overdue).isdisjoint(due)
    name = overdue[0]
    page = demo_web.get(f"/people/{_id(web_db, name)}?{AS_OF}").text
    assert "overdue</span>" in page


def test_a_bad_filter_says_so(demo_web: Web) -> None:
    page = demo_web.get(f"/people?level=wizard&{AS_OF}")
    assert page.status_code == 400
    assert "unknown level" in page.text


def test_an_empty_workspace_points_to_import_and_add(web: Web) -> None:
    page = web.get("/people").text
    assert "Nobody here yet" in page
    assert 'href="/import"' in page
    assert 'href="/people/new"' in page


def test_adding_a_person_infers_level_and_function(web: Web) -> None:
    response = web.submit(
        "/people/new",
        {
            "name": "Rosa Diaz",
            "title": "Director of Product",
            "organization": "Acme Health",
            "emails": "rosa@acme.example\nrosa@home.example",
            "tags": "chicago, former colleague",
            "tier": "B",
            "since": "2024-05-01",
            "offered_help": "on",
        },
        page="/people/new",
    )
    assert response.status_code == 303
    page = web.get(response.headers["location"]).text
    assert "Added #" in page
    assert "Director" in page and "product" in page
    assert "rosa@home.example" in page
    assert "former colleague" in page
    assert "offered help" in page
    assert "since 2024-05-01" in page


def test_a_bad_field_comes_back_with_the_message_next_to_it(web: Web) -> None:
    response = web.submit(
        "/people/new",
        {"name": "Rosa", "emails": "not-an-address", "since": "May"},
        page="/people/new",
    )
    assert response.status_code == 400
    assert 'id="f-since-error"' in response.text
    assert "is not a date" in response.text
    assert 'aria-invalid="true"' in response.text
    assert 'value="Rosa"' in response.text  # what was typed stays
    again = web.submit(
        "/people/new", {"name": "Rosa", "emails": "not-an-address"}, page="/people/new"
    )
    assert again.status_code == 400
    assert 'id="f-emails-error"' in again.text
    assert "not an email address" in again.text
    nameless = web.submit("/people/new", {"name": " "}, page="/people/new")
    assert nameless.status_code == 400
    assert 'id="f-name-error"' in nameless.text


def test_editing_changes_only_what_changed_and_a_blank_clears(web: Web, web_db: Workspace) -> None:
    web.submit(
        "/people/new",
        {"name": "Rosa Diaz", "title": "Director of Product", "city": "Chicago", "tier": "A"},
        page="/people/new",
    )
    rosa = _id(web_db, "Rosa Diaz")
    form = web.get(f"/people/{rosa}/edit").text
    assert 'value="Chicago"' in form
    response = web.submit(
        f"/people/{rosa}/edit",
        {
            "name": "Rosa Diaz",
            "title": "Director of Product",
            "level": "director",
            "function": "product",
            "city": "",
            "tier": "A",
            "department": "Scheduling",
        },
        page=f"/people/{rosa}/edit",
    )
    assert response.status_code == 303
    person = people_service.show_person(web_db, str(rosa)).person
    assert person.city == ""
    assert person.department == "Scheduling"
    assert person.level_source != "user"  # unchanged: still inferred from the title
    bad = web.submit(
        f"/people/{rosa}/edit", {"name": "Rosa Diaz", "level": "wizard"}, page="/people/new"
    )
    assert bad.status_code == 400
    assert 'id="f-level-error"' in bad.text


def test_touch_tie_keep_and_snooze_from_the_person_page(web: Web, web_db: Workspace) -> None:
    for name in ("Ana Ruiz", "Maria Lopez"):
        web.submit("/people/new", {"name": name}, page="/people/new")
    ana, maria = _id(web_db, "Ana Ruiz"), _id(web_db, "Maria Lopez")
    page = f"/people/{ana}"
    touched = web.submit(
        f"{page}/touches?{AS_OF}",
        {"kind": "call", "date": "2026-11-20", "note": "talked about scheduling"},
        page=page,
    )
    assert touched.status_code == 303
    assert touched.headers["location"].startswith(f"/people/{ana}?saved=touch")
    shown = web.get(touched.headers["location"]).text
    assert "Touch logged. Last contact: 2026-11-20" in shown
    assert "talked about scheduling" in shown
    tie = web.submit(
        f"{page}/ties", {"other": "Maria Lopez", "source": "same-team", "strength": "4"}, page=page
    )
    assert tie.status_code == 303
    assert f'href="/people/{maria}">Maria Lopez</a>: same team' in web.get(page).text
    kept = web.submit(f"{page}/keep?{AS_OF}", {"tier": "A"}, page=page)
    assert kept.status_code == 303
    shown = web.get(f"{page}?{AS_OF}").text
    assert "Tier A: every 30 days" in shown
    assert ">ok</span>" in shown
    web.submit(f"{page}/keep?{AS_OF}", {"every": "1:1"}, page=page)
    assert ">overdue</span>" in web.get(f"{page}?{AS_OF}").text
    snoozed = web.submit(f"{page}/snooze", {"until": "2026-12-24"}, page=page)
    assert snoozed.status_code == 303
    assert "Snoozed until 2026-12-24" in web.get(snoozed.headers["location"]).text


def test_a_bad_action_comes_back_with_the_message_next_to_its_form(
    web: Web, web_db: Workspace
) -> None:
    web.submit("/people/new", {"name": "Ana Ruiz"}, page="/people/new")
    ana = _id(web_db, "Ana Ruiz")
    page = f"/people/{ana}"
    for url, data, where in (
        (f"{page}/touches", {"kind": "met", "date": "yesterday"}, "touch-error"),
        (f"{page}/ties", {"other": "Nobody Known"}, "tie-error"),
        (f"{page}/keep", {"every": "often"}, "keep-error"),
        (f"{page}/snooze", {"until": "soon"}, "snooze-error"),
        (f"{page}/merge", {"other": "Ana Ruiz"}, "merge-error"),
    ):
        response = web.submit(url, data, page=page)
        assert response.status_code == 400, url
        assert f'id="{where}"' in response.text, url


def test_merging_a_duplicate_moves_its_touches_over(web: Web, web_db: Workspace) -> None:
    for name in ("Maria Lopez", "M. Lopez"):
        web.submit("/people/new", {"name": name}, page="/people/new")
    maria, dup = _id(web_db, "Maria Lopez"), _id(web_db, "M. Lopez")
    web.submit(f"/people/{dup}/touches", {"kind": "email", "note": "the intro"}, page="/people/new")
    merged = web.submit(f"/people/{maria}/merge", {"other": f"#{dup}"}, page="/people/new")
    assert merged.status_code == 303
    page = web.get(merged.headers["location"]).text
    assert "merged into Maria Lopez" in page
    assert "the intro" in page
    assert web.get(f"/people/{dup}").status_code == 404


def test_delete_asks_first_then_removes_the_person_everywhere(
    demo_web: Web, web_db: Workspace
) -> None:
    ana = _id(web_db, "Ana Ruiz")
    confirm = demo_web.get(f"/people/{ana}/delete")
    assert confirm.status_code == 200
    assert "Delete Ana Ruiz?" in confirm.text
    assert "1 meeting" in confirm.text
    # What else changes: Maria's "how you know them" and her meeting idea name Ana.
    assert "1 text in 1 other person, 1 text in 1 meeting" in confirm.text
    response = demo_web.submit(f"/people/{ana}/delete", {}, page=f"/people/{ana}/delete")
    assert response.status_code == 303
    # The name stays out of the address (browser history, server logs).
    assert response.headers["location"] == "/people?deleted=1&rewritten=2"
    after = demo_web.get(response.headers["location"]).text
    assert "Deleted, with everything recorded about them; 2 other texts" in after
    assert "Ana Ruiz" not in after
    assert demo_web.get(f"/people/{ana}").status_code == 404
    assert all(m.person_id != ana for m in meetings_service.list_meetings(web_db))
    maria = _id(web_db, "Maria Lopez")
    maria_page = demo_web.get(f"/people/{maria}").text
    assert f'href="/people/{ana}"' not in maria_page  # no tie, no chain through her
    assert "How you got here" not in maria_page
    assert "introduced by a deleted contact" in maria_page
    assert "Ana Ruiz" not in demo_web.get("/people?q=ruiz").text.split("<main", 1)[1]


def test_an_unknown_person_is_the_apps_404(demo_web: Web) -> None:
    page = demo_web.get("/people/999999")
    assert page.status_code == 404
    assert "no person with id 999999" in page.text


def test_exports_download_as_vcard_and_csv(demo_web: Web, web_db: Workspace) -> None:
    # Your people: the chart's members who are not are listed with them, but not exported.
    listed = people_service.list_people(web_db, limit=None)[0]
    total = sum(1 for p in listed if not p.member_ref)
    assert 0 < total < len(listed)
    vcf = demo_web.get("/people/export.vcf")
    assert vcf.status_code == 200
    assert vcf.headers["content-type"].startswith("text/vcard")
    assert 'filename="nextmove.vcf"' in vcf.headers["content-disposition"]
    cards = list(vobject.readComponents(vcf.text))
    assert len(cards) == total
    assert "Maria Lopez" in {c.fn.value for c in cards}
    table = demo_web.get("/people/export.csv")
    assert table.headers["content-type"].startswith("text/csv")
    assert 'filename="nextmove.csv"' in table.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == total
    page = demo_web.get("/people").text
    assert 'href="/people/export.vcf"' in page and 'href="/people/export.csv"' in page


def test_this_is_me_links_you_to_a_record_and_unlinks_again(web: Web, web_db: Workspace) -> None:
    web.submit("/people/new", {"name": "Maya Chen", "title": "Group Product Manager"})
    maya = _id(web_db, "Maya Chen")
    page = f"/people/{maya}"
    assert "Is this you?" in web.get(page).text
    linked = web.submit(f"{page}/me", {}, page=page)
    assert linked.status_code == 303
    shown = web.get(linked.headers["location"]).text
    assert "This is you now" in shown
    assert 'Maya Chen <span class="tag">you</span></h1>' in shown
    assert people_service.show_person(web_db, str(maya)).is_me
    unlinked = web.submit(f"{page}/me", {"link": "no"}, page=page)
    assert "is no longer linked to you" in web.get(unlinked.headers["location"]).text
    assert not people_service.show_person(web_db, str(maya)).is_me
