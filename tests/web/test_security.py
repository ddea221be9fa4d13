"""Local safety: DNS rebinding, cross-site requests, CORS and upload size are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import PORT, Web


def _entries(db: Workspace) -> int:
    return len(vision_service.list_journal(db, start=None, end=None))


ENTRY = {"activity": "planning", "energy": "1", "engagement": "3", "date": "2026-11-20"}


@pytest.mark.parametrize("path", ["/", "/vision", "/api/vision", "/static/app.css"])
def test_a_foreign_host_header_is_refused(demo_web: Web, path: str) -> None:
    response = demo_web.client.get(path, headers={"Host": f"attacker.example:{PORT}"})
    assert response.status_code == 400
    assert "Maya" not in response.text
    assert "does not answer to the host name" in response.text


def test_the_right_port_is_part_of_the_host_check(web: Web) -> None:
    assert web.client.get("/", headers={"Host": "127.0.0.1:9999"}).status_code == 400
    assert web.client.get("/", headers={"Host": f"localhost:{PORT}"}).status_code == 200


def test_a_cross_site_post_without_a_token_is_refused_and_changes_nothing(
    web: Web, web_db: Workspace
) -> None:
    response = web.client.post(
        "/journal",
        data=ENTRY,
        headers={"Origin": "http://attacker.example", "Sec-Fetch-Site": "cross-site"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert _entries(web_db) == 0


def test_a_post_without_a_token_is_refused_even_without_browser_headers(
    web: Web, web_db: Workspace
) -> None:
    web.token()  # the browser holds the cookie, but the attacker cannot read it
    response = web.client.post("/journal", data=ENTRY, follow_redirects=False)
    assert response.status_code == 403
    assert "security token is missing or out of date" in response.text
    assert _entries(web_db) == 0


def test_a_forged_token_is_refused(web: Web, web_db: Workspace) -> None:
    forged = "abc.0123456789abcdef"
    web.client.cookies.set(f"nextmove_csrf_{PORT}", forged)
    response = web.client.post(
        "/journal", data={**ENTRY, "csrf_token": forged}, follow_redirects=False
    )
    assert response.status_code == 403
    assert _entries(web_db) == 0


def test_a_valid_token_from_another_site_is_still_refused(web: Web, web_db: Workspace) -> None:
    token = web.token()
    response = web.client.post(
        "/journal",
        data={**ENTRY, "csrf_token": token},
        headers={"Sec-Fetch-Site": "same-site", "Origin": "http://localhost:3000"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert _entries(web_db) == 0


def test_a_same_site_post_with_the_token_works(web: Web, web_db: Workspace) -> None:
    response = web.submit("/journal", ENTRY)
    assert response.status_code == 303
    assert _entries(web_db) == 1


def test_the_api_refuses_cross_site_and_non_json_requests(web: Web, web_db: Workspace) -> None:
    body = {"activity": "planning", "energy": 1}
    cross = web.client.post(
        "/api/journal/entries", json=body, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross.status_code == 403
    foreign = web.client.post(
        "/api/journal/entries", json=body, headers={"Origin": "http://attacker.example"}
    )
    assert foreign.status_code == 403
    form = web.client.post("/api/journal/entries", data={"activity": "planning", "energy": "1"})
    assert form.status_code == 403
    assert form.json()["error"].startswith("the API accepts only JSON")
    deleted = web.client.delete("/api/journal/entries/1", headers={"Sec-Fetch-Site": "cross-site"})
    assert deleted.status_code == 403
    assert _entries(web_db) == 0


def test_no_cors_headers_are_ever_sent(web: Web) -> None:
    response = web.client.get("/api/vision", headers={"Origin": "http://attacker.example"})
    preflight = web.client.options(
        "/api/vision",
        headers={"Origin": "http://attacker.example", "Access-Control-Request-Method": "PUT"},
    )
    for r in (response, preflight):
        assert not any(h.lower().startswith("access-control-") for h in r.headers)


def test_pages_carry_a_content_security_policy(web: Web) -> None:
    headers = web.get("/").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_an_upload_over_the_limit_gets_a_clear_error_page(
    small_limit_web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    big = b"# padding\n" * 2000  # 20 kB > 10 kB
    response = small_limit_web.submit(
        "/vision/import", {}, page="/vision", files={"file": ("vision.toml", big, "text/plain")}
    )
    assert response.status_code == 413
    assert "larger than the limit of 0.01 MB" in response.text
    assert "upload_limit_mb" in response.text


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/opportunities/new", {"title": "Head of X", "source": "recruiter"}),
        ("/opportunities/3/status", {"status": "declined"}),
        ("/opportunities/3/decide", {"choice": "decline", "why": "forged"}),
        ("/opportunities/3/ratings", {"rating[1]": "5"}),
        ("/opportunities/3/delete", {}),
    ],
)
def test_opportunity_forms_refuse_a_cross_site_post_and_change_nothing(
    demo_web: Web, web_db: Workspace, path: str, data: dict[str, str]
) -> None:
    from nextmove.services import opportunities as opp_service

    before = opp_service.list_opportunities(web_db)
    response = demo_web.client.post(
        path,
        data=data,
        headers={"Origin": "http://attacker.example", "Sec-Fetch-Site": "cross-site"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert opp_service.list_opportunities(web_db) == before
