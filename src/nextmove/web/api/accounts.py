"""Server mode's API: who is signed in (`/api/me`, with the CSRF token for cookie-signed
writes), the audit log of one's workspace, and a coach's clients with their private notes.
In local mode `/api/me` says so (no account) and the others are 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from starlette.exceptions import HTTPException

from nextmove.formats.schemas.accounts import (
    AccountPublic,
    AuditPublic,
    ClientPublic,
    InvitationCreate,
    InvitationPublic,
    MePublic,
    MessagePublic,
    NotePublic,
    WorkspacePublic,
)
from nextmove.services import coach_dashboard, coaching
from nextmove.services import sign_in as sign_in_service
from nextmove.web.auth import MAX_ID, Principal, principal_of
from nextmove.web.deps import ContextDep, NowDep, TodayDep

RowId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
router = APIRouter(tags=["accounts"])


def _principal(request: Request) -> Principal:
    principal = principal_of(request)
    if principal is None:
        raise HTTPException(404)
    return principal


def _public(principal: Principal) -> AccountPublic:
    a = principal.account
    return AccountPublic(id=a.id, email=a.email, name=a.name, role=a.role)  # type: ignore[arg-type]


@router.get("/me", response_model=MePublic, summary="The signed-in account and its workspace")
def me(request: Request, context: ContextDep) -> MePublic:
    principal = principal_of(request)
    if principal is None or context.server is None:
        return MePublic(
            mode="local",
            account=None,
            workspace=WorkspacePublic(id=None, access="own", owner=None),
            csrf_token=None,
        )
    token = (
        context.server.api_csrf_token(principal.session_token) if principal.session_token else None
    )
    return MePublic(
        mode="server",
        account=_public(principal),
        workspace=WorkspacePublic(
            id=principal.workspace_id, access="own", owner=principal.account.name
        ),
        csrf_token=token,
    )


@router.delete("/me/sessions", status_code=204, summary="Sign out everywhere")
def sign_out_everywhere(request: Request, context: ContextDep) -> Response:
    principal = _principal(request)
    sign_in_service.sign_out_everywhere(context.database, principal.account.id)
    return Response(status_code=204)


@router.get("/audit", response_model=list[AuditPublic], summary="Your workspace's audit log")
def audit(request: Request, context: ContextDep) -> list[AuditPublic]:
    """Every request a coach made in your workspace, newest first (the latest 200)."""
    principal = _principal(request)
    return [
        AuditPublic.model_validate(line.as_json())
        for line in coaching.audit_log(context.database, principal.account.workspace_id)
    ]


@router.get("/coach/clients", response_model=list[ClientPublic], summary="A coach's clients")
def coach_clients(
    request: Request, context: ContextDep, today: TodayDep, now: NowDep
) -> list[ClientPublic]:
    """The clients who granted you access, stalled first; `workspace_id` is what other
    routes take as `?workspace=`."""
    principal = _principal(request)
    return [
        ClientPublic(
            workspace_id=c.workspace_id,
            name=c.client.name,
            email=c.client.email,
            access=c.access,  # type: ignore[arg-type]
            granted_at=c.granted_at,
            stalled=c.stalled,
            plan_check=c.plan_check,
            round=c.round,
            meetings_this_week=c.meetings_this_week,
            replies_awaited=c.replies_awaited,
            last_activity=c.last_activity,
        )
        for c in coach_dashboard.client_overview(
            context.database, principal.account.id, settings=context.settings, today=today, now=now
        )
    ]


@router.get(
    "/coach/clients/{workspace_id}/notes",
    response_model=NotePublic,
    summary="Your private notes on a client",
)
def get_notes(request: Request, context: ContextDep, workspace_id: RowId) -> NotePublic:
    principal = _principal(request)
    return NotePublic(
        body=coaching.coach_note(context.database, principal.account.id, workspace_id)
    )


@router.put(
    "/coach/clients/{workspace_id}/notes",
    response_model=NotePublic,
    summary="Replace your private notes on a client",
)
def put_notes(
    request: Request, context: ContextDep, now: NowDep, workspace_id: RowId, note: NotePublic
) -> NotePublic:
    principal = _principal(request)
    coaching.save_coach_note(
        context.database, principal.account.id, workspace_id, note.body, now=now
    )
    return note


@router.post(
    "/coach/invitations",
    response_model=MessagePublic,
    status_code=202,
    summary="Invite a client (coaches)",
)
def invite(
    request: Request, context: ContextDep, now: NowDep, body: InvitationCreate
) -> MessagePublic:
    """The same answer whether or not an account has the e-mail."""
    principal = _principal(request)
    message = coaching.invite_client(
        context.database,
        coach=principal.account,
        client_email=body.email,
        access=body.access,
        now=now,
    )
    return MessagePublic(message=message)


@router.get(
    "/invitations", response_model=list[InvitationPublic], summary="Coaches' invitations to you"
)
def invitations(request: Request, context: ContextDep) -> list[InvitationPublic]:
    principal = _principal(request)
    return [
        InvitationPublic(
            id=i.id,
            coach={"email": i.coach.email, "name": i.coach.name},
            access=i.access,  # type: ignore[arg-type]
            created_at=i.created_at,
        )
        for i in coaching.invitations_of_client(context.database, principal.account.id)
    ]


@router.post(
    "/invitations/{invitation_id}/accept",
    status_code=204,
    summary="Accept a coach's invitation (the coach gets the access asked for)",
)
def accept(request: Request, context: ContextDep, now: NowDep, invitation_id: RowId) -> Response:
    principal = _principal(request)
    coaching.answer_invitation(
        context.database,
        client_id=principal.account.id,
        invitation_id=invitation_id,
        accept=True,
        now=now,
    )
    return Response(status_code=204)


@router.delete(
    "/invitations/{invitation_id}", status_code=204, summary="Decline a coach's invitation"
)
def decline(request: Request, context: ContextDep, now: NowDep, invitation_id: RowId) -> Response:
    principal = _principal(request)
    coaching.answer_invitation(
        context.database,
        client_id=principal.account.id,
        invitation_id=invitation_id,
        accept=False,
        now=now,
    )
    return Response(status_code=204)
