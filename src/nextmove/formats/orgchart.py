"""An organization's chart as CSV: one row per employee with an id, a name (or first and last
name), a title, the manager's id, a department, a city and an email address. Columns are found
by their header names (common synonyms included); `--map employee_id=EmpNo` renames.

Org charts can hold a million rows, so this module streams: it opens the file, resolves the
columns, and yields plain tuples; the service reads it twice (once for the tree, once to
write) rather than holding it in memory.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from nextmove.errors import UserError
from nextmove.formats.textfile import looks_binary

FIELDS = (
    "employee_id",
    "name",
    "first_name",
    "last_name",
    "email",
    "title",
    "manager_id",
    "department",
    "city",
)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "employee_id": (
        "employee id",
        "id",
        "emp id",
        "empid",
        "employee number",
        "employee no",
        "person id",
        "worker id",
        "staff id",
        "employee",
    ),
    "name": ("name", "full name", "employee name", "display name", "preferred name"),
    "first_name": ("first name", "given name", "firstname", "forename"),
    "last_name": ("last name", "surname", "family name", "lastname"),
    "email": ("email", "e mail", "email address", "work email", "mail"),
    "title": ("title", "job title", "position", "job", "role", "position title"),
    "manager_id": (
        "manager id",
        "manager",
        "reports to",
        "reports to id",
        "supervisor id",
        "supervisor",
        "manager employee id",
        "line manager id",
        "parent id",
    ),
    "department": ("department", "dept", "team", "division", "org unit", "department name"),
    "city": ("city", "location", "office", "site", "work city"),
}
REQUIRED_HINT = (
    "An org chart needs columns for the employee id, the name (or first and last name) and the "
    "manager id; title, department, city and email are read when present. Rename columns with "
    "--map, e.g. --map employee_id=EmpNo --map manager_id=Boss."
)


def _fold(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").replace("_", " ").replace("-", " ").lower().split())


@dataclass(frozen=True, slots=True)
class OrgChartFile:
    path: Path
    source: str
    encoding: str
    header_line: int
    columns: dict[str, int]  # field -> column index
    width: int

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) for each data row; the line is where the row starts."""
        with self.path.open(encoding=self.encoding, errors="replace", newline="") as handle:
            reader = csv.reader(handle, strict=False)
            for _ in range(self.header_line):
                next(reader, None)
            line = reader.line_num
            try:
                for row in reader:
                    if row and (len(row) > 1 or row[0].strip()):
                        yield line + 1, row
                    line = reader.line_num
            except csv.Error as exc:
                raise UserError(
                    f"{self.source}: line {line + 1}: not readable as CSV: {exc}"
                ) from None

    def batches(self, size: int) -> Iterator[tuple[list[int], list[list[str]]]]:
        """The data rows in batches of about `size`: (the lines they start on, the rows).

        A block of lines is parsed by one call into the csv module; when it gives one row per
        line (no quoted cell spans lines, none is left open at the end) the rows are numbered
        by position. Otherwise, from that block on, rows are read one by one."""
        with self.path.open(encoding=self.encoding, errors="replace", newline="") as handle:
            reader = csv.reader(handle, strict=False)
            for _ in range(self.header_line):
                next(reader, None)
            line = reader.line_num
            hint = max(1, size) * 100
            while True:
                block = handle.readlines(hint)
                if not block:
                    return
                rows = _one_row_per_line(block)
                if rows is None:
                    yield from self._rows_one_by_one(chain(block, handle), line, size)
                    return
                lines = list(range(line + 1, line + 1 + len(rows)))
                line += len(rows)
                if min(map(len, rows)) < 2:
                    kept = [
                        i for i, row in enumerate(rows) if row and (len(row) > 1 or row[0].strip())
                    ]
                    rows, lines = [rows[i] for i in kept], [lines[i] for i in kept]
                if rows:
                    yield lines, rows

    def _rows_one_by_one(
        self, texts: Iterator[str], line: int, size: int
    ) -> Iterator[tuple[list[int], list[list[str]]]]:
        lines: list[int] = []
        rows: list[list[str]] = []
        reader = csv.reader(texts, strict=False)
        last = 0  # the line the previous row ended on (after `line`)
        try:
            for row in reader:
                if row and (len(row) > 1 or row[0].strip()):
                    lines.append(line + last + 1)
                    rows.append(row)
                    if len(rows) >= size:
                        yield lines, rows
                        lines, rows = [], []
                last = reader.line_num
        except csv.Error as exc:
            raise UserError(
                f"{self.source}: line {line + last + 1}: not readable as CSV: {exc}"
            ) from None
        if rows:
            yield lines, rows


