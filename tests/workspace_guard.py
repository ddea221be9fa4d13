"""Every statement a workspace's session sends that touches a per-workspace table must say
which workspace: the application's filter is what keeps one person's data from another's,
so a query without it is a defect even when the database holds one workspace. Installed
for every test (tests/conftest.py), on SQLite and PostgreSQL alike: the statements are
inspected as the driver receives them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event

from nextmove.store import models  # noqa: F401  (registers the tables)
from nextmove.store.base import Base, WorkspaceScoped
from nextmove.store.ids import bound_workspace

PER_WORKSPACE = frozenset(
    mapper.class_.__tablename__
    for mapper in Base.registry.mappers
    if issubclass(mapper.class_, WorkspaceScoped)
)
NOT_ALIASES = frozenset(
    [
        "where",
        "on",
        "join",
        "left",
        "right",
        "inner",
        "outer",
        "cross",
        "full",
        "set",
        "values",
        "group",
        "order",
        "limit",
        "offset",
        "union",
        "select",
        "returning",
        "having",
        "using",
        "natural",
        "as",
        "window",
        "for",
    ]
)
# A table named after FROM / JOIN / UPDATE / INTO / DELETE FROM, with its alias if any.
TABLE_REF = re.compile(
    r'\b(FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?', re.IGNORECASE
)
SKIPPED = re.compile(
    r"^\s*(CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|"
    r"LOCK|SET|SHOW|ANALYZE|VACUUM)\b",
    re.IGNORECASE,
)


# New ids are unique across every workspace, so numbering reads the whole table (store/ids.py).
NUMBERING = re.compile(
    r"^SELECT (setval\(.*, \()?(SELECT )?coalesce\(max\(id\), 0\)( \+ 1)? FROM \w+(\), false\))?$"
)


def _compared(column: str, statement: str) -> bool:
    """Whether `column` is compared (=, IN) somewhere in the statement: named in its select
    list only (`SELECT count(*) FROM (SELECT person.workspace_id, … FROM person)`) it limits
    nothing."""
    return bool(re.search(rf"{column}\s*(=|\bIN\b)|(=|\bIN)\s*\(?\s*{column}", statement, re.I))


def unscoped_references(statement: str) -> list[str]:
    """The per-workspace tables (or aliases) a statement reads or writes without naming
    their workspace_id."""
    if SKIPPED.match(statement) or NUMBERING.match(statement.strip()):
        return []
    refs = []
    for match in TABLE_REF.finditer(statement):
        keyword, table, alias = match.group(1).upper(), match.group(2), match.group(3)
        if table not in PER_WORKSPACE:
            continue
        if keyword == "INTO":
            # An insert names workspace_id among its columns (or copies it in a select).
            refs.append((table, None))
            continue
        name = alias if alias and alias.lower() not in NOT_ALIASES else table
        refs.append((table, name))
    missing = []
    for table, name in refs:
        if name is None:
            if "workspace_id" not in statement:
                missing.append(table)
        elif not _compared(rf'\b"?{re.escape(name)}"?\."?workspace_id"?', statement) and not (
            len(refs) == 1 and _compared(r'(?<![."])\b"?workspace_id"?', statement)
        ):
            missing.append(name if name == table else f"{table} AS {name}")
    return missing


@dataclass
class Guard:
    violations: list[tuple[str, list[str]]] = field(default_factory=list)

    def check(self, conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        bound, _workspace, every = bound_workspace(conn)
        if not bound or every:
            return
        missing = unscoped_references(statement)
        if missing:
            self.violations.append((statement, missing))
            log = os.environ.get("WORKSPACE_GUARD_LOG")
            if log:
                with open(log, "a", encoding="utf-8") as out:
                    out.write(" ".join(statement.split())[:400] + "\n")

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self.check)

    def remove(self) -> None:
        event.remove(Engine, "before_cursor_execute", self.check)
