"""The Suggestions page, the network map and the warm-path view, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import re
from datetime import date

from nextmove.formats.json_shapes import suggestion_json
from nextmove.services import suggest as suggest_service
from nextmove.services.network_map import network_map
from nextmove.services.workspace import Workspace
from nextmove.store.network import my_person_id
from nextmove.web.network_map import GUTTER, ME, MapDrawing, draw_map
from tests.web.conftest import AS_OF, Web

TODAY = date(2026, 11, 22)


def _id(db: Workspace, name: str) -> int:
    return suggest_service.warm_paths(db, name).person_id


def test_suggestions_list_people_with_score_reasons_and_the_warm_path(
    demo_web: Web, web_db: Workspace
) -> None:
    page = demo_web.get(f"/suggestions?{AS_OF}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Who to talk to next</h1>" in text
    names = re.findall(r">([^<]+)</a></h3>", text)
    assert names[:3] == ["Tom Becker", "Bruno Costa", "Noor Tanaka"]
    # Read from the two org charts in the directory: Tom held Maya's seat in the earlier one.
    assert (
        "held your role before you (Senior Product Manager, Patient App under Elena Vasquez"
    ) in text
    assert "made the move you want (Senior Product Manager, Patient App → Group Product" in text
    assert 'class="score-big">14.9<' in text
    more = demo_web.get(f"/suggestions?limit=20&{AS_OF}").text
    # Through the chart: up your chain of command to the manager you share, then down.
    assert (
        "you → Elena Vasquez (your manager, strong) → Marcus Reed (their manager, strong) → "
        "Rachel Goldberg"
    ) in more


def test_the_why_disclosure_lists_every_reason_with_its_contribution_and_the_total(
    demo_web: Web, web_db: Workspace
) -> None:
    text = demo_web.get(f"/suggestions?{AS_OF}").text
    result = suggest_service.suggest_people(web_db, today=TODAY, limit=10)
    top = result.suggestions[0]
    card = text[text.index(f'id="person-{top.candidate.person_id}"') :]
    card = card[
        : card.index("</li>\n  \n    \n    <li") if "</li>\n  \n    \n    <li" in card else None
    ]
    assert "Why this score: every reason" in card
    for reason in top.reasons:
        assert reason.text.replace("'", "&#39;") in card
        assert reason.code in card
    assert f"<strong>{top.score:.2f}</strong>" in card


def test_each_suggestion_has_a_real_link_to_plan_a_meeting(
    demo_web: Web, web_db: Workspace
) -> None:
    text = demo_web.get(f"/suggestions?{AS_OF}").text
    tom = _id(web_db, "Tom Becker")
    assert f'href="/meetings/new?person_id={tom}&amp;as_of=2026-11-22"' in text
    assert text.count("Plan a meeting<span") == 10


def test_the_limit_filter_shows_fewer_people_and_offers_more(demo_web: Web) -> None:
    text = demo_web.get(f"/suggestions?limit=3&{AS_OF}").text
    assert len(re.findall(r'<li class="card suggestion"', text)) == 3
    assert "Show more people" in text
    assert '<option value="5">5</option>' in text
    assert demo_web.get("/suggestions?limit=0").status_code == 400


def test_as_of_is_kept_and_said_in_the_header(demo_web: Web) -> None:
    text = demo_web.get(f"/suggestions?{AS_OF}").text
    assert "Seen as of" in text
    assert 'href="/suggestions/paths/' in text and "as_of=2026-11-22" in text


def test_the_map_is_an_accessible_picture_with_a_table_alternative(
    demo_web: Web, web_db: Workspace
) -> None:
    text = demo_web.get(f"/suggestions?{AS_OF}").text
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert 'role="img"' in svg
    assert '<title id="map-title">Your network: you, the people you know directly' in svg
    assert "<desc" in svg
    assert "1. Tom Becker: you know them directly (stated, very strong tie)" in svg
    assert "Show the map as a table" in text
    table = text[text.index("How to reach your top 8 suggestions") :]
    assert (
        "Bruno Costa" in table and "you know them directly (in your contacts, light tie)" in table
    )
    assert "You know directly (" in table and "Tom Becker" in table


def test_the_map_page_shows_the_map_with_its_table_open(demo_web: Web) -> None:
    page = demo_web.get(f"/map?{AS_OF}")
    assert page.status_code == 200
    assert "<h1>Your network map</h1>" in page.text
    assert '<details class="chart-table" open>' in page.text
    assert 'aria-current="page">Suggestions</a>' in page.text


def test_the_path_view_shows_each_hop_with_its_tie(demo_web: Web, web_db: Workspace) -> None:
    # Nora Kim is one of Maya's people (Tom partnered with her); Rachel Goldberg, further
    # up the chart, is a member of it, reached on the suggestions page through the chart.
    nora = _id(web_db, "Nora Kim")
    page = demo_web.get(f"/suggestions/paths/{nora}?{AS_OF}")
    assert page.status_code == 200
    assert "<h1>Warm paths to Nora Kim</h1>" in page.text
    assert "Path 1 (best): 2 hops, weakest tie good" in page.text
    assert "you → Tom Becker (stated, very strong) → Nora Kim" in page.text
    assert f'href="/meetings/new?person_id={nora}&amp;as_of=2026-11-22"' in page.text
    priya = demo_web.get(f"/suggestions/paths/{_id(web_db, 'Priya Nayak')}").text
    assert "You know Priya Nayak directly (same team, strong tie)" in priya


def test_the_path_view_of_nobody_or_of_yourself_says_so(demo_web: Web, web_db: Workspace) -> None:
    assert demo_web.get("/suggestions/paths/99999").status_code == 404
    with web_db.session() as session:
        maya = my_person_id(session)
    me = demo_web.get(f"/suggestions/paths/{maya}")
    assert me.status_code == 400
    assert "that is you" in me.text


def test_without_a_network_the_pages_say_what_to_do(web: Web) -> None:
    page = web.get(f"/suggestions?{AS_OF}")
    assert page.status_code == 200
    assert "No one to suggest yet" in page.text
    assert "No one to draw yet" in web.get("/map").text


def _crosses(a: tuple[float, float], b: tuple[float, float], box: tuple[float, ...]) -> bool:
    """Whether the segment a-b passes through the inside of box (left, top, right, bottom)."""
    (x1, y1), (x2, y2) = a, b
    left, top, right, bottom = (box[0] + 0.5, box[1] + 0.5, box[2] - 0.5, box[3] - 0.5)
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-(x2 - x1), x1 - left),
        (x2 - x1, right - x1),
        (-(y2 - y1), y1 - top),
        (y2 - y1, bottom - y1),
    ):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t0 < t1


def _check_drawing(drawing: MapDrawing) -> None:
    boxes = {n.person_id: n.box for n in drawing.nodes}
    for n in drawing.nodes:  # inside the picture, right of the layer names
        left, top, right, bottom = n.box
        assert left >= GUTTER and right <= drawing.width and top >= 0 and bottom <= drawing.height
    ordered = sorted(drawing.nodes, key=lambda n: (n.y, n.x))
    for a, b in itertools.pairwise(ordered):  # no two names overlap
        if a.y == b.y:
            assert a.box[2] <= b.box[0], (a.name, b.name)
    for e in drawing.edges:
        for start, end in zip(e.points, e.points[1:], strict=False):
            for pid, box in boxes.items():
                if pid not in e.ends:
                    assert not _crosses(start, end, box), (e.ends, pid)
            assert start[0] >= GUTTER  # no line strikes through a layer's name
    for c in drawing.captions:
        assert c.x < GUTTER or c.y < drawing.nodes[0].box[1]


def test_the_map_is_a_layered_drawing_where_no_line_crosses_a_person_or_a_name(
    demo_web: Web, web_db: Workspace
) -> None:
    data = network_map(web_db, today=TODAY, limit=40)
    for top in (8, 40):
        drawing = draw_map(data, top=top)
        assert drawing.suggested == top
        _check_drawing(drawing)
    me = next(n for n in drawing.nodes if n.person_id == ME)
    assert all(n.y >= me.y for n in drawing.nodes)  # you at the top
    depths = {n.name: n.y for n in drawing.nodes}
    assert depths["Tom Becker"] < depths["Nora Kim"]  # two steps away: one layer further down
    # The best suggestion without a warm path is on the top row, beside you, not at the bottom.
    lone = [n for n in drawing.nodes if not n.reached]
    assert lone and all(n.y == me.y and n.x > me.x for n in lone)
    assert any(len(e.points) > 2 for e in drawing.edges) or max(depths.values()) > me.y


def test_the_api_gives_suggestions_and_paths_in_the_cli_shapes(
    demo_web: Web, web_db: Workspace
) -> None:
    body = demo_web.get(f"/api/suggestions?limit=5&{AS_OF}").json()
    result = suggest_service.suggest_people(web_db, today=TODAY, limit=5)
    assert body == {
        "people": result.people,
        "considered": result.considered,
        "linked": True,
        "suggestions": [suggestion_json(i, s) for i, s in enumerate(result.suggestions, 1)],
    }
    assert all(len(s["reasons"]) >= 2 for s in body["suggestions"])
    nora = _id(web_db, "Nora Kim")
    paths = demo_web.get(f"/api/people/{nora}/paths").json()
    assert paths["person"] == {"id": nora, "name": "Nora Kim"}
    assert paths["direct"] is None
    assert [h["name"] for h in paths["paths"][0]["hops"]] == ["Tom Becker", "Nora Kim"]
    missing = demo_web.get("/api/people/99999/paths")
    assert missing.status_code == 404
    assert missing.json()["error"] == "no person with id 99999"


def test_a_write_shows_on_the_next_page_though_the_ranking_is_kept(
    demo_web: Web, web_db: Workspace
) -> None:
    count = re.compile(r"Scored \d+ of the (\d+) people you know of")
    page = demo_web.get(f"/suggestions?{AS_OF}").text
    known = int(count.search(page).group(1))  # type: ignore[union-attr]
    assert ">Tom Becker</a></h3>" in page
    assert demo_web.get(f"/suggestions?{AS_OF}").text == page  # the kept ranking, same page
    added = demo_web.submit(
        "/people/new", {"name": "Rosa Diaz", "title": "Director of Product"}, page="/people/new"
    )
    assert added.status_code == 303
    page = demo_web.get(f"/suggestions?{AS_OF}").text
    assert int(count.search(page).group(1)) == known + 1  # type: ignore[union-attr]
    tom_id = _id(web_db, "Tom Becker")
    assert f"/suggestions/paths/{tom_id}?" in page
    deleted = demo_web.submit(f"/people/{tom_id}/delete", {}, page=f"/people/{tom_id}")
    assert deleted.status_code == 303
    # Tom is no longer one of your people: every page ranks him as a member of the org chart.
    gone = re.compile(rf'/(suggestions/paths|people)/{tom_id}["?]')
    for path in ("/", "/plans", "/suggestions"):
        page = demo_web.get(f"{path}?{AS_OF}").text
        assert not gone.search(page), path
    assert re.search(r'/people/m/[^"]+">Tom Becker</a> <span class="tag"', page)
