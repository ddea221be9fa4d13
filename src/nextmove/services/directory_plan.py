"""The reading and planning half of a directory import (services/directory_import.py): the
file read once against the organization's last snapshot, the rows to write staged, and the
tree checked — before anything is written to the directory.

Every member has an `idx`: the members of the last snapshot first (in the order they are
read), then the new employee ids in file order. The tree and the comparison with the last
snapshot are compact arrays indexed by idx. A batch of rows is worked on column by column
(maps and zips that run in C) when it is clean — every row with an id and a name, no id seen
before, cells of sane length — and row by row, with a problem per bad row, when it is not.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress, count, repeat
from operator import eq, itemgetter, methodcaller, ne, not_
from typing import Any, cast

from sqlalchemy import Connection

from nextmove.domain.imports import ImportReport
from nextmove.domain.merge import guess_values
from nextmove.domain.orgtree import NONE, depths
from nextmove.domain.people import clean_text, normalize_emails
from nextmove.formats.orgchart import OrgChartFile
from nextmove.services.progress import Progress
from nextmove.services.titles import infer_titles_in
from nextmove.store import directory_write as w

BATCH = 5000
MAX_ID = 64
# White space clean_text would collapse: two in a row, or any but a plain space (stripped
# cells joined with NUL).
_UNCLEAN = re.compile(r"\s\s|[^\S ]")
# Team sizes are added up level by level (one scan of the depths per level) up to this depth;
# a deeper chart is sorted by depth instead.
MAX_LEVELS = 64
MAX_CELL = 500
MAX_EMAIL = 320


class PackedText:
    """A column of strings kept as one UTF-8 buffer and the offsets between them: 8 bytes
    per string on top of its text, where a bytes object costs 33 (and its list slot 8) — a
    million-row chart's names and e-mails take about 80 MB less. None is kept as the empty
    string: these columns never hold "" (a member always has a name; an empty e-mail is
    None)."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.offsets = array("Q", [0])  # string k is data[offsets[k]:offsets[k + 1]]

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def extend(self, values: Sequence[str | None]) -> None:
        if None in values:
            values = [v or "" for v in values]
        encoded = list(map(str.encode, cast("Sequence[str]", values)))
        self.offsets.extend(accumulate(map(len, encoded), initial=len(self.data)))
        del self.offsets[-len(encoded) - 1]  # (accumulate repeats the start)
        self.data += b"".join(encoded)

    def take(self, positions: Sequence[int]) -> list[str | None]:
        """The strings at these positions, in their order."""
        offsets = self.offsets
        starts = map(offsets.__getitem__, positions)
        stops = map(offsets.__getitem__, map((1).__add__, positions))
        texts: list[Any] = list(
            map(bytearray.decode, map(self.data.__getitem__, map(slice, starts, stops)))
        )
        return [t or None for t in texts] if "" in texts else texts


