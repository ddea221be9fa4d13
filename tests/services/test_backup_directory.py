"""A backup carries what the workspace needs of the shared organization directory: restored
beside the original, or into a database whose directory already has the organization, its
people are re-linked by employee id; into a database without it (SQLite → PostgreSQL), the
organization comes back with its whole chart and history — or, from a `--linked-only` backup,
with the members the people were linked to and no one else."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from nextmove.domain.edits import PersonEdit
from nextmove.domain.people import org_key
from nextmove.errors import UserError
from nextmove.services import people as people_service
from nextmove.services.backup import backup_workspace, restore_workspace
from nextmove.services.directory_import import import_directory
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store import directory as d
from nextmove.store import workspaces
from nextmove.store.db import Database

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = date(2026, 10, 5)
CHART = (
    "employee_id,name,title,manager_id,department,city,email\n"
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris,grace@acme.example\n"
    "3,Linus Bell,Software Engineer,2,Engineering,Lyon,linus@acme.example\n"
    "4,Margaret Hamilton,Director of Product,1,Product,Lyon,margaret@acme.example\n"
    "5,Ken Thompson,Product Manager,4,Product,Lyon,ken@acme.example\n"
)


def with_chart(ws: Workspace, tmp_path: Path) -> None:
    """Two people the user knows (Grace by e-mail, Margaret), a stranger, and the chart
    imported with "me" = Linus: three people linked to members of five."""
    for name, email in (
        ("Grace H.", "grace@acme.example"),
        ("M. Hamilton", "margaret@acme.example"),
    ):
        people_service.add_person(ws, PersonEdit(name=name, emails=(email,)), now=NOW, today=DAY)
    people_service.add_person(ws, PersonEdit(name="Someone Else"), now=NOW, today=DAY)
    path = tmp_path / "acme.csv"
    path.write_text(CHART)
    import_directory(
        ws, path, now=NOW, today=DAY, organization="Acme, Inc.", column_map=None, me="3"
    )


def links(ws: Workspace) -> dict[str, tuple[int | None, str | None]]:
    with ws.session() as session:
        return {
            name: (org, employee)
            for name, org, employee in session.execute(
                text(
                    "SELECT name, directory_org_id, directory_employee_id FROM person "
                    "WHERE workspace_id = :ws"
                ),
                {"ws": ws.id},
            )
        }


def linked_members(ws: Workspace) -> dict[str, tuple[str, str]]:
    """Each linked person's member as the directory shows it: (name, title)."""
    out = {}
    with ws.session() as session:
        for person, (org, employee) in links(ws).items():
            if org is None:
                continue
            assert employee is not None
            member = d.member(session, org, employee)
            assert member is not None, f"{person}: no member {employee} in organization {org}"
            out[person] = (member.name, member.title)
    return out


def directory_json(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("directory.json"))


def test_the_backup_carries_only_the_members_the_people_are_linked_to(
    db: Workspace, tmp_path: Path
) -> None:
    with_chart(db, tmp_path)
    backup_workspace(db, tmp_path / "b.zip", now=NOW)
    (org,) = directory_json(tmp_path / "b.zip")["organizations"]
    assert org["key"] and org["name"] == "Acme, Inc."
    assert sorted(m["employee_id"] for m in org["members"]) == ["2", "3", "4"]
    assert {m["name"] for m in org["members"]} == {
        "Grace Hopper",
        "Linus Bell",
        "Margaret Hamilton",
    }


def test_restored_beside_the_original_the_people_are_relinked_to_the_same_organization(
    db: Workspace, tmp_path: Path
) -> None:
    with_chart(db, tmp_path)
    before = linked_members(db)
    assert len(before) == 3
    backup_workspace(db, tmp_path / "b.zip", now=NOW)
    summary = restore_workspace(db.db, tmp_path / "b.zip", name="copy", now=NOW)
    assert (summary.relinked_organizations, summary.recreated_organizations) == (1, 0)
    copy = open_workspace(db.db, "copy")
    assert linked_members(copy) == before
    assert {o for o, _ in links(copy).values() if o} == {o for o, _ in links(db).values() if o}
    with copy.session() as session:
        (org,) = d.organizations_of(session, copy.id)
        assert org.name == "Acme, Inc."
        assert len(d.members(session, org.id)) == 5  # the shared chart, untouched


