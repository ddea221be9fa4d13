"""The import page: upload a file, follow the import, read its report — on both backends, with
real exports (tests/formats/fixtures)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from nextmove.services import imports as import_service
from nextmove.services import people
from nextmove.services.workspace import Workspace
from nextmove.store import directory
from tests.web.conftest import BASE, Web

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures"
VCARDS = FIXTURES / "vcard" / "gmail-list.vcf"  # Arnold Smith, Chris Beatle, Doug White
BAD_DATE = FIXTURES / "linkedin" / "bad-date.csv"  # line 6 has no date
SAME_SITE = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def upload(web: Web, path: Path, kind: str, **fields: str) -> Any:
    return web.submit(
        "/import",
        {"kind": kind, **fields},
        page="/import",
        files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
    )


def finished(web: Web, job_url: str) -> dict[str, Any]:
    """Poll the job's status until the import has finished (bounded)."""
    for _ in range(3000):
        status: dict[str, Any] = web.get(job_url + "/status").json()
        if status["finished"]:
            return status
        time.sleep(0.01)
    raise AssertionError(f"the import at {job_url} did not finish")


def import_and_wait(web: Web, path: Path, kind: str, **fields: str) -> tuple[str, Any]:
    response = upload(web, path, kind, **fields)
    assert response.status_code == 303, response.text
    job_url = response.headers["location"]
    assert job_url.startswith("/import/jobs/")
    finished(web, job_url)
    return job_url, web.get(job_url)


def names(db: Workspace) -> list[str]:
    lines, _ = people.list_people(db, limit=None)
    return sorted(p.name for p in lines)


def test_the_import_page_offers_every_kind_with_where_to_get_the_file(web: Web) -> None:
    page = web.get("/import")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text
    assert 'name="csrf_token"' in page.text
    for label in ("LinkedIn", "vCards", "Google Contacts", "org chart", "calendar"):
        assert label in page.text
    assert "Get a copy of your data" in page.text
    assert 'type="file"' in page.text and 'accept="' in page.text
    assert "dry run" in page.text and "partial" in page.text
    assert "Nothing imported yet." in page.text


def test_uploading_vcards_imports_the_people_and_shows_the_report(
    web: Web, web_db: Workspace, uploads: Path
) -> None:
    job_url, page = import_and_wait(web, VCARDS, "vcard")
    assert page.status_code == 200
    assert "Imported gmail-list.vcf" in page.text
    assert "<dt>Created</dt><dd>3</dd>" in page.text
    assert 'href="/people"' in page.text
    assert names(web_db) == ["Arnold Smith", "Chris Beatle", "Doug White"]
    status = web.get(job_url + "/status").json()
    assert status["state"] == "done" and status["report"]["created"] == 3
    # The upload was deleted; the import is listed under recent imports by its own name.
    assert list(uploads.iterdir()) == []
    assert "gmail-list.vcf" in web.get("/import").text


def test_a_dry_run_shows_what_would_happen_and_writes_nothing(
    web: Web, web_db: Workspace, uploads: Path
) -> None:
    _, page = import_and_wait(web, VCARDS, "vcard", dry_run="on")
    assert "Dry run: nothing was written." in page.text
    assert "Would import 3 records" in page.text
    assert names(web_db) == []
    assert import_service.recent_imports(web_db) == []
    assert list(uploads.iterdir()) == []


def test_a_broken_file_shows_the_importers_message_and_writes_nothing(
    web: Web, web_db: Workspace, uploads: Path
) -> None:
    job_url, page = import_and_wait(web, FIXTURES / "bad" / "truncated.vcf", "vcard")
    assert page.status_code == 400
    assert "Nothing was imported" in page.text
    assert "truncated.vcf: truncated vCard: card 2 starting at line 6" in page.text
    assert "Traceback" not in page.text
    assert web.get(job_url + "/status").json()["state"] == "refused"
    assert names(web_db) == []
    assert list(uploads.iterdir()) == []


def test_a_row_with_a_problem_names_its_line_and_nothing_is_imported(
    web: Web, web_db: Workspace
) -> None:
    _, page = import_and_wait(web, BAD_DATE, "linkedin")
    assert page.status_code == 400
    assert "Nothing was imported" in page.text
    assert "<strong>line 6</strong>: Connected On: &#39;sometime last year&#39; is not a date" in (
        page.text
    )
    assert "Import the good rows and list the problems" in page.text  # what to do instead
    assert names(web_db) == []


def test_partial_imports_the_good_rows_and_lists_the_problems(web: Web, web_db: Workspace) -> None:
    _, page = import_and_wait(web, BAD_DATE, "linkedin", partial="on")
    assert page.status_code == 200
    assert "<dt>Created</dt><dd>1</dd>" in page.text
    assert "1 problem: these rows were left out" in page.text
    assert "<strong>line 6</strong>" in page.text
    assert names(web_db) == ["Tariq Patel"]


def test_an_org_chart_with_its_organization_and_column_names_is_imported(
    web: Web, web_db: Workspace
) -> None:
    _, page = import_and_wait(
        web,
        FIXTURES / "orgchart" / "renamed-columns.csv",
        "orgchart",
        organization="Acme",
        column_map="employee_id=EmpNo\nname=Full Name\ntitle=Job, manager_id=Boss\n"
        "department=Org Unit\ncity=Office\nemail=Work Email",
        me="A-3",
    )
    assert page.status_code == 200, page.text
    assert "<dt>Created</dt><dd>3</dd>" in page.text
    with web_db.session() as session:
        (org,) = directory.organizations_of(session, web_db.id)
        assert sorted(m.name for m in directory.members(session, org.id)) == [
            "Ada Root", "Bea Branch", "Cal Leaf",
        ]  # fmt: skip
    # The chart is in the directory; you (--me) are the one person made from it. The people
    # list shows the other members beside you, marked as org-chart members (id 0).
    lines, _ = people.list_people(web_db, limit=None)
    assert sorted(p.name for p in lines if p.id) == ["Cal Leaf"]
    assert len(lines) == 3
    assert "renamed-columns.csv" in web.get("/import").text
    assert "Acme" in web.get("/import").text


