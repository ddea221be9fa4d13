# ruff: noqa: F811  (the fixtures of test_server_mode, imported by name)
"""The internal-mobility program's figures, on both backends: a program admin sees counts
only — employees, how many have a plan, research meetings held per month, moves between the
directory's snapshots — with every group smaller than five hidden; nobody else sees them,
and nothing of a person comes through them, however the request is made."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from nextmove.domain.edits import PersonEdit
from nextmove.services import accounts, coaching, meetings, people, vision
from nextmove.services.directory_import import import_directory
from nextmove.services.program import program_figures
from nextmove.services.workspace import Database, open_workspace
from tests.web.test_server_mode import Browser, make_browser, server_db  # noqa: F401

PASSWORD = "correct horse battery staple"
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
SECRET = "Wants to leave for Globex"


def _account(db: Database, key: str, role: str) -> accounts.AccountInfo:
    return accounts.create_account(
        db, email=f"{key}@example.org", name=key.title(), role=role, password=PASSWORD, now=NOW
    )


def _plan(db: Database, who: accounts.AccountInfo, title: str) -> None:
    ws = open_workspace(db, workspace_id=who.workspace_id)
    vision.save_vision_data(
        ws,
        {"steps": [{"title": title}, {"title": "VP " + title}], "me": {"name": SECRET}},
        source="test",
        now=NOW,
    )


def _held(db: Database, who: accounts.AccountInfo, days: list[date]) -> None:
    ws = open_workspace(db, workspace_id=who.workspace_id)
    for n, day in enumerate(days):
        person = people.add_person(
            ws, PersonEdit(name=f"Dana Secret {n}", notes=SECRET), now=NOW, today=TODAY
        )
        made = meetings.add_meeting(ws, str(person.id), why=SECRET, today=day, now=NOW)
        meetings.advance(ws, made.id, "held", day=day, now=NOW, early=True)


HEADER = "employee_id,name,title,manager_id,department,city,email\n"


def _chart(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def program(server_db: Database, tmp_path: Path) -> dict[str, accounts.AccountInfo]:
    made = {"pat": _account(server_db, "pat", "admin"), "cat": _account(server_db, "cat", "coach")}
    for n in range(7):
        made[f"m{n}"] = _account(server_db, f"m{n}", "member")
    for n in range(6):  # six of seven have a plan
        _plan(server_db, made[f"m{n}"], f"Head of Data {n}")
    # October: five people hold seven meetings (shown); November: two people, three (hidden).
    for n in range(5):
        _held(
            server_db,
            made[f"m{n}"],
            [date(2026, 10, 5 + n)] + ([date(2026, 10, 20)] if n < 2 else []),
        )
    _held(server_db, made["m5"], [date(2026, 11, 2), date(2026, 11, 3)])
    _held(server_db, made["m6"], [date(2026, 11, 4)])
    # The admin imports the organization's chart twice: six move department, two change title.
    admin_ws = open_workspace(server_db, workspace_id=made["pat"].workspace_id)
    week1 = [
        f"{i},Person {i},Engineer,,Engineering,Paris,p{i}@acme.example\n" for i in range(1, 21)
    ]
    week2 = [
        f"{i},Person {i},{'Senior Engineer' if i in (19, 20) else 'Engineer'},,"
        f"{'Product' if i <= 6 else 'Engineering'},Paris,p{i}@acme.example\n"
        for i in range(1, 21)
    ]
    for n, rows in enumerate((week1, week2)):
        import_directory(
            admin_ws,
            _chart(tmp_path, f"acme-{n}.csv", rows),
            organization="Acme",
            column_map=None,
            me=None,
            now=NOW,
            today=date(2026, 10, 1) + timedelta(weeks=n),
        )
    return made


def _signed_in(make_browser, email: str) -> Browser:  # type: ignore[no-untyped-def]
    browser: Browser = make_browser()
    assert browser.sign_in(f"{email}@example.org").status_code == 303
    return browser


def test_the_admin_sees_aggregate_figures_with_small_groups_hidden(  # type: ignore[no-untyped-def]
    make_browser, program
) -> None:
    admin = _signed_in(make_browser, "pat")
    figures = admin.client.get(f"/api/program?as_of={TODAY}").json()
    assert figures["employees"] == 7 and figures["with_plan"] == 6 and figures["min_group"] == 5
    months = {m["month"]: m for m in figures["months"]}
    assert len(months) == 12 and figures["months"][-1]["month"] == "2026-11"
    assert months["2026-10"] == {"month": "2026-10", "research_meetings_held": 7, "people": 5}
    assert months["2026-11"] == {"month": "2026-11", "research_meetings_held": None, "people": None}
    assert months["2026-09"]["research_meetings_held"] == 0
    (first, second) = figures["snapshots"]
    assert (first["number"], first["members"]) == (1, 20)
    assert (second["internal_moves"], second["title_changes"], second["joiners"]) == (6, None, 0)
    page = admin.client.get(f"/program?as_of={TODAY}")
    assert page.status_code == 200
    assert "fewer than 5" in page.text and "Acme #2" in page.text
    # Nothing of anyone's workspace is in what the admin gets.
    for text in (page.text, str(figures)):
        assert SECRET not in text and "Dana Secret" not in text and "Head of Data" not in text
        assert "m0@example.org" not in text


def test_nobody_but_an_admin_gets_the_figures_and_no_parameter_reaches_a_person(  # type: ignore[no-untyped-def]
    make_browser, program, server_db: Database
) -> None:
    coaching.grant_access(
        server_db,
        client_email="m0@example.org",
        coach_email="cat@example.org",
        access="edit",
        now=NOW,
    )
    for key in ("m0", "cat"):
        browser = _signed_in(make_browser, key)
        api = browser.client.get("/api/program")
        assert api.status_code == 403 and "program admin" in api.json()["error"]
        assert browser.client.get("/program").status_code == 403
    coach = _signed_in(make_browser, "cat")
    ws = program["m0"].workspace_id
    assert coach.client.get(f"/api/program?workspace={ws}").status_code == 403
    admin = _signed_in(make_browser, "pat")
    # The admin's workspace parameter cannot lead into an employee's workspace.
    for path in (
        f"/api/vision?workspace={ws}",
        f"/api/meetings?workspace={ws}",
        f"/api/people?workspace={ws}",
    ):
        assert admin.client.get(path).status_code == 404
    # ?workspace= on the program itself changes nothing (always the admin's own view).
    assert (
        admin.client.get(f"/api/program?workspace={ws}&as_of={TODAY}").json()
        == admin.client.get(f"/api/program?as_of={TODAY}").json()
    )
    anonymous = make_browser()
    assert anonymous.client.get("/api/program").status_code == 401


def test_a_program_smaller_than_five_shows_nothing(server_db: Database) -> None:
    admin = _account(server_db, "pat", "admin")
    for n in range(4):
        _plan(server_db, _account(server_db, f"m{n}", "member"), "Lead")
    figures = program_figures(server_db, admin, today=TODAY)
    assert figures.too_small and figures.employees is None and figures.with_plan is None
    assert figures.months == [] and figures.snapshots == []


def test_local_mode_has_no_program(web) -> None:  # type: ignore[no-untyped-def]
    assert web.client.get("/api/program").status_code == 404