def test_moved_to_a_database_without_the_organization_it_comes_back_with_the_linked_members(
    db: Workspace, tmp_path: Path
) -> None:
    """SQLite → this test's database (SQLite or PostgreSQL), which has never seen Acme; a
    `--linked-only` backup."""
    laptop = open_workspace(Database.open(f"sqlite:///{tmp_path / 'laptop.db'}"))
    try:
        with_chart(laptop, tmp_path)
        before = linked_members(laptop)
        backup_workspace(laptop, tmp_path / "move.zip", now=NOW, charts=False)
    finally:
        laptop.db.dispose()
    summary = restore_workspace(db.db, tmp_path / "move.zip", name="moved", now=NOW)
    assert (summary.relinked_organizations, summary.recreated_organizations) == (0, 1)
    assert summary.recreated_members == 3
    moved = open_workspace(db.db, "moved")
    assert linked_members(moved) == before
    assert links(moved)["Someone Else"] == (None, None)
    with moved.session() as session:
        (org,) = d.organizations_of(session, moved.id)
        assert org.name == "Acme, Inc."
        members = d.members(session, org.id)
        # Only the linked members: not Ada, not Ken.
        assert sorted(m.name for m in members) == [
            "Grace Hopper",
            "Linus Bell",
            "Margaret Hamilton",
        ]
        (snapshot,) = d.snapshots(session, org.id)
        assert snapshot.members == 3
    # And back again: the same links, the same carried facts.
    backup_workspace(moved, tmp_path / "again.zip", now=NOW, charts=False)
    carried = directory_json(tmp_path / "again.zip")["organizations"][0]["members"]
    assert carried == directory_json(tmp_path / "move.zip")["organizations"][0]["members"]


def test_a_database_that_has_the_organization_keeps_its_chart_and_relinks_by_employee_id(
    db: Workspace, tmp_path: Path
) -> None:
    laptop = open_workspace(Database.open(f"sqlite:///{tmp_path / 'laptop.db'}"))
    try:
        with_chart(laptop, tmp_path)
        before = linked_members(laptop)
        backup_workspace(laptop, tmp_path / "move.zip", now=NOW)
    finally:
        laptop.db.dispose()
    # The target already imported Acme's chart in another workspace (under other ids).
    with db.session() as session:
        other = workspaces.create(session, "colleague", now=NOW, preferences={})
        other_id = other.id
    colleague = open_workspace(db.db, "colleague")
    assert colleague.id == other_id
    people_service.add_person(colleague, PersonEdit(name="Someone"), now=NOW, today=DAY)
    path = tmp_path / "acme.csv"
    path.write_text(CHART)
    import_directory(
        colleague, path, now=NOW, today=DAY, organization="Acme, Inc.", column_map=None, me="1"
    )
    summary = restore_workspace(db.db, tmp_path / "move.zip", name="moved", now=NOW)
    assert (summary.relinked_organizations, summary.recreated_organizations) == (1, 0)
    moved = open_workspace(db.db, "moved")
    assert linked_members(moved) == before
    with moved.session() as session:
        (org,) = d.organizations_of(session, moved.id)
        assert len(d.members(session, org.id)) == 5
        assert len(d.snapshots(session, org.id)) == 1  # nothing added to the shared chart


