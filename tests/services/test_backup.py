"""Backup and restore of a workspace (docs/backup.md) on SQLite and PostgreSQL: the round trip
keeps every row of every table, every reference follows its row, and a restore beside the
original leaves the original alone."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Integer, func, select, update

from nextmove.services.backup import backup_workspace, restore_workspace
from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store import workspaces as workspaces_store
from nextmove.store.backup import table_specs
from nextmove.store.base import Base, WorkspaceScoped
from nextmove.store.comment_models import Comment
from nextmove.store.models import (
    ImportRun,
    Interaction,
    Meeting,
    MeetingReferral,
    Opportunity,
    Person,
    PersonEmail,
    PersonSource,
    Plan,
    Profile,
    ResearchRound,
)
from nextmove.store.models import Workspace as WorkspaceRow
from nextmove.store.sync_models import SyncAccount, SyncCard, SyncEvent

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def fill(ws: Workspace) -> None:
    """The demo workspace, plus a row in every table the demo leaves empty and a value in
    every plain reference, so the round trip has something to lose everywhere."""
    create_demo(ws, today=TODAY, now=NOW)
    with ws.session() as session:
        people = session.scalars(select(Person).order_by(Person.id)).all()
        plan = session.scalars(select(Plan).order_by(Plan.rank.desc())).first()
        assert plan is not None
        research = ResearchRound(created_on=TODAY, size=5, weeks=3, created_at=NOW)
        session.add(research)
        session.flush()
        session.execute(update(Meeting).values(round_id=research.id, week=1, plan_id=plan.id))
        session.add(PersonEmail(person_id=people[3].id, address="second@example.org"))
        run = session.scalars(select(ImportRun).order_by(ImportRun.id)).first()
        assert run is not None
        session.execute(update(PersonSource).values(import_id=run.id))
        session.execute(update(Interaction).values(import_id=run.id))
        profile = session.get(Profile, 1)
        assert profile is not None
        profile.person_id = people[0].id
        # The demo's chart is in the directory; a manager among your own people is a plain
        # reference too (a 0.1 chart, or one imported before the directory).
        session.execute(
            update(Person)
            .where(Person.id.in_([p.id for p in people[1:6]]))
            .values(manager_id=people[0].id)
        )
        referral = session.scalars(select(MeetingReferral)).first()
        meeting = session.scalars(select(Meeting).order_by(Meeting.id)).all()[-1]
        assert referral is not None
        referral.new_meeting_id = meeting.id
        account = SyncAccount(
            name="phone",
            carddav_url="http://127.0.0.1:1/dav/",
            secret_ref="phone",
            created_at=NOW,
        )
        session.add(account)
        session.flush()
        session.add(
            SyncCard(
                account_id=account.id,
                uid="u1",
                href="/dav/u1.vcf",
                etag='"1"',
                remote_hash="a" * 64,
                local_hash="b" * 64,
                base={"fn": "Ana"},
                raw="BEGIN:VCARD\r\nEND:VCARD\r\n",
                updated_at=NOW,
            )
        )
        session.add(
            SyncEvent(
                account_id=account.id,
                meeting_id=meeting.id,
                uid="m1",
                href="/cal/m1.ics",
                content_hash="c" * 64,
                updated_at=NOW,
            )
        )
        opportunity = session.scalars(select(Opportunity).order_by(Opportunity.id)).first()
        assert opportunity is not None
        for subject in ({"plan_id": plan.id}, {"opportunity_id": opportunity.id}):
            session.add(
                Comment(
                    **subject,
                    author_name="Cat",
                    author_email="cat@example.org",
                    author_role="coach",
                    body="Who had this role before?",
                    created_at=NOW,
                    resolved_at=NOW if "plan_id" in subject else None,
                    resolved_by="Ana" if "plan_id" in subject else None,
                )
            )
    with ws.db.session() as session:
        workspaces_store.set_preferences(session, ws.id, {"week_starts": "monday", "n": 3})


def archive_rows(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        tables = {
            name: [json.loads(line) for line in z.read(entry["file"]).splitlines()]
            for name, entry in manifest["tables"].items()
        }
    return manifest, tables


def canonical(path: Path) -> tuple[dict[str, int], dict[str, Any], dict[str, list[Any]]]:
    """The archive's content with every renumbered id replaced by its rank in its table:
    two backups of the same data compare equal whatever ids the rows have."""
    manifest, tables = archive_rows(path)
    specs = {spec.name: spec for spec in table_specs()}
    ranks = {
        name: {row["id"]: n for n, row in enumerate(sorted(rows, key=lambda r: r["id"]))}
        for name, rows in tables.items()
        if specs[name].renumbered
    }
    content = {}
    for name, rows in tables.items():
        out = []
        for row in rows:
            row = dict(row)
            if specs[name].renumbered:
                row["id"] = ranks[name][row["id"]]
            for ref in specs[name].references:
                if row[ref.column] is not None:
                    row[ref.column] = ranks[ref.table][row[ref.column]]
            out.append(row)
        content[name] = sorted(out, key=lambda r: json.dumps(r, sort_keys=True))
    counts = {name: entry["rows"] for name, entry in manifest["tables"].items()}
    return counts, manifest["workspace"]["preferences"], content


def test_every_per_workspace_table_is_in_the_archive(db: Workspace, tmp_path: Path) -> None:
    backup_workspace(db, tmp_path / "empty.zip", now=NOW)
    manifest, _tables = archive_rows(tmp_path / "empty.zip")
    per_workspace = {
        mapper.local_table.name  # type: ignore[attr-defined]
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, WorkspaceScoped)
    }
    assert set(manifest["tables"]) == per_workspace
    assert manifest["format"] == "nextmove-backup"
    assert manifest["format_version"] == 3
    assert manifest["schema_revision"] and manifest["nextmove_version"] and manifest["created"]
    assert manifest["counts"] == {name: 0 for name in per_workspace}


def test_every_integer_id_column_is_a_reference_or_says_it_is_not() -> None:
    """A new `…_id` column is remapped on restore only if the backup knows what it names: a
    foreign key, or `info={"references": "table"}` on a plain column (None: not a row)."""
    for spec in table_specs():
        foreign = {key for fk in spec.table.foreign_key_constraints for key in fk.column_keys}
        for column in spec.table.c:
            if (
                column.name.endswith("_id")
                and column.name != "workspace_id"
                and isinstance(column.type, Integer)
            ):
                assert column.name in foreign or "references" in column.info, (
                    f"{spec.name}.{column.name}: a foreign key, or "
                    'info={"references": "table"} (None when it names no row)'
                )


def test_the_plain_references_are_all_known() -> None:
    refs = {(spec.name, ref.column): ref.table for spec in table_specs() for ref in spec.references}
    for (table, column), target in {
        ("profile", "person_id"): "person",
        ("person", "manager_id"): "person",
        ("person", "org_import_id"): "import_run",
        ("person_source", "import_id"): "import_run",
        ("interaction", "import_id"): "import_run",
        ("meeting", "round_id"): "research_round",
        ("meeting", "plan_id"): "plan",
        ("meeting_referral", "new_meeting_id"): "meeting",
        ("tie", "other_id"): "person",
        ("vision_step", "plan_id"): "plan",
        ("sync_event", "meeting_id"): "meeting",
        ("sync_card", "account_id"): "sync_account",
    }.items():
        assert refs.get((table, column)) == target, (table, column)


def test_backup_restore_backup_gives_the_same_content_beside_the_original(
    db: Workspace, tmp_path: Path
) -> None:
    fill(db)
    first = tmp_path / "first.zip"
    summary = backup_workspace(db, first, now=NOW)
    # Maya's own people: the chart's members she has no dealings with are in the directory.
    assert summary.counts["person"] == 337
    assert all(summary.counts[spec.name] > 0 for spec in table_specs()), summary.counts

    restored = restore_workspace(db.db, first, name="copy", now=LATER)
    assert restored.created and restored.counts == summary.counts
    copy = open_workspace(db.db, "copy")
    second = tmp_path / "second.zip"
    backup_workspace(copy, second, now=LATER)

    assert canonical(second) == canonical(first)
    # The copy has ids of its own; the original is untouched.
    _m, first_rows = archive_rows(first)
    _m, second_rows = archive_rows(second)
    assert {r["id"] for r in first_rows["person"]}.isdisjoint(
        r["id"] for r in second_rows["person"]
    )
    third = tmp_path / "third.zip"
    backup_workspace(db, third, now=LATER)
    assert archive_rows(third)[1] == first_rows


def test_references_follow_their_rows(db: Workspace, tmp_path: Path) -> None:
    fill(db)
    backup_workspace(db, tmp_path / "b.zip", now=NOW)
    restore_workspace(db.db, tmp_path / "b.zip", name="copy", now=LATER)
    copy = open_workspace(db.db, "copy")

    def story(ws: Workspace) -> dict[str, Any]:
        with ws.session() as s:
            names = {i: n for i, n in s.execute(select(Person.id, Person.name))}
            plans = {i: n for i, n in s.execute(select(Plan.id, Plan.name))}
            rounds = {r.id: r.created_on for r in s.scalars(select(ResearchRound))}
            profile = s.get(Profile, 1)
            assert profile is not None and profile.person_id is not None
            return {
                "me": names[profile.person_id],
                "managers": sorted(
                    (p.name, names[p.manager_id])
                    for p in s.scalars(select(Person).where(Person.manager_id.is_not(None)))
                ),
                "meetings": sorted(
                    (names[m.person_id], plans[m.plan_id], rounds[m.round_id])
                    for m in s.scalars(select(Meeting))
                    if m.plan_id is not None and m.round_id is not None
                ),
                "referrals": sorted(
                    (names[r.person_id], r.new_meeting_id is not None)
                    for r in s.scalars(select(MeetingReferral))
                ),
                "emails": sorted(
                    (names[e.person_id], e.address) for e in s.scalars(select(PersonEmail))
                ),
                "preferences": ws.reloaded().preferences,
            }

    original = story(db)
    assert len(original["managers"]) == 5 and original["meetings"]
    assert story(copy) == original


def test_restore_into_a_workspace_that_holds_data_is_refused(db: Workspace, tmp_path: Path) -> None:
    fill(db)
    backup_workspace(db, tmp_path / "b.zip", now=NOW)
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Person))
    with pytest.raises(Exception, match="'default' already holds 337 people") as caught:
        restore_workspace(db.db, tmp_path / "b.zip", name="default", now=LATER)
    assert "--workspace" in (getattr(caught.value, "hint", "") or "")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == before


def test_restore_into_an_existing_empty_workspace(db: Workspace, tmp_path: Path) -> None:
    fill(db)
    backup_workspace(db, tmp_path / "b.zip", now=NOW)
    with db.db.session() as s:
        workspaces_store.create(s, "empty", now=NOW)
    summary = restore_workspace(db.db, tmp_path / "b.zip", name="empty", now=LATER)
    assert not summary.created
    assert open_workspace(db.db, "empty").preferences == {"week_starts": "monday", "n": 3}


def test_a_bad_row_late_in_the_archive_writes_nothing(db: Workspace, tmp_path: Path) -> None:
    fill(db)
    good = tmp_path / "good.zip"
    backup_workspace(db, good, now=NOW)
    bad = tmp_path / "bad.zip"
    rewrite(good, bad, "meeting_task", lambda row: {**row, "due_on": "not a date"})
    with db.db.session() as s:
        workspaces_before = s.scalar(select(func.count()).select_from(WorkspaceRow))
    with pytest.raises(
        Exception, match=r"tables/meeting_task.jsonl line 1: due_on: expected a date"
    ):
        restore_workspace(db.db, bad, name="copy", now=LATER, label="bad.zip")
    with db.db.session() as s:
        assert s.scalar(select(func.count()).select_from(WorkspaceRow)) == workspaces_before
        assert workspaces_store.find(s, "copy") is None


def test_a_reference_to_a_row_not_in_the_archive_is_refused(db: Workspace, tmp_path: Path) -> None:
    fill(db)
    good = tmp_path / "good.zip"
    backup_workspace(db, good, now=NOW)
    bad = tmp_path / "bad.zip"
    rewrite(good, bad, "tie", lambda row: {**row, "other_id": 987654})
    with pytest.raises(Exception, match="other_id: 987654 names no row of person"):
        restore_workspace(db.db, bad, name="copy", now=LATER)
    with db.db.session() as s:
        assert workspaces_store.find(s, "copy") is None


def rewrite(source: Path, target: Path, table: str, change: Any) -> None:
    """A copy of the archive with one table's first row changed and its checksum updated
    (a row a person edited, not a damaged file)."""
    import hashlib

    with zipfile.ZipFile(source) as z:
        manifest = json.loads(z.read("manifest.json"))
        members = {name: z.read(name) for name in z.namelist()}
    file = manifest["tables"][table]["file"]
    lines = members[file].splitlines()
    lines[0] = json.dumps(change(json.loads(lines[0]))).encode()
    members[file] = b"\n".join(lines) + b"\n"
    manifest["tables"][table]["sha256"] = hashlib.sha256(members[file]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_plain_reference_to_a_row_not_in_the_archive_is_left_empty(
    db: Workspace, tmp_path: Path
) -> None:
    fill(db)
    good = tmp_path / "good.zip"
    backup_workspace(db, good, now=NOW)
    _m, rows = archive_rows(good)
    bad = tmp_path / "bad.zip"

    def orphan(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "manager_id": 987654} if row["id"] == rows["person"][0]["id"] else row

    rewrite(good, bad, "person", orphan)
    summary = restore_workspace(db.db, bad, name="copy", now=LATER)
    assert summary.cleared_references == 1
    copy = open_workspace(db.db, "copy")
    with copy.session() as s:
        first = s.scalars(select(Person).order_by(Person.id)).first()
        assert first is not None and first.manager_id is None
        assert s.scalar(select(func.count()).where(Person.manager_id.is_not(None))) == sum(
            1 for r in rows["person"] if r["manager_id"] is not None
        ) - (1 if rows["person"][0]["manager_id"] is not None else 0)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_deleted_meetings_calendar_event_still_names_no_meeting(
    db: Workspace, tmp_path: Path
) -> None:
    """sync_event outlives its meeting (it says which event to delete on the server): its
    meeting_id cannot be empty, so it names no row after the restore either."""
    fill(db)
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    backup_workspace(db, good, now=NOW)
    rewrite(good, bad, "sync_event", lambda row: {**row, "meeting_id": 987654})
    summary = restore_workspace(db.db, bad, name="copy", now=LATER)
    assert summary.cleared_references == 1
    with open_workspace(db.db, "copy").session() as s:
        event = s.scalars(select(SyncEvent)).one()
        assert event.meeting_id == -987654
        assert s.get(Meeting, event.meeting_id) is None
