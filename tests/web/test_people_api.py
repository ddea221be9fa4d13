"""/api/people and /api/keep: the same shapes as `nextmove people … --json`, `touch --json`,
`people chain --json` and `keep list --json`, on both backends."""

from __future__ import annotations

from datetime import date

from nextmove.config import load_settings
from nextmove.formats.json_shapes import person_detail_json, person_line_json
from nextmove.formats.meeting_json import contact_json
from nextmove.services import keep as keep_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, BASE, Web

JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
TODAY = date(2026, 11, 22)


def _id(db: Workspace, name: str) -> int:
    return people_service.resolve(db, name)


def test_the_list_has_the_shape_of_people_list_json(demo_web: Web, web_db: Workspace) -> None:
    body = demo_web.get("/api/people?query=lopez&limit=5").json()
    lines, total = people_service.list_people(web_db, query="lopez", limit=5)
    assert body == {"total": total, "people": [person_line_json(p) for p in lines]}
    assert "Maria Lopez" in [p["name"] for p in body["people"]]


def test_the_list_pages_and_filters(demo_web: Web) -> None:
    everyone = demo_web.get("/api/people?limit=1000").json()
    assert everyone["total"] > 300
    first = demo_web.get("/api/people?limit=10").json()
    second = demo_web.get("/api/people?limit=10&offset=10").json()
    assert len(first["people"]) == 10
    assert first["total"] == everyone["total"]
    assert second["people"][0] == everyone["people"][10]
    tier_a = demo_web.get("/api/people?tier=A&limit=1000").json()
    assert tier_a["people"] and all(p["tier"] == "A" for p in tier_a["people"])
    directors = demo_web.get("/api/people?level=director&limit=1000").json()
    assert directors["people"]
    assert all(p["level"]["key"] == "director" for p in directors["people"])
    peers = demo_web.get("/api/people?flag=peer&limit=1000").json()
    assert peers["people"] and all("peer" in p["flags"] for p in peers["people"])
    assert demo_web.get("/api/people?level=wizard").status_code == 400


def test_the_keep_filter_is_the_keep_list(demo_web: Web, web_db: Workspace) -> None:
    overdue = demo_web.get(f"/api/people?keep=overdue&limit=1000&{AS_OF}").json()
    contacts = keep_service.list_contacts(
        web_db, settings=load_settings(), today=TODAY, state="overdue"
    )
    assert overdue["total"] == len(contacts) > 0
    assert {p["id"] for p in overdue["people"]} == {c.person_id for c in contacts}
    keep = demo_web.get(f"/api/keep?state=overdue&{AS_OF}").json()
    assert keep == {"contacts": [contact_json(c) for c in contacts]}


def test_one_person_has_the_shape_of_people_show_json(demo_web: Web, web_db: Workspace) -> None:
    ana = _id(web_db, "Ana Ruiz")
    body = demo_web.get(f"/api/people/{ana}").json()
    assert body == person_detail_json(people_service.show_person(web_db, str(ana)))
    assert "Maria Lopez" in [t["name"] for t in body["ties"]]
    missing = demo_web.get("/api/people/999999")
    assert missing.status_code == 404
    assert missing.json()["error"] == "no person with id 999999"


def test_the_chain_names_who_introduced_a_referral(demo_web: Web, web_db: Workspace) -> None:
    maria, ana = _id(web_db, "Maria Lopez"), _id(web_db, "Ana Ruiz")
    body = demo_web.get(f"/api/people/{maria}/chain").json()
    assert body == {
        "person": {"id": maria, "name": "Maria Lopez"},
        "chain": [
            {"id": ana, "name": "Ana Ruiz", "introduced_by": None},
            {"id": maria, "name": "Maria Lopez", "introduced_by": ana},
        ],
    }


def test_add_edit_and_delete_round_trip(web: Web) -> None:
    created = web.client.post(
        "/api/people",
        json={
            "name": "Rosa Diaz",
            "title": "Director of Product",
            "organization": "Acme Health",
            "emails": ["rosa@acme.example"],
            "tags": ["chicago"],
            "tier": "B",
            "since": "2024-05-01",
            "peer": True,
        },
        headers=JSON,
    )
    assert created.status_code == 201, created.text
    rosa = created.json()
    assert rosa["level"]["key"] == "director"  # from the title
    assert rosa["function"] == "product"
    assert rosa["emails"] == [{"address": "rosa@acme.example", "label": ""}]
    assert rosa["flags"] == ["peer"]
    assert rosa["known_since"] == "2024-05-01"
    url = f"/api/people/{rosa['id']}"
    edited = web.client.patch(
        url,
        json={"title": "VP Product", "emails": [], "tier": "", "since": None, "city": "Chicago"},
        headers=JSON,
    ).json()
    assert edited["title"] == "VP Product"
    assert edited["history"][0]["title"] == "Director of Product"
    assert edited["emails"] == []
    assert edited["tier"] is None
    assert edited["known_since"] is None
    assert edited["city"] == "Chicago"
    assert edited["tags"] == ["chicago"]  # not given: unchanged
    bad = web.client.patch(url, json={"level": "wizard"}, headers=JSON)
    assert bad.status_code == 400
    # Named as the request names it, never as the CLI's option (--level).
    assert bad.json()["error"] == "level: unknown level 'wizard'"
    assert bad.json()["field"] == "level"
    link = web.client.patch(url, json={"linkedin": "ana"}, headers=JSON).json()
    assert (link["error"], link["field"]) == (
        "linkedin: 'ana' is not a LinkedIn profile URL",
        "linkedin",
    )
    deleted = web.client.delete(url, headers=JSON)
    assert deleted.status_code == 200
    assert deleted.json()["rewritten"] == []  # nothing else named them
    assert deleted.json()["summary"] == "no other text names them"
    assert web.get(url).status_code == 404
    assert web.get("/api/people").json()["total"] == 0