def test_a_format_1_archive_keeps_links_where_the_organization_id_exists(
    db: Workspace, tmp_path: Path
) -> None:
    """Before directory.json: a link is kept where its organization's id exists in the
    database restored into (beside the original, here), as format 1 always did."""
    with_chart(db, tmp_path)
    before = linked_members(db)
    backup_workspace(db, tmp_path / "b.zip", now=NOW, charts=False)
    with zipfile.ZipFile(tmp_path / "b.zip") as z:
        members = {n: z.read(n) for n in z.namelist() if n != "directory.json"}
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 1
    del manifest["directory"], manifest["charts"]
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(tmp_path / "old.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    summary = restore_workspace(db.db, tmp_path / "old.zip", name="old", now=NOW)
    assert (summary.relinked_organizations, summary.recreated_organizations) == (0, 0)
    assert linked_members(open_workspace(db.db, "old")) == before


# A week later: Ken (5) left, Joan (6) joined under Grace, Linus (3) moved to Product under
# Margaret and Margaret's title changed.
LATER = date(2026, 10, 12)
CHART_LATER = (
    "employee_id,name,title,manager_id,department,city,email\n"
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris,grace@acme.example\n"
    "3,Linus Bell,Product Manager,4,Product,Lyon,linus@acme.example\n"
    "4,Margaret Hamilton,VP Product,1,Product,Lyon,margaret@acme.example\n"
    "6,Joan Clarke,Software Engineer,2,Engineering,Paris,joan@acme.example\n"
)


def the_chart(ws: Workspace) -> dict[str, Any]:
    """Everything the directory knows of the workspace's one organization, without the
    database's own ids: snapshots, members now, each member's positions over time, team
    sizes."""
    with ws.session() as session:
        (org,) = d.organizations_of(session, ws.id)
        snaps = d.snapshots(session, org.id)
        members = d.members(session, org.id)
        everyone = sorted({m.employee_id for m in members} | {"5"})
        return {
            "organization": (org.name, org.key, org.members, org.snapshots, org.last_import),
            "industry": session.execute(
                text("SELECT industry FROM organization WHERE id = :o"), {"o": org.id}
            ).scalar_one(),
            "snapshots": [
                (
                    s.number,
                    s.file,
                    s.taken_on,
                    s.status,
                    s.members,
                    s.joiners,
                    s.leavers,
                    s.moves,
                    s.title_changes,
                )
                for s in snaps
            ],
            "members": sorted(
                (
                    m.employee_id,
                    m.name,
                    m.title,
                    m.level,
                    m.function,
                    m.department,
                    m.manager_employee_id,
                    m.city,
                    m.email,
                    m.depth,
                )
                for m in members
            ),
            "positions": {
                e: [
                    (
                        p.title,
                        p.department,
                        p.manager_employee_id,
                        p.since_number,
                        p.since,
                        p.until_number,
                        p.until,
                    )
                    for p in d.positions(session, org.id, e)
                ]
                for e in everyone
            },
            "teams": {
                e: [
                    (t.number, t.taken_on, t.direct, t.size)
                    for t in d.team_sizes(session, org.id, e)
                ]
                for e in ("1", "2", "4")
            },
        }


def with_history(ws: Workspace, tmp_path: Path) -> None:
    with_chart(ws, tmp_path)
    later = tmp_path / "acme-later.csv"
    later.write_text(CHART_LATER)
    import_directory(
        ws, later, now=NOW, today=LATER, organization="Acme, Inc.", column_map=None, me="3"
    )


def test_moved_to_a_database_without_the_organization_its_whole_chart_and_history_come_back(
    db: Workspace, tmp_path: Path
) -> None:
    """The default backup: a person moving their laptop's workspace keeps the org charts they
    imported — every member, who held which position when, who joined and left, team sizes —
    not only the members their people are linked to."""
    laptop = open_workspace(Database.open(f"sqlite:///{tmp_path / 'laptop.db'}"))
    try:
        with_history(laptop, tmp_path)
        before, links_before = the_chart(laptop), linked_members(laptop)
        backup_workspace(laptop, tmp_path / "move.zip", now=NOW)
    finally:
        laptop.db.dispose()
    assert [s[4:7] for s in before["snapshots"]] == [(5, 5, 0), (5, 1, 1)]
    assert before["positions"]["3"][0][-2:] == (2, LATER)  # Linus moved in the second chart
    summary = restore_workspace(db.db, tmp_path / "move.zip", name="moved", now=NOW)
    assert (summary.recreated_organizations, summary.recreated_charts) == (1, 1)
    assert summary.recreated_members == 5
    moved = open_workspace(db.db, "moved")
    assert the_chart(moved) == before
    assert linked_members(moved) == links_before


def test_a_chart_line_naming_a_snapshot_it_lacks_is_refused_and_nothing_is_written(
    db: Workspace, tmp_path: Path
) -> None:
    laptop = open_workspace(Database.open(f"sqlite:///{tmp_path / 'laptop.db'}"))
    try:
        with_history(laptop, tmp_path)
        backup_workspace(laptop, tmp_path / "move.zip", now=NOW)
    finally:
        laptop.db.dispose()
    with zipfile.ZipFile(tmp_path / "move.zip") as z:
        members = {n: z.read(n) for n in z.namelist()}
    lines = members["charts/1/members.jsonl"].decode().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if json.loads(line)["until"] is None)
    row = json.loads(lines[at])
    row["since"] = 9
    lines[at] = json.dumps(row) + "\n"
    data = "".join(lines).encode()
    members["charts/1/members.jsonl"] = data
    manifest = json.loads(members["manifest.json"])
    manifest["charts"]["charts/1/members.jsonl"]["sha256"] = hashlib.sha256(data).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(tmp_path / "edited.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    with pytest.raises(
        UserError, match=rf"charts/1/members\.jsonl line {at + 1}: since names snapshot 9"
    ):
        restore_workspace(db.db, tmp_path / "edited.zip", name="moved", now=NOW)
    with db.session() as session:
        assert workspaces.find(session, "moved") is None
        assert d.organization_by_key(session, org_key("Acme, Inc.")) is None
