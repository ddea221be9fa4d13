"""Importing an organization's chart — up to a million people — streaming through the file,
never holding it in memory.

A first read numbers every employee id (in file order), so people are written in batches with
ids that only grow and every report already knows their manager's id. The tree is kept in
compact arrays; after the writing read, duplicate ids, unknown managers and cycles are
reported with their lines — and then nothing is written, unless --partial — and every
person's exact depth below the root is stored.

People already in the network are found first (one more read, only when the network is not
empty): by employee id in this organization, email, then the same name there. They are merged
and updated only when something changed; a re-import of the same file changes nothing. A
snapshot of headcount per department is kept per import.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import count, repeat
from operator import itemgetter, sub
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from nextmove.domain.imports import ImportReport, JobChange
from nextmove.domain.merge import (
    CONFIDENT,
    apply_title_guess,
    chart_row_changes_nothing,
    guess_values,
    merge_record,
)
from nextmove.domain.orgtree import NONE, depths, derive_levels
from nextmove.domain.people import (
    ContactRecord,
    Labeled,
    Person,
    clean_text,
    name_key,
    normalize_email,
    normalize_emails,
    org_key,
)
from nextmove.domain.titles import (
    DEPARTMENT_OVERRIDES_BELOW,
    TitleGuess,
    read_department,
    with_department,
)
from nextmove.errors import UserError
from nextmove.formats.orgchart import OrgChartFile, open_orgchart
from nextmove.services.progress import NoProgress, Progress
from nextmove.services.titles import infer_titles
from nextmove.services.workspace import Workspace
from nextmove.store import bulk
from nextmove.store import network as net
from nextmove.store import people as repo

BATCH = 5000
BULK_THRESHOLD = 50_000
DERIVED_CONFIDENCE = 0.5
NAME_KEY_MEMO = 100_000
_GROW = array("l", [-1]) * 65536


def import_orgchart(
    db: Workspace,
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
) -> ImportReport:
    from nextmove.services.imports import gc_paused, problems_error

    source = source or str(path)
    chart = open_orgchart(path, source, column_map)
    with db.session() as session:
        org_name, my_level = net.my_profile_position(session)
    org = clean_text(organization or org_name)
    if not org:
        raise UserError(
            "which organization is this org chart of? Give --organization NAME",
            hint="Or set your own organization first: `nextmove me set --organization …`.",
        )
    report = ImportReport("orgchart", source, dry_run=dry_run, partial=partial)
    with gc_paused(), db.session() as session:
        run = _Run(session, chart, org, report, now, today, progress or NoProgress())
        run.read_and_write()
        if report.records == 0:
            raise UserError(
                f"{source}: no employees below the header; an empty chart would take everyone "
                f"out of {org}'s chart",
                hint="Export the chart again with its rows; nothing was changed.",
            )
        if me is not None and run.row_of_emp(me) is None:
            raise UserError(
                f"{me}: there is no employee with that id in {source}",
                hint="Give your own employee id as it appears in the file.",
                field="me",
            )
        run.finish(me, my_level)
        if report.problems and not partial:
            raise problems_error(source, report.problems)
        if dry_run:
            session.rollback()
            report.import_id = None
    return report


@dataclass(slots=True)
class _Tree:
    """What the tree says, worked out before it is written."""

    depth: array  # type: ignore[type-arg]  # per row
    every_id_a_row: bool  # row k holds the k-th id handed out, with none left over
    cleared: list[int]  # person ids whose manager is unknown or in a cycle (--partial)
    levels: list[tuple[int, int]]  # (person id, level derived from the tree)


class _Run:
    """One import: the pass over the file, then the tree."""

    def __init__(
        self,
        session: Session,
        chart: OrgChartFile,
        org: str,
        report: ImportReport,
        now: datetime,
        today: date,
        progress: Progress,
    ):
        self.session, self.chart, self.org, self.report = session, chart, org, report
        self.now, self.today, self.progress = now, today, progress
        self.okey = org_key(org)
        # Per row of the tree (rows kept, in file order):
        self.pid = array("q")  # person id
        self.mid = array("q")  # manager's person id, or NONE
        self.lines = array("l")
        self.titles: list[str] = []
        self.departments: list[str] = []
        self.id_of: dict[str, int] = {}  # employee id -> person id (rows and managers)
        # person id -> row: dense for the ids handed out here, a dict for existing people.
        self.dense_rows = array("l")
        self.sparse_rows: dict[int, int] = {}
        self.matched: set[int] = set()  # person ids of people who were already there
        self.deferred: list[tuple[int, str]] = []  # (row, manager's employee id) not in the file
        self.guesses: dict[str, TitleGuess] = {}
        self.inferred: set[str] = set()  # titles guessed (or found unreadable)
        # Rows of people already there whose manager differs from the one nextmove has:
        # (row, line, the manager nextmove has, whether the row was counted as updated).
        # The tree decides their manager (a cycle is cut), so they are written and counted
        # only then — a link --partial cut last time, cut again, is no change.
        self.relinks: list[tuple[int, int, int | None, bool]] = []
        self.weak_titles: set[str] = set()  # titles that name no function (or weakly)
        self.department_readings: dict[str, tuple[str | None, float]] = {}

    # ------------------------------------------------------------------ the pass

    def read_and_write(self) -> None:
        s, report = self.session, self.report
        self.import_id = net.start_import_run(
            s, kind="orgchart", file=self.chart.source, organization=self.org,
            partial=report.partial, now=self.now,
        )  # fmt: skip
        report.import_id = self.import_id
        self.members = net.org_members(s, self.okey)
        self.first_new = bulk.next_free_id(s, repo.P)
        if repo.any_people(s):
            found = self._match_existing()
            self.matched = set(found.values())
            self.id_of.update(found)
        self._number_employees()
        large = not self.matched and not self.members
        self.progress.start("Importing the org chart", None)
        self.indexes = bulk.Rebuild(s, [repo.P], enabled=large)
        self._pass()
        self.progress.finish()
        bulk.sync_id_sequence(s, repo.P)

    def _number_employees(self) -> None:
        """Give every employee id in the file a person id before anything is written, in
        file order: rows are then written with ids that only grow (appends, not inserts into
        the middle of a large table) and every report already knows their manager's id."""
        index = self.chart.columns["employee_id"]
        cell = itemgetter(index)
        seen: dict[str, None] = {}
        for _, rows in self.chart.batches(BATCH):
            short = [r for r in rows if len(r) <= index]
            if short:
                rows = [r for r in rows if len(r) > index]
            seen.update(dict.fromkeys(map(str.strip, map(cell, rows))))
        seen.pop("", None)
        for emp in self.id_of:
            seen.pop(emp, None)
        self.id_of.update(zip(seen, count(self.first_new)))
        self.next_id = self.first_new + len(seen)

    def _pass(self) -> None:
        """Read the file a batch at a time and write the new people. Work on whole columns
        (map, zip: loops that run in C) wherever a row does not depend on the ones before."""
        c = self.chart.columns
        width = max(c.values()) + 1
        blank = width  # a field the file has no column for: every cell ""
        ci, ce, cn, cf, cl, ct, cd, cc, cm = (
            c.get(f, blank)
            for f in (
                "employee_id", "email", "name", "first_name", "last_name", "title",
                "department", "city", "manager_id",
            )
        )  # fmt: skip
        pad = [""] * (width + 1)
        report, matched = self.report, self.matched
        titles_seen: dict[str, str] = {}
        depts_seen: dict[str, str] = {}
        # title (or (title, department) for a title that names no function) -> the
        # person's level and function columns
        gvals: dict[Any, tuple[Any, ...]] = {}
        name_keys: dict[str, str] = {}
        pending: list[tuple[int, int, list[str]]] = []
        next_id = self.next_id
        constants = {
            "organization": self.org,
            "org_key": self.okey,
            "position_source": "orgchart",
            "how_known": f"{self.org} org chart",
            "org_import_id": self.import_id,
            "created_at": self.now,
            "updated_at": self.now,
        }
        strip = str.strip

        def cells(rows: list[list[str]], index: int) -> list[str]:
            if index == blank:  # not the cell past the last one read: a row may go on
                return [""] * len(rows)
            return list(map(strip, map(itemgetter(index), rows)))

        records = 0
        for lines, rows in self.chart.batches(BATCH):
            if len(pending) >= BATCH:  # people already there, merged a batch at a time
                self._merge(pending)
                pending = []
            records += len(rows)
            rows = [r if len(r) > width else r + pad[len(r) :] for r in rows]
            emps, mgrs = cells(rows, ci), cells(rows, cm)
            firsts, lasts = cells(rows, cf), cells(rows, cl)
            if cn != blank:
                names = [
                    clean_text(n) or f"{f} {la}".strip()
                    for n, f, la in zip(map(itemgetter(cn), rows), firsts, lasts, strict=True)
                ]
                firsts, lasts = _split_missing(names, firsts, lasts)
            else:
                names = list(map(strip, map(" ".join, zip(firsts, lasts, strict=True))))
            titles, depts = cells(rows, ct), cells(rows, cd)
            # Ids, the tree and the checks: for the whole batch when it is clean.
            base = len(self.pid)
            clean = self._clean_batch(emps, names, mgrs, base) if not matched else None
            if clean is not None:
                pids, mids = clean
                self.lines.extend(lines)
            else:
                pids, mids, keep, next_id = self._checked_batch(
                    lines, emps, names, mgrs, base, next_id
                )
                if len(keep) < len(rows):
                    rows, lines, emps = _take(keep, rows), _take(keep, lines), _take(keep, emps)
                    names, firsts = _take(keep, names), _take(keep, firsts)
                    lasts, titles, depts = (
                        _take(keep, lasts),
                        _take(keep, titles),
                        _take(keep, depts),
                    )
            if not pids:  # every row of this block was left out (duplicate ids, no name)
                continue
            self.pid.extend(pids)
            self.mid.extend(NONE if m is None else m for m in mids)
            self.titles.extend(map(titles_seen.setdefault, titles, titles))
            self.departments.extend(map(depts_seen.setdefault, depts, depts))
            if matched:
                new = [j for j, pid in enumerate(pids) if pid not in matched]
                pending.extend(
                    (base + j, lines[j], rows[j]) for j, pid in enumerate(pids) if pid in matched
                )
                if len(new) < len(pids):
                    if not new:
                        continue
                    rows, lines, emps = _take(new, rows), _take(new, lines), _take(new, emps)
                    names, firsts, lasts = (
                        _take(new, names),
                        _take(new, firsts),
                        _take(new, lasts),
                    )
                    titles, depts = _take(new, titles), _take(new, depts)
                    pids, mids = _take(new, pids), _take(new, mids)
            new_titles = set(titles) - gvals.keys()
            self._infer(new_titles)
            gvals.update((t, guess_values(self.guesses.get(t))) for t in new_titles)
            self.weak_titles.update(t for t in new_titles if _weak(self.guesses.get(t)))
            keys: Sequence[Any] = self._guess_keys(titles, depts, gvals)
            emails = normalize_emails(cells(rows, ce))
            columns: dict[str, Sequence[Any]] = dict(
                zip(
                    ("level", "level_confidence", "level_source", "function",
                     "function_confidence", "function_source"),
                    zip(*map(gvals.__getitem__, keys), strict=True),
                    strict=True,
                )
            )  # fmt: skip
            columns |= {
                "id": pids,
                "name": names,
                "first_name": firsts,
                "last_name": lasts,
                "name_key": _name_keys(names, name_keys),
                "email": emails,
                "emails": list(map(_emails_json, emails)),
                "title": titles,
                "department": depts,
                "city": cells(rows, cc),
                "employee_id": emps,
                "manager_id": mids,
                "org_line": lines,
            }
            bulk.insert_columns(
                self.session, repo.P, columns, constants=constants, json_text=("emails",)
            )
            report.created += len(pids)
            self.progress.advance(len(pids))
        if pending:
            self._merge(pending)
        report.records = records
        self.next_id = next_id

    def _clean_batch(
        self, emps: list[str], names: list[str], mgrs: list[str], base: int
    ) -> tuple[list[int], list[int | None]] | None:
        """The usual batch of a new chart, checked column-wise: every row has an id and a
        name, and the ids are consecutive ones no earlier row holds — no duplicate, so every
        row is kept. None when any row needs the row-by-row checks of _checked_batch."""
        if not (emps and all(emps) and all(names)):
            return None
        found = list(map(self.id_of.get, emps))
        first = found[0]
        if first is None or first < self.first_new:
            return None
        pids = list(range(first, first + len(found)))
        if found != pids:
            return None
        dense, start = self.dense_rows, first - self.first_new
        end = start + len(pids)
        while end > len(dense):
            dense.extend(_GROW)
        if dense[start:end].count(-1) != len(pids):
            return None
        dense[start:end] = array("l", range(base, base + len(pids)))
        mids = list(map(self.id_of.get, mgrs))
        if None in mids:
            self.deferred.extend(
                (base + i, mgr)
                for i, (mid, mgr) in enumerate(zip(mids, mgrs, strict=True))
                if mid is None and mgr
            )  # managers who are not in the file
        return pids, mids

    def _checked_batch(
        self, lines: list[int], emps: list[str], names: list[str], mgrs: list[str], base: int,
        next_id: int,
    ) -> tuple[list[int], list[int | None], list[int], int]:  # fmt: skip
        """Ids, the tree and the checks row by row (each depends on the ones before): the
        person ids, the managers' ids, the rows kept, and the next free id."""
        problem, id_of = self.report.problem, self.id_of
        dense, sparse, first_new = self.dense_rows, self.sparse_rows, self.first_new
        keep: list[int] = []
        pids: list[int] = []
        mids: list[int | None] = []
        for i, emp in enumerate(emps):
            if not emp:
                problem(f"line {lines[i]}", "no employee id")
                continue
            if not names[i]:
                problem(f"line {lines[i]}", f"employee {emp}: no name")
                continue
            k = base + len(keep)
            pid = id_of.get(emp)
            if pid is None:
                pid = id_of[emp] = next_id
                next_id += 1
            if pid >= first_new:
                offset = pid - first_new
                while offset >= len(dense):
                    dense.extend(_GROW)
                if dense[offset] >= 0:
                    problem(
                        f"line {lines[i]}",
                        f"duplicate employee id {emp} (first on line {self.lines[dense[offset]]})",
                    )
                    continue
                dense[offset] = k
            elif pid in sparse:
                problem(
                    f"line {lines[i]}",
                    f"duplicate employee id {emp} (first on line {self.lines[sparse[pid]]})",
                )
                continue
            else:
                sparse[pid] = k
            mgr = mgrs[i]
            mid = id_of.get(mgr) if mgr else None
            if mgr and mid is None:
                self.deferred.append((k, mgr))  # a manager who is not in the file
            keep.append(i)
            pids.append(pid)
            mids.append(mid)
            self.lines.append(lines[i])
        return pids, mids, keep, next_id

    # ------------------------------------------------------------------ matching

    def _match_existing(self) -> dict[str, int]:
        """employee id -> existing person: by employee id in this organization, then email,
        then the one person of that name at this organization."""
        s = self.session
        found = dict(self.members)
        c = self.chart.columns
        ci, ce, cn, cf, cl = (
            c.get(f, -1) for f in ("employee_id", "email", "name", "first_name", "last_name")
        )
        taken = set(found.values())
        batch: list[tuple[str, str | None, str]] = []

        def flush() -> None:
            by_email = repo.ids_by_email(s, (e for _, e, _ in batch if e))
            names = repo.name_candidates(s, (k for _, _, k in batch if k))
            for emp, email, key in batch:
                pid = by_email.get(email) if email else None
                if pid is None and key:
                    here = [x for x in names.get(key, ()) if x.org_key == self.okey]
                    if len(here) == 1:
                        pid = here[0].id
                if pid is not None and pid not in taken:
                    found[emp] = pid
                    taken.add(pid)
            batch.clear()

        for _, row in self.chart.rows():
            emp = _cell(row, ci).strip()
            if not emp or emp in found:
                continue
            name = (
                clean_text(_cell(row, cn))
                or f"{_cell(row, cf).strip()} {_cell(row, cl).strip()}".strip()
            )
            batch.append((emp, normalize_email(_cell(row, ce)), name_key(name)))
            if len(batch) >= BATCH:
                flush()
        flush()
        return found

    def _merge(self, pending: Sequence[tuple[int, int, list[str]]]) -> None:
        """Rows of people already in the network: a row that says what nextmove already has
        is counted unchanged at once; the others are merged, and written only if something
        changed."""
        s, report = self.session, self.report
        c = self.chart.columns
        ce, cn, cf, cl, ct, cd, cc, ci = (
            c.get(f, -1)
            for f in ("email", "name", "first_name", "last_name", "title", "department", "city", "employee_id")
        )  # fmt: skip
        known = repo.known_for_merge(s, (self.pid[k] for k, _, _ in pending))
        self._infer({_cell(row, ct).strip() for _, _, row in pending})
        to_merge: list[tuple[int, int, ContactRecord]] = []
        for k, line, row in pending:
            mine = known.get(self.pid[k])
            if mine is None:
                continue
            name = (
                clean_text(_cell(row, cn))
                or f"{_cell(row, cf).strip()} {_cell(row, cl).strip()}".strip()
            )
            email = normalize_email(_cell(row, ce))
            record = ContactRecord(
                where=f"line {line}",
                key=_cell(row, ci).strip(),
                name=name,
                first_name=_cell(row, cf).strip(),
                last_name=_cell(row, cl).strip(),
                emails=[Labeled(email, "work")] if email else [],
                organization=self.org,
                title=_cell(row, ct).strip(),
                department=_cell(row, cd).strip(),
                city=_cell(row, cc).strip(),
                how_known=f"{self.org} org chart",
            )
            mid = self.mid[k]
            manager = mid if mid != NONE else None
            relink = manager != mine.manager_id
            guess = self._guess(record.title, record.department)
            if chart_row_changes_nothing(mine, record, manager_id=mine.manager_id, guess=guess):
                if relink:
                    self.relinks.append((k, line, mine.manager_id, False))
                else:
                    report.unchanged += 1
            else:
                to_merge.append((k, line, record))
        people = repo.load_people(s, (self.pid[k] for k, _, _ in to_merge))
        self._infer({p.title for p in people.values()})
        changed: list[Person] = []
        placed: list[tuple[int, int]] = []
        for k, line, record in to_merge:
            person = people[self.pid[k]]
            outcome = merge_record(person, record, kind="orgchart", today=self.today)
            mid = self.mid[k]
            relink = (mid if mid != NONE else None) != person.manager_id
            moved = record.key != person.employee_id
            if moved:
                person.employee_id = record.key
            guessed = apply_title_guess(person, self._guess(person.title, person.department))
            if outcome.job_change:
                before, after = outcome.job_change
                report.job_changes.append(JobChange(person.id or 0, person.name, before, after))
            counted = bool(outcome.changed or moved or guessed)
            if relink:
                self.relinks.append((k, line, person.manager_id, counted))
            if counted:
                changed.append(person)
                placed.append((self.pid[k], line))
                report.updated += 1
            elif not relink:
                report.unchanged += 1
        repo.update_people(s, changed, now=self.now)
        repo.set_org_source(s, placed, import_id=self.import_id)
        self.progress.advance(len(pending))

    def _guess_keys(
        self, titles: list[str], depts: list[str], gvals: dict[Any, tuple[Any, ...]]
    ) -> Sequence[Any]:
        """The keys of `gvals` for these rows: the title, or (title, department) where the
        title names no function and the department may (an org chart's department column
        is evidence of the function). Each new pair is read once."""
        weak = self.weak_titles
        if not weak or not any(depts):
            return titles
        keys: list[Any] = [
            (t, d) if d and t in weak else t for t, d in zip(titles, depts, strict=True)
        ]
        for key in set(keys) - gvals.keys():
            gvals[key] = guess_values(self._guess(*key))
        return keys

    def _guess(self, title: str, department: str) -> TitleGuess | None:
        guess = self.guesses.get(title)
        if guess is None or not department or not _weak(guess):
            return guess
        reading = self.department_readings.get(department)
        if reading is None:
            reading = self.department_readings[department] = read_department(department)
        return with_department(guess, department, reading)

    def _infer(self, titles: set[str]) -> None:
        """Title guesses for titles not seen yet, all of them in one call."""
        new = titles - self.inferred
        new.discard("")
        if new:
            self.guesses.update(infer_titles(new))
            self.inferred |= new

    # ------------------------------------------------------------------ the tree

    def finish(self, me: str | None, my_level: int | None) -> None:
        """The tree, worked out while the dropped indexes are built again, then written."""
        plan = self.indexes.meanwhile(lambda: self._plan(me, my_level))
        if plan is not None:
            self._write(plan, me)

    def _plan(self, me: str | None, my_level: int | None) -> _Tree | None:
        """Managers' rows, depths and derived levels, and the tree's problems — no database
        work. None when there are problems and the import is not --partial."""
        report = self.report
        n = len(self.pid)
        dense, first_new, sparse = self.dense_rows, self.first_new, self.sparse_rows
        # Managers named but never listed.
        orphans: list[int] = []
        missing: list[tuple[int, str]] = list(self.deferred)
        every_id_a_row = n == self.next_id - first_new and self.pid == array(
            "q", range(first_new, first_new + n)
        )
        if every_id_a_row:
            # Row k holds id first_new + k and every id handed out has a row: a manager's row
            # is their id less first_new; NONE stays NONE (max with NONE: rows are >= 0).
            manager_row = array("q", map(max, map(sub, self.mid, repeat(first_new)), repeat(NONE)))
        else:
            manager_row = array("q", [NONE]) * n
        size = len(dense)
        for k, m in enumerate(() if every_id_a_row else self.mid):
            if m == NONE:
                continue
            if m >= first_new:
                j = dense[m - first_new] if m - first_new < size else -1
            else:
                j = sparse.get(m, -1)
            if j < 0:
                missing.append((k, self._emp_of_id(m)))
                orphans.append(k)
            else:
                manager_row[k] = j
        for k, mgr in sorted(missing):
            report.problem(
                f"line {self.lines[k]}",
                f"employee {self._emp(k)}: manager id {mgr} is not an employee id in the file",
            )
        depth, broken = depths(manager_row, self._emp, self.lines, report)
        if report.problems and not report.partial:
            return None
        return _Tree(
            depth,
            every_id_a_row,
            cleared=[self.pid[k] for k in (*orphans, *broken)],
            levels=self._derived_levels(manager_row, depth, me, my_level),
        )

    def _write(self, tree: _Tree, me: str | None) -> None:
        s, report = self.session, self.report
        n, depth, cleared = len(self.pid), tree.depth, tree.cleared
        if cleared:
            repo.clear_managers(s, cleared)
        self._relink(set(cleared))
        # Depths: new people in bulk; people who were there already, only where it changed.
        if self.matched or self.members:
            old_depths = net.org_depths(s, self.okey)
            rows = [
                (self.pid[k], depth[k]) for k in range(n) if old_depths.get(self.pid[k]) != depth[k]
            ]
            moved = sum(1 for pid, _ in rows if pid in old_depths)
            repo.set_depths(s, rows, replace=True)
            if moved:
                report.notes.append(f"{moved} people moved in the chart")
        else:
            # Written in id order: appends to the table and ordered lookups of the foreign
            # key, instead of a random walk over a million rows.
            first = self.first_new
            if tree.every_id_a_row:
                by_id = depth
            else:
                by_id = array("l", [-1]) * max(0, self.next_id - first)
                for k in range(n):
                    by_id[self.pid[k] - first] = depth[k]
            step = 100_000
            for start in range(0, len(by_id), step):
                bulk.insert_numbered(
                    s, repo.POSITION, ("person_id", "depth"), first + start,
                    by_id[start : start + step], skip=-1,  # -1: an id no row has
                )  # fmt: skip
        repo.set_orgchart_levels(s, tree.levels, confidence=DERIVED_CONFIDENCE)
        gone = [pid for pid in self.members.values() if self.row_of(pid) is None]
        if gone:
            net.clear_org_place(s, gone, now=self.now)
            report.updated += len(gone)
            report.notes.append(f"{len(gone)} people are no longer in this org chart")
        if me is not None:
            net.link_me(s, self.id_of[me])
        net.save_snapshot(s, self.import_id, self.org, dict(Counter(self.departments)))
        net.finish_import_run(s, self.import_id, report)

    def _relink(self, cleared: set[int]) -> None:
        """The managers of people already there, as the tree has them (None where a cycle
        or a missing manager cut the link), written and counted only where they change."""
        report = self.report
        linked: list[tuple[int, int]] = []
        unlinked: list[int] = []
        placed: list[tuple[int, int]] = []
        for k, line, before, counted in self.relinks:
            pid, mid = self.pid[k], self.mid[k]
            after = None if mid == NONE or pid in cleared else mid
            if after == before:
                if not counted:
                    report.unchanged += 1
                continue
            if after is None:
                unlinked.append(pid)
            else:
                linked.append((pid, after))
            if not counted:
                report.updated += 1
                placed.append((pid, line))
        repo.set_managers(self.session, linked)
        repo.clear_managers(self.session, unlinked)
        repo.set_org_source(self.session, placed, import_id=self.import_id)

    def row_of(self, pid: int) -> int | None:
        """The row of the tree a person is on, or None (a manager id nobody's row has)."""
        if pid >= self.first_new:
            offset = pid - self.first_new
            if offset < len(self.dense_rows) and self.dense_rows[offset] >= 0:
                return self.dense_rows[offset]
            return None
        return self.sparse_rows.get(pid)

    def row_of_emp(self, emp: str) -> int | None:
        pid = self.id_of.get(emp)
        return None if pid is None else self.row_of(pid)

    def _emp(self, k: int) -> str:
        if not hasattr(self, "_emps"):
            self._emps = {}
            for emp, pid in self.id_of.items():
                row = self.row_of(pid)
                if row is not None:
                    self._emps[row] = emp
        return self._emps[k]

    def _emp_of_id(self, person_id: int) -> str:
        if not hasattr(self, "_by_id"):
            self._by_id = {pid: emp for emp, pid in self.id_of.items()}
        return self._by_id.get(person_id, "?")

    def _derived_levels(
        self, manager_row: array, depth: array, me: str | None, my_level: int | None
    ) -> list[tuple[int, int]]:  # type: ignore[type-arg]
        """Levels for people whose title says nothing, from the tree: up my own chain from my
        level (a manager is one above), and one below any manager whose level is known."""
        n = len(self.pid)
        known = {
            t
            for t, g in self.guesses.items()
            if g.level is not None and g.level_confidence >= CONFIDENT
        }
        anchors = me is not None and my_level is not None
        if not anchors and not known:
            return []
        level = array("b", [-1]) * n
        for k in range(n):
            g = self.guesses.get(self.titles[k])
            if self.titles[k] in known and g is not None and g.level is not None:
                level[k] = g.level
        my_row = self.row_of_emp(me) if anchors and me is not None else None
        assert my_row is not None or not anchors
        derived = derive_levels(manager_row, depth, level, my_row, my_level)
        return [(self.pid[k], derived[k]) for k in range(n) if derived[k] >= 0]


