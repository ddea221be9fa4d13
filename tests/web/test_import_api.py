"""/api/imports: a file's bytes in, the import's report out (as `nextmove import … --json`),
on both backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from nextmove.services import people
from nextmove.services.workspace import Workspace
from nextmove.store import directory
from nextmove.store.models import Person
from tests.web.conftest import BASE, Web
from tests.web.test_import_pages import BAD_DATE, FIXTURES, VCARDS, finished, upload

SAME_SITE = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
OCTETS = {**SAME_SITE, "Content-Type": "application/octet-stream"}


def post(web: Web, path: Path, **params: Any) -> Any:
    return web.client.post(
        "/api/imports",
        params={"filename": path.name, **params},
        content=path.read_bytes(),
        headers=OCTETS,
    )


def count_people(db: Workspace) -> int:
    return people.list_people(db, limit=1)[1]


def test_posting_vcards_imports_them_and_answers_with_the_report(
    web: Web, web_db: Workspace, uploads: Path
) -> None:
    response = post(web, VCARDS, kind="vcard")
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["kind"], report["source"], report["created"]) == ("vcard", "gmail-list.vcf", 3)
    assert report["dry_run"] is False and report["import_id"] is not None
    assert count_people(web_db) == 3
    assert list(uploads.iterdir()) == []
    again = post(web, VCARDS, kind="vcard").json()
    assert (again["created"], again["unchanged"]) == (0, 3)


def test_a_dry_run_reports_and_writes_nothing(web: Web, web_db: Workspace) -> None:
    report = post(web, VCARDS, kind="vcard", dry_run="true").json()
    assert report["created"] == 3 and report["dry_run"] is True and report["import_id"] is None
    assert count_people(web_db) == 0


def test_a_refused_file_is_400_with_every_problem_and_nothing_is_written(
    web: Web, web_db: Workspace, uploads: Path
) -> None:
    response = post(web, BAD_DATE, kind="linkedin")
    assert response.status_code == 400
    body = response.json()
    assert body["error"].startswith("bad-date.csv: 1 problem")
    assert body["problems"] == [
        {"field": "line 6", "message": "Connected On: 'sometime last year' is not a date"}
    ]
    assert "partial" in body["hint"]
    assert count_people(web_db) == 0
    assert list(uploads.iterdir()) == []


def test_a_file_that_is_not_what_it_says_is_400_naming_it(web: Web) -> None:
    response = post(web, FIXTURES / "bad" / "not-a-vcard.vcf", kind="vcard")
    assert response.status_code == 400
    assert response.json()["error"].startswith("not-a-vcard.vcf: not a vCard file")


def test_partial_imports_the_good_rows_and_lists_the_problems(web: Web, web_db: Workspace) -> None:
    report = post(web, BAD_DATE, kind="linkedin", partial="true").json()
    assert report["created"] == 1
    assert report["problems"] == [
        {"where": "line 6", "message": "Connected On: 'sometime last year' is not a date"}
    ]
    assert count_people(web_db) == 1


def test_an_org_chart_with_its_options(web: Web, web_db: Workspace) -> None:
    report = post(
        web,
        FIXTURES / "orgchart" / "renamed-columns.csv",
        kind="orgchart",
        organization="Acme",
        map=[
            "employee_id=EmpNo",
            "name=Full Name",
            "title=Job",
            "manager_id=Boss",
            "department=Org Unit",
            "city=Office",
            "email=Work Email",
        ],
    ).json()
    assert report["created"] == 3, report
    # The chart goes into the directory: nobody becomes one of your people by being on it,
    # and the people list shows its members, marked as org-chart members.
    with web_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
    found = people.list_people(web_db, limit=10)[0]
    assert len(found) == 3 and all(p.id == 0 for p in found)
    with web_db.session() as session:
        (org,) = directory.organizations_of(session, web_db.id)
        assert org.members == 3 and org.name == "Acme"


def test_the_upload_must_be_octet_stream_and_from_this_app(web: Web, web_db: Workspace) -> None:
    body = VCARDS.read_bytes()
    for headers in (
        {**SAME_SITE, "Content-Type": "application/json"},
        {**SAME_SITE, "Content-Type": "text/plain"},
        {**OCTETS, "Sec-Fetch-Site": "cross-site"},
    ):
        response = web.client.post("/api/imports?kind=vcard", content=body, headers=headers)
        assert response.status_code == 403, headers
        assert response.json()["error"]
    assert count_people(web_db) == 0


def test_other_api_bodies_are_still_json_only(web: Web) -> None:
    response = web.client.post(
        "/api/journal/entries", content=b'{"activity": "x", "energy": 1}', headers=OCTETS
    )
    assert response.status_code == 403


def test_an_empty_body_is_400(web: Web) -> None:
    response = web.client.post("/api/imports?kind=vcard", content=b"", headers=OCTETS)
    assert response.status_code == 400
    assert "no body" in response.json()["error"]


def test_an_upload_over_the_limit_is_413(small_limit_web: Web, web_db: Workspace) -> None:
    big = b"BEGIN:VCARD\nVERSION:3.0\nFN:Someone\nEND:VCARD\n" * 400
    response = small_limit_web.client.post("/api/imports?kind=vcard", content=big, headers=OCTETS)
    assert response.status_code == 413
    assert "upload_limit_mb" in response.json()["hint"]
    assert count_people(web_db) == 0


def test_an_import_started_on_the_page_has_its_status_in_the_api(web: Web) -> None:
    job_url = upload(web, VCARDS, "vcard").headers["location"]
    job_id = job_url.rsplit("/", 1)[1]
    finished(web, job_url)
    status = web.get(f"/api/imports/{job_id}").json()
    assert (status["state"], status["finished"], status["file"]) == ("done", True, "gmail-list.vcf")
    assert status["report"]["created"] == 3
    assert web.get("/api/imports/0123456789abcdef").status_code == 404
