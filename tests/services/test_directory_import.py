"""Org charts into the organization directory, on SQLite and PostgreSQL: snapshots and the
history across imports (joiners, leavers, moves, title changes, teams that grew), imports
that fail leaving the directory exactly as it was, and one shared copy per organization."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from nextmove.errors import InvalidInput, UserError
from nextmove.services.directory_import import DirectoryImport, import_directory
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store import directory as d
from nextmove.store import people as repo
from nextmove.store import workspaces

HEADER = "employee_id,name,title,manager_id,department,city,email\n"
WEEK1 = HEADER + (
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris,grace@acme.example\n"
    "3,Linus Bell,Software Engineer,2,Engineering,Lyon,linus@acme.example\n"
    "4,Margaret Hamilton,Director of Product,1,Product,Lyon,margaret@acme.example\n"
    "5,Ken Thompson,Product Manager,4,Product,Lyon,ken@acme.example\n"
)
# Linus is promoted and moves to Product; Dennis joins under Grace.
WEEK2 = HEADER + (
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris,grace@acme.example\n"
    "3,Linus Bell,Senior Product Manager,4,Product,Lyon,linus@acme.example\n"
    "4,Margaret Hamilton,Director of Product,1,Product,Lyon,margaret@acme.example\n"
    "5,Ken Thompson,Product Manager,4,Product,Lyon,ken@acme.example\n"
    "6,Dennis Ritchie,Software Engineer,2,Engineering,Lyon,dennis@acme.example\n"
)
# Ken leaves; Barbara joins Margaret's team, which grows again.
WEEK3 = HEADER + (
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris,grace@acme.example\n"
    "3,Linus Bell,Senior Product Manager,4,Product,Lyon,linus@acme.example\n"
    "4,Margaret Hamilton,Director of Product,1,Product,Lyon,margaret@acme.example\n"
    "6,Dennis Ritchie,Software Engineer,2,Engineering,Lyon,dennis@acme.example\n"
    "7,Barbara Liskov,Product Manager,4,Product,Paris,barbara@acme.example\n"
    "8,Frances Allen,Product Designer,4,Product,Paris,frances@acme.example\n"
)
DAY1 = date(2026, 10, 5)


def chart(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def run(db: Workspace, path: Path, now: datetime, day: date, **options: Any) -> DirectoryImport:
    options.setdefault("organization", "Acme, Inc.")
    options.setdefault("column_map", None)
    options.setdefault("me", None)
    return import_directory(db, path, now=now, today=day, **options)


def org_id(db: Workspace) -> int:
    with db.session() as session:
        (org,) = d.organizations_of(session, db.id)
    return org.id


def everything(db: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the directory's tables, to compare before and after."""
    tables = {
        "organization": "id",
        "directory_snapshot": "id",
        "directory_member": "organization_id, employee_id, since_snapshot",
        "directory_team_size": "organization_id, manager_employee_id, snapshot_id",
        "workspace_organization": "workspace_id, organization_id",
    }
    with db.session() as session:
        return {
            table: [
                tuple(r) for r in session.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))
            ]
            for table, order in tables.items()
        }


def three_imports(db: Workspace, tmp_path: Path, now: datetime) -> int:
    for n, content in enumerate((WEEK1, WEEK2, WEEK3)):
        run(db, chart(tmp_path, f"acme-week{n + 1}.csv", content), now, DAY1 + timedelta(weeks=n))
    return org_id(db)