def test_touch_tie_merge_and_keep(web: Web) -> None:
    def add(name: str) -> int:
        response = web.client.post("/api/people", json={"name": name}, headers=JSON)
        return int(response.json()["id"])

    ana, maria, dup = add("Ana Ruiz"), add("Maria Lopez"), add("M. Lopez")
    touch = web.client.post(
        f"/api/people/{ana}/touches",
        json={"kind": "call", "note": "catch-up", "date": "2026-11-01"},
        headers=JSON,
    )
    assert touch.status_code == 201, touch.text
    assert touch.json()["last_contact"] == "2026-11-01"
    assert touch.json()["kind"] == "call"
    tie = web.client.post(
        f"/api/people/{maria}/ties",
        json={"other_id": ana, "source": "introduced-by", "strength": 4},
        headers=JSON,
    )
    assert tie.status_code == 201
    assert tie.json() == {
        "person_id": ana,
        "name": "Ana Ruiz",
        "source": "introduced-by",
        "strength": 4,
        "note": "",
    }
    chain = web.get(f"/api/people/{maria}/chain").json()["chain"]
    assert [c["name"] for c in chain] == ["Ana Ruiz", "Maria Lopez"]
    web.client.post(f"/api/people/{dup}/touches", json={"kind": "email"}, headers=JSON)
    merged = web.client.post(f"/api/people/{maria}/merge", json={"other_id": dup}, headers=JSON)
    assert merged.status_code == 200
    assert [i["kind"] for i in merged.json()["interactions"]] == ["email"]
    assert web.get(f"/api/people/{dup}").status_code == 404
    same = web.client.post(f"/api/people/{maria}/merge", json={"other_id": maria}, headers=JSON)
    assert same.status_code == 400
    keep = web.client.put(
        f"/api/people/{ana}/keep?{AS_OF}", json={"tier": "A"}, headers=JSON
    ).json()
    assert keep["contact"]["tier"] == "A"
    assert keep["contact"]["state"] == "ok"  # touched three weeks ago; due after 30 days
    cadence = web.client.put(
        f"/api/people/{ana}/keep?{AS_OF}", json={"every": "14:20"}, headers=JSON
    ).json()
    assert cadence["contact"]["cadence"] == {"ideal_days": 14, "max_days": 20, "personal": True}
    assert cadence["contact"]["state"] == "overdue"
    snoozed = web.client.put(
        f"/api/people/{ana}/keep?{AS_OF}", json={"snooze_until": "2026-12-24"}, headers=JSON
    ).json()
    assert snoozed["snooze_until"] == "2026-12-24"
    assert snoozed["contact"]["snoozed"] is True
    listed = web.get(f"/api/keep?{AS_OF}").json()["contacts"]
    assert [c["person"]["name"] for c in listed] == ["Ana Ruiz"]
    ended = web.client.put(
        f"/api/people/{ana}/keep?{AS_OF}", json={"end_snooze": True}, headers=JSON
    ).json()
    assert ended["snooze_until"] is None


def test_bad_input_is_a_client_error(web: Web) -> None:
    ana = web.client.post("/api/people", json={"name": "Ana"}, headers=JSON).json()["id"]
    for url, body in (
        ("/api/people", {"name": ""}),
        ("/api/people", {"name": "X", "emails": ["not-an-address"]}),
        ("/api/people", {"name": "X\x00"}),
        (f"/api/people/{ana}/ties", {"other_id": ana}),
        (f"/api/people/{ana}/touches", {"kind": "telepathy"}),
    ):
        response = web.client.post(url, json=body, headers=JSON)
        assert 400 <= response.status_code < 500, (url, body, response.text)
    assert (
        web.client.post(
            f"/api/people/{ana}/ties", json={"other_id": 424242}, headers=JSON
        ).status_code
        == 404
    )


def test_person_picks_put_names_that_start_with_the_text_first(
    demo_web: Web, web_db: Workspace
) -> None:
    picks = demo_web.get("/api/people/picks?q=tom%20be").json()["people"]
    assert picks[0]["name"] == "Tom Becker"
    assert picks[0]["value"] == f"Tom Becker #{picks[0]['id']}"
    names = [p["name"] for p in demo_web.get("/api/people/picks?q=no&limit=20").json()["people"]]
    assert len(names) == 20
    starts = [n.lower().startswith("no") for n in names]
    assert starts == sorted(starts, reverse=True)  # "Noor …" before "… Nomura"
    # What is typed is text, not a pattern; nothing typed suggests no one.
    assert demo_web.get("/api/people/picks?q=%25").json() == {"people": []}
    assert demo_web.get("/api/people/picks?q=_").json() == {"people": []}
    assert demo_web.get("/api/people/picks?q=").json() == {"people": []}
    assert demo_web.get("/api/people/picks?q=" + "x" * 201).status_code == 422
    # The value a pick fills in resolves to exactly that person.
    chosen = demo_web.submit(
        f"/meetings?{AS_OF}",
        {"person": picks[0]["value"], "kind": "research", "mode": "video"},
        page="/meetings/new",
    )
    assert chosen.status_code == 303
    meeting = demo_web.get(chosen.headers["location"]).text
    assert "Tom Becker" in meeting
