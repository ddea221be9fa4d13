"""Importing an organization's chart into the directory — up to a million people — as a new
snapshot, with the history of who held which position when.

1. Read: the file is read once, a batch at a time. Each row is checked (an id, a name, no
   duplicate, cells of sane length), its level and function read from its title (and
   department), and compared with the member's current version (three 64-bit hashes per
   member, read before the file): only joiners and changed rows are staged, in a temporary
   table of the import's own connection (no lock on the database). The tree is kept in
   compact arrays.
2. Check: unknown managers and cycles are reported with their lines; with any problem the
   import stops there (unless --partial) and nothing was written.
3. Apply, in short transactions (each well under a second, with a pause between them for
   other writers): the organization and its new snapshot ('applying'), the staged rows as
   new versions (the versions they replace closed), members whose only change is their
   depth, leavers, team sizes. Readers still see the previous snapshot.
4. Finish, in one short transaction: the snapshot complete with its counts, the
   organization's `current_snapshot_id` moved to it, workspace people linked to their
   entries.

Any failure — a crash, Ctrl-C, a lost connection — before step 4 is undone (the snapshot's
new versions deleted, the closed ones reopened); a process killed outright leaves a snapshot
'applying', which the next import cleans up first (it holds the import lock, so that import
is gone).
"""

from __future__ import annotations

import time
from array import array
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from nextmove.domain.imports import ImportReport
from nextmove.domain.merge import guess_values
from nextmove.domain.orgtree import NONE, depths
from nextmove.domain.people import clean_text, normalize_email, org_key
from nextmove.errors import UserError
from nextmove.formats.orgchart import OrgChartFile, open_orgchart
from nextmove.services.progress import NoProgress, Progress
from nextmove.services.titles import infer_titles_in
from nextmove.store import directory_people as people_links
from nextmove.store import directory_write as w
from nextmove.store import network as net
from nextmove.store.db import Database
from nextmove.store.network import my_profile_position

BATCH = 5000
APPLY_CHUNK = 20_000  # staged rows per apply transaction
SMALL_CHUNK = 5_000  # leavers, depth-only changes, team sizes per transaction
# Between two apply transactions on SQLite, the import sleeps this fraction of the time the
# last one took (at least MIN_PAUSE), so writers waiting on the busy timeout get the lock.
PAUSE_SHARE = 0.5
MIN_PAUSE = 0.005
MAX_ID = 64
MAX_CELL = 500
MAX_EMAIL = 320


@dataclass(slots=True)
class DirectoryImport:
    """What an import did (the CLI and web show it with the usual import report)."""

    organization: str
    organization_id: int | None = None
    snapshot: int | None = None  # the snapshot's number (1, 2, …)
    members: int = 0
    joiners: int = 0
    leavers: int = 0
    moves: int = 0
    title_changes: int = 0
    changed: int = 0
    unchanged: int = 0
    linked_people: int = 0
    me: str | None = None
    report: ImportReport = field(default_factory=lambda: ImportReport("orgchart", ""))


def import_directory(
    db: Database,
    path: Path,
    *,
    workspace_id: int,
    organization: str | None,
    column_map: dict[str, str] | None,
    me: str | None,
    now: datetime,
    today: date,
    dry_run: bool = False,
    partial: bool = False,
    progress: Progress | None = None,
    source: str | None = None,
) -> DirectoryImport:
    """Import the chart at `path` as the organization's next snapshot (see the module)."""
    from nextmove.services.imports import problems_error

    source = source or str(path)
    chart = open_orgchart(path, source, column_map)
    with db.session() as session:
        profile_org, _ = my_profile_position(session)
    name = clean_text(organization or profile_org)[:200]
    key = org_key(name)
    if not key:
        raise UserError(
            "which organization is this org chart of? Give --organization NAME",
            hint="Or set your own organization first: `nextmove me set --organization …`.",
        )
    progress = progress or NoProgress()
    report = ImportReport("orgchart", source, dry_run=dry_run, partial=partial)
    result = DirectoryImport(name, report=report)
    with db.engine.connect() as conn, w.import_lock(db.engine, conn):
        for stale, stale_org in w.stale_snapshots(conn):
            conn.rollback()
            w.undo_snapshot(conn, stale, stale_org)
        conn.rollback()
        found = w.find_organization(conn, key)
        org_id = found[0] if found else None
        if found:
            result.organization = found[1]
        current = w.current_of(conn, org_id) if org_id is not None else None
        conn.rollback()
        w.create_stage(conn)
        conn.commit()
        try:
            run = _Run(conn, chart, report, progress)
            if current is not None and org_id is not None:
                run.load_current(org_id, current)
            run.read()
            if report.records == 0:
                raise UserError(
                    f"{source}: no employees below the header; an empty chart would take "
                    f"everyone out of {result.organization}'s chart",
                    hint="Export the chart again with its rows; nothing was changed.",
                )
            if me is not None and not run.present(me):
                raise UserError(
                    f"{me}: there is no employee with that id in {source}",
                    hint="Give your own employee id as it appears in the file.",
                    field="me",
                )
            run.check()
            if report.problems and not partial:
                raise problems_error(source, report.problems)
            run.plan()
            result.members, result.joiners, result.leavers = (
                run.members,
                run.joiners,
                len(run.leavers),
            )
            result.moves, result.title_changes = run.moves, run.title_changes
            result.changed, result.unchanged = run.changed, run.unchanged
            result.me = me
            report.created = result.joiners
            report.updated = result.changed + run.depth_only_count
            report.unchanged = result.unchanged - run.depth_only_count
            if not dry_run:
                _apply(
                    conn,
                    run,
                    result,
                    workspace_id,
                    key,
                    name,
                    Path(source).name,
                    me,
                    now,
                    today,
                    progress,
                )
        finally:
            w.drop_stage(conn)
    _notes(result)
    return result


