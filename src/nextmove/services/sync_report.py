"""What a sync run reports, per account: the counts on each side, the conflicts it resolved
(and what was not kept), the cards it could not use, and the calendar's counts — the shape of
`sync run --json` (docs/json.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nextmove.domain.sync import FieldConflict
from nextmove.services.calendar_sync import CalendarReport


@dataclass(slots=True)
class Conflict:
    person: str
    href: str
    fields: list[FieldConflict]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "href": self.href,
            "fields": [f.to_json() for f in self.fields],
            "note": self.note,
        }


@dataclass(slots=True)
class SyncReport:
    account: str
    dry_run: bool
    incremental: bool = False
    created_local: int = 0
    updated_local: int = 0
    deleted_local: int = 0
    created_remote: int = 0
    updated_remote: int = 0
    deleted_remote: int = 0
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    calendar: CalendarReport | None = None

    @property
    def changes(self) -> int:
        return (
            self.created_local
            + self.updated_local
            + self.deleted_local
            + self.created_remote
            + self.updated_remote
            + self.deleted_remote
        )

    def counts(self) -> dict[str, int]:
        return {
            "created_in_nextmove": self.created_local,
            "updated_in_nextmove": self.updated_local,
            "deleted_in_nextmove": self.deleted_local,
            "created_on_server": self.created_remote,
            "updated_on_server": self.updated_remote,
            "deleted_on_server": self.deleted_remote,
            "unchanged": self.unchanged,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "dry_run": self.dry_run,
            "incremental": self.incremental,
            "counts": self.counts(),
            "conflicts": [c.to_json() for c in self.conflicts],
            "problems": self.problems,
            "calendar": self.calendar.to_json() if self.calendar else None,
        }
