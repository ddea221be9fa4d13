"""The PDFs on the web: the career-plan report from the vision page and a meeting's brief
from the meeting page, downloaded as a user's browser would, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.web.conftest import AS_OF, Web


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "download.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def test_the_vision_page_offers_the_report_and_it_downloads(demo_web: Web, tmp_path: Path) -> None:
    page = demo_web.get(f"/vision?{AS_OF}")
    assert 'action="/report.pdf"' in page.text and 'name="private"' in page.text
    assert 'name="as_of" value="2026-11-22"' in page.text  # the date the page was seen as of
    response = demo_web.get(f"/report.pdf?{AS_OF}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="career-plan-2026-11-22.pdf"' in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"
    text = _text(response.content, tmp_path)
    assert "Maya Chen’s career plan" in text and "Sofia Rossi" in text
    private = demo_web.get(f"/report.pdf?{AS_OF}&private=true")
    assert "Sofia Rossi" not in _text(private.content, tmp_path)


def test_the_plans_page_offers_the_report_of_every_plan_and_one_plan_downloads(
    demo_web: Web, tmp_path: Path
) -> None:
    page = demo_web.get(f"/plans?{AS_OF}")
    assert 'href="/report.pdf?as_of=2026-11-22"' in page.text
    one = demo_web.get(f"/report.pdf?{AS_OF}&plan=wild%20card")
    text = _text(one.content, tmp_path)
    assert "wild card" in text and "Main plan" not in text


def test_an_unknown_plan_is_a_clear_page_not_a_pdf(demo_web: Web) -> None:
    response = demo_web.get(f"/report.pdf?{AS_OF}&plan=wild")
    assert response.status_code == 404
    assert "no plan named" in response.text and "%PDF" not in response.text


def test_the_meeting_page_offers_its_brief(demo_web: Web, tmp_path: Path) -> None:
    page = demo_web.get(f"/meetings/4?{AS_OF}")
    link = re.search(r'href="(/meetings/4/brief\.pdf[^"]*)"', page.text)
    assert link, "no brief link on the meeting page"
    response = demo_web.get(link.group(1).replace("&amp;", "&"))
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert "minutes with" in _text(response.content, tmp_path)
    assert demo_web.get("/meetings/999/brief.pdf").status_code == 404
