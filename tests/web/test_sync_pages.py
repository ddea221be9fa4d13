"""The Settings page's address-book sync section against a real Radicale: add (checked
first), sync now, conflicts shown, remove; errors shown on the page with nothing saved."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from nextmove.services.carddav import CardDAVStorage
from nextmove.services.sync_accounts import list_accounts
from nextmove.services.workspace import Workspace
from tests.dav_servers import DavServer, start_radicale
from tests.web.conftest import Web

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CARD = (
    "BEGIN:VCARD\nVERSION:3.0\nUID:eve-1\nFN:Eve Moreau\nN:Moreau;Eve;;;\nORG:Umbrella\n"
    "TITLE:CFO\nEMAIL:eve@umbrella.example\nEND:VCARD\n"
)


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DavServer]:
    server = start_radicale(tmp_path_factory.mktemp("radicale"))
    yield server
    server.stop()


def test_add_sync_and_remove_from_the_settings_page(
    web: Web, web_db: Workspace, radicale: DavServer
) -> None:
    book = radicale.make_collection()
    with CardDAVStorage(book, username=radicale.user, password=radicale.password) as phone:
        phone.create("eve.vcf", CARD)
    page = web.get("/settings")
    assert "Address book sync" in page.text and "No address book yet." in page.text

    response = web.submit(
        "/settings/sync",
        {"name": "phone", "carddav": book, "user": radicale.user, "password": radicale.password},
        page="/settings",
    )
    assert response.status_code == 303, response.text
    page = web.get(response.headers["location"])
    assert "Added phone" in page.text and book in page.text
    assert radicale.password not in page.text

    response = web.submit("/settings/sync/phone/run", {}, page="/settings")
    assert response.status_code == 303
    page = web.get(response.headers["location"])
    assert "Synced: in nextmove 1 new" in page.text
    assert "Eve Moreau" in web.get("/people").text

    assert "Mark these as seen" not in page.text  # no conflict yet
    response = web.submit("/settings/sync/phone/dismiss", {}, page="/settings")
    assert response.status_code == 303
    assert "marked as seen" in web.get(response.headers["location"]).text

    response = web.submit("/settings/sync/phone/remove", {}, page="/settings")
    assert response.status_code == 303
    assert "No address book yet." in web.get("/settings").text
    assert list_accounts(web_db) == []


def test_a_wrong_password_is_shown_on_the_form_and_nothing_is_saved(
    web: Web, web_db: Workspace, radicale: DavServer
) -> None:
    book = radicale.make_collection()
    response = web.submit(
        "/settings/sync",
        {"name": "phone", "carddav": book, "user": radicale.user, "password": "wrong"},
        page="/settings",
    )
    assert response.status_code == 400
    assert "refused the user name or password" in response.text
    assert 'value="phone"' in response.text  # what was typed stays, except the password
    assert 'value="wrong"' not in response.text
    assert list_accounts(web_db) == []


def test_a_sync_that_fails_says_why_on_the_page(
    web: Web, web_db: Workspace, radicale: DavServer
) -> None:
    book = radicale.make_collection()
    web.submit(
        "/settings/sync",
        {"name": "phone", "carddav": book, "user": radicale.user, "password": radicale.password},
        page="/settings",
    )
    # The account's address book is deleted on the server: the sync cannot list it.
    httpx.request("DELETE", book, auth=radicale.auth())
    response = web.submit("/settings/sync/phone/run", {}, page="/settings")
    assert response.status_code == 400
    assert "HTTP 404" in response.text or "answered HTTP" in response.text