class ChartPlan:
    """One import's reading and planning."""

    def __init__(
        self, conn: Connection, chart: OrgChartFile, report: ImportReport, progress: Progress
    ):
        self.conn, self.chart, self.report, self.progress = conn, chart, report, progress
        self.index: dict[str, int] = {}  # employee id -> idx
        self.emps: list[str] = []  # idx -> employee id
        self.seen = bytearray()  # idx -> 1 when a row of the file has it
        self.lines = array("i")  # idx -> the row's line (0: no row)
        self.mgr_ids: list[str | None] = []  # idx -> the manager's employee id in the file
        self.manager = array("i")  # idx -> the manager's idx, or NONE (after check())
        self.depth = array("i")
        # The last snapshot, per idx < n_old: a hash of the row as the file gives it (name,
        # title, department, manager, city, e-mail, joined by w.ROW_SEPARATOR), and the depth. Rows whose hash is the
        # same are unchanged and read no further; the few others are compared field by
        # field with their last version (classify()).
        self.n_old = 0
        self.old_row = array("q")
        self.old_depth = array("i")
        self.last: tuple[int, int] | None = None  # (organization, snapshot) read
        # Changed rows of the last snapshot: idx -> (name, title, department, manager, city,
        # e-mail) as the file gives them.
        self.pending: dict[int, tuple[Any, ...]] = {}
        self.old_sizes: dict[str, tuple[int, int]] = {}
        self.has_current = False
        # The rows to write (joiners and changed rows), column by column in the order they
        # were read: their idx, then (employee id, name, title, level, function, department,
        # manager, city, e-mail). Titles, departments and cities are shared strings (an
        # org chart repeats a few thousand of them), names and e-mails packed (PackedText),
        # so a million rows fit in memory.
        self.staged = array("i")
        self.columns: tuple[Any, ...] = tuple(PackedText() if k in (1, 8) else [] for k in range(9))
        self.shared: dict[str, str] = {}
        # Positions in `staged` in employee-id order, the order they are written (plan()).
        self.order = array("i")
        self.joiners = self.moves = self.title_changes = self.changed = self.unchanged = 0
        self.members = 0
        self.cleared: set[int] = set()  # idx whose manager link --partial cut
        self.leavers: list[str] = []
        self.depth_only: list[tuple[str, int, bool]] = []  # (employee id, depth, link cut)
        self.team_changes: list[tuple[str, int, int]] = []  # (manager, direct, size)
        self.guesses: dict[tuple[str, str], tuple[int | None, str | None]] = {}
        self.departments: Counter[str] = Counter()  # headcount per department
        # Changed rows of the last snapshot: (title or rest changed, the same but for a
        # manager link --partial may cut).
        self.changes: dict[int, tuple[bool, bool]] = {}
        # Rows kept to be written that turned out the same as their last version, field by
        # field (not written; see _compare).
        self.same: set[int] = set()

    def present(self, emp: str) -> bool:
        idx = self.index.get(emp)
        return idx is not None and bool(self.seen[idx])

    def _grow(self, emps: list[str]) -> range:
        """New idx for these (new, distinct) employee ids."""
        start = len(self.emps)
        k = len(emps)
        self.emps.extend(emps)
        self.index.update(zip(emps, count(start)))
        self.seen.extend(bytes(k))
        self.lines.extend(repeat(0, k))
        self.mgr_ids.extend(repeat(None, k))
        return range(start, start + k)

    # ------------------------------------------------------------------ the last snapshot

    def load_current(self, org_id: int, snapshot: int) -> None:
        self.has_current = True
        self.last = (org_id, snapshot)
        for part in w.current_rows(self.conn, org_id, snapshot):
            self._grow(list(map(itemgetter(0), part)))
            self.old_row.extend(map(hash, map(itemgetter(1), part)))
            self.old_depth.extend(map(itemgetter(2), part))
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
        guesses = self.guesses
        managers: dict[str, str] = {}

        def cells(rows: list[list[str]], i: int) -> list[str]:
            if i == blank:
                return [""] * len(rows)
            # (str.strip gives back the cell itself when it has nothing to strip: no new
            # string for the unpadded cells of an exported chart — 4-12× faster than
            # searching the joined column for padding first, measured)
            return list(map(strip, map(itemgetter(i), rows)))

        self.progress.start("Reading the org chart", None)
        records = 0
        for lines, rows in self.chart.batches(BATCH):
            records += len(rows)
            if min(map(len, rows)) < width:  # short rows: the missing cells are blank
                rows = [r if len(r) >= width else r + pad[len(r) :] for r in rows]
            emps, mgrs = cells(rows, ci), cells(rows, cm)
            # One string per manager id, not one per row naming them (a million rows name
            # some 170,000 managers).
            mgrs = list(map(managers.setdefault, mgrs, mgrs))
            if cn != blank:
                names = cells(rows, cn)
                if _UNCLEAN.search("\x00".join(names)):  # clean_text has work to do
                    names = list(map(clean_text, names))
                if not all(names):  # no name: the first and last name, when given
                    firsts, lasts = cells(rows, cf), cells(rows, cl)
                    names = [
                        n or f"{f} {la}".strip()
                        for n, f, la in zip(names, firsts, lasts, strict=True)
                    ]
            else:
                names = list(
                    map(strip, map(" ".join, zip(cells(rows, cf), cells(rows, cl), strict=True)))
                )
            titles, depts, cities = cells(rows, ct), cells(rows, cd), cells(rows, cc)
            emails = normalize_emails(cells(rows, ce))
            idxs = self._place(lines, emps, names, titles, depts, cities, mgrs)
            if idxs is None:
                keep = [i for i in range(len(emps)) if self._keep[i]]
                if not keep:
                    continue
                emps, names, titles, depts, cities, mgrs = (
                    [x[i] for i in keep] for x in (emps, names, titles, depts, cities, mgrs)
                )
                emails = [emails[i] for i in keep]
                idxs = self._kept_idx
            self.departments.update(depts)
            if max(map(len, filter(None, emails)), default=0) > MAX_EMAIL:
                emails = [e if e is None or len(e) <= MAX_EMAIL else None for e in emails]
            stage = self._compare(idxs, names, titles, depts, mgrs, cities, emails)
            if stage is None:
                self.progress.advance(len(rows))
                continue
            if isinstance(stage, list):  # the rows that changed, of a batch
                idxs = list(compress(idxs, stage))
                emps, names, titles, depts, mgrs, cities = (
                    list(compress(x, stage)) for x in (emps, names, titles, depts, mgrs, cities)
                )
                emails = list(compress(emails, stage))
            # Level and function: the title reader runs once per distinct (title, department).
            keys = list(zip(titles, depts, strict=True))
            new_keys = set(keys) - guesses.keys()
            if new_keys:
                for k, guess in infer_titles_in(new_keys).items():
                    values = guess_values(guess)
                    guesses[k] = (values[0], values[3])
            levels, functions = (list(x) for x in zip(*map(guesses.__getitem__, keys), strict=True))
            self._stage(idxs, emps, names, titles, levels, functions, depts, mgrs, cities, emails)
            self.progress.advance(len(rows))
        self.report.records = records
        self.members = sum(self.seen)
        self._classify()
        self.progress.finish()

    def _stage(self, idxs: list[int], *cols: list[Any]) -> None:
        """Keep these rows of a batch to be written."""
        shared = self.shared.setdefault
        emps, names, titles, levels, functions, depts, mgrs, cities, emails = cols
        titles, depts, cities = (list(map(shared, x, x)) for x in (titles, depts, cities))
        mgrs = [m or None for m in mgrs]
        # Names and e-mails, unique to each row, are packed (PackedText).
        out: tuple[list[Any], ...] = (
            emps, names, titles, levels, functions, depts, mgrs, cities, emails,
        )  # fmt: skip
        for kept, column in zip(out, self.columns, strict=True):
            column.extend(kept)
        self.staged.extend(idxs)

    def rows(self, positions: Sequence[int]) -> Iterator[tuple[Any, ...]]:
        """The staged rows at these positions, with their depth, as the directory stores them
        (employee_id, name, title, level, function, department, manager, city, e-mail,
        depth)."""
        if len(positions) == 1:
            positions = [positions[0], positions[0]]  # (itemgetter gives a tuple of two)
            one = True
        else:
            one = False
        get = itemgetter(*positions)
        cols: list[Any] = [
            c.take(positions) if isinstance(c, PackedText) else get(c) for c in self.columns
        ]
        rows = zip(*cols, map(self.depth.__getitem__, get(self.staged)), strict=True)
        return iter([next(rows)]) if one else rows

    def _place(
        self,
        lines: list[int],
        emps: list[str],
        names: list[str],
        titles: list[str],
        depts: list[str],
        cities: list[str],
        mgrs: list[str],
    ) -> list[int] | None:
        """The idx of each row of a clean batch (marked seen, with its line and manager); None
        when a row needs checking one by one — then `_keep` and `_kept_idx` say which rows
        are kept and their idx, and the others are problems."""
        index, seen = self.index, self.seen
        clean = (
            all(emps)
            and all(names)
            and max(map(len, emps)) <= MAX_ID
            and max(map(len, mgrs)) <= MAX_ID
            and max(max(map(len, x)) for x in (names, titles, depts, cities)) <= MAX_CELL
            and len(set(emps)) == len(emps)
        )
        if clean:
            found = list(map(index.get, emps))
            if found.count(None) == len(found):
                idxs = list(self._grow(emps))
            elif None not in found:  # every row was there last time (a refresh)
                idxs = cast("list[int]", found)
                if any(map(seen.__getitem__, idxs)):
                    clean = False
            else:
                known = [i for i in found if i is not None]
                if any(map(seen.__getitem__, known)):
                    clean = False
                else:
                    new = [e for e, i in zip(emps, found, strict=True) if i is None]
                    fresh = iter(self._grow(new))
                    idxs = [i if i is not None else next(fresh) for i in found]
        if clean:
            lines_, mgr_ids = self.lines, self.mgr_ids
            first, k = idxs[0], len(idxs)
            if idxs[-1] - first == k - 1 and idxs == list(range(first, first + k)):
                # New members in a row (a first import): whole slices at once.
                seen[first : first + k] = b"\x01" * k
                lines_[first : first + k] = array("i", lines)
                mgr_ids[first : first + k] = mgrs
                return idxs
            # Scattered writes, each loop run in C.
            deque(map(seen.__setitem__, idxs, repeat(1)), maxlen=0)
            deque(map(lines_.__setitem__, idxs, lines), maxlen=0)
            deque(map(mgr_ids.__setitem__, idxs, mgrs), maxlen=0)
            return idxs
        problem = self.report.problem
        self._keep = [False] * len(emps)
        self._kept_idx = []
        for i, emp in enumerate(emps):
            line, name, mgr = lines[i], names[i], mgrs[i]
            if not emp:
                problem(f"line {line}", "no employee id")
                continue
            if len(emp) > MAX_ID:
                problem(f"line {line}", f"employee id longer than {MAX_ID} characters")
                continue
            if not name:
                problem(f"line {line}", f"employee {emp}: no name")
                continue
            if max(len(name), len(titles[i]), len(depts[i]), len(cities[i])) > MAX_CELL:
                problem(
                    f"line {line}",
                    f"employee {emp}: a name, title, department or city longer than "
                    f"{MAX_CELL} characters",
                )
                continue
            if len(mgr) > MAX_ID:
                problem(
                    f"line {line}", f"employee {emp}: manager id longer than {MAX_ID} characters"
                )
                continue
            idx = index.get(emp)
            if idx is None:
                idx = self._grow([emp])[0]
            elif seen[idx]:
                problem(
                    f"line {line}",
                    f"duplicate employee id {emp} (first on line {self.lines[idx]})",
                )
                continue
            seen[idx] = 1
            self.lines[idx] = line
            self.mgr_ids[idx] = mgr
            self._keep[i] = True
            self._kept_idx.append(idx)
        return None

    def _compare(
        self,
        idxs: list[int],
        names: list[str],
        titles: list[str],
        depts: list[str],
        mgrs: list[str],
        cities: list[str],
        emails: list[str | None],
    ) -> list[bool] | bool | None:
        """Which rows to write: True (all: none was in the last snapshot), a mask, or None
        (none changed). Counts joiners, changed and unchanged rows; the changed rows of the
        last snapshot are kept for classify()."""
        n_old = self.n_old
        if not n_old or min(idxs) >= n_old:
            self.joiners += len(idxs)
            return True
        if max(idxs) < n_old:  # every row was there last time (the usual refresh batch)
            olds: Any = idxs
        else:
            olds = [i if i < n_old else 0 for i in idxs]
        # Each row as one string, as the directory gives the last snapshot's (current_rows):
        # one hash of one string per row.
        sep = w.ROW_SEPARATOR
        texts = emails if None not in emails else [e or "" for e in emails]
        joined = list(map(sep.join, zip(names, titles, depts, mgrs, cities, texts, strict=True)))
        mask = list(map(ne, map(hash, joined), map(self.old_row.__getitem__, olds)))
        if olds is not idxs:  # new members are joiners, whatever row 0 holds
            for p, i in enumerate(idxs):
                if i >= n_old:
                    mask[p] = True
        if sum(map(methodcaller("count", sep), joined)) != 5 * len(joined):
            # A cell holding the separator itself: such rows are compared field by field.
            for p, text in enumerate(joined):
                if text.count(sep) != 5:
                    mask[p] = True
        for p in compress(range(len(idxs)), mask):
            i = idxs[p]
            if i >= n_old:
                self.joiners += 1
            else:
                self.pending[i] = (names[p], titles[p], depts[p], mgrs[p], cities[p], emails[p])
        self.unchanged += mask.count(False)
        return mask if any(mask) else None

    def _classify(self) -> None:
        """The changed rows of the last snapshot against their last versions, field by field:
        moves (manager or department), title changes, and whether a row would be unchanged
        but for a manager link --partial may cut again, as it did last time."""
        if not self.pending or self.last is None:
            return
        emps = self.emps
        for old in w.versions_of(self.conn, *self.last, [emps[i] for i in self.pending]):
            i = self.index[old[0]]
            name, title, dept, mgr, city, email = self.pending[i]
            _, o_name, o_title, o_dept, o_mgr, o_city, o_email = old
            moved = (mgr, dept) != (o_mgr, o_dept)
            retitled = title != o_title
            rest = (name, city, email) != (o_name, o_city, o_email)
            if not (moved or retitled or rest):  # (a cell held the separator: not changed)
                self.same.add(i)
                self.unchanged += 1
                continue
            self.changed += 1
            self.moves += moved
            self.title_changes += retitled
            self.changes[i] = (retitled or rest, moved and ("", dept) == (o_mgr, o_dept))
        self.conn.rollback()
        self.pending = {}

    # ------------------------------------------------------------------ the tree

    def check(self) -> None:
        """Unknown managers and cycles, as problems with their lines. With --partial the
        link is cut (the member becomes a root)."""
        report, seen, lines = self.report, self.seen, self.lines
        index = self.index
        mgr_ids = self.mgr_ids
        # (None and "" are no employee id: NONE.)
        idx_of = cast("Callable[[str | None, int], int]", index.get)
        manager = array("i", map(idx_of, mgr_ids, repeat(NONE)))
        missing: list[tuple[int, int, str]] = []
        # Only members whose manager is no member of the file (NONE reads the 0 at the end)
        # are looked at one by one: the roots, the leavers and the unknown managers.
        seen_or_none = bytes(seen) + b"\x00"
        for k in compress(count(), map(not_, map(seen_or_none.__getitem__, manager))):
            mgr = mgr_ids[k]
            if mgr and seen[k]:
                missing.append((lines[k], k, mgr))
                manager[k] = NONE
        for line, k, mgr in sorted(missing):
            report.problem(
                f"line {line}",
                f"employee {self.emps[k]}: manager id {mgr} is not an employee id in the file",
            )
            self.cleared.add(k)
        self.manager = manager
        self.mgr_ids = []  # (the manager's idx from here on: memory back for the writing)
        self.depth, broken = depths(manager, self.emps.__getitem__, lines, report)
        self.cleared.update(broken)

    def plan(self) -> None:
        """What to write besides the staged rows: leavers, members whose depth alone changed
        (or whose manager --partial cut), team sizes; and the staged rows' depths."""
        n, seen, depth, manager = len(self.emps), self.seen, self.depth, self.manager
        # Which rows are staged — needed only against a last snapshot, or where --partial cut
        # links (a first import stages every row: no set of a million).
        staged_set = set(self.staged) if self.n_old or self.cleared else set()
        same_set: set[int] = set()
        positions: Sequence[int] = range(len(self.staged))
        if self.cleared:
            # A row whose only change was the manager link --partial cut again is unchanged.
            same = [
                k for k in self.cleared if k in self.changes and self.changes[k] == (False, True)
            ]
            same_set.update(same)
            for k in same:
                staged_set.discard(k)
            self.changed -= len(same)
            self.moves -= len(same)
            self.unchanged += len(same)
            # Staged rows whose manager link --partial cut are written without it.
            mgr_column = self.columns[6]
            for p, k in enumerate(self.staged):
                if k in self.cleared:
                    mgr_column[p] = None
            if same_set:
                positions = [p for p, k in enumerate(self.staged) if k not in same_set]
        cut = len(self.same & self.cleared)  # (a manager link --partial cut is a change)
        self.changed, self.unchanged = self.changed + cut, self.unchanged - cut
        if self.same - self.cleared:
            same_set |= self.same - self.cleared
            staged_set -= same_set
            positions = [p for p, k in enumerate(self.staged) if k not in same_set]
        n_old, old_depth = self.n_old, self.old_depth
        self.leavers = list(compress(self.emps[:n_old], map(not_, seen[:n_old])))
        # Unchanged rows: a new version where the depth changed, or where --partial cut a
        # manager link the last snapshot still has.
        redo = set(compress(range(n_old), map(ne, depth[:n_old], old_depth)))
        redo.update(k for k in self.cleared if k < n_old and k not in same_set)
        for k in sorted(redo):
            if seen[k] and k not in staged_set:
                self.depth_only.append((self.emps[k], depth[k], k in self.cleared))
        # Team sizes: direct reports, and everyone below (deepest first).
        direct = array("i", [0]) * n
        size = array("i", [0]) * n
        for m, reports in Counter(compress(manager, seen)).items():
            if m != NONE:
                direct[m] = reports
        top = max(compress(depth, seen), default=0)
        if top <= MAX_LEVELS:  # level by level, deepest first, each found by a scan in C
            deepest_first: Iterable[int] = chain.from_iterable(
                compress(count(), map(eq, depth, repeat(d))) for d in range(top, 0, -1)
            )
        else:  # a very deep chart: sorted once
            deepest_first = sorted(compress(range(n), seen), key=depth.__getitem__, reverse=True)
        for k in deepest_first:
            m = manager[k]
            if m != NONE:
                size[m] += size[k] + 1
        old, emps = self.old_sizes, self.emps
        for k in compress(range(n), direct):
            if old.get(emps[k]) != (direct[k], size[k]):
                self.team_changes.append((emps[k], direct[k], size[k]))
        for emp in old:
            j = self.index.get(emp)
            if j is None or not direct[j]:
                self.team_changes.append((emp, 0, 0))
        self.index = {}  # not needed for the writing: its memory back for the sort
        # Written in employee-id order: the directory's key then grows in order, and each
        # short transaction touches few pages.
        self.order = array("i", sorted(positions, key=self.columns[0].__getitem__))
