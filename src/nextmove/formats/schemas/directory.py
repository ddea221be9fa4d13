"""The organization directory: `nextmove directory list --json`, `directory history --json`."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from nextmove.formats.schemas.core import Public


class OrganizationPublic(Public):
    id: int
    name: str
    members: int = Field(description="Members in its latest snapshot.")
    snapshots: int = Field(description="One per import.")
    last_import: dt.date | None = Field(description="The date of the latest snapshot.")
    last_file: str | None


class OrganizationListPublic(Public):
    organizations: list[OrganizationPublic]


class SnapshotPublic(Public):
    number: int = Field(description="1 for the first import, then 2, 3, …")
    taken_on: dt.date = Field(description="The import's --as-of.")
    file: str
    status: str
    members: int
    joiners: int
    leavers: int
    moves: int = Field(description="Members with a new manager or department.")
    title_changes: int


class OrganizationHistoryPublic(Public):
    organization: OrganizationPublic
    snapshots: list[SnapshotPublic] = Field(description="Oldest first.")
