"""A person's right of access on the web: the person page's download and the API route give
everything nextmove holds about them, the same document as `nextmove people export`; and
deleting someone on the web forgets what the server holds in memory about them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import Web
from tests.web.test_import_pages import SAME_SITE, VCARDS, import_and_wait


def test_the_person_page_offers_everything_about_them_as_a_download(
    demo_web: Web, web_db: Workspace
) -> None:
    ana = people_service.resolve(web_db, "Ana Ruiz")
    page = demo_web.get(f"/people/{ana}").text
    assert f'href="/people/{ana}/export.json" download' in page
    assert (
        f'href="/people/{ana}/export.json" download' in demo_web.get(f"/people/{ana}/delete").text
    )
    download = demo_web.get(f"/people/{ana}/export.json")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("application/json")
    assert download.headers["content-disposition"] == (
        f'attachment; filename="nextmove-person-{ana}.json"'
    )
    data = json.loads(download.content)
    assert data["format"] == "nextmove-person-export"
    assert data["person"]["name"] == "Ana Ruiz"
    assert data["meetings"] and data["meetings"][0]["person"]["name"] == "Ana Ruiz"
    # Who she referred in her meeting, and the API gives the same document.
    assert [r["person"]["name"] for r in data["meetings"][0]["referrals"]] == ["Maria Lopez"]
    api = demo_web.get(f"/api/people/{ana}/export").json()
    assert {k: v for k, v in api.items() if k != "exported_at"} == {
        k: v for k, v in data.items() if k != "exported_at"
    }


def test_the_export_of_someone_unknown_is_not_found(web: Web) -> None:
    assert web.get("/people/999/export.json").status_code == 404
    missing = web.get("/api/people/999/export")
    assert missing.status_code == 404 and "999" in missing.json()["error"]


@pytest.mark.parametrize("how", ["page", "api"])
def test_deleting_someone_drops_the_import_reports_kept_in_memory(
    web: Web, web_db: Workspace, uploads: Path, how: str
) -> None:
    """A finished import's report (its page, its status, `GET /api/imports/{id}`) names the
    people it read; after a deletion the server no longer holds it."""
    job_url, page = import_and_wait(web, VCARDS, "vcard")
    assert "gmail-list.vcf" in page.text
    job_id = job_url.rsplit("/", 1)[-1].split("?")[0]
    assert web.get(f"/api/imports/{job_id}").status_code == 200
    chris = people_service.resolve(web_db, "Chris Beatle")
    if how == "page":
        response = web.submit(f"/people/{chris}/delete", {}, page=f"/people/{chris}/delete")
        assert response.status_code == 303
    else:
        response = web.client.delete(f"/api/people/{chris}", headers=SAME_SITE)
        assert response.status_code == 200
        assert response.json()["id"] == chris
    assert web.get(job_url).status_code == 404
    assert web.get(f"/api/imports/{job_id}").status_code == 404


@pytest.mark.parametrize("how", ["page", "api"])
def test_the_delete_confirmation_and_the_api_say_which_texts_are_rewritten(
    demo_web: Web, web_db: Workspace, how: str
) -> None:
    """Priya Nayak referred the user to an opportunity whose notes say "Priya (a former
    colleague) referred me": the confirmation page says that text will be rewritten, the
    API's answer says it was, and the opportunity no longer names her."""
    priya = people_service.resolve(web_db, "Priya Nayak")
    page = demo_web.get(f"/people/{priya}/delete").text
    assert "1 text in 1 opportunity" in page
    assert people_service.resolve(web_db, "Priya Nayak") == priya  # the preview changed nothing
    if how == "page":
        done = demo_web.submit(f"/people/{priya}/delete", {}, page=f"/people/{priya}/delete")
        assert done.status_code == 303
        listing = demo_web.get(done.headers["location"]).text
        assert "1 other text that named them now says “a deleted contact”" in listing
        assert "a deleted contact (a former colleague) referred me" in (
            demo_web.get("/api/opportunities").text
        )
        return
    response = demo_web.client.delete(f"/api/people/{priya}", headers=SAME_SITE)
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == priya
    assert {"what": "opportunities", "records": 1, "texts": 1} in body["rewritten"]
    assert body["rewritten_texts"] == sum(item["texts"] for item in body["rewritten"])
    opportunities = demo_web.get("/api/opportunities").text
    assert "a deleted contact (a former colleague) referred me" in opportunities
    assert "Priya" not in opportunities