def _weak(guess: TitleGuess | None) -> bool:
    """A title that names no function, or names it weakly: the department may say more."""
    return guess is not None and guess.function_confidence < DEPARTMENT_OVERRIDES_BELOW


def _name_keys(names: list[str], memo: dict[str, str]) -> list[str]:
    """name_key of each name, each distinct name computed once (names repeat in a large
    organization); the memo is bounded."""
    keys = list(map(memo.get, names))
    if None in keys:
        if len(memo) > NAME_KEY_MEMO:
            memo.clear()
        for i, key in enumerate(keys):
            if key is None:
                name = names[i]
                keys[i] = memo[name] = name_key(name)
    return keys  # type: ignore[return-value]


def _take(indexes: Sequence[int], values: Sequence[Any]) -> list[Any]:
    return [values[i] for i in indexes]


def _split_missing(
    names: list[str], firsts: list[str], lasts: list[str]
) -> tuple[list[str], list[str]]:
    """First and last name from the full name where the file has no separate columns."""
    out_first, out_last = [], []
    for name, first, last in zip(names, firsts, lasts, strict=True):
        if not (first or last):
            first, _, last = name.rpartition(" ")
            if not first:
                first, last = last, ""
        out_first.append(first)
        out_last.append(last)
    return out_first, out_last


def _cell(row: Sequence[str], index: int) -> str:
    return row[index] if 0 <= index < len(row) else ""


def _emails_json(email: str | None) -> str:
    if not email:
        return "[]"
    if '"' in email or "\\" in email:
        return json.dumps([{"value": email, "label": "work"}])
    return f'[{{"value": "{email}", "label": "work"}}]'
