"""Importing an organization's chart into the directory — up to a million people — as a new
snapshot, with the history of who held which position when.

1. Read: the file is read once, a batch at a time. Each row is checked (an id, a name, no
   duplicate, cells of sane length) and compared with the member's current version (one
   64-bit hash of the row per member, read before the file); only joiners and changed rows
   go on: their level and function are read from their title (and department), once per
   distinct pair, and they are kept in memory, column by column, to be written (nothing is
   written yet: no lock on the database). The tree is kept in compact arrays.
2. Check: unknown managers and cycles are reported with their lines; with any problem the
   import stops there (unless --partial) and nothing was written.
3. Apply, in short transactions (each well under a second, with a pause between them for
   other writers on SQLite): the organization and its new snapshot ('applying'), the kept
   rows as new versions in employee-id order (the versions they replace closed), members
   whose only change is their depth, leavers, team sizes. Readers still see the previous
   snapshot.
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from nextmove.domain.imports import ImportReport
from nextmove.domain.people import clean_text, org_key
from nextmove.errors import UserError
from nextmove.formats.orgchart import open_orgchart
from nextmove.services.directory_plan import ChartPlan
from nextmove.services.progress import NoProgress, Progress
from nextmove.services.workspace import Workspace
from nextmove.store import directory_people as people_links
from nextmove.store import directory_write as w
from nextmove.store import network as net
from nextmove.store.network import my_profile_position

BATCH = 5000
# Staged rows per write. PostgreSQL: one write per transaction (its writers and readers never
# wait for the import's rows).
APPLY_CHUNK = {"sqlite": 5_000, "postgresql": 20_000}
SMALL_CHUNK = 2_000  # leavers, depth-only changes, team sizes per write
# SQLite has one writer at a time. An apply transaction writes until it has run TX_SECONDS,
# then the import lets go of the database for PAUSE: longer than the 100 ms a writer waiting
# on SQLite's busy timeout sleeps between tries, so every writer waiting tries at least once
# while the import pauses, and none waits much more than TX_SECONDS + PAUSE (issue 13: no
# writer waits more than 2 s). The pause is a quarter of the writing, where a pause after
# every short transaction was half of it (benchmarks/directory_stress.py measures the waits).
TX_SECONDS = 0.5
PAUSE = 0.15
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
    ws: Workspace,
    path: Path,
    *,
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
    from nextmove.services.imports import gc_paused, problems_error

    source = source or str(path)
    chart = open_orgchart(path, source, column_map)
    with ws.session() as session:
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
    with (
        gc_paused(),
        ws.engine.connect() as conn,
        w.import_lock(ws.engine, conn),
        w.import_cache(conn),
    ):
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
        run = ChartPlan(conn, chart, report, progress)
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
        report.updated = result.changed + len(run.depth_only)
        report.unchanged = result.unchanged - len(run.depth_only)
        if not dry_run:
            _apply(
                conn,
                run,
                result,
                ws.id,
                key,
                name,
                Path(source).name,
                me,
                now,
                today,
                progress,
            )
            if not w.is_sqlite(conn):  # (the snapshot is complete by now)
                w.analyze(conn)
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
    run: ChartPlan,
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
    chunk = APPLY_CHUNK["sqlite" if sqlite else "postgresql"]

    def begin() -> tuple[int, int, int]:
        org_id = w.ensure_organization(conn, key, name, now)
        w.link_workspace(conn, workspace_id, org_id, now)
        return (org_id, *w.begin_snapshot(conn, org_id, file=file, taken_on=today, now=now))

    org_id, snap_id, number = w.short(conn, begin)
    result.organization_id, result.snapshot = org_id, number
    try:
        progress.start("Writing the org chart", run.members)
        close = run.has_current

        order, staged, emps = run.order, run.staged, run.columns[0]
        n_old = run.n_old

        def write(part: Sequence[int]) -> None:
            if close:  # the versions these rows replace (not the joiners')
                w.apply_leavers(conn, org_id, snap_id, [emps[p] for p in part if staged[p] < n_old])
            w.insert_versions(conn, org_id, snap_id, run.rows(part))

        # Every write in order, each with the members it accounts for (progress).
        steps: list[tuple[Callable[[], None], int]] = [
            (partial(write, order[i : i + chunk]), len(order[i : i + chunk]))
            for i in range(0, len(order), chunk)
        ]
        for apply, items in (
            (w.apply_copies, run.depth_only),
            (w.apply_leavers, run.leavers),
            (w.apply_team_sizes, run.team_changes),
        ):
            steps += [(partial(apply, conn, org_id, snap_id, part), 0) for part in _parts(items)]
        done = 0
        while done < len(steps):

            def transaction(first: int = done) -> int:
                """Steps from `first` on: on SQLite until the transaction has run
                TX_SECONDS; on PostgreSQL one step (its readers and writers never wait)."""
                started, k = time.perf_counter(), first
                while k < len(steps):
                    steps[k][0]()
                    k += 1
                    if not sqlite or time.perf_counter() - started >= TX_SECONDS:
                        break
                return k

            first, done = done, w.short(conn, transaction)
            progress.advance(sum(n for _, n in steps[first:done]))
            if sqlite and done < len(steps):
                time.sleep(PAUSE)
        progress.advance(run.members - len(run.order))

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
                analyzed_after=True,  # (import_directory's analyze, once committed)
            )
            session = people_links.workspace_session(conn, workspace_id)
            report = result.report
            report.import_id = net.start_import_run(
                session, kind="orgchart", file=file, organization=name,
                partial=report.partial, now=now,
            )  # fmt: skip
            net.finish_import_run(session, report.import_id, report)
            # The headcount per department, as the suggestions read it.
            net.save_snapshot(session, report.import_id, name, dict(run.departments))
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
