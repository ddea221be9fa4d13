"""A coach and their clients: grants (view, comment, edit), which workspace a request may
use, the coach's private notes and the audit log of a coach's requests in a client's
workspace.

Access is checked on every request from the grant table, so a revoked grant takes effect on
the coach's very next request, mid-session too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from nextmove.domain import limits
from nextmove.errors import AccessDenied, NotFound, UserError
from nextmove.services.accounts import (
    ACCESS_LEVELS,
    AccountInfo,
    find_account,
    info,
    normalize_email,
)
from nextmove.store.account_models import (
    Account,
    AuditEntry,
    CoachGrant,
    CoachInvitation,
    CoachNote,
)
from nextmove.store.db import Database

OWN = "own"
MAX_NOTE = limits.NOTES
AUDIT_PAGE = 200
# What each access level lets a coach do in a client's workspace.
WRITES_ALLOWED = frozenset({"edit"})
COMMENTS_ALLOWED = frozenset({"comment", "edit"})


@dataclass(frozen=True, slots=True)
class GrantInfo:
    client: AccountInfo
    coach: AccountInfo
    access: str
    created_at: datetime


def _check_access(access: str) -> str:
    if access not in ACCESS_LEVELS:
        raise UserError(
            f"access {access!r} is not one of {', '.join(ACCESS_LEVELS)}",
            field="access",
            hint="view: read only; comment: read and leave comments; edit: read and change.",
        )
    return access


def grant_access(
    db: Database, *, client_email: str, coach_email: str, access: str, now: datetime
) -> GrantInfo:
    """Let a coach into the client's workspace (or change the access of an existing grant)."""
    _check_access(access)
    with db.session() as session:
        client = find_account(session, client_email)
        coach = find_account(session, coach_email)
        if coach.id == client.id:
            raise UserError("an account cannot be its own coach", field="coach")
        if coach.role != "coach":
            raise UserError(
                f"{coach.email} is not a coach account",
                field="coach",
                hint="Only accounts with the role coach can be given access to a workspace.",
            )
        if coach.disabled:
            raise UserError(f"the coach account {coach.email} is disabled", field="coach")
        grant = session.scalars(
            select(CoachGrant).where(
                CoachGrant.client_account_id == client.id,
                CoachGrant.coach_account_id == coach.id,
            )
        ).first()
        if grant is None:
            grant = CoachGrant(
                client_account_id=client.id,
                coach_account_id=coach.id,
                access=access,
                created_at=now,
            )
            session.add(grant)
        else:
            grant.access = access
        session.flush()
        return GrantInfo(info(client), info(coach), grant.access, grant.created_at)


