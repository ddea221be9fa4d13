"""The shapes of server mode's account API: who is signed in (/api/me), the audit log of
one's workspace (/api/audit), and a coach's clients, private notes and invitations
(/api/coach/...). docs/api.md lists them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from nextmove.domain import limits
from nextmove.formats.schemas.core import Public

AccessValue = Literal["view", "comment", "edit"]


class AccountPublic(Public):
    id: int
    email: str
    name: str
    role: Literal["member", "coach", "admin"]


class WorkspacePublic(Public):
    id: int | None = Field(description="The workspace this request works on (null: local mode).")
    access: Literal["own", "view", "comment", "edit"]
    owner: str | None = Field(description="Whose workspace it is (server mode).")


class MePublic(Public):
    mode: Literal["local", "server"]
    account: AccountPublic | None
    workspace: WorkspacePublic
    csrf_token: str | None = Field(
        description="Send as the X-CSRF-Token header with API writes that use the session "
        "cookie (null with a Bearer token and in local mode)."
    )


class AuditPublic(Public):
    at: dt.datetime
    actor: dict[str, str]
    action: Literal["read", "write"]
    method: str
    path: str


class ClientPublic(Public):
    workspace_id: int
    name: str
    email: str
    access: AccessValue
    granted_at: dt.datetime
    stalled: bool
    plan_check: str | None
    round: str | None
    meetings_this_week: int | None
    replies_awaited: int | None
    last_activity: dt.datetime | None


class NotePublic(Public):
    """A coach's private note on a client: what PUT accepts and GET returns."""

    body: str = Field(max_length=limits.NOTES)


class InvitationCreate(BaseModel):
    email: str = Field(max_length=320, description="The client's e-mail.")
    access: AccessValue = "view"


class InvitationPublic(Public):
    id: int
    coach: dict[str, str]
    access: AccessValue
    created_at: dt.datetime


class MessagePublic(Public):
    message: str
