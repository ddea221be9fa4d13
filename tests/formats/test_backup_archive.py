"""Reading a backup archive nobody vouches for: damaged, truncated, encrypted, of another
version, a ZIP bomb, a member named to escape its folder — each a clear message naming the
file and the problem (docs/backup.md)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from nextmove.formats import backup_archive as fmt
from nextmove.formats.backup_archive import ArchiveError, WorkspaceEntry

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
ROWS = [{"id": n, "name": f"Person {n}", "day": "2026-11-22"} for n in range(1, 60)]


def write(path: Path, *, passphrase: str | None = None) -> Path:
    with fmt.writing(path, passphrase=passphrase) as writer:
        writer.table("person", ["id", "name", "day"], iter(ROWS))
        writer.table("tie", ["id"], iter([]))
        writer.finish(
            schema_revision="0007",
            nextmove_version="0.1.0",
            created=NOW,
            workspace=WorkspaceEntry(name="default", preferences={"a": 1}),
        )
    return path


def read_all(path: Path, passphrase: str | None = None) -> dict[str, list[dict[str, Any]]]:
    with fmt.reading(path, label=path.name, passphrase=passphrase) as archive:
        return {t: [row for _line, row in archive.rows(t)] for t in archive.manifest.tables}


def rezip(source: Path, target: Path, change: Any) -> Path:
    """A copy of the archive with its members passed through `change(dict) -> dict`."""
    with zipfile.ZipFile(source) as z:
        members = {name: z.read(name) for name in z.namelist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in change(members).items():
            z.writestr(name, data)
    return target


def with_manifest(source: Path, target: Path, **fields: Any) -> Path:
    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(members["manifest.json"])
        manifest.update(fields)
        return {**members, "manifest.json": json.dumps(manifest).encode()}

    return rezip(source, target, change)


def test_round_trip_and_the_manifest(tmp_path: Path) -> None:
    path = write(tmp_path / "b.zip")
    assert read_all(path) == {"person": ROWS, "tie": []}
    assert path.stat().st_mode & 0o777 == 0o600
    with fmt.reading(path) as archive:
        assert archive.manifest.counts == {"person": 59, "tie": 0}
        assert archive.manifest.workspace.preferences == {"a": 1}
    with zipfile.ZipFile(path) as z:
        assert sorted(z.namelist()) == ["manifest.json", "tables/person.jsonl", "tables/tie.jsonl"]
        first = z.read("tables/person.jsonl").splitlines()[0]
        assert json.loads(first) == ROWS[0]


def test_a_failed_backup_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    path = write(tmp_path / "b.zip")
    before = path.read_bytes()

    def rows() -> Any:
        yield {"id": 1}
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError), fmt.writing(path) as writer:
        writer.table("person", ["id"], rows())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip"]


def test_encrypted_round_trip_and_wrong_or_missing_passphrase(tmp_path: Path) -> None:
    path = write(tmp_path / "b.zip.age", passphrase="correct horse")
    assert path.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert not zipfile.is_zipfile(path)
    assert read_all(path, "correct horse")["person"] == ROWS
    with pytest.raises(ArchiveError, match=r"b.zip.age: is encrypted with a passphrase"):
        read_all(path)
    with pytest.raises(ArchiveError, match=r"b.zip.age: cannot be decrypted: the passphrase is"):
        read_all(path, "wrong horse")


def test_a_truncated_encrypted_archive(tmp_path: Path) -> None:
    path = write(tmp_path / "b.zip.age", passphrase="pw")
    cut = tmp_path / "cut.age"
    cut.write_bytes(path.read_bytes()[:60])
    with pytest.raises(ArchiveError, match=r"cut.age: is corrupt or truncated"):
        read_all(cut, "pw")


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_a_truncated_archive(tmp_path: Path, keep: float) -> None:
    data = write(tmp_path / "b.zip").read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ArchiveError, match=r"cut.zip: is corrupt or truncated"):
        read_all(cut)


def test_a_damaged_member(tmp_path: Path) -> None:
    data = bytearray(write(tmp_path / "b.zip").read_bytes())
    start = data.index(b"tables/person.jsonl") + len("tables/person.jsonl") + 20
    for i in range(start, start + 40):
        data[i] ^= 0x55
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match=r"bad.zip: tables/person.jsonl is corrupt"):
        read_all(bad)


def test_an_edited_member_does_not_match_the_manifest(tmp_path: Path) -> None:
    def drop_a_row(members: dict[str, bytes]) -> dict[str, bytes]:
        lines = members["tables/person.jsonl"].splitlines(keepends=True)
        return {**members, "tables/person.jsonl": b"".join(lines[1:])}

    bad = rezip(write(tmp_path / "b.zip"), tmp_path / "bad.zip", drop_a_row)
    with pytest.raises(ArchiveError, match=r"tables/person.jsonl does not match manifest.json"):
        read_all(bad)


def test_not_an_archive_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(ArchiveError, match=r"notes.txt: is not a nextmove backup"):
        read_all(path)
    with pytest.raises(ArchiveError, match=r"missing.zip: no such file"):
        read_all(tmp_path / "missing.zip")


def test_a_zip_that_is_not_a_backup(tmp_path: Path) -> None:
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("tables/photo.jsonl", b"")
    with pytest.raises(ArchiveError, match=r"has no manifest\.json"):
        read_all(other)


def test_a_newer_format(tmp_path: Path) -> None:
    newer = with_manifest(
        write(tmp_path / "b.zip"), tmp_path / "n.zip", format_version=4, nextmove_version="9.0"
    )
    with pytest.raises(
        ArchiveError, match=r"n.zip: uses backup format 4, newer .* nextmove 9.0"
    ) as e:
        read_all(newer)
    assert "Upgrade nextmove" in (e.value.hint or "")


ACME = {
    "id": 7,
    "key": "acme",
    "name": "Acme",
    "linked_at": NOW.isoformat(),
    "members": [
        {
            "employee_id": "E1",
            "name": "Ann Lee",
            "title": "VP Engineering",
            "level": 3,
            "function": "engineering",
            "department": "Platform",
            "manager_employee_id": None,
            "city": "Oakland",
            "email": "ann@acme.example",
            "depth": 0,
        }
    ],
}


def write_with_directory(path: Path) -> Path:
    with fmt.writing(path) as writer:
        writer.table("person", ["id", "name", "day"], iter(ROWS))
        writer.directory([ACME])
        writer.finish(
            schema_revision="0007",
            nextmove_version="0.1.0",
            created=NOW,
            workspace=WorkspaceEntry(name="default"),
        )
    return path


def test_the_directory_round_trips_and_is_checked_against_the_manifest(tmp_path: Path) -> None:
    path = write_with_directory(tmp_path / "d.zip")
    with fmt.reading(path) as archive:
        assert archive.manifest.format_version == 3
        assert archive.manifest.directory is not None
        assert (archive.manifest.directory.organizations, archive.manifest.directory.members) == (
            1,
            1,
        )
        (org,) = archive.directory()
        assert org.linked_at == NOW
        assert org.model_dump(mode="json", exclude={"linked_at"}) == {
            **{k: v for k, v in ACME.items() if k != "linked_at"},
            "industry": "",
            "chart": None,
        }
    edited = rezip(
        path,
        tmp_path / "e.zip",
        lambda m: {**m, "directory.json": m["directory.json"].replace(b"Ann Lee", b"Eve Moe")},
    )
    with (
        fmt.reading(edited, label="e.zip") as archive,
        pytest.raises(ArchiveError, match=r"e.zip: directory.json does not match manifest.json"),
    ):
        archive.directory()
    gone = rezip(
        path, tmp_path / "g.zip", lambda m: {k: v for k, v in m.items() if k != "directory.json"}
    )
    with pytest.raises(ArchiveError, match=r"g.zip: directory.json is missing"):
        read_all(gone)


def test_a_directory_with_a_bad_field_names_it(tmp_path: Path) -> None:
    bad = {**ACME, "members": [{**ACME["members"][0], "employee_id": "x" * 65}]}  # type: ignore[dict-item]
    with fmt.writing(tmp_path / "x.zip") as writer, pytest.raises(ValueError):
        writer.directory([bad])


def test_format_1_still_reads_with_no_directory(tmp_path: Path) -> None:
    def to_format_1(members: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(members["manifest.json"])
        manifest["format_version"] = 1
        del manifest["directory"]
        kept = {k: v for k, v in members.items() if k != "directory.json"}
        return {**kept, "manifest.json": json.dumps(manifest).encode()}

    old = rezip(write_with_directory(tmp_path / "d.zip"), tmp_path / "1.zip", to_format_1)
    assert read_all(old) == {"person": ROWS}
    with fmt.reading(old) as archive:
        assert archive.manifest.directory is None and archive.directory() == []


def test_an_older_format(tmp_path: Path) -> None:
    older = with_manifest(write(tmp_path / "b.zip"), tmp_path / "o.zip", format_version=0)
    with pytest.raises(ArchiveError, match=r"o.zip: uses backup format 0, older than any"):
        read_all(older)


def test_a_manifest_with_a_wrong_field(tmp_path: Path) -> None:
    bad = with_manifest(write(tmp_path / "b.zip"), tmp_path / "m.zip", created="yesterday")
    with pytest.raises(ArchiveError, match=r"m.zip: manifest.json, field created"):
        read_all(bad)


@pytest.mark.parametrize(
    "name", ["../evil.jsonl", "/etc/cron.d/x", "tables/../../x.jsonl", "tables/a/b.jsonl", "x.sh"]
)
def test_a_member_named_to_escape_is_refused(tmp_path: Path, name: str) -> None:
    bad = rezip(
        write(tmp_path / "b.zip"), tmp_path / "t.zip", lambda m: {**m, name: b"#!/bin/sh\n"}
    )
    with pytest.raises(ArchiveError, match="holds an unexpected file"):
        read_all(bad)


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    def bomb(members: dict[str, bytes]) -> dict[str, bytes]:
        return {**members, "tables/person.jsonl": b" " * (64 << 20)}

    bad = rezip(write(tmp_path / "b.zip"), tmp_path / "bomb.zip", bomb)
    assert bad.stat().st_size < 1 << 20
    with pytest.raises(ArchiveError, match=r"bomb.zip: 'tables/person.jsonl' expands \d+ times"):
        read_all(bad)


def test_a_member_missing_from_the_archive(tmp_path: Path) -> None:
    def drop(members: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in members.items() if k != "tables/tie.jsonl"}

    bad = rezip(write(tmp_path / "b.zip"), tmp_path / "d.zip", drop)
    with pytest.raises(ArchiveError, match=r"tables/tie.jsonl is missing"):
        read_all(bad)


def test_an_encrypted_archive_asking_for_excessive_work_is_refused_at_once(tmp_path: Path) -> None:
    """An age header may name any scrypt work factor; one far above what nextmove writes
    would keep the restore busy for days. It is refused before any work is done."""
    import re

    data = write(tmp_path / "b.zip.age", passphrase="pw").read_bytes()
    stanza = data.split(b"\n")[1]
    assert stanza.startswith(b"-> scrypt ")
    heavy = tmp_path / "heavy.age"
    heavy.write_bytes(data.replace(stanza, re.sub(rb" \d+$", b" 40", stanza)))
    with pytest.raises(ArchiveError, match=r"heavy.age: asks for far more decryption work"):
        read_all(heavy, "pw")


CHART = {
    "snapshots": [
        {
            "number": 1,
            "file": "acme.csv",
            "taken_on": "2026-10-05",
            "imported_at": "2026-10-05T09:00:00Z",
            "members": 1,
            "joiners": 1,
            "leavers": 0,
            "moves": 0,
            "title_changes": 0,
        }
    ],
    "current": 1,
    "members": "charts/1/members.jsonl",
    "teams": "charts/1/teams.jsonl",
}


def write_with_chart(path: Path) -> Path:
    member = {**ACME["members"][0], "since": 1, "until": None}  # type: ignore[index]
    with fmt.writing(path) as writer:
        writer.table("person", ["id", "name", "day"], iter(ROWS))
        writer.chart("charts/1/members.jsonl", list(member), iter([member]))
        writer.chart("charts/1/teams.jsonl", ["manager_employee_id"], iter([]))
        writer.directory([{**ACME, "chart": CHART}])
        writer.finish(
            schema_revision="0007",
            nextmove_version="0.1.0",
            created=NOW,
            workspace=WorkspaceEntry(name="default"),
        )
    return path


def with_directory(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    """A copy whose directory.json has `old` replaced by `new`, its checksum updated (an
    edit the checksum alone would not catch)."""

    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        assert old in members["directory.json"]
        body = members["directory.json"].replace(old, new)
        manifest = json.loads(members["manifest.json"])
        manifest["directory"]["sha256"] = hashlib.sha256(body).hexdigest()
        return {**members, "directory.json": body, "manifest.json": json.dumps(manifest).encode()}

    return rezip(source, target, change)


def test_a_whole_chart_round_trips_and_its_members_are_checked_against_the_manifest(
    tmp_path: Path,
) -> None:
    path = write_with_chart(tmp_path / "c.zip")
    with fmt.reading(path) as archive:
        (org,) = archive.directory()
        assert org.chart is not None and org.chart.current == 1
        ((line, row),) = list(archive.chart_rows(org.chart.members))
        assert (line, row["employee_id"], row["since"]) == (1, "E1", 1)
        assert list(archive.chart_rows(org.chart.teams)) == []
    # A chart member directory.json does not name, or one the manifest does not list.
    stray = rezip(path, tmp_path / "s.zip", lambda m: {**m, "charts/2/members.jsonl": b""})
    with pytest.raises(ArchiveError, match=r"charts/2/members.jsonl is not listed"):
        read_all(stray)
    renamed = with_directory(path, tmp_path / "r.zip", b"charts/1/teams", b"charts/9/teams")
    with (
        pytest.raises(ArchiveError, match=r"directory.json and manifest.json list different"),
        fmt.reading(renamed) as archive,
    ):
        archive.directory()
    # Snapshots must run 1, 2, … and hold the current one.
    skipped = with_directory(path, tmp_path / "k.zip", b'"current": 1', b'"current": 2')
    with (
        pytest.raises(ArchiveError, match=r"numbers its snapshots wrongly"),
        fmt.reading(skipped) as archive,
    ):
        archive.directory()
