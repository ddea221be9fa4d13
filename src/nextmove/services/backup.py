"""Back up a workspace to one archive, and restore an archive into an empty workspace of any
database (docs/backup.md). The pair moves a workspace from SQLite to PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError

from nextmove import __version__
from nextmove.errors import UserError
from nextmove.formats import backup_archive as archive_format
from nextmove.formats.backup_archive import ArchiveError, ArchiveReader, Manifest, WorkspaceEntry
from nextmove.services.workspace import Database, Workspace
from nextmove.store import backup as rows_store
from nextmove.store import backup_directory as directory_store
from nextmove.store import workspaces as workspaces_store
from nextmove.store.db import SCHEMA_HEAD

__all__ = [
    "BackupSummary",
    "RestoreSummary",
    "backup_workspace",
    "read_passphrase",
    "restore_workspace",
]

# What the summaries name, in this order; other tables are counted in the total only.
HEADLINE = (
    ("person", "people"),
    ("interaction", "interactions"),
    ("meeting", "meetings"),
    ("opportunity", "opportunities"),
    ("journal_entry", "journal entries"),
    ("plan", "plans"),
)
MAX_PASSPHRASE = 1024


@dataclass(frozen=True, slots=True)
class BackupSummary:
    path: Path
    workspace: str
    counts: dict[str, int]
    encrypted: bool
    size: int
    charts: int = 0  # whole org charts carried, with their history
    chart_members: int = 0  # their members at their current imports

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def headline(self) -> str:
        said = _headline(self.counts)
        if self.charts:
            said += (
                f", and {self.charts} org chart{'s' if self.charts != 1 else ''} with "
                f"{'their' if self.charts != 1 else 'its'} history "
                f"({self.chart_members} members)"
            )
        return said


@dataclass(frozen=True, slots=True)
class RestoreSummary:
    workspace: str
    workspace_id: int
    created: bool
    counts: dict[str, int]
    written_by: str
    backed_up_at: datetime
    cleared_references: int = 0
    notes: list[str] = field(default_factory=list)
    # The organization directory: organizations re-linked (already in this database),
    # recreated from the backup, and the members recreated with them.
    relinked_organizations: int = 0
    recreated_organizations: int = 0
    recreated_members: int = 0
    recreated_charts: int = 0  # of the organizations added, those with their whole chart

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def headline(self) -> str:
        return _headline(self.counts)


def _holdings(counts: dict[str, int]) -> str:
    """What a workspace holds, in words: "438 people, 8 meetings" (or its tables' rows)."""
    nouns = dict(HEADLINE)
    named = [f"{counts[t]} {noun}" for t, noun in HEADLINE if counts.get(t)]
    if named:
        return ", ".join(named[:3])
    return ", ".join(f"{n} {t} rows" for t, n in counts.items() if t not in nouns)


def _headline(counts: dict[str, int]) -> str:
    parts = [f"{counts.get(table, 0)} {noun}" for table, noun in HEADLINE]
    total = sum(counts.values())
    return f"{', '.join(parts)} ({total} rows in {len(counts)} tables)"


def read_passphrase(text: str, *, source: str = "standard input") -> str:
    """The passphrase given on standard input: its first line, without the line break."""
    passphrase = text.split("\n", 1)[0].removesuffix("\r")
    if not passphrase:
        raise UserError(
            f"no passphrase on {source}",
            hint="Pipe it in, e.g. `pass show nextmove | nextmove backup FILE "
            "--passphrase-stdin`, or type it and press Enter, then Ctrl+D.",
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise UserError(f"the passphrase is longer than {MAX_PASSPHRASE} characters")
    return passphrase


def backup_workspace(
    ws: Workspace,
    path: Path,
    *,
    now: datetime,
    passphrase: str | None = None,
    charts: bool = True,
) -> BackupSummary:
    """Write every row of the workspace, as of one moment, to the archive at `path`
    (replaced only once the new archive is complete). With `charts`, the whole charts of
    the organizations the workspace is linked to go with it, with their history; without,
    only the members its people link to (docs/backup.md)."""
    if path.is_dir():
        raise UserError(f"{path} is a folder", hint="Give the backup file's name: FILE.zip.")
    if _is_database_file(ws.db, path):
        raise UserError(
            f"{path} is the database itself; a backup must not replace it",
            hint="Give the backup another name, e.g. nextmove-backup.zip.",
        )
    counts: dict[str, int] = {}
    carried: list[dict[str, Any]] = []
    with archive_format.writing(path, passphrase=passphrase) as writer:
        with rows_store.snapshot(ws.db, ws.id) as conn:
            for spec in rows_store.table_specs():
                counts[spec.name] = writer.table(
                    spec.name, list(spec.columns), rows_store.read_rows(conn, spec, ws.id)
                )
            organizations = directory_store.directory_facts(conn, ws.id)
            if charts:
                for index, org in enumerate(organizations, 1):
                    org["chart"] = _write_chart(writer, conn, org["id"], index)
                    if org["chart"]:
                        carried.append(org["chart"])
            writer.directory(organizations)
            created_at, preferences = rows_store.workspace_details(conn, ws.id)
        writer.finish(
            schema_revision=SCHEMA_HEAD,
            nextmove_version=__version__,
            created=now,
            workspace=WorkspaceEntry(
                name=ws.name,
                created_at=created_at,
                preferences=preferences,
            ),
        )
    return BackupSummary(
        path,
        ws.name,
        counts,
        bool(passphrase),
        path.stat().st_size,
        charts=len(carried),
        chart_members=sum(c["snapshots"][c["current"] - 1]["members"] for c in carried),
    )


def _write_chart(
    writer: archive_format.ArchiveWriter, conn: Any, org_id: int, index: int
) -> dict[str, Any] | None:
    """Write the organization's whole chart as `charts/INDEX/…`; its entry for
    directory.json (None when it has no complete snapshot yet)."""
    numbers, snapshots, current = directory_store.chart_snapshots(conn, org_id)
    if not snapshots or current is None:
        return None
    members, teams = f"charts/{index}/members.jsonl", f"charts/{index}/teams.jsonl"
    writer.chart(
        members,
        list(archive_format.ChartMember.model_fields),
        directory_store.chart_members(conn, org_id, numbers),
    )
    writer.chart(
        teams,
        list(archive_format.ChartTeam.model_fields),
        directory_store.chart_teams(conn, org_id, numbers),
    )
    return {"snapshots": snapshots, "current": current, "members": members, "teams": teams}


def _is_database_file(db: Database, path: Path) -> bool:
    """Whether `path` is the SQLite database (or its write-ahead log) the workspace is in."""
    name = db.engine.url.database
    if db.engine.dialect.name != "sqlite" or not name or name == ":memory:":
        return False
    target = path.expanduser().resolve()
    database = Path(name).expanduser().resolve()
    return target in {database, Path(f"{database}-wal"), Path(f"{database}-shm")}


def restore_workspace(
    db: Database,
    source: Path,
    *,
    name: str,
    now: datetime,
    passphrase: str | None = None,
    label: str | None = None,
    new: bool = False,
) -> RestoreSummary:
    """Restore the archive at `source` into the workspace `name` (created when missing;
    refused when it holds anything), in one transaction: on any problem nothing is written.
    Every id is new (store/ids.py) and every reference follows its row, so the archive can
    be restored beside the workspace it came from. With `new`, an existing workspace of
    that name is refused even when empty (the web form restores into a new one)."""
    if not workspaces_store.NAME_PATTERN.match(name):
        raise UserError(
            f"{name!r} is not a valid workspace name",
            hint="Use 1–60 letters, digits, dots, dashes or underscores, starting with a "
            "letter or digit.",
            field="workspace",
        )
    with archive_format.reading(source, label=label, passphrase=passphrase) as archive:
        loaders = _plan(archive)
        directory = archive.directory()
        try:
            return _restore(db, archive, loaders, directory, name=name, now=now, new=new)
        except IntegrityError as exc:
            raise archive.error(
                f"its rows do not fit this database ({_first_line(exc)})",
                hint="The archive was edited or is damaged; nothing was restored.",
            ) from None


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0][:200] if exc.orig else str(exc)[:200]


def _plan(archive: ArchiveReader) -> list[rows_store.TableLoader]:
    """Check the manifest against this database's tables before anything is written: a
    loader per table, or a clear error."""
    manifest: Manifest = archive.manifest
    age = rows_store.schema_age(manifest.schema_revision)
    if age == "unknown":
        raise archive.error(
            f"was written by nextmove {manifest.nextmove_version} at database schema "
            f"{manifest.schema_revision}, which this nextmove (schema {SCHEMA_HEAD}) does not "
            "know",
            hint="Upgrade nextmove, then restore it.",
        )
    specs = {spec.name: spec for spec in rows_store.table_specs()}
    unknown = sorted(set(manifest.tables) - set(specs))
    if unknown:
        raise archive.error(
            f"holds the table {unknown[0]}, which this database does not have",
            hint="It was written by another version of nextmove; restore it with that one.",
        )
    loaders = []
    for spec in specs.values():
        entry = manifest.tables.get(spec.name)
        columns = entry.columns if entry is not None else []
        if entry is None and age == "current":
            raise archive.error(
                f"has no table {spec.name}, which every backup of schema {SCHEMA_HEAD} holds",
                hint="The archive is incomplete or was edited; use a complete copy.",
            )
        strange = [c for c in columns if c not in spec.table.c or c == "workspace_id"]
        if strange:
            raise archive.error(
                f"table {spec.name} has a column {strange[0]} this database does not have",
                hint="It was written by another version of nextmove; restore it with that one.",
            )
        if entry is not None and entry.rows:
            required = [
                c.name
                for c in spec.table.c
                if c.name not in columns
                and c.name != "workspace_id"
                and not c.nullable
                and c.default is None
                and c.server_default is None
            ]
            if required or (spec.renumbered and "id" not in columns):
                missing = required[0] if required else "id"
                raise archive.error(
                    f"table {spec.name} lacks the column {missing}, which every row needs",
                    hint="The archive is incomplete or was edited; use a complete copy.",
                )
        loaders.append(rows_store.TableLoader(spec, columns, 0))
    return loaders


def _restore(
    db: Database,
    archive: ArchiveReader,
    loaders: list[rows_store.TableLoader],
    directory: list[archive_format.DirectoryOrganization],
    *,
    name: str,
    now: datetime,
    new: bool,
) -> RestoreSummary:
    manifest = archive.manifest
    with rows_store.restoring(db) as session:
        existing = workspaces_store.find(session, name)
        if existing is None:
            row = workspaces_store.create(
                session, name, now=now, preferences=manifest.workspace.preferences
            )
        elif new:
            raise UserError(
                f"a workspace named {name!r} exists already; choose another name",
                field="workspace",
            )
        else:
            row = existing
            conn = session.connection()
            filled = rows_store.has_rows(conn, (loader.spec for loader in loaders), row.id)
            if filled:
                raise UserError(
                    f"the workspace {name!r} already holds {_holdings(filled)}; a backup is "
                    "restored into an empty workspace only",
                    hint="Restore it into a new workspace: `nextmove restore FILE "
                    "--workspace NEW-NAME` (created for you).",
                )
            workspaces_store.set_preferences(session, row.id, manifest.workspace.preferences)
        conn = session.connection()
        linked = None
        if manifest.directory is not None:
            try:
                linked = directory_store.restore_directory(
                    conn,
                    row.id,
                    directory,
                    now=now,
                    taken_on=_utc(manifest.created).date(),
                    file=f"backup of workspace {manifest.workspace.name}",
                    lines=archive.chart_lines,
                )
            except directory_store.ChartMismatch as exc:
                raise archive.error(
                    str(exc), hint="The archive was edited or is damaged; nothing was restored."
                ) from None
            for loader in loaders:
                loader.shared_map = {"organization": linked.ids}
        numbering = rows_store.Renumbering()
        for loader in loaders:
            loader.workspace_id = row.id
            loader.load_shared(conn)
            if loader.spec.renumbered and loader.spec.name in manifest.tables:
                numbering.allocate(conn, loader.spec.name, _old_ids(archive, loader.spec.name))
        counts: dict[str, int] = {}
        for loader in loaders:
            counts[loader.spec.name] = _load(archive, loader, numbering, conn)
        session.flush()
    return RestoreSummary(
        workspace=name,
        workspace_id=row.id,
        created=existing is None,
        counts=counts,
        written_by=manifest.nextmove_version,
        backed_up_at=_utc(manifest.created),
        cleared_references=sum(loader.cleared for loader in loaders),
        relinked_organizations=linked.relinked if linked else 0,
        recreated_organizations=linked.recreated if linked else 0,
        recreated_members=linked.members if linked else 0,
        recreated_charts=linked.charts if linked else 0,
    )


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _old_ids(archive: ArchiveReader, table: str) -> list[int]:
    file = archive_format.member_name(table)
    ids: list[int] = []
    seen: set[int] = set()
    for line, row in archive.rows(table):
        value = row.get("id")
        if not isinstance(value, int) or isinstance(value, bool) or value in seen:
            problem = "has no integer id" if value not in seen else f"repeats the id {value}"
            raise archive.error(f"{file} line {line} {problem}")
        seen.add(value)
        ids.append(value)
    return ids


def _load(
    archive: ArchiveReader,
    loader: rows_store.TableLoader,
    numbering: rows_store.Renumbering,
    conn: Any,
) -> int:
    table = loader.spec.name
    if table not in archive.manifest.tables:
        return 0
    file = archive_format.member_name(table)
    batch: list[dict[str, Any]] = []
    count = 0
    first_line = 1
    for line, row in archive.rows(table):
        try:
            batch.append(loader.convert(row, numbering))
        except rows_store.RowProblem as exc:
            raise archive.error(
                f"{file} line {line}: {exc}",
                hint="The archive was edited or is damaged; nothing was restored.",
            ) from None
        count += 1
        if len(batch) >= rows_store.BATCH:
            _insert(archive, loader, conn, batch, file, first_line)
            batch = []
            first_line = line + 1
    _insert(archive, loader, conn, batch, file, first_line)
    return count


def _insert(
    archive: ArchiveReader,
    loader: rows_store.TableLoader,
    conn: Any,
    batch: list[dict[str, Any]],
    file: str,
    first_line: int,
) -> None:
    try:
        loader.insert(conn, batch)
    except IntegrityError as exc:
        last = first_line + len(batch) - 1
        raise ArchiveError(
            f"{archive.label}: {file} lines {first_line}–{last} do not fit this database "
            f"({_first_line(exc)})",
            hint="The archive was edited or is damaged; nothing was restored.",
        ) from None
