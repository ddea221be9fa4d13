"""The people at an opportunity, on its page and in the API: who is involved, who you know
there or near it, linking someone, and a research meeting in one step."""

from __future__ import annotations

from nextmove.services import meetings as meeting_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, Web

CEDAR = 4  # the demo's referral from Priya Nayak
LUMEN = 3


def test_the_page_shows_who_is_involved_and_how_to_reach_them(demo_web: Web) -> None:
    page = demo_web.get(f"/opportunities/{CEDAR}?{AS_OF}")
    assert page.status_code == 200
    section = page.text.split('id="people-h"', 1)[1].split("</section>", 1)[0]
    involved = section.split("<h3>Involved</h3>", 1)[1].split("<h3>", 1)[0]
    assert "Priya Nayak" in involved
    assert '<span class="tag">referrer</span>' in involved
    assert "You know them (same team" in involved
    assert "Doing this kind of work elsewhere" in section
    assert 'Plan a meeting<span class="visually-hidden"> with Priya Nayak' in section


def test_linking_a_person_by_name_shows_them_as_involved(demo_web: Web) -> None:
    response = demo_web.submit(
        f"/opportunities/{LUMEN}/people",
        {"person": "Tom Becker", "role": "hiring-manager"},
        page=f"/opportunities/{LUMEN}",
    )
    assert response.status_code == 303
    page = demo_web.get(response.headers["location"])
    assert "Linked Tom Becker." in page.text
    involved = page.text.split("<h3>Involved</h3>", 1)[1].split("<h3>", 1)[0]
    assert "Tom Becker" in involved and "hiring manager" in involved

    person_id = demo_web.get("/api/opportunities/3/people").json()["involved"][0]["id"]
    unlinked = demo_web.submit(
        f"/opportunities/{LUMEN}/unlink", {"person_id": str(person_id)}, page="/journal"
    )
    assert unlinked.status_code == 303
    assert demo_web.get("/api/opportunities/3/people").json()["involved"] == []


def test_an_unknown_name_is_shown_next_to_the_field(demo_web: Web) -> None:
    response = demo_web.submit(
        f"/opportunities/{LUMEN}/people", {"person": "Nobody Atall", "role": "contact"}
    )
    assert response.status_code == 400
    assert "Not linked:" in response.text
    assert "Nobody called &#39;Nobody Atall&#39; in your network" in response.text
    assert 'aria-describedby="people-error" aria-invalid="true"' in response.text
    assert 'value="Nobody Atall"' in response.text


