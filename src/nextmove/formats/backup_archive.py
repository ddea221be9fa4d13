"""The backup archive (docs/backup.md): a ZIP holding `manifest.json` and one JSON Lines file
per table, optionally encrypted with a passphrase as an age file (age-encryption.org/v1).

This module knows bytes, members and rows as JSON objects; what a row means (its columns'
types, its references) is the store's. Reading treats the file as untrusted: every size is
bounded before it is read, member names are checked against the two the format has, and
each member's row count and SHA-256 are checked against the manifest."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nextmove.errors import UserError

FORMAT = "nextmove-backup"
# 2: directory.json, what the workspace needs of the shared organization directory.
# 3: charts/N/…jsonl, an organization's whole chart with its history (optional).
FORMAT_VERSION = 3
OLDEST_FORMAT_VERSION = 1  # read as it was: no directory.json
MANIFEST = "manifest.json"
DIRECTORY = "directory.json"
MAX_DIRECTORY_BYTES = 64 << 20  # read whole: ~200,000 linked members
TABLES_DIR = "tables/"
MEMBER_NAME = re.compile(r"^tables/([a-z][a-z0-9_]{0,62})\.jsonl$")
CHART_NAME = re.compile(r"^charts/([1-9][0-9]{0,5})/(members|teams)\.jsonl$")
MAX_SNAPSHOTS = 100_000  # of one organization, in directory.json
AGE_MAGIC = b"age-encryption.org/v1\n"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

# Bounds for reading an archive nobody vouches for (docs/backup.md, "Limits").
MAX_MANIFEST_BYTES = 1 << 20
MAX_MEMBERS = 500
MAX_LINE_BYTES = 16 << 20
MAX_TOTAL_BYTES = 8 << 30  # all members, uncompressed
MAX_ENCRYPTED_BYTES = 1 << 30  # decrypted in memory
# JSON of real rows deflates 5–30×; a bomb deflates thousands of times. Small members
# (a few empty rows) may deflate more, so the ratio is checked past this size only.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1 << 20


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TableEntry(_Strict):
    """One table in the manifest: its member, its columns and how many rows it holds."""

    file: str
    columns: list[str]
    rows: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class DirectoryEntry(_Strict):
    """`directory.json` in the manifest: how many organizations and members it carries."""

    file: str = Field(pattern=r"^directory\.json$")
    organizations: int = Field(ge=0)
    members: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class DirectoryMemberFacts(_Strict):
    """A member of an organization's chart, as the workspace's people knew them."""

    employee_id: str = Field(min_length=1, max_length=64)
    name: str = Field(max_length=10_000)
    title: str = Field(max_length=10_000)
    level: int | None = Field(default=None, ge=-32768, le=32767)
    function: str | None = Field(default=None, max_length=10_000)
    department: str = Field(max_length=10_000)
    manager_employee_id: str | None = Field(default=None, max_length=64)
    city: str = Field(max_length=10_000)
    email: str | None = Field(default=None, max_length=10_000)
    depth: int = Field(ge=0, le=1_000_000)


class ChartMember(DirectoryMemberFacts):
    """One line of `charts/N/members.jsonl`: a version of a member, true from snapshot
    number `since` until (not including) `until` (null: still true)."""

    since: int = Field(ge=1)
    until: int | None = Field(default=None, ge=2)


class ChartTeam(_Strict):
    """One line of `charts/N/teams.jsonl`: a manager's team size from snapshot `snapshot`."""

    manager_employee_id: str = Field(min_length=1, max_length=64)
    snapshot: int = Field(ge=1)
    direct: int = Field(ge=0, le=100_000_000)
    size: int = Field(ge=0, le=100_000_000)


class ChartSnapshot(_Strict):
    """One import of the organization's chart, numbered from 1, with what changed."""

    number: int = Field(ge=1)
    file: str = Field(max_length=255)
    taken_on: date
    imported_at: datetime
    members: int = Field(ge=0)
    joiners: int = Field(ge=0)
    leavers: int = Field(ge=0)
    moves: int = Field(ge=0)
    title_changes: int = Field(ge=0)


