"""`nextmove backup` and `nextmove restore` as a user runs them: the move from SQLite to
PostgreSQL is this pair of commands; bad archives are a message, an exit code and nothing
written."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import zipfile
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from nextmove.services.workspace import Workspace
from nextmove.store.db import SCHEMA_HEAD
from nextmove.store.models import Person
from nextmove.store.models import Workspace as WorkspaceRow
from tests.conftest import ROOT, Cli
from tests.pg_server import PostgresServer
from tests.services.test_backup import canonical, fill


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'laptop.db'}"
    ws = Workspace.open(url)
    try:
        fill(ws)
    finally:
        ws.dispose()
    return url


def counts(url: str) -> tuple[int, dict[str, int]]:
    ws = Workspace.open(url)
    try:
        with ws.db.session(all_workspaces=True) as s:
            names = dict(s.execute(select(WorkspaceRow.id, WorkspaceRow.name)).all())
            people = dict(
                s.execute(
                    select(Person.workspace_id, func.count()).group_by(Person.workspace_id)
                ).all()
            )
        return len(names), {name: people.get(i, 0) for i, name in names.items()}
    finally:
        ws.dispose()


def test_moving_a_workspace_from_sqlite_to_postgresql(
    sqlite_url: str, tmp_path: Path, db_url_postgresql: str, cli_sqlite: Cli
) -> None:
    pg_url = db_url_postgresql
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, None)
    archive = tmp_path / "move.zip"
    out = cli(["--db", sqlite_url, "backup", str(archive)])
    assert out.exit_code == 0, out.output
    assert "337 people" in out.stdout

    out = cli(["--db", pg_url, "restore", str(archive)])
    assert out.exit_code == 0, out.output
    assert "into the workspace 'default'" in out.stdout

    again = tmp_path / "again.zip"
    assert cli(["--db", pg_url, "backup", str(again)]).exit_code == 0
    assert canonical(again) == canonical(archive)
    assert counts(pg_url) == (1, {"default": 337})
    # The same people and their meetings, as the CLI shows them.
    laptop = cli(["--db", sqlite_url, "meeting", "list", "--json"])
    server = cli(["--db", pg_url, "meeting", "list", "--json"])
    assert without_ids(json.loads(server.stdout)) == without_ids(json.loads(laptop.stdout))
    assert len(json.loads(server.stdout)["meetings"]) == 8


def without_ids(value: object) -> object:
    """A JSON value with every id left out (a restore gives rows new ids)."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k != "id" and not k.endswith("_id")}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


_names = itertools.count()


@pytest.fixture
def db_url_postgresql(pg_server: PostgresServer) -> str:
    """A fresh, migrated PostgreSQL database (the `db_url` fixture is both backends)."""
    name = f"bk{os.getpid()}_{next(_names)}"
    with psycopg.connect(pg_server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE nextmove_template')
    return pg_server.url(name)


def test_encrypted_backup_and_restore_beside_the_original(
    sqlite_url: str, tmp_path: Path, cli_sqlite: Cli
) -> None:
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, sqlite_url)
    archive = tmp_path / "safe.zip.age"
    out = cli(f"backup {archive} --passphrase-stdin", input="s3cret words\n")
    assert out.exit_code == 0, out.output
    assert "encrypted" in out.stdout
    assert archive.read_bytes().startswith(b"age-encryption.org/v1")
    assert b"Maya" not in archive.read_bytes()

    out = cli(f"restore {archive} --workspace copy")
    assert out.exit_code == 2
    assert "safe.zip.age: is encrypted with a passphrase" in out.stderr
    assert "--passphrase-stdin" in out.stderr

    out = cli(f"restore {archive} --workspace copy --passphrase-stdin", input="wrong\n")
    assert out.exit_code == 2
    assert "cannot be decrypted: the passphrase is wrong" in out.stderr
    assert counts(sqlite_url) == (1, {"default": 337})

    out = cli(f"restore {archive} --workspace copy --passphrase-stdin", input="s3cret words\n")
    assert out.exit_code == 0, out.output
    assert "into the new workspace 'copy'" in out.stdout
    assert "nextmove --workspace copy" in out.stdout
    assert counts(sqlite_url) == (2, {"default": 337, "copy": 337})
    shown = cli("--workspace copy people show 'Ana Ruiz' --json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["name"] == "Ana Ruiz"


def test_restore_refuses_a_workspace_that_holds_data(
    sqlite_url: str, tmp_path: Path, cli_sqlite: Cli
) -> None:
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, sqlite_url)
    assert cli(f"backup {tmp_path / 'b.zip'}").exit_code == 0
    out = cli(f"restore {tmp_path / 'b.zip'}")
    assert out.exit_code == 2
    assert "'default' already holds 337 people" in out.stderr
    assert "--workspace NEW-NAME" in out.stderr
    assert "Traceback" not in out.output
    assert counts(sqlite_url) == (1, {"default": 337})


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "is corrupt or truncated"),
        (lambda data: b"not a zip" + data, "is not a nextmove backup"),
        (lambda data: data.replace(b'"format_version":3', b'"format_version":7'), "format 7"),
        (
            lambda data: data.replace(
                f'"schema_revision":"{SCHEMA_HEAD}"'.encode(), b'"schema_revision":"0099"'
            ),
            "schema 0099",
        ),
    ],
    ids=["truncated", "not-a-zip", "newer-format", "newer-schema"],
)
def test_a_bad_archive_is_a_message_and_nothing_written(
    sqlite_url: str, tmp_path: Path, cli_sqlite: Cli, damage: object, message: str
) -> None:
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, sqlite_url)
    good = tmp_path / "good.zip"
    assert cli(f"backup {good}").exit_code == 0
    bad = tmp_path / "bad.zip"
    if message.startswith(("format", "schema")):
        with zipfile.ZipFile(good) as z:
            members = {n: z.read(n) for n in z.namelist()}
        manifest = json.loads(members["manifest.json"])
        members["manifest.json"] = damage(json.dumps(manifest, separators=(",", ":")).encode())  # type: ignore[operator]
        with zipfile.ZipFile(bad, "w") as z:
            for n, d in members.items():
                z.writestr(n, d)
    else:
        bad.write_bytes(damage(good.read_bytes()))  # type: ignore[operator]
    out = cli(f"restore {bad} --workspace copy")
    assert out.exit_code == 2, out.output
    assert f"{bad}: " in out.stderr and message in out.stderr
    assert "Traceback" not in out.output
    assert counts(sqlite_url) == (1, {"default": 337})


