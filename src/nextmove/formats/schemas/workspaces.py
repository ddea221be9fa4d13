"""Workspaces and accounts: `nextmove workspace list --json`, `nextmove admin list-users
--json`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from nextmove.formats.schemas.core import Instant, Public


class WorkspaceRowPublic(Public):
    id: int
    name: str
    people: int
    created_at: Instant
    default: bool = Field(description="The workspace commands use without --workspace.")
    current: bool = Field(description="The one this command worked on.")


class WorkspaceListPublic(Public):
    workspaces: list[WorkspaceRowPublic]


class AccountRowPublic(Public):
    """An account of server mode, as the admin lists it (never its password)."""

    id: int
    email: str
    name: str
    role: Literal["member", "coach", "admin"]
    disabled: bool
    workspace_id: int = Field(description="The account's own workspace.")
    created_at: Instant