class Chart(_Strict):
    """An organization's whole chart, carried with its history: the snapshots, and where
    the member versions and team sizes are (members listed in the manifest's `charts`)."""

    snapshots: list[ChartSnapshot] = Field(min_length=1, max_length=MAX_SNAPSHOTS)
    current: int = Field(ge=1)  # the snapshot number readers see
    members: str = Field(pattern=CHART_NAME.pattern)
    teams: str = Field(pattern=CHART_NAME.pattern)


class DirectoryOrganization(_Strict):
    """An organization the workspace is linked to: `id` is its id in the database the backup
    came from (what the people's `directory_org_id` names). `members` are those the
    workspace's people link to; `chart`, when the backup carries whole charts, is all of it."""

    id: int = Field(ge=1)
    key: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    industry: str = Field(default="", max_length=200)
    linked_at: datetime | None = None
    members: list[DirectoryMemberFacts] = Field(default_factory=list)
    chart: Chart | None = None  # format 3 on, when carried


class Directory(_Strict):
    organizations: list[DirectoryOrganization]


class WorkspaceEntry(_Strict):
    name: str
    created_at: datetime | None = None
    preferences: dict[str, Any] = Field(default_factory=dict)


class Manifest(_Strict):
    """`manifest.json`: what the archive is and what it holds."""

    format: str
    format_version: int
    schema_revision: str
    nextmove_version: str
    created: datetime
    workspace: WorkspaceEntry
    counts: dict[str, int]  # rows per table, at a glance (the same as each table's `rows`)
    tables: dict[str, TableEntry]
    directory: DirectoryEntry | None = None  # format 2 on
    # Format 3 on: the JSON Lines members of whole charts (charts/N/members|teams.jsonl).
    charts: dict[str, TableEntry] = Field(default_factory=dict)


def field_problem(exc: ValidationError) -> str:
    """The first problem pydantic found, as "field a.b: what is wrong"."""
    first = exc.errors()[0]
    return f"field {'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def member_name(table: str) -> str:
    return f"{TABLES_DIR}{table}.jsonl"


# ------------------------------------------------------------------------------ writing


@dataclass
class _TableOut:
    columns: list[str]
    rows: int = 0
    digest: Any = field(default_factory=hashlib.sha256)