def _notes(result: DirectoryImport) -> None:
    report = result.report
    where = f"{result.organization}" + (
        f", snapshot {result.snapshot}" if result.snapshot is not None else ""
    )
    report.notes.append(
        f"{where}: {result.members} members — {result.joiners} joined, {result.leavers} left, "
        f"{result.moves} moved, {result.title_changes} changed title"
    )
    if result.linked_people:
        report.notes.append(
            f"{result.linked_people} of your people linked to their entry in the chart"
        )


def _apply(
    conn: Connection,
    run: _Run,
    result: DirectoryImport,
    workspace_id: int,
    key: str,
    name: str,
    file: str,
    me: str | None,
    now: datetime,
    today: date,
    progress: Progress,
) -> None:
    sqlite = w.is_sqlite(conn)

    def begin() -> tuple[int, int, int]:
        org_id = w.ensure_organization(conn, key, name, now)
        w.link_workspace(conn, workspace_id, org_id, now)
        return (org_id, *w.begin_snapshot(conn, org_id, file=file, taken_on=today, now=now))

    org_id, snap_id, number = w.short(conn, begin)
    result.organization_id, result.snapshot = org_id, number
    try:
        progress.start("Writing the org chart", run.members)
        close = run.has_current

        def paced(work: Any) -> None:
            started = time.perf_counter()
            w.short(conn, work)
            if sqlite:
                time.sleep(max(MIN_PAUSE, (time.perf_counter() - started) * PAUSE_SHARE))

        staged = run.staged
        for start in range(0, len(staged), APPLY_CHUNK):
            lo = staged[start]
            end = start + APPLY_CHUNK
            hi = staged[end] if end < len(staged) else staged[-1] + 1
            paced(lambda lo=lo, hi=hi: w.apply_staged(conn, org_id, snap_id, lo, hi, close=close))
            progress.advance(min(APPLY_CHUNK, len(staged) - start))
        for part in _parts(run.depth_only):
            paced(lambda part=part: w.apply_copies(conn, org_id, snap_id, part))
        for part in _parts(run.leavers):
            paced(lambda part=part: w.apply_leavers(conn, org_id, snap_id, part))
        for part in _parts(run.team_changes):
            paced(lambda part=part: w.apply_team_sizes(conn, org_id, snap_id, part))
        progress.advance(run.members - len(staged))

        def finish() -> int:
            w.finish_snapshot(
                conn,
                org_id,
                snap_id,
                {
                    "members": result.members,
                    "joiners": result.joiners,
                    "leavers": result.leavers,
                    "moves": result.moves,
                    "title_changes": result.title_changes,
                },
            )
            session = Session(bind=conn)
            report = result.report
            report.import_id = net.start_import_run(
                session, kind="orgchart", file=file, organization=name,
                partial=report.partial, now=now,
            )  # fmt: skip
            net.finish_import_run(session, report.import_id, report)
            return people_links.link_people(
                conn, workspace_id, org_id, snap_id, key=key, me=me, now=now
            )

        result.linked_people = w.short(conn, finish)
        progress.finish()
    except BaseException:
        # Undo what this import wrote; if even that fails (the database went away), the
        # next import finds the snapshot 'applying' and undoes it.
        try:
            conn.rollback()
            w.undo_snapshot(conn, snap_id, org_id)
        except Exception:  # the first error is the one to report
            pass
        raise


def _parts(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + SMALL_CHUNK] for i in range(0, len(items), SMALL_CHUNK)]


