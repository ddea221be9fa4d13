"""An internal-mobility program on one server, on both backends: the admin imports the
organization's chart once, and every employee — an account whose e-mail is in the chart,
made before or after the import — reads that shared directory from their own workspace and
is linked to their own entry. Accounts not in the chart see nothing of it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from nextmove.services import accounts
from nextmove.services import people as people_service
from nextmove.services.directory import list_organizations
from nextmove.services.imports import import_file
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store import enrolment as repo

PASSWORD = "correct horse battery staple"
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
TODAY = date(2026, 11, 20)
CHART = (
    "employee_id,name,manager_id,title,department,email\n"
    "1,Ana Ruiz,,Chief Technology Officer,Engineering,ana@acme.example\n"
    "2,Bea Lind,1,Director of Engineering,Engineering,Bea.Lind@Acme.example\n"
    "3,Cai Wu,2,Senior Engineer,Engineering,cai@acme.example\n"
    "4,Dee Park,2,Engineer,Engineering,dee@acme.example\n"
)


def _account(ws: Workspace, email: str, role: str = "member") -> accounts.AccountInfo:
    return accounts.create_account(
        ws.db, email=email, name=email.split("@")[0], role=role, password=PASSWORD, now=NOW
    )


def _import(ws: Workspace, tmp_path: Path, text: str = CHART) -> list[str]:
    chart = tmp_path / "acme.csv"
    chart.write_text(text, encoding="utf-8")
    return import_file(ws, "orgchart", chart, now=NOW, today=TODAY, organization="Acme").notes


def _seen(ws: Workspace) -> tuple[list[str], int, int | None]:
    """(organizations, people listed, the directory organization of your own person)."""
    _lines, total = people_service.list_people(ws)
    with ws.session() as session:
        _me, my_org = repo.my_link(session)
    return [o.name for o in list_organizations(ws)], total, my_org


def test_employees_read_the_directory_their_admin_imported(db: Workspace, tmp_path: Path) -> None:
    admin = _account(db, "pat@acme.example", "admin")
    bea = _account(db, "bea.lind@acme.example")  # the chart has Bea.Lind@Acme.example
    outsider = _account(db, "olu@elsewhere.example")
    coach = _account(db, "cat@coaching.example", "coach")
    admin_ws = open_workspace(db.db, workspace_id=admin.workspace_id)
    bea_ws = open_workspace(db.db, workspace_id=bea.workspace_id)
    assert _seen(bea_ws) == ([], 0, None)

    notes = _import(admin_ws, tmp_path)

    assert "1 program employee with an account read this chart (their e-mail is in it)" in notes
    orgs, total, my_org = _seen(bea_ws)
    assert orgs == ["Acme"] and total == 4 and my_org is not None
    # An employee who joins after the import reads it from their first sign-in.
    cai = _account(db, "CAI@acme.example")
    assert _seen(open_workspace(db.db, workspace_id=cai.workspace_id))[:2] == (["Acme"], 4)
    # Not in the chart: nothing of it.
    for other in (outsider, coach):
        assert _seen(open_workspace(db.db, workspace_id=other.workspace_id)) == ([], 0, None)
    # A refresh keeps everyone linked, once.
    _import(admin_ws, tmp_path, CHART + "5,Eve Ong,2,Engineer,Engineering,eve@acme.example\n")
    assert _seen(bea_ws)[:2] == (["Acme"], 5)


def test_a_member_s_own_chart_is_not_the_program_s(db: Workspace, tmp_path: Path) -> None:
    """Only an admin's import is the program's: a member importing a chart with a colleague's
    e-mail does not reach into the colleague's workspace."""
    member = _account(db, "mo@acme.example")
    colleague = _account(db, "ana@acme.example")
    _import(open_workspace(db.db, workspace_id=member.workspace_id), tmp_path)
    assert _seen(open_workspace(db.db, workspace_id=colleague.workspace_id)) == ([], 0, None)


def test_an_employee_linked_elsewhere_keeps_their_own_entry(db: Workspace, tmp_path: Path) -> None:
    """Someone who already is their entry in another chart stays that: the program links
    their workspace to its directory, not their own person."""
    dee = _account(db, "dee@acme.example")
    dee_ws = open_workspace(db.db, workspace_id=dee.workspace_id)
    own = tmp_path / "own"
    own.mkdir()
    chart = own / "globex.csv"
    chart.write_text("employee_id,name,manager_id\n9,Dee Park,\n", encoding="utf-8")
    import_file(dee_ws, "orgchart", chart, now=NOW, today=TODAY, organization="Globex", me="9")
    globex = _seen(dee_ws)[2]
    admin = _account(db, "pat@acme.example", "admin")
    _import(open_workspace(db.db, workspace_id=admin.workspace_id), tmp_path)
    orgs, total, my_org = _seen(dee_ws)
    assert orgs == ["Acme", "Globex"] and my_org == globex and total == 5