def test_three_imports_keep_the_history_of_joiners_leavers_moves_and_titles(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    oid = three_imports(db, tmp_path, now)
    with db.session() as session:
        history = d.snapshots(session, oid)
        assert [
            (
                s.number,
                s.taken_on,
                s.file,
                s.members,
                s.joiners,
                s.leavers,
                s.moves,
                s.title_changes,
            )
            for s in history
        ] == [
            (1, DAY1, "acme-week1.csv", 5, 5, 0, 0, 0),
            (2, DAY1 + timedelta(weeks=1), "acme-week2.csv", 6, 1, 0, 1, 1),
            (3, DAY1 + timedelta(weeks=2), "acme-week3.csv", 7, 2, 1, 0, 0),
        ]
        assert {m.name for m in d.members(session, oid)} == {
            "Ada Lovelace", "Grace Hopper", "Linus Bell", "Margaret Hamilton",
            "Dennis Ritchie", "Barbara Liskov", "Frances Allen",
        }  # fmt: skip
        # Each snapshot is still readable as it was.
        first = {m.employee_id: m for m in d.members(session, oid, snapshot=history[0].id)}
        assert first["3"].title == "Software Engineer" and first["3"].manager_employee_id == "2"
        assert "5" in first and "6" not in first
        # Linus's positions: engineer under Grace, then senior PM under Margaret.
        linus = d.positions(session, oid, "3")
        assert [(p.title, p.manager_employee_id, p.since, p.until) for p in linus] == [
            ("Software Engineer", "2", DAY1, DAY1 + timedelta(weeks=1)),
            ("Senior Product Manager", "4", DAY1 + timedelta(weeks=1), None),
        ]
        assert linus[0].function == "engineering" and linus[1].function == "product"
        assert linus[1].level is not None and linus[0].level is not None
        assert linus[1].level > linus[0].level
        # The seat Linus left: who held "Software Engineer" under Grace.
        seat = d.holders(session, oid, manager_employee_id="2", title="software engineer")
        assert [(h.name, h.current) for h in seat] == [
            ("Dennis Ritchie", True),
            ("Linus Bell", False),
        ]
        # Margaret's team grew: 1 → 2 → 3 direct reports.
        sizes = d.team_sizes(session, oid, "4")
        assert [(t.number, t.direct, t.size) for t in sizes] == [(1, 1, 1), (2, 2, 2), (3, 3, 3)]
        assert [t.size for t in d.team_sizes(session, oid, "1")] == [4, 5, 6]
        assert [r.name for r in d.reports(session, oid, "4")] == [
            "Barbara Liskov", "Frances Allen", "Linus Bell",
        ]  # fmt: skip
        assert [m.name for m in d.chain(session, oid, "7")] == ["Margaret Hamilton", "Ada Lovelace"]
        assert d.member(session, oid, "5") is None  # Ken left
        assert [m.employee_id for m in d.find_by_email(session, "barbara@acme.example")] == ["7"]
        assert [m.name for m in d.search(session, [oid], "product man", 10)] == [
            "Barbara Liskov", "Linus Bell",
        ]  # fmt: skip


def test_reimporting_the_same_chart_writes_no_new_versions(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    path = chart(tmp_path, "acme.csv", WEEK1)
    run(db, path, now, DAY1)
    before = everything(db)["directory_member"]
    again = run(db, path, now, DAY1 + timedelta(days=7))
    assert (again.snapshot, again.joiners, again.leavers, again.moves, again.unchanged) == (
        2,
        0,
        0,
        0,
        5,
    )
    assert everything(db)["directory_member"] == before
    with db.session() as session:
        assert [s.members for s in d.snapshots(session, org_id(db))] == [5, 5]


def test_cells_with_backslashes_tabs_and_line_breaks_are_stored_as_the_file_gives_them(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    # (PostgreSQL's COPY gives these characters a meaning of their own; "\\N" is its NULL)
    content = HEADER + (
        "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
        '2,"Grace\\Hopper","VP\tEngineering",1,"R&D\\N",\\N,grace@acme.example\n'
        '3,Linus Bell,"Software\nEngineer",2,"Eng\\.",Lyon,\n'
    )
    run(db, chart(tmp_path, "acme.csv", content), now, DAY1)
    with db.session() as session:
        oid = org_id(db)
        grace, linus = d.member(session, oid, "2"), d.member(session, oid, "3")
        assert grace is not None and linus is not None
        assert (grace.name, grace.title, grace.department, grace.city) == (
            "Grace\\Hopper", "VP\tEngineering", "R&D\\N", "\\N",
        )  # fmt: skip
        assert (linus.title, linus.department, linus.email) == (
            "Software\nEngineer",
            "Eng\\.",
            None,
        )
        assert [r.name for r in d.reports(session, oid, "2")] == ["Linus Bell"]
    # Read back as the file gives them: a second import of the same file changes nothing.
    again = run(db, chart(tmp_path, "acme.csv", content), now, DAY1 + timedelta(days=7))
    assert (again.changed, again.unchanged) == (0, 3)


def test_names_with_runs_of_white_space_are_cleaned_and_blank_names_come_from_first_and_last(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    content = "employee_id,name,first_name,last_name,manager_id\n" + (
        "1,Ada  Lovelace,,,\n2,Grace\u00a0Hopper ,,,1\n3,,Linus,Bell,1\n4,Zoë Müller,,,1\n"
    )
    run(db, chart(tmp_path, "acme.csv", content), now, DAY1)
    with db.session() as session:
        assert sorted(m.name for m in d.members(session, org_id(db))) == [
            "Ada Lovelace", "Grace Hopper", "Linus Bell", "Zoë Müller",
        ]  # fmt: skip


def test_a_change_that_moves_a_control_character_between_cells_is_still_a_change(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    # (a refresh compares each row as one string, its cells joined by the unit separator)
    before = (
        HEADER + "1,Ada Lovelace,CEO,,Executive,Paris,\n2,Grace\x1fVP,Engineering,1,R&D,Paris,\n"
    )
    after = (
        HEADER + "1,Ada Lovelace,CEO,,Executive,Paris,\n2,Grace,VP\x1fEngineering,1,R&D,Paris,\n"
    )
    run(db, chart(tmp_path, "a.csv", before), now, DAY1)
    result = run(db, chart(tmp_path, "b.csv", after), now, DAY1 + timedelta(days=7))
    assert (result.changed, result.title_changes, result.unchanged) == (1, 1, 1)
    with db.session() as session:
        grace = d.member(session, org_id(db), "2")
        assert grace is not None and (grace.name, grace.title) == ("Grace", "VP\x1fEngineering")
    again = run(db, chart(tmp_path, "b.csv", after), now, DAY1 + timedelta(days=14))
    assert (again.changed, again.unchanged) == (0, 2)


def test_a_refresh_tells_moves_title_changes_and_other_changes_apart(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1)
    week2 = (
        WEEK1.replace("Engineering,Lyon,linus@", "Engineering,Berlin,linus@")  # city only
        .replace("5,Ken Thompson,Product Manager,4,Product,", "5,Ken Thompson,Product Manager,4,Design,")
        .replace("2,Grace Hopper,VP Engineering,", "2,Grace Hopper,SVP Engineering,")
        # The same row as the file gave it, written differently: padded cells, an e-mail in
        # capitals — nothing changed.
        .replace("1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example",
                 "1, Ada Lovelace ,Chief Executive Officer,,Executive,Paris ,ADA@acme.example")
    )  # fmt: skip
    result = run(db, chart(tmp_path, "b.csv", week2), now, DAY1 + timedelta(days=7))
    assert (result.changed, result.moves, result.title_changes, result.unchanged) == (3, 1, 1, 2)
    with db.session() as session:
        oid = org_id(db)
        assert [(p.city, p.title) for p in d.positions(session, oid, "3")] == [
            ("Lyon", "Software Engineer"),
            ("Berlin", "Software Engineer"),
        ]
        assert d.member(session, oid, "5").department == "Design"  # type: ignore[union-attr]
        assert d.member(session, oid, "2").title == "SVP Engineering"  # type: ignore[union-attr]
        assert len(d.positions(session, oid, "1")) == 1


def test_a_manager_who_moves_takes_a_new_depth_to_the_whole_team(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1)
    # Margaret now reports to Grace: she and Ken are one level deeper, nothing else changed
    # for Ken.
    moved = WEEK1.replace(
        "4,Margaret Hamilton,Director of Product,1,", "4,Margaret Hamilton,Director of Product,2,"
    )
    result = run(db, chart(tmp_path, "b.csv", moved), now, DAY1 + timedelta(days=7))
    assert (result.moves, result.changed) == (1, 1)
    with db.session() as session:
        oid = org_id(db)
        assert d.member(session, oid, "4").depth == 2  # type: ignore[union-attr]
        assert d.member(session, oid, "5").depth == 3  # type: ignore[union-attr]
        assert [p.depth for p in d.positions(session, oid, "5")] == [2, 3]
        assert [t.size for t in d.team_sizes(session, oid, "2")] == [1, 3]


def test_a_bad_line_in_the_middle_leaves_the_directory_as_it_was(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    three_imports(db, tmp_path, now)
    before = everything(db)
    rows = WEEK3.splitlines(keepends=True)
    bad = "".join(
        [*rows[:4], "9,,Engineer,2,Engineering,Lyon,\n", "2,Grace Again,CTO,1,,,\n", *rows[4:]]
    )
    with pytest.raises(InvalidInput) as caught:
        run(db, chart(tmp_path, "bad.csv", bad), now, DAY1 + timedelta(weeks=4))
    message = str(caught.value)
    assert "bad.csv" in message
    assert "line 5: employee 9: no name" in message
    assert "line 6: duplicate employee id 2 (first on line 3)" in message
    assert everything(db) == before


def test_unknown_managers_and_cycles_are_reported_with_their_lines(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    content = HEADER + (
        "1,Ada,CEO,,Exec,,\n2,Bo,Engineer,99,Eng,,\n3,Cy,Engineer,4,Eng,,\n4,Di,Engineer,3,Eng,,\n"
    )
    with pytest.raises(InvalidInput) as caught:
        run(db, chart(tmp_path, "loops.csv", content), now, DAY1)
    message = str(caught.value)
    assert "line 3: employee 2: manager id 99 is not an employee id in the file" in message
    assert "lines 4, 5: management cycle" in message
    assert everything(db)["organization"] == []
    # --partial: the good rows, the bad links cut.
    result = run(db, chart(tmp_path, "loops.csv", content), now, DAY1, partial=True)
    assert result.members == 4
    with db.session() as session:
        oid = org_id(db)
        assert d.member(session, oid, "2").manager_employee_id is None  # type: ignore[union-attr]
        roots = [m for m in d.members(session, oid) if m.manager_employee_id is None]
        assert {m.employee_id for m in roots} == {"1", "2", "3"}


def test_an_empty_chart_and_an_unknown_me_are_refused(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    with pytest.raises(UserError, match="no employees below the header"):
        run(db, chart(tmp_path, "empty.csv", HEADER), now, DAY1)
    with pytest.raises(UserError, match="42: there is no employee with that id"):
        run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1, me="42")
    assert everything(db)["directory_snapshot"] == []


class _Interrupt:
    """A progress display that the user interrupts (Ctrl-C) once the import has started
    writing: the KeyboardInterrupt arrives between two apply transactions."""

    def __init__(self) -> None:
        self.writing = False

    def start(self, label: str, total: int | None) -> None:
        self.writing = label.startswith("Writing")

    def advance(self, amount: int) -> None:
        if self.writing:
            raise KeyboardInterrupt

    def finish(self) -> None:
        pass


def test_ctrl_c_between_apply_transactions_leaves_the_directory_as_it_was(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1)
    before = everything(db)
    with pytest.raises(KeyboardInterrupt):
        run(
            db,
            chart(tmp_path, "b.csv", WEEK3),
            now,
            DAY1 + timedelta(days=7),
            progress=_Interrupt(),
        )
    assert everything(db) == before
    # And the next import works as if the interrupted one had never been.
    result = run(db, chart(tmp_path, "b.csv", WEEK3), now, DAY1 + timedelta(days=7))
    assert (result.snapshot, result.joiners, result.leavers) == (2, 3, 1)


CRASH = """
import os, sys
from datetime import date, datetime, UTC
from pathlib import Path
from nextmove.services.directory_import import import_directory
from nextmove.services.workspace import open_workspace
from nextmove.store.db import Database

class Crash:
    def __init__(self):
        self.writing = False
    def start(self, label, total):
        self.writing = label.startswith("Writing")
    def advance(self, amount):
        if self.writing:
            os._exit(9)  # the process dies between two transactions: no clean-up runs
    def finish(self):
        pass

db = Database.open(sys.argv[1])
import_directory(open_workspace(db), Path(sys.argv[2]), organization="Acme, Inc.",
                 column_map=None, me=None, now=datetime(2026, 10, 12, tzinfo=UTC),
                 today=date(2026, 10, 12), progress=Crash())
"""


def test_a_crash_between_apply_transactions_is_undone_by_the_next_import(
    db: Workspace, db_url: str, tmp_path: Path, now: datetime
) -> None:
    run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1)
    before = everything(db)
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(CRASH),
            db_url,
            str(chart(tmp_path, "b.csv", WEEK3)),
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert crashed.returncode == 9, crashed.stderr
    left = everything(db)
    assert [s[6] for s in left["directory_snapshot"]] == ["complete", "applying"]
    with db.session() as session:  # readers still see the first snapshot, whole
        assert {m.employee_id for m in d.members(session, org_id(db))} == {"1", "2", "3", "4", "5"}
    # The next import (of anything) finds the crashed one and takes it back first.
    result = run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1 + timedelta(days=14))
    assert (result.snapshot, result.joiners, result.leavers, result.changed) == (2, 0, 0, 0)
    after = everything(db)
    assert after["directory_member"] == before["directory_member"]
    assert after["directory_team_size"] == before["directory_team_size"]
    assert [s[2] for s in after["directory_snapshot"]] == [1, 2]


def test_two_workspaces_importing_the_same_organization_share_one_copy(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    with db.db.session() as session:
        workspaces.create(session, "coach-client", now=now)
    other = open_workspace(db.db, "coach-client")
    path = chart(tmp_path, "acme.csv", WEEK1)
    run(db, path, now, DAY1)
    members = everything(db)["directory_member"]
    second = run(other, path, now, DAY1 + timedelta(days=1), organization="ACME inc")
    assert second.joiners == 0 and second.organization == "Acme, Inc."
    rows = everything(db)
    assert len(rows["organization"]) == 1
    assert rows["directory_member"] == members
    assert [(w, o) for w, o, _ in rows["workspace_organization"]] == [(db.id, 1), (other.id, 1)]
    with other.session() as session:
        assert [o.name for o in d.organizations_of(session, other.id)] == ["Acme, Inc."]
    # Deleting a workspace takes its link, not the organization the other one shares.
    with db.db.session(all_workspaces=True) as session:
        workspaces.delete(session, other.id)
    rows = everything(db)
    assert [(w, o) for w, o, _ in rows["workspace_organization"]] == [(db.id, 1)]
    assert rows["directory_member"] == members


def test_people_in_the_network_are_linked_to_their_entry_and_me_is_placed(
    db: Workspace, tmp_path: Path, now: datetime
) -> None:
    from nextmove.domain.people import Labeled, Person

    with db.session() as session:
        grace = repo.add_person(
            session,
            Person(name="Grace H.", emails=[Labeled("grace@acme.example", "work")]),
            now=now,
        )
        stranger = repo.add_person(session, Person(name="Someone Else"), now=now)
    result = run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1, me="3")
    assert result.linked_people == 2  # Grace by e-mail, and me
    with db.session() as session:
        rows = dict(
            (r[0], (r[1], r[2]))
            for r in session.execute(
                text(
                    "SELECT id, directory_org_id, directory_employee_id FROM person "
                    "WHERE workspace_id = :ws"
                ),
                {"ws": db.id},
            )
        )
        me = session.execute(
            text("SELECT person_id FROM profile WHERE workspace_id = :ws"), {"ws": db.id}
        ).scalar_one()
    oid = org_id(db)
    assert rows[grace] == (oid, "2")
    assert rows[stranger] == (None, None)
    assert rows[me] == (oid, "3")
    # Only the people the user deals with are people: the other members are not.
    assert len(rows) == 3


def test_a_dry_run_writes_nothing(db: Workspace, tmp_path: Path, now: datetime) -> None:
    result = run(db, chart(tmp_path, "a.csv", WEEK1), now, DAY1, dry_run=True)
    assert (result.members, result.joiners) == (5, 5)
    assert all(rows == [] for rows in everything(db).values())
