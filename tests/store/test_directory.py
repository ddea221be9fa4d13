"""The directory's read API (store/directory.py) on SQLite and PostgreSQL: paging, search that
takes the user's text literally, e-mail look-ups, seats and team sizes at the edges."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from nextmove.services.directory_import import import_directory
from nextmove.services.workspace import Workspace
from nextmove.store import directory as d

CHART = (
    "employee_id,name,title,manager_id,department,city,email\n"
    "1,Ada Root,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Bea 100% Sales,VP Sales,1,Sales,Paris,bea@acme.example\n"
    "3,Cy_Under,Account Executive,2,Sales,Lyon,cy@acme.example\n"
    "4,Di Rep,Account Executive,2,Sales,Lyon,di@acme.example\n"
    "5,Eve Ops,Operations Manager,1,Operations,Lyon,\n"
)


def imported(db: Workspace, tmp_path: Path, now: datetime) -> int:
    path = tmp_path / "acme.csv"
    path.write_text(CHART, encoding="utf-8")
    import_directory(
        db, path, organization="Acme", column_map=None, me=None, now=now, today=date(2026, 11, 2)
    )
    with db.session() as session:
        (org,) = d.organizations_of(session, db.id)
    return org.id


def test_members_page_by_employee_id(db: Workspace, tmp_path: Path, now: datetime) -> None:
    oid = imported(db, tmp_path, now)
    with db.session() as session:
        first = d.members(session, oid, limit=2)
        rest = d.members(session, oid, limit=10, offset=2)
        assert [m.employee_id for m in first] == ["1", "2"]
        assert [m.employee_id for m in rest] == ["3", "4", "5"]
        assert d.member_counts(session, [oid]) == {oid: 5}
        assert first[0].organization == "Acme" and first[0].depth == 0


def test_search_takes_percent_and_underscore_literally(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    oid = imported(db, tmp_path, now)
    with db.session() as session:
        assert [m.name for m in d.search(session, [oid], "100%", 10)] == ["Bea 100% Sales"]
        assert [m.name for m in d.search(session, [oid], "y_u", 10)] == ["Cy_Under"]
        assert [m.name for m in d.search(session, [oid], "  LYON ", 10)] == [
            "Cy_Under", "Di Rep", "Eve Ops",
        ]  # fmt: skip
        assert d.search(session, [oid], "", 10) == []
        assert d.search(session, [], "Ada", 10) == []  # no organization, nothing


def test_email_lookups(db: Workspace, tmp_path: Path, now: datetime) -> None:
    oid = imported(db, tmp_path, now)
    with db.session() as session:
        assert d.emails_in(session, oid, ["cy@acme.example", "nobody@x.org", ""]) == {
            "cy@acme.example": "3"
        }
        assert [m.name for m in d.find_by_email(session, "di@acme.example")] == ["Di Rep"]
        assert d.find_by_email(session, "di@acme.example", org_ids=[oid + 1]) == []
        assert d.find_by_email(session, "") == []


def test_seats_chains_and_team_sizes_at_the_edges(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    oid = imported(db, tmp_path, now)
    with db.session() as session:
        assert d.chain(session, oid, "1") == []  # the root has no managers
        assert d.chain(session, oid, "nobody") == []
        root = d.holders(session, oid, manager_employee_id=None, title="chief executive officer")
        assert [(h.name, h.current) for h in root] == [("Ada Root", True)]
        seat = d.holders(session, oid, manager_employee_id="2", title="Account  Executive")
        assert sorted(h.name for h in seat) == ["Cy_Under", "Di Rep"]
        assert [(t.direct, t.size) for t in d.team_sizes(session, oid, "2")] == [(2, 2)]
        assert [(t.direct, t.size) for t in d.team_sizes(session, oid, "1")] == [(2, 4)]
        assert [(t.direct, t.size) for t in d.team_sizes(session, oid, "3")] == [(0, 0)]
        assert d.positions(session, oid, "nobody") == []
        assert d.reports(session, oid, "5") == []