def revoke_access(db: Database, *, client_email: str, coach_email: str) -> bool:
    """End a grant at once; False when there was none."""
    with db.session() as session:
        client = find_account(session, client_email)
        coach = find_account(session, coach_email)
        result = session.execute(
            delete(CoachGrant).where(
                CoachGrant.client_account_id == client.id,
                CoachGrant.coach_account_id == coach.id,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class InvitationInfo:
    id: int
    coach: AccountInfo
    client: AccountInfo
    access: str
    created_at: datetime


INVITED = "if an account has that e-mail, its owner sees your invitation on their Settings page"


def invite_client(
    db: Database, *, coach: AccountInfo, client_email: str, access: str, now: datetime
) -> str:
    """A coach asks for access to a client's workspace. The answer is the same whether or
    not an account has the e-mail (a coach cannot probe who has an account)."""
    _check_access(access)
    if coach.role != "coach":
        raise AccessDenied("only coach accounts can invite clients")
    address = normalize_email(client_email)
    with db.session() as session:
        client = session.scalars(select(Account).where(Account.email == address)).first()
        if client is None or client.id == coach.id or client.disabled:
            return INVITED
        granted = session.scalar(
            select(CoachGrant.id).where(
                CoachGrant.client_account_id == client.id,
                CoachGrant.coach_account_id == coach.id,
            )
        )
        if granted is not None:
            return INVITED
        invitation = session.scalars(
            select(CoachInvitation).where(
                CoachInvitation.client_account_id == client.id,
                CoachInvitation.coach_account_id == coach.id,
            )
        ).first()
        if invitation is None:
            session.add(
                CoachInvitation(
                    coach_account_id=coach.id,
                    client_account_id=client.id,
                    access=access,
                    created_at=now,
                )
            )
        else:
            invitation.access = access
    return INVITED


def invitations_of_client(db: Database, client_id: int) -> list[InvitationInfo]:
    with db.session() as session:
        client = session.get(Account, client_id)
        if client is None:
            return []
        rows = session.execute(
            select(CoachInvitation, Account)
            .join(Account, Account.id == CoachInvitation.coach_account_id)
            .where(CoachInvitation.client_account_id == client_id, Account.disabled.is_(False))
            .order_by(CoachInvitation.created_at, CoachInvitation.id)
        ).all()
        return [
            InvitationInfo(i.id, info(coach), info(client), i.access, i.created_at)
            for i, coach in rows
        ]


def answer_invitation(
    db: Database, *, client_id: int, invitation_id: int, accept: bool, now: datetime
) -> GrantInfo | None:
    """Accept (the coach gets the access asked for) or decline an invitation of one's own."""
    with db.session() as session:
        invitation = session.scalars(
            select(CoachInvitation).where(
                CoachInvitation.id == invitation_id,
                CoachInvitation.client_account_id == client_id,
            )
        ).first()
        if invitation is None:
            raise NotFound(
                f"there is no invitation {invitation_id} for you",
                hint="It may have been answered already.",
            )
        coach_id, access = invitation.coach_account_id, invitation.access
        session.delete(invitation)
        if not accept:
            return None
        client, coach = session.get(Account, client_id), session.get(Account, coach_id)
        assert client is not None and coach is not None
        if coach.disabled:
            raise UserError(f"the coach account {coach.email} is disabled", field="coach")
        grant = session.scalars(
            select(CoachGrant).where(
                CoachGrant.client_account_id == client_id,
                CoachGrant.coach_account_id == coach_id,
            )
        ).first()
        if grant is None:
            grant = CoachGrant(
                client_account_id=client_id,
                coach_account_id=coach_id,
                access=access,
                created_at=now,
            )
            session.add(grant)
        else:
            grant.access = access
        session.flush()
        return GrantInfo(info(client), info(coach), grant.access, grant.created_at)


def grants_of_client(db: Database, client_id: int) -> list[GrantInfo]:
    with db.session() as session:
        client = session.get(Account, client_id)
        if client is None:
            return []
        rows = session.execute(
            select(CoachGrant, Account)
            .join(Account, Account.id == CoachGrant.coach_account_id)
            .where(CoachGrant.client_account_id == client_id)
            .order_by(Account.email)
        ).all()
        return [GrantInfo(info(client), info(coach), g.access, g.created_at) for g, coach in rows]


def clients_of_coach(db: Database, coach_id: int) -> list[GrantInfo]:
    with db.session() as session:
        coach = session.get(Account, coach_id)
        if coach is None:
            return []
        rows = session.execute(
            select(CoachGrant, Account)
            .join(Account, Account.id == CoachGrant.client_account_id)
            .where(CoachGrant.coach_account_id == coach_id, Account.disabled.is_(False))
            .order_by(Account.name, Account.email)
        ).all()
        return [GrantInfo(info(client), info(coach), g.access, g.created_at) for g, client in rows]


@dataclass(frozen=True, slots=True)
class Access:
    """What an account may do in a workspace, and whose workspace it is."""

    level: str  # "own" | "view" | "comment" | "edit"
    owner_name: str
    owner_email: str


def workspace_access(db: Database, account: AccountInfo, workspace_id: int | None) -> Access:
    """What `account` may do in `workspace_id` (None: its own): "own", or the access of a
    grant. A workspace without a grant is NotFound — the same answer as one that does not
    exist, so ids cannot be probed."""
    if workspace_id is None or workspace_id == account.workspace_id:
        return Access(OWN, account.name, account.email)
    with db.session() as session:
        row = session.execute(
            select(CoachGrant.access, Account.name, Account.email)
            .join(Account, Account.id == CoachGrant.client_account_id)
            .where(
                CoachGrant.coach_account_id == account.id,
                Account.workspace_id == workspace_id,
                Account.disabled.is_(False),
            )
        ).first()
    if row is None:
        raise NotFound(
            f"workspace {workspace_id} does not exist or you have no access to it",
            hint="A client gives a coach access on their Settings page; it may have been revoked.",
        )
    return Access(str(row[0]), str(row[1]), str(row[2]))


def check_write(access: str) -> None:
    if access != OWN and access not in WRITES_ALLOWED:
        raise AccessDenied(
            f"your access to this workspace is {access!r}: you cannot change it",
            hint="Ask the client to grant edit access if you should make changes.",
        )


def check_comment(access: str) -> None:
    if access != OWN and access not in COMMENTS_ALLOWED:
        raise AccessDenied(
            f"your access to this workspace is {access!r}: you cannot comment",
            hint="Ask the client to grant comment access if you should leave comments.",
        )


def record_visit(
    db: Database,
    *,
    workspace_id: int,
    actor: AccountInfo,
    method: str,
    path: str,
    now: datetime,
) -> None:
    """One line of the client's audit log: who, when, read or write, what."""
    action = "read" if method in ("GET", "HEAD", "OPTIONS") else "write"
    with db.session() as session:
        session.add(
            AuditEntry(
                workspace_id=workspace_id,
                actor_account_id=actor.id,
                actor_email=actor.email,
                at=now,
                action=action,
                method=method[:10],
                path=path[:500],
            )
        )


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: datetime
    actor_email: str
    actor_name: str
    action: str
    method: str
    path: str

    def as_json(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "actor": {"email": self.actor_email, "name": self.actor_name},
            "action": self.action,
            "method": self.method,
            "path": self.path,
        }


def audit_log(db: Database, workspace_id: int, *, limit: int = AUDIT_PAGE) -> list[AuditLine]:
    """The newest entries of a workspace's audit log, newest first."""
    with db.session() as session:
        rows = session.execute(
            select(AuditEntry, Account.name)
            .outerjoin(Account, Account.id == AuditEntry.actor_account_id)
            .where(AuditEntry.workspace_id == workspace_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(limit)
        ).all()
        return [
            AuditLine(e.at, e.actor_email, name or "", e.action, e.method, e.path)
            for e, name in rows
        ]


def _client_of(db: Database, coach_id: int, client_workspace_id: int) -> int:
    with db.session() as session:
        client_id = session.scalar(
            select(Account.id)
            .join(CoachGrant, CoachGrant.client_account_id == Account.id)
            .where(
                CoachGrant.coach_account_id == coach_id, Account.workspace_id == client_workspace_id
            )
        )
    if client_id is None:
        raise NotFound(f"workspace {client_workspace_id} is not one of your clients'")
    return int(client_id)


def coach_note(db: Database, coach_id: int, client_workspace_id: int) -> str:
    client_id = _client_of(db, coach_id, client_workspace_id)
    with db.session() as session:
        body = session.scalar(
            select(CoachNote.body).where(
                CoachNote.coach_account_id == coach_id, CoachNote.client_account_id == client_id
            )
        )
        return body or ""


def save_coach_note(
    db: Database, coach_id: int, client_workspace_id: int, body: str, *, now: datetime
) -> None:
    if len(body) > MAX_NOTE:
        raise UserError(f"the note is longer than {MAX_NOTE} characters", field="body")
    client_id = _client_of(db, coach_id, client_workspace_id)
    with db.session() as session:
        note = session.scalars(
            select(CoachNote).where(
                CoachNote.coach_account_id == coach_id, CoachNote.client_account_id == client_id
            )
        ).first()
        if note is None:
            session.add(
                CoachNote(
                    coach_account_id=coach_id,
                    client_account_id=client_id,
                    body=body,
                    updated_at=now,
                )
            )
        else:
            note.body = body
            note.updated_at = now
