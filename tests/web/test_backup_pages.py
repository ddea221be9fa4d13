"""Backup and restore on the Settings page: the download is the CLI's archive, an upload is
restored into a new workspace beside the current one, and every refusal writes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store.models import Person
from nextmove.store.models import Workspace as WorkspaceRow
from tests.services.test_backup_directory import with_chart
from tests.web import test_server_mode as server
from tests.web.conftest import BASE, Web

SAME_SITE = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
# Server mode's fixtures (accounts signed in through real pages), shared with its own tests.
server_db = server.server_db
make_browser = server.make_browser
people = server.people


def people_per_workspace(ws: Workspace) -> dict[str, int]:
    with ws.db.session(all_workspaces=True) as s:
        names = dict(s.execute(select(WorkspaceRow.id, WorkspaceRow.name)).all())
        counts = dict(
            s.execute(select(Person.workspace_id, func.count()).group_by(Person.workspace_id)).all()
        )
    return {name: counts.get(i, 0) for i, name in names.items()}


def restore(web: Web, data: bytes, name: str, filename: str = "b.zip", **fields: str):  # type: ignore[no-untyped-def]
    token = web.token("/settings")
    return web.client.post(
        "/settings/restore",
        data={"csrf_token": token, "workspace": name, **fields},
        files={"file": (filename, data, "application/zip")},
        headers=SAME_SITE,
        follow_redirects=False,
    )


def test_download_then_restore_beside_the_original(demo_web: Web, web_db: Workspace) -> None:
    page = demo_web.get("/settings")
    assert "Download a backup" in page.text and "Restore a backup" in page.text

    download = demo_web.get("/settings/backup")
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    assert 'attachment; filename="nextmove-default-' in download.headers["content-disposition"]
    assert download.headers["cache-control"] == "no-store"
    with zipfile.ZipFile(io.BytesIO(download.content)) as z:
        assert "manifest.json" in z.namelist()
        # Local mode: the demo's org chart goes with it, whole, with its history.
        assert "charts/1/members.jsonl" in z.namelist()

    answer = restore(demo_web, download.content, "copy")
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"].startswith("/settings?restored=copy&people=337")
    assert people_per_workspace(web_db) == {"default": 337, "copy": 337}
    shown = demo_web.get(answer.headers["location"]).text
    assert "restored into the new workspace <strong>copy</strong> (337 people)" in shown
    assert "Switch to copy" in shown
    switched = demo_web.submit(
        "/workspace/switch", {"workspace": "copy", "next": "/"}, page="/settings"
    )
    assert switched.status_code == 303
    assert "Workspace <strong>copy</strong>" in demo_web.get("/settings").text

    again = restore(demo_web, download.content, "copy")
    assert again.status_code == 400
    assert "a workspace named &#39;copy&#39; exists already" in again.text
    assert people_per_workspace(web_db) == {"default": 337, "copy": 337}


def test_a_damaged_upload_is_a_message_and_nothing_written(
    demo_web: Web, web_db: Workspace
) -> None:
    data = demo_web.get("/settings/backup").content
    answer = restore(demo_web, data[: len(data) // 2], "copy", filename="my-backup.zip")
    assert answer.status_code == 400
    assert "Not restored: 1 problem" in answer.text
    assert "my-backup.zip: is corrupt or truncated" in answer.text
    assert people_per_workspace(web_db) == {"default": 337}


def test_restore_without_the_form_token_is_refused(demo_web: Web, web_db: Workspace) -> None:
    data = demo_web.get("/settings/backup").content
    answer = demo_web.client.post(
        "/settings/restore",
        data={"workspace": "copy"},
        files={"file": ("b.zip", data, "application/zip")},
        headers=SAME_SITE,
    )
    assert answer.status_code == 403
    assert people_per_workspace(web_db) == {"default": 337}


def test_restore_needs_a_file_and_a_valid_name(demo_web: Web, web_db: Workspace) -> None:
    token = demo_web.token("/settings")
    answer = demo_web.client.post(
        "/settings/restore",
        data={"csrf_token": token, "workspace": ""},
        headers=SAME_SITE,
    )
    assert answer.status_code == 400
    assert "Choose the backup file" in answer.text and "Name the new workspace" in answer.text
    data = demo_web.get("/settings/backup").content
    answer = restore(demo_web, data, "../evil")
    assert answer.status_code == 400
    assert "is not a valid workspace name" in answer.text
    assert people_per_workspace(web_db) == {"default": 337}


def test_an_upload_over_the_limit_is_refused(small_limit_web: Web, web_db: Workspace) -> None:
    answer = restore(small_limit_web, b"PK\x03\x04" + b"x" * 20_000, "copy")
    assert answer.status_code == 413
    assert people_per_workspace(web_db) == {"default": 0}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_encrypted_download_and_restore(demo_web: Web, web_db: Workspace) -> None:
    token = demo_web.token("/settings")
    differ = demo_web.client.post(
        "/settings/backup",
        data={"csrf_token": token, "passphrase": "one", "passphrase_again": "two"},
        headers=SAME_SITE,
    )
    assert differ.status_code == 400
    assert "The two passphrases differ" in differ.text

    download = demo_web.client.post(
        "/settings/backup",
        data={"csrf_token": token, "passphrase": "tea time", "passphrase_again": "tea time"},
        headers=SAME_SITE,
    )
    assert download.status_code == 200
    assert download.content.startswith(b"age-encryption.org/v1\n")
    assert download.headers["content-disposition"].endswith('.zip.age"')

    wrong = restore(demo_web, download.content, "copy", "b.zip.age", passphrase="coffee")
    assert wrong.status_code == 400
    assert "cannot be decrypted" in wrong.text
    right = restore(demo_web, download.content, "copy", "b.zip.age", passphrase="tea time")
    assert right.status_code == 303
    assert people_per_workspace(web_db) == {"default": 337, "copy": 337}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_server_mode_backs_up_your_own_workspace_and_offers_no_restore(  # type: ignore[no-untyped-def]
    make_browser, people, server_db, tmp_path
) -> None:
    with server_db.session() as s:
        own_name = s.get(WorkspaceRow, people["ann"].workspace_id).name
    with_chart(open_workspace(server_db, own_name), tmp_path)
    ann = make_browser()
    assert ann.sign_in("ann@example.org").status_code == 303
    page = ann.client.get("/settings").text
    assert "Download a backup" in page and "Restore a backup" not in page
    download = ann.client.get("/settings/backup")
    assert download.status_code == 200
    with zipfile.ZipFile(io.BytesIO(download.content)) as z:
        manifest = json.loads(z.read("manifest.json"))
        # On a server the chart is the organization's: only the members Ann's people are
        # linked to go with her backup, not the whole chart.
        assert not [n for n in z.namelist() if n.startswith("charts/")]
        (org,) = json.loads(z.read("directory.json"))["organizations"]
        assert org["members"] and org["chart"] is None
    with server_db.session() as s:
        own = s.get(WorkspaceRow, people["ann"].workspace_id)
        assert own is not None and manifest["workspace"]["name"] == own.name
    refused = ann.post_form("/settings/restore", {"workspace": "mine"})
    assert refused.status_code == 403


def test_a_restore_says_what_became_of_the_links_to_the_organization_directory(
    web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    with_chart(web_db, tmp_path)  # three people linked to Acme's chart
    download = web.get("/settings/backup")
    with zipfile.ZipFile(io.BytesIO(download.content)) as z:
        (org,) = json.loads(z.read("directory.json"))["organizations"]
    assert org["members"]
    answer = restore(web, download.content, "copy")
    assert answer.status_code == 303, answer.text
    assert "orgs_relinked=1&orgs_added=0&orgs_charts=0" in answer.headers["location"]
    shown = web.get(answer.headers["location"]).text
    assert "1 organization already here, re-linked by employee id." in shown
    bogus = web.get("/settings?restored=copy&orgs_relinked=x&orgs_added=1&orgs_charts=0").text
    assert "organization directory" not in bogus
    # Restored into a database without the organizations (as another database would say it).
    moved = web.get("/settings?restored=copy&orgs_relinked=0&orgs_added=2&orgs_charts=1").text
    assert (
        "Their links to the organization directory: 1 organization added from the backup "
        "with its whole chart; 1 organization added from the backup with the members your "
        "people are linked to." in moved
    )