def test_backup_to_a_folder_that_does_not_exist(tmp_path: Path, cli_sqlite: Cli) -> None:
    out = cli_sqlite(f"backup {tmp_path / 'nowhere' / 'b.zip'}")
    assert out.exit_code == 2
    assert "cannot write" in out.stderr and "nowhere" in out.stderr


def test_an_empty_passphrase_is_refused(tmp_path: Path, cli_sqlite: Cli) -> None:
    out = cli_sqlite(f"backup {tmp_path / 'b.zip'} --passphrase-stdin", input="\n")
    assert out.exit_code == 2
    assert "no passphrase on standard input" in out.stderr
    assert not (tmp_path / "b.zip").exists()


def test_backup_refuses_to_replace_the_database_itself(sqlite_url: str, cli_sqlite: Cli) -> None:
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, sqlite_url)
    database = Path(sqlite_url.removeprefix("sqlite:///"))
    before = database.stat().st_size
    out = cli(["backup", str(database)])
    assert out.exit_code == 2
    assert "is the database itself" in out.stderr
    assert database.stat().st_size == before and counts(sqlite_url) == (1, {"default": 337})


def test_backup_of_a_named_workspace(sqlite_url: str, tmp_path: Path, cli_sqlite: Cli) -> None:
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, sqlite_url)
    assert cli(f"backup {tmp_path / 'a.zip'}").exit_code == 0
    assert cli(f"restore {tmp_path / 'a.zip'} -w second").exit_code == 0
    out = cli(f"backup {tmp_path / 'b.zip'} --workspace second")
    assert out.exit_code == 0 and "workspace 'second'" in out.stdout
    assert canonical(tmp_path / "b.zip") == canonical(tmp_path / "a.zip")
    missing = cli(f"backup {tmp_path / 'c.zip'} --workspace nowhere")
    assert missing.exit_code == 3 and "no workspace 'nowhere'" in missing.stderr
    assert not (tmp_path / "c.zip").exists()


def test_release_0_1_database_moves_to_postgresql_with_every_row(
    tmp_path: Path, db_url_postgresql: str, cli_sqlite: Cli
) -> None:
    """0.1's database, upgraded, backed up and restored on PostgreSQL: every table counted
    equal, the same content apart from ids."""
    copy = tmp_path / "release.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "release-0.1" / "nextmove.db", copy)
    cli = Cli(cli_sqlite.capsys, cli_sqlite.monkeypatch, None)
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    out = cli(["--db", f"sqlite:///{copy}", "backup", str(first)])
    assert out.exit_code == 0, out.output
    assert "and 1 org chart with its history" in " ".join(out.stdout.split())
    moved = cli(["--db", db_url_postgresql, "restore", str(first)])
    assert moved.exit_code == 0
    # Upgraded, 0.1's chart-only people are members of the shared directory; the backup
    # carries the organization's whole chart, so `people list` finds everyone it found.
    assert "1 organization(s) added from the backup with their whole chart" in " ".join(
        moved.stdout.split()
    )
    listed = [
        json.loads(cli(["--db", url, "people", "list", "--json"]).stdout)["total"]
        for url in (f"sqlite:///{copy}", db_url_postgresql)
    ]
    assert listed[0] > 400 and listed[1] == listed[0]
    assert cli(["--db", db_url_postgresql, "backup", str(second)]).exit_code == 0
    counts_first, _p, content_first = canonical(first)
    counts_second, _p, content_second = canonical(second)
    assert sum(counts_first.values()) > 100 and counts_second == counts_first
    # The organization directory is shared, not the workspace's: its ids are the
    # database's own, so they are left out of the comparison; the people keep their
    # employee ids, and the directory.json of both backups carries the same members.
    linked = sum(1 for p in content_first["person"] if p["directory_org_id"] is not None)
    assert linked
    for content in (content_first, content_second):
        for person in content["person"]:
            person["directory_org_id"] = None
    assert content_second == content_first
    assert content_first["person"]
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        carried = [json.loads(z.read("directory.json"))["organizations"] for z in (a, b)]
    assert [[m["employee_id"] for m in o[0]["members"]] for o in carried] == [
        [m["employee_id"] for m in carried[0][0]["members"]]
    ] * 2
    assert len(carried[0][0]["members"]) == linked
    restored = cli(["--db", db_url_postgresql, "restore", str(first), "--workspace", "again"])
    assert restored.exit_code == 0
    assert "1 organization(s) already in this database" in restored.stdout
    assert "references named rows" not in restored.stdout