class _Run:
    """One import's reading and planning: the tree in arrays indexed by member (`idx`),
    the members of the last snapshot first."""

    def __init__(
        self, conn: Connection, chart: OrgChartFile, report: ImportReport, progress: Progress
    ):
        self.conn, self.chart, self.report, self.progress = conn, chart, report, progress
        self.index: dict[str, int] = {}  # employee id -> idx
        self.emps: list[str] = []  # idx -> employee id
        self.seen = bytearray()  # idx -> 1 when a row of the file has it
        self.lines = array("l")  # idx -> the row's line (0: no row)
        self.manager = array("l")  # idx -> the manager's idx, or NONE
        # The last snapshot, per idx (idx < n_old): hashes of (manager, department), of the
        # title, of the rest; and the depth.
        self.n_old = 0
        self.old_move = array("q")
        self.old_title = array("q")
        self.old_rest = array("q")
        self.old_depth = array("l")
        self.old_sizes: dict[str, tuple[int, int]] = {}
        self.has_current = False
        self.staged = array("l")  # idx of staged rows (joiners and changed rows)
        self.joiners = self.moves = self.title_changes = self.changed = self.unchanged = 0
        self.members = 0
        self.cleared: set[int] = set()
        self.leavers: list[str] = []
        self.depth_only: list[tuple[str, int, bool]] = []
        self.depth_only_count = 0
        self.team_changes: list[tuple[str, int, int]] = []
        self.guesses: dict[tuple[str, str], tuple[int | None, str | None]] = {}

    def _new(self, emp: str) -> int:
        idx = len(self.emps)
        self.index[emp] = idx
        self.emps.append(emp)
        self.seen.append(0)
        self.lines.append(0)
        self.manager.append(NONE)
        return idx

    def present(self, emp: str) -> bool:
        idx = self.index.get(emp)
        return idx is not None and bool(self.seen[idx])

    # ------------------------------------------------------------------ the last snapshot

    def load_current(self, org_id: int, snapshot: int) -> None:
        self.has_current = True
        for emp, name, title, level, function, dept, mgr, city, email, depth in w.current_versions(
            self.conn, org_id, snapshot
        ):
            self._new(emp)
            self.old_move.append(hash((mgr or "", dept)))
            self.old_title.append(hash(title))
            self.old_rest.append(hash((name, level, function, city, email)))
            self.old_depth.append(depth)
        self.n_old = len(self.emps)
        self.old_sizes = w.latest_team_sizes(self.conn, org_id, snapshot)
        self.conn.rollback()

    # ------------------------------------------------------------------ the pass

    def read(self) -> None:
        c = self.chart.columns
        width = max(c.values()) + 1
        blank = width
        ci, ce, cn, cf, cl, ct, cd, cc, cm = (
            c.get(f, blank)
            for f in (
                "employee_id", "email", "name", "first_name", "last_name", "title",
                "department", "city", "manager_id",
            )
        )  # fmt: skip
        pad = [""] * (width + 1)
        strip = str.strip
        problem = self.report.problem
        index, seen, lines, manager = self.index, self.seen, self.lines, self.manager
        n_old = self.n_old
        old_move, old_title, old_rest = self.old_move, self.old_title, self.old_rest
        guesses = self.guesses

        def cells(rows: list[list[str]], i: int) -> list[str]:
            if i == blank:
                return [""] * len(rows)
            return list(map(strip, map(itemgetter(i), rows)))

        self.progress.start("Reading the org chart", None)
        records = 0
        for batch_lines, rows in self.chart.batches(BATCH):
            records += len(rows)
            rows = [r if len(r) > width else r + pad[len(r) :] for r in rows]
            emps, mgrs = cells(rows, ci), cells(rows, cm)
            if cn != blank:
                firsts, lasts = cells(rows, cf), cells(rows, cl)
                names = [
                    clean_text(n) or f"{f} {la}".strip()
                    for n, f, la in zip(map(itemgetter(cn), rows), firsts, lasts, strict=True)
                ]
            else:
                names = list(
                    map(strip, map(" ".join, zip(cells(rows, cf), cells(rows, cl), strict=True)))
                )
            titles, depts, cities = cells(rows, ct), cells(rows, cd), cells(rows, cc)
            emails = cells(rows, ce)
            new_keys = set(zip(titles, depts, strict=True)) - guesses.keys()
            if new_keys:
                for k, guess in infer_titles_in(new_keys).items():
                    values = guess_values(guess)
                    guesses[k] = (values[0], values[3])
            staged: list[tuple[Any, ...]] = []
            for i, emp in enumerate(emps):
                line = batch_lines[i]
                name = names[i]
                if not emp:
                    problem(f"line {line}", "no employee id")
                    continue
                if len(emp) > MAX_ID:
                    problem(f"line {line}", f"employee id longer than {MAX_ID} characters")
                    continue
                if not name:
                    problem(f"line {line}", f"employee {emp}: no name")
                    continue
                title, dept, city, mgr = titles[i], depts[i], cities[i], mgrs[i]
                if max(len(name), len(title), len(dept), len(city)) > MAX_CELL:
                    problem(
                        f"line {line}",
                        f"employee {emp}: a name, title, department or city longer than "
                        f"{MAX_CELL} characters",
                    )
                    continue
                if len(mgr) > MAX_ID:
                    problem(
                        f"line {line}",
                        f"employee {emp}: manager id longer than {MAX_ID} characters",
                    )
                    continue
                email = normalize_email(emails[i]) if emails[i] else None
                if email is not None and len(email) > MAX_EMAIL:
                    email = None
                idx = index.get(emp)
                if idx is None:
                    idx = self._new(emp)
                elif seen[idx]:
                    problem(
                        f"line {line}",
                        f"duplicate employee id {emp} (first on line {lines[idx]})",
                    )
                    continue
                seen[idx] = 1
                lines[idx] = line
                if mgr:
                    m = index.get(mgr)
                    manager[idx] = self._new(mgr) if m is None else m
                level, function = guesses[title, dept]
                if idx < n_old:
                    moved = hash((mgr, dept)) != old_move[idx]
                    retitled = hash(title) != old_title[idx]
                    if (
                        not moved
                        and not retitled
                        and hash((name, level, function, city, email)) == old_rest[idx]
                    ):
                        self.unchanged += 1
                        continue
                    self.changed += 1
                    self.moves += moved
                    self.title_changes += retitled
                else:
                    self.joiners += 1
                self.staged.append(idx)
                staged.append(
                    (idx, emp, name, title, level, function, dept, mgr or None, city, email)
                )
            if staged:
                with self.conn.begin():
                    w.stage_rows(self.conn, staged)
            self.progress.advance(len(rows))
        self.report.records = records
        self.members = records
        self.progress.finish()

    # ------------------------------------------------------------------ the tree

    def check(self) -> None:
        """Unknown managers and cycles, as problems with their lines. With --partial the
        link is cut (the member becomes a root)."""
        report, seen, manager, lines = self.report, self.seen, self.manager, self.lines
        n = len(self.emps)
        missing: list[tuple[int, int]] = []
        for k in range(n):
            m = manager[k]
            if m != NONE and not seen[m]:
                missing.append((lines[k], k))
        for line, k in sorted(missing):
            report.problem(
                f"line {line}",
                f"employee {self.emps[k]}: manager id {self.emps[manager[k]]} is not an "
                "employee id in the file",
            )
            manager[k] = NONE
            self.cleared.add(k)
        self.depth, broken = depths(manager, self.emps.__getitem__, lines, report)
        self.cleared.update(broken)

    def plan(self) -> None:
        """What to write besides the staged rows: leavers, members whose depth alone
        changed (or whose manager --partial cut), team sizes; and the staged rows' depths."""
        n, seen, depth, manager = len(self.emps), self.seen, self.depth, self.manager
        self.members = sum(seen)
        staged_set = set(self.staged)
        if self.cleared:
            # Staged rows whose manager was cut: staged again without it.
            with self.conn.begin():
                w.clear_staged_managers(
                    self.conn, sorted(k for k in self.cleared if k in staged_set)
                )
        for k in range(self.n_old):
            if not seen[k]:
                self.leavers.append(self.emps[k])
            elif k not in staged_set and (depth[k] != self.old_depth[k] or k in self.cleared):
                self.depth_only.append((self.emps[k], depth[k], k in self.cleared))
        self.depth_only_count = len(self.depth_only)
        self.staged = array("l", sorted(self.staged))
        with self.conn.begin():
            w.stage_depths(self.conn, self.staged, [depth[k] for k in self.staged])
        # Team sizes: direct reports, and everyone below (deepest first).
        direct = array("l", [0]) * n
        size = array("l", [0]) * n
        by_depth: list[list[int]] = []
        for k in range(n):
            if seen[k]:
                d = depth[k]
                while d >= len(by_depth):
                    by_depth.append([])
                by_depth[d].append(k)
        for level in reversed(by_depth):
            for k in level:
                m = manager[k]
                if m != NONE:
                    direct[m] += 1
                    size[m] += size[k] + 1
        old = self.old_sizes
        emps = self.emps
        for k in range(n):
            if direct[k] and old.get(emps[k]) != (direct[k], size[k]):
                self.team_changes.append((emps[k], direct[k], size[k]))
        for emp in old:
            j = self.index.get(emp)
            if j is None or not direct[j]:
                self.team_changes.append((emp, 0, 0))