class ArchiveWriter:
    """Writes one archive: `table()` per table, then `finish()` with the manifest's other
    fields. Nothing appears at `path` until `finish()` succeeds (a temporary file in the same
    folder is renamed over it), and the file is readable by its owner only."""

    def __init__(self, path: Path, *, passphrase: str | None = None):
        self.path = path
        self.passphrase = passphrase
        self._tables: dict[str, _TableOut] = {}
        self._charts: dict[str, _TableOut] = {}
        self._directory: DirectoryEntry | None = None
        folder = path.parent if str(path.parent) else Path(".")
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        except OSError as exc:
            raise UserError(
                f"cannot write {path}: {exc.strerror}",
                hint="Check that the folder exists and is writable.",
            ) from None
        self._temp = Path(temp)
        self._file: IO[bytes] = os.fdopen(fd, "w+b")
        target: IO[bytes] = io.BytesIO() if passphrase else self._file
        self._zip_target = target
        self._zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)

    def table(self, name: str, columns: list[str], rows: Iterator[dict[str, Any]]) -> int:
        """Write one table's rows (JSON objects) as a JSON Lines member."""
        out = self._lines(member_name(name), columns, rows)
        self._tables[name] = out
        return out.rows

    def chart(self, file: str, columns: list[str], rows: Iterator[dict[str, Any]]) -> int:
        """Write one part of an organization's whole chart (`charts/N/members.jsonl` or
        `teams.jsonl`) as a JSON Lines member."""
        if not CHART_NAME.match(file):
            raise ValueError(f"not a chart member name: {file}")
        out = self._lines(file, columns, rows)
        self._charts[file] = out
        return out.rows

    def _lines(self, file: str, columns: list[str], rows: Iterator[dict[str, Any]]) -> _TableOut:
        out = _TableOut(list(columns))
        with self._zip.open(_member_info(file), "w", force_zip64=True) as member:
            for row in rows:
                line = json.dumps(row, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
                data = line.encode() + b"\n"
                out.digest.update(data)
                member.write(data)
                out.rows += 1
        return out

    def directory(self, organizations: list[dict[str, Any]]) -> DirectoryEntry:
        """Write `directory.json`: the organizations (with their members) the workspace's
        people are linked to."""
        body = Directory.model_validate({"organizations": organizations})
        data = (body.model_dump_json(indent=1) + "\n").encode()
        self._zip.writestr(_member_info(DIRECTORY), data)
        self._directory = DirectoryEntry(
            file=DIRECTORY,
            organizations=len(body.organizations),
            members=sum(len(o.members) for o in body.organizations),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        return self._directory

    def finish(
        self,
        *,
        schema_revision: str,
        nextmove_version: str,
        created: datetime,
        workspace: WorkspaceEntry,
    ) -> Manifest:
        manifest = Manifest(
            format=FORMAT,
            format_version=FORMAT_VERSION,
            schema_revision=schema_revision,
            nextmove_version=nextmove_version,
            created=created,
            workspace=workspace,
            counts={name: out.rows for name, out in self._tables.items()},
            tables={
                name: TableEntry(
                    file=member_name(name),
                    columns=out.columns,
                    rows=out.rows,
                    sha256=out.digest.hexdigest(),
                )
                for name, out in self._tables.items()
            },
            directory=self._directory,
            charts={
                file: TableEntry(
                    file=file, columns=out.columns, rows=out.rows, sha256=out.digest.hexdigest()
                )
                for file, out in self._charts.items()
            },
        )
        self._zip.writestr(_member_info(MANIFEST), manifest.model_dump_json(indent=2) + "\n")
        self._zip.close()
        if self.passphrase:
            import pyrage

            assert isinstance(self._zip_target, io.BytesIO)
            self._file.write(
                pyrage.passphrase.encrypt(self._zip_target.getvalue(), self.passphrase)
            )
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self._temp, 0o600)
        os.replace(self._temp, self.path)
        return manifest

    def abort(self) -> None:
        """Leave nothing behind (the target, if it existed, is untouched)."""
        with suppress(Exception):  # the archive is being thrown away
            self._zip.close()
        self._file.close()
        self._temp.unlink(missing_ok=True)


def _member_info(name: str) -> zipfile.ZipInfo:
    """A member dated now (ZIP dates are local time), deflated, readable by its owner."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


@contextmanager
def writing(path: Path, *, passphrase: str | None = None) -> Iterator[ArchiveWriter]:
    writer = ArchiveWriter(path, passphrase=passphrase)
    try:
        yield writer
    except BaseException:
        writer.abort()
        raise


# ------------------------------------------------------------------------------ reading


class ArchiveError(UserError):
    """The archive cannot be restored: corrupt, truncated, encrypted without (or with the
    wrong) passphrase, of another format or version, or breaking a limit."""


def is_encrypted(head: bytes) -> bool:
    return head.startswith(AGE_MAGIC)


class ArchiveReader:
    """An archive opened for reading: the manifest checked, every member name checked, sizes
    and ratios bounded. `rows(table)` yields (line number, JSON object) and checks the
    member's row count and SHA-256 when it ends."""

    def __init__(self, source: Path, *, label: str | None = None, passphrase: str | None = None):
        self.label = label or str(source)
        data = self._open(source, passphrase)
        try:
            self._zip = zipfile.ZipFile(data)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise self.error(
                f"is corrupt or truncated (not a readable ZIP: {exc})",
                hint="Use a complete copy of the backup; a download or copy may have been cut "
                "short.",
            ) from None
        self._check_members()
        self.manifest = self._read_manifest()
        self._check_tables()

    def error(self, problem: str, *, hint: str | None = None) -> ArchiveError:
        return ArchiveError(f"{self.label}: {problem}", hint=hint)

    def _open(self, source: Path, passphrase: str | None) -> IO[bytes]:
        try:
            size = source.stat().st_size
            with source.open("rb") as f:
                head = f.read(len(AGE_MAGIC))
        except FileNotFoundError:
            raise ArchiveError(f"{self.label}: no such file") from None
        except IsADirectoryError:
            raise ArchiveError(f"{self.label}: is a folder, not a backup file") from None
        except OSError as exc:
            raise ArchiveError(f"{self.label}: cannot read it: {exc.strerror}") from None
        if is_encrypted(head):
            if not passphrase:
                raise self.error(
                    "is encrypted with a passphrase",
                    hint="Give its passphrase on standard input: "
                    "`nextmove restore FILE --passphrase-stdin`.",
                )
            if size > MAX_ENCRYPTED_BYTES:
                raise self.error(
                    f"is larger than {MAX_ENCRYPTED_BYTES >> 20} MB, the most an encrypted "
                    "backup may be",
                    hint="Decrypt it with the age tool first (`age -d`), then restore the ZIP.",
                )
            import pyrage

            try:
                return io.BytesIO(pyrage.passphrase.decrypt(source.read_bytes(), passphrase))
            except pyrage.DecryptError as exc:
                if "excessive work" in str(exc).lower():
                    raise self.error(
                        "asks for far more decryption work than a nextmove backup does (its "
                        "scrypt work factor was raised), so it was not decrypted",
                        hint="It was not written by nextmove, or was changed since.",
                    ) from None
                if "header" in str(exc).lower():
                    raise self.error(
                        f"is corrupt or truncated (its encryption header: {exc})",
                        hint="Use a complete copy of the backup.",
                    ) from None
                raise self.error(
                    "cannot be decrypted: the passphrase is wrong or the file is damaged",
                    hint="Check the passphrase (it is case-sensitive; a trailing newline on "
                    "standard input is ignored).",
                ) from None
        if not head.startswith(ZIP_MAGICS):
            raise self.error(
                "is not a nextmove backup (neither a ZIP nor an age-encrypted file)",
                hint="`nextmove backup FILE` writes one; docs/backup.md describes the format.",
            )
        if passphrase:
            raise self.error(
                "is not encrypted, but a passphrase was given",
                hint="Restore it without --passphrase-stdin.",
            )
        return source.open("rb")

    def _check_members(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self.error(f"holds {len(infos)} files; a backup holds at most {MAX_MEMBERS}")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if (
                name not in (MANIFEST, DIRECTORY)
                and not MEMBER_NAME.match(name)
                and not CHART_NAME.match(name)
            ):
                raise self.error(
                    f"holds an unexpected file {name!r} (a backup holds only manifest.json, "
                    "directory.json, tables/NAME.jsonl and charts/N/members|teams.jsonl)",
                    hint="It was not written by nextmove, or was changed since; nothing was "
                    "restored.",
                )
            if name in seen:
                raise self.error(f"holds {name!r} twice")
            seen.add(name)
            if info.flag_bits & 0x1:
                raise self.error(
                    f"{name!r} is encrypted with ZIP encryption, which nextmove does not use",
                    hint="nextmove encrypts a whole backup with age (--passphrase-stdin).",
                )
            total += info.file_size
            if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
                1, info.compress_size
            ):
                raise self.error(
                    f"{name!r} expands {info.file_size // max(1, info.compress_size)} times "
                    f"(more than {MAX_RATIO}): refused as a likely ZIP bomb"
                )
        if total > MAX_TOTAL_BYTES:
            raise self.error(
                f"would expand to {total >> 20} MB, more than the {MAX_TOTAL_BYTES >> 20} MB "
                "a backup may hold"
            )
        if MANIFEST not in seen:
            raise self.error(
                "has no manifest.json, so it is not a nextmove backup (or it is damaged)",
                hint="`nextmove backup FILE` writes one; docs/backup.md describes the format.",
            )

    def _read_bounded(self, name: str, limit: int) -> bytes:
        info = self._zip.getinfo(name)
        if info.file_size > limit:
            raise self.error(f"{name} is larger than {limit >> 10} KB")
        with self._member(name) as member:
            data = member.read(limit + 1)
        if len(data) > limit:
            raise self.error(f"{name} is larger than {limit >> 10} KB")
        return data

    @contextmanager
    def _member(self, name: str) -> Iterator[IO[bytes]]:
        try:
            with self._zip.open(name) as member:
                yield member
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            # zlib.error is not an OSError; the caller's other handler names it.
            raise self.error(
                f"{name} is corrupt or truncated ({exc})",
                hint="Use a complete copy of the backup.",
            ) from None

    def _read_manifest(self) -> Manifest:
        try:
            data = json.loads(self._read_bounded(MANIFEST, MAX_MANIFEST_BYTES))
        except ArchiveError:
            raise
        except (ValueError, UnicodeDecodeError) as exc:
            raise self.error(f"manifest.json is not valid JSON ({exc})") from None
        except Exception as exc:  # zlib.error on a damaged member
            raise self.error(f"manifest.json is corrupt ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self.error(
                "manifest.json does not describe a nextmove backup",
                hint="docs/backup.md describes the format.",
            )
        version = data.get("format_version")
        if isinstance(version, int) and not isinstance(version, bool):
            if version > FORMAT_VERSION:
                written = data.get("nextmove_version", "a newer version")
                raise self.error(
                    f"uses backup format {version}, newer than the {FORMAT_VERSION} this "
                    f"nextmove reads (it was written by nextmove {written})",
                    hint="Upgrade nextmove, then restore it.",
                )
            if version < OLDEST_FORMAT_VERSION:
                raise self.error(
                    f"uses backup format {version}, older than any this nextmove reads "
                    f"(formats {OLDEST_FORMAT_VERSION}–{FORMAT_VERSION})",
                    hint="Restore it with the nextmove that wrote it, back it up again with "
                    "a newer one, then restore that.",
                )
        try:
            return Manifest.model_validate(data)
        except ValidationError as exc:
            raise self.error(
                f"manifest.json, {field_problem(exc)}",
                hint="docs/backup.md describes the manifest.",
            ) from None

    def _check_tables(self) -> None:
        names = {info.filename for info in self._zip.infolist()} - {MANIFEST}
        listed = set()
        if self.manifest.directory is not None:
            if DIRECTORY not in names:
                raise self.error(
                    f"{DIRECTORY} is missing (manifest.json lists it)",
                    hint="Use a complete copy of the backup.",
                )
            listed.add(DIRECTORY)
        for table, entry in self.manifest.tables.items():
            if entry.file != member_name(table):
                raise self.error(f"manifest.json: table {table} names the file {entry.file!r}")
            if entry.file not in names:
                raise self.error(
                    f"{entry.file} is missing (manifest.json lists {entry.rows} rows in it)",
                    hint="Use a complete copy of the backup.",
                )
            listed.add(entry.file)
        for file, entry in self.manifest.charts.items():
            if entry.file != file or not CHART_NAME.match(file):
                raise self.error(f"manifest.json: the chart member {file!r} is misnamed")
            if self.manifest.directory is None:
                raise self.error(f"manifest.json lists {file} but no {DIRECTORY}")
            if file not in names:
                raise self.error(
                    f"{file} is missing (manifest.json lists {entry.rows} rows in it)",
                    hint="Use a complete copy of the backup.",
                )
            listed.add(file)
        if self.manifest.counts != {t: e.rows for t, e in self.manifest.tables.items()}:
            raise self.error(
                "manifest.json: its counts differ from its tables' rows",
                hint="The archive was edited or is damaged; use a complete copy.",
            )
        extra = sorted(names - listed)
        if extra:
            raise self.error(f"{extra[0]} is not listed in manifest.json")

    def rows(self, table: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The rows of `table` as (line number, object); checks the member's row count and
        SHA-256 against the manifest when it ends."""
        return self._rows(self.manifest.tables[table])

    def chart_rows(self, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The lines of a whole chart's member (`charts/N/….jsonl`), as `rows()`."""
        entry = self.manifest.charts.get(file)
        if entry is None:
            raise self.error(
                f"{DIRECTORY} names {file}, which manifest.json does not list",
                hint="The archive was edited or is damaged; use a complete copy.",
            )
        return self._rows(entry)

    def chart_lines(self, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The lines of a whole chart's member, each checked against its shape (ChartMember
        or ChartTeam): a bad one is an error naming the member, the line and the field."""
        model = ChartMember if file.endswith("/members.jsonl") else ChartTeam
        for line_no, raw in self.chart_rows(file):
            try:
                yield line_no, model.model_validate(raw).model_dump()
            except ValidationError as exc:
                raise self.error(
                    f"{file} line {line_no}, {field_problem(exc)}",
                    hint="The archive was edited or is damaged; nothing was restored.",
                ) from None

    def _rows(self, entry: TableEntry) -> Iterator[tuple[int, dict[str, Any]]]:
        name = entry.file
        info = self._zip.getinfo(name)
        digest = hashlib.sha256()
        read = 0
        line_no = 0
        try:
            with self._member(name) as member:
                while True:
                    raw = member.readline(MAX_LINE_BYTES + 1)
                    if not raw:
                        break
                    read += len(raw)
                    if read > info.file_size:
                        raise self.error(f"{name} holds more than its header says")
                    line_no += 1
                    if len(raw) > MAX_LINE_BYTES:
                        raise self.error(
                            f"{name} line {line_no} is longer than {MAX_LINE_BYTES >> 20} MB"
                        )
                    digest.update(raw)
                    try:
                        row = json.loads(raw)
                    except ValueError as exc:
                        raise self.error(
                            f"{name} line {line_no} is not valid JSON ({exc})",
                            hint="The archive is damaged; use a complete copy.",
                        ) from None
                    if not isinstance(row, dict):
                        raise self.error(f"{name} line {line_no} is not a JSON object")
                    yield line_no, row
        except ArchiveError:
            raise
        except Exception as exc:  # zlib.error and CRC errors on a damaged member
            if type(exc).__module__ in ("zlib", "zipfile") or isinstance(exc, (OSError, EOFError)):
                raise self.error(
                    f"{name} is corrupt or truncated ({exc})",
                    hint="Use a complete copy of the backup.",
                ) from None
            raise
        if line_no != entry.rows or digest.hexdigest() != entry.sha256:
            raise self.error(
                f"{name} does not match manifest.json ({line_no} rows, "
                f"{entry.rows} listed; or its checksum differs)",
                hint="The archive is damaged or was edited; use a complete copy.",
            )

    def directory(self) -> list[DirectoryOrganization]:
        """The organizations `directory.json` carries (none before format 2), checked
        against the manifest."""
        entry = self.manifest.directory
        if entry is None:
            return []
        data = self._read_bounded(DIRECTORY, MAX_DIRECTORY_BYTES)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise self.error(
                f"{DIRECTORY} does not match manifest.json (its checksum differs)",
                hint="The archive is damaged or was edited; use a complete copy.",
            )
        try:
            body = Directory.model_validate_json(data)
        except ValidationError as exc:
            raise self.error(
                f"{DIRECTORY}, {field_problem(exc)}",
                hint="docs/backup.md describes the format.",
            ) from None
        keys = [o.key for o in body.organizations]
        ids = [o.id for o in body.organizations]
        if len(set(keys)) != len(keys) or len(set(ids)) != len(ids):
            raise self.error(f"{DIRECTORY} names an organization twice")
        files = [f for o in body.organizations if o.chart for f in (o.chart.members, o.chart.teams)]
        if len(set(files)) != len(files) or set(files) != set(self.manifest.charts):
            raise self.error(
                f"{DIRECTORY} and manifest.json list different chart members",
                hint="The archive was edited or is damaged; use a complete copy.",
            )
        for org in body.organizations:
            if org.chart is None:
                continue
            numbers = [s.number for s in org.chart.snapshots]
            if numbers != list(range(1, len(numbers) + 1)) or org.chart.current not in numbers:
                raise self.error(
                    f"{DIRECTORY}: the chart of {org.name} numbers its snapshots wrongly "
                    "(they must run 1, 2, … and include the current one)",
                    hint="The archive was edited or is damaged; use a complete copy.",
                )
        return body.organizations

    def close(self) -> None:
        self._zip.close()


@contextmanager
def reading(
    source: Path, *, label: str | None = None, passphrase: str | None = None
) -> Iterator[ArchiveReader]:
    reader = ArchiveReader(source, label=label, passphrase=passphrase)
    try:
        yield reader
    finally:
        reader.close()