def test_a_column_mapping_that_names_no_field_is_shown_next_to_it(web: Web) -> None:
    response = upload(
        web, FIXTURES / "orgchart" / "renamed-columns.csv", "orgchart", column_map="boss=Boss"
    )
    assert response.status_code == 400
    assert "unknown field &#39;boss&#39;" in response.text
    assert 'aria-invalid="true"' in response.text
    assert 'href="#f-column-map"' in response.text


def test_the_form_without_a_kind_or_a_file_says_what_is_missing(web: Web) -> None:
    response = web.submit("/import", {}, page="/import")
    assert response.status_code == 400
    assert "Choose what kind of file this is." in response.text
    assert "Choose the file to import." in response.text


def test_a_post_without_the_security_token_is_refused(web: Web, web_db: Workspace) -> None:
    response = web.client.post(
        "/import",
        data={"kind": "vcard"},
        files={"file": (VCARDS.name, VCARDS.read_bytes(), "text/vcard")},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert names(web_db) == []


def test_an_upload_over_the_limit_gets_413_and_a_page_that_says_what_to_do(
    small_limit_web: Web, web_db: Workspace, uploads: Path
) -> None:
    big = b"BEGIN:VCARD\nVERSION:3.0\nFN:Someone\nEND:VCARD\n" * 400  # 18 kB > 10 kB
    response = small_limit_web.submit(
        "/import", {"kind": "vcard"}, page="/import", files={"file": ("big.vcf", big, "text/vcard")}
    )
    assert response.status_code == 413
    assert "larger than the limit of 0.01 MB" in response.text
    assert "Upload a smaller file, or raise" in response.text
    assert names(web_db) == []
    assert list(uploads.iterdir()) == []


def test_the_status_reports_progress_then_completion(web: Web) -> None:
    response = upload(web, VCARDS, "vcard")
    job_url = response.headers["location"]
    first = web.get(job_url + "/status").json()
    assert first["kind"] == "vcard" and first["file"] == "gmail-list.vcf"
    assert first["state"] in ("waiting", "running", "done")
    assert first["done"] <= (first["total"] or first["done"])
    status = finished(web, job_url)
    assert (status["state"], status["done"], status["total"]) == ("done", 3, 3)
    assert status["report"]["created"] == 3 and status["error"] is None


def test_an_import_waits_for_the_one_before_it_and_its_page_refreshes_itself(
    web: Web, web_db: Workspace
) -> None:
    jobs = web.client.app.state.import_jobs  # type: ignore[attr-defined]
    with jobs.one_at_a_time:  # as while another import is writing
        job_url = upload(web, VCARDS, "vcard").headers["location"]
        page = web.get(job_url)
        assert page.status_code == 200
        assert "Importing gmail-list.vcf" in page.text
        assert "Waiting for the import before it to finish" in page.text
        assert '<noscript><meta http-equiv="refresh" content="1"></noscript>' in page.text
        assert "<progress" in page.text
        assert web.get(job_url + "/status").json()["state"] == "waiting"
        assert names(web_db) == []
    assert finished(web, job_url)["state"] == "done"
    page = web.get(job_url)
    assert 'http-equiv="refresh"' not in page.text and "<progress" not in page.text
    assert names(web_db) == ["Arnold Smith", "Chris Beatle", "Doug White"]


def test_an_unknown_import_is_not_found(web: Web) -> None:
    assert web.get("/import/jobs/0123456789abcdef").status_code == 404
    assert web.get("/import/jobs/nope/status").status_code == 404


def test_a_newer_linkedin_export_lists_who_changed_jobs(web: Web) -> None:
    import_and_wait(
        web, FIXTURES / "linkedin" / "current-export-with-notes-preamble.csv", "linkedin"
    )
    _, page = import_and_wait(
        web, FIXTURES / "linkedin" / "newer-export-with-job-changes.csv", "linkedin"
    )
    assert "2 changed jobs — a reason to reconnect" in page.text
    assert (
        "Ana Okafor</a>: Senior Product Manager at Northwind Health → Director of Product at "
        "Lumen Analytics"
    ) in page.text


@pytest.mark.parametrize(
    ("path", "kind", "fields"),
    [
        (VCARDS, "vcard", {}),
        (BAD_DATE, "linkedin", {}),
        (BAD_DATE, "linkedin", {"partial": "on", "dry_run": "on"}),
    ],
)
def test_the_job_page_has_one_h1_ordered_headings_and_labelled_controls(
    web: Web, path: Path, kind: str, fields: dict[str, str]
) -> None:
    from tests.web.test_pages import _Audit

    _, page = import_and_wait(web, path, kind, **fields)
    audit = _Audit()
    audit.feed(page.text)
    assert audit.skip_link and audit.headings.count(1) == 1 and audit.headings[0] == 1
    for before, after in zip(audit.headings, audit.headings[1:], strict=False):
        assert after <= before + 1
    assert [c for c in audit.controls if c.get("id") not in audit.label_for] == []


def test_the_last_twenty_imports_are_kept(web: Web) -> None:
    first, _ = import_and_wait(web, VCARDS, "vcard", dry_run="on")
    later = [import_and_wait(web, VCARDS, "vcard", dry_run="on")[0] for _ in range(20)]
    assert web.get(first).status_code == 404
    assert all(web.get(url + "/status").status_code == 200 for url in later)