def test_planning_a_meeting_from_the_opportunity_makes_a_meeting_idea(
    demo_web: Web, web_db: Workspace
) -> None:
    people = demo_web.get(f"/api/opportunities/{CEDAR}/people").json()
    tom = next(p for p in people["nearby"] if p["name"] == "Tom Becker")
    response = demo_web.submit(
        f"/opportunities/{CEDAR}/meet?{AS_OF}", {"person_id": str(tom["id"])}
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/meetings/")
    meeting_id = int(response.headers["location"].split("/")[2].split("?")[0])
    meeting = next(m for m in meeting_service.list_meetings(web_db) if m.id == meeting_id)
    assert meeting.person_name == "Tom Becker"
    assert meeting.state.value == "idea"
    assert meeting.why.startswith(
        "does this kind of work (Group Product Manager, Scheduling at Northwind Health): "
        "you are weighing 'Group Product Manager, Patient Experience' at Cedar Health Partners"
    )


def test_someone_with_an_open_meeting_is_not_planned_twice(demo_web: Web) -> None:
    priya = demo_web.get(f"/api/opportunities/{CEDAR}/people").json()["involved"][0]
    response = demo_web.submit(
        f"/opportunities/{CEDAR}/meet?{AS_OF}", {"person_id": str(priya["id"])}
    )
    assert response.status_code == 400
    assert "No meeting planned:" in response.text
    assert "Priya Nayak already has an open meeting" in response.text


def test_the_api_links_lists_unlinks_and_plans(demo_web: Web) -> None:
    client = demo_web.client
    headers = {"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"}
    linked = client.post(
        f"/api/opportunities/{LUMEN}/people",
        json={"person": "Tom Becker", "role": "referrer"},
        headers=headers,
    )
    assert linked.status_code == 201
    involved = linked.json()["involved"]
    assert [(p["name"], p["roles"]) for p in involved] == [("Tom Becker", ["referrer"])]
    assert involved[0]["direct"]["how"]

    planned = client.post(
        f"/api/opportunities/{LUMEN}/meetings?{AS_OF}",
        json={"person": str(involved[0]["id"]), "why": "what the role is really like"},
        headers=headers,
    )
    assert planned.status_code == 201
    assert planned.json()["state"] == "idea"
    assert planned.json()["person"]["name"] == "Tom Becker"

    gone = client.delete(f"/api/opportunities/{LUMEN}/people/{involved[0]['id']}", headers=headers)
    assert gone.status_code == 204
    assert client.get(f"/api/opportunities/{LUMEN}/people").json()["involved"] == []

    missing = client.get("/api/opportunities/999/people")
    assert missing.status_code == 404
    assert "no opportunity #999" in missing.json()["error"]
    unknown = client.post(
        f"/api/opportunities/{LUMEN}/people", json={"person": "Nobody Atall"}, headers=headers
    )
    assert unknown.status_code == 404


NORTHWIND = 1  # the demo's HR proposal: Senior Product Manager, Scheduling, at Northwind


def test_members_of_the_organizations_chart_close_to_the_role_are_offered(
    demo_web: Web, web_db: Workspace
) -> None:
    """The demo's Northwind chart is in the directory: the role's page offers product people
    one or two levels above a Senior PM first (where its hiring manager sits), a couple at
    its level, senior leaders, none of them your people already — and planning a meeting
    with one makes them one of your people."""
    found = demo_web.get(f"/api/opportunities/{NORTHWIND}/people").json()
    chart = found["in_chart"]
    assert chart and all(m["function"] == "product" for m in chart)
    first = chart[0]
    assert (first["name"], first["level"]["key"]) == ("Noor Fong", "lead")
    assert first["why"].startswith("in product, one or two levels above the role")
    assert first["member"].startswith("northwind-health:")
    yours = {p["name"] for group in ("involved", "at_organization") for p in found[group]}
    assert yours and not yours & {m["name"] for m in chart}
    at_or_below = [m for m in chart if m["level"]["rank"] <= 3]  # senior (the role) or below
    assert 0 < len(at_or_below) <= 4
    assert any(m["level"]["key"] in ("vp", "c-level") for m in chart)

    page = demo_web.get(f"/opportunities/{NORTHWIND}?{AS_OF}").text
    section = page.split("<h3>In Northwind Health’s org chart</h3>", 1)[1].split("<h3>", 1)[0]
    assert f'href="/people/m/{first["member"]}' in section
    assert "In product, one or two levels above the role: could be its hiring manager" in section

    response = demo_web.submit(
        f"/opportunities/{NORTHWIND}/meet?{AS_OF}", {"person_id": first["member"]}
    )
    assert response.status_code == 303, response.text
    meeting_id = int(response.headers["location"].split("/")[2].split("?")[0])
    meeting = next(m for m in meeting_service.list_meetings(web_db) if m.id == meeting_id)
    assert (meeting.person_name, meeting.state.value) == ("Noor Fong", "idea")
    assert meeting.why.startswith("works at Northwind Health: you are weighing")
    after = demo_web.get(f"/api/opportunities/{NORTHWIND}/people").json()
    assert "Noor Fong" not in {m["name"] for m in after["in_chart"]}
    assert "Noor Fong" in {p["name"] for p in after["at_organization"]}


def test_an_organization_without_a_chart_offers_no_members(demo_web: Web) -> None:
    assert demo_web.get(f"/api/opportunities/{CEDAR}/people").json()["in_chart"] == []
