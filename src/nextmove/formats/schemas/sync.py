"""Address-book and calendar sync: `nextmove sync list --json`, `nextmove sync run --json`.
Never a password."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from nextmove.formats.schemas.core import Public


class FieldConflictPublic(Public):
    field: str
    winner: str = Field(description="The side whose value was kept: `nextmove` or `address book`.")
    kept: Any = Field(description="The value both sides have now.")
    lost: Any = Field(description="The other side's value.")


class KeptConflictFieldPublic(FieldConflictPublic):
    at: str | None = Field(default=None, description="When the sync decided (ISO 8601).")


class CardConflictPublic(Public):
    person: str
    href: str
    fields: list[KeptConflictFieldPublic]


class SyncAccountPublic(Public):
    name: str
    carddav: str
    caldav: str | None
    user: str
    push_new: bool
    cards: int = Field(description="Cards this account syncs.")
    last_run_at: str | None = Field(description="ISO 8601 with its offset; null before a run.")
    last_summary: dict[str, Any] | None = Field(
        description="The last run's counts, conflicts, problems and error (null before a run)."
    )
    conflicts: list[CardConflictPublic] = Field(description="Kept until dismissed.")
    password_kept: str = Field(
        description="Where the password is kept (the OS keyring or a private file), never the "
        "password itself; docs/sync.md."
    )


class SyncAccountsPublic(Public):
    accounts: list[SyncAccountPublic]


class SyncCountsPublic(Public):
    created_in_nextmove: int
    updated_in_nextmove: int
    deleted_in_nextmove: int
    created_on_server: int
    updated_on_server: int
    deleted_on_server: int
    unchanged: int


class RunConflictPublic(Public):
    person: str
    href: str
    fields: list[FieldConflictPublic]
    note: str = Field(
        description="Why a card has no fields: changed on the server while the sync wrote it, "
        "or deleted on one side and changed on the other."
    )


class CalendarRunPublic(Public):
    created: int
    updated: int
    deleted: int
    unchanged: int
    problems: list[str]


class SyncRunPublic(Public):
    account: str
    dry_run: bool
    incremental: bool = Field(description="The server listed only what changed (RFC 6578).")
    counts: SyncCountsPublic
    conflicts: list[RunConflictPublic]
    problems: list[str]
    calendar: CalendarRunPublic | None = Field(description="null without --caldav.")


class SyncRunsPublic(Public):
    runs: list[SyncRunPublic]