def _one_row_per_line(block: list[str]) -> list[list[str]] | None:
    """The rows of these lines when each line is exactly one row; None when a quoted cell
    spans lines (fewer rows than lines, or a last row whose cell holds a line break because
    its quote is still open) or the block is not readable (the row-by-row reading then says
    where)."""
    try:
        rows = list(csv.reader(block, strict=False))
    except csv.Error:
        return None
    if len(rows) != len(block) or any("\n" in cell or "\r" in cell for cell in rows[-1]):
        return None
    return rows


def parse_column_map(items: list[str] | None) -> dict[str, str]:
    """["employee_id=EmpNo", …] -> {"employee_id": "EmpNo"}."""
    mapping: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise UserError(
                f"{item!r}: write it as FIELD=COLUMN, e.g. employee_id=EmpNo",
                hint="Fields: " + ", ".join(FIELDS) + ".",
                field="map",
            )
        field, column = (part.strip() for part in item.split("=", 1))
        field = field.lower().replace("-", "_").replace(" ", "_")
        if field not in FIELDS:
            raise UserError(
                f"{item!r}: unknown field {field!r}",
                hint="Fields: " + ", ".join(FIELDS) + ".",
                field="map",
            )
        mapping[field] = column
    return mapping


def open_orgchart(
    path: Path, source: str, column_map: dict[str, str] | None = None
) -> OrgChartFile:
    """Check the file and resolve its columns; nothing is read beyond the header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except FileNotFoundError:
        raise UserError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{source}: is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"{source}: cannot read: {exc.strerror}") from None
    if not head.strip():
        raise UserError(f"{source}: the file is empty", hint=REQUIRED_HINT)
    if looks_binary(head):
        raise UserError(
            f"{source}: not a CSV file: it is a binary file",
            hint="Save the org chart as CSV (comma-separated, UTF-8) and import that.",
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        try:
            head.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            encoding = "utf-8" if exc.start > len(head) - 4 else "cp1252"
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, strict=False)
        try:
            header: list[str] = []
            while not any(c.strip() for c in header):
                header = next(reader)
        except StopIteration:
            raise UserError(f"{source}: the file is empty", hint=REQUIRED_HINT) from None
        except csv.Error as exc:
            raise UserError(f"{source}: not a readable CSV file: {exc}") from None
        header_line = reader.line_num
    folded: dict[str, int] = {}
    for index, name in enumerate(header):
        folded.setdefault(_fold(name), index)
    columns: dict[str, int] = {}
    mapping = column_map or {}
    for field, column in mapping.items():
        if _fold(column) not in folded:
            raise UserError(
                f"{source}: {field}={column}: there is no column {column!r}",
                hint="Columns in the file: " + ", ".join(h.strip() for h in header if h.strip()),
            )
        columns[field] = folded[_fold(column)]
    for field in FIELDS:
        if field in columns:
            continue
        for synonym in (_fold(field), *SYNONYMS[field]):
            if synonym in folded and folded[synonym] not in columns.values():
                columns[field] = folded[synonym]
                break
    missing = [f for f in ("employee_id", "manager_id") if f not in columns]
    if "name" not in columns and not ("first_name" in columns or "last_name" in columns):
        missing.append("name")
    if missing:
        shown = ", ".join(h.strip() for h in header[:12] if h.strip())
        raise UserError(
            f"{source}: wrong columns: no {', '.join(missing)} column (the header is: {shown[:200]})",
            hint=REQUIRED_HINT,
        )
    return OrgChartFile(path, source, encoding, header_line, columns, len(header))
