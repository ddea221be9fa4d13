"""Server mode's accounts: create, list, disable, reset a password, personal API tokens.

Passwords are hashed with Argon2id through pwdlib at OWASP's recommended cost (19 MiB of
memory, 2 passes, 1 lane: ARGON2_* below), a few tens of milliseconds a hash on one core; a
stored hash made at another cost still verifies.
Tokens (session cookies, API tokens) are 32 random bytes; the database keeps their SHA-256
digest only, so a copy of the database signs nobody in."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nextmove.errors import AccessDenied, NotFound, NotSignedIn, UserError
from nextmove.store.account_models import ACCESS_LEVELS, ROLES, Account, ApiToken, LoginSession
from nextmove.store.db import Database
from nextmove.store.models import Workspace

__all__ = ["ACCESS_LEVELS", "ROLES"]

MIN_PASSWORD = 10
MAX_PASSWORD = 1000  # bounded: Argon2 reads every byte
MAX_NAME = 200
MAX_EMAIL = 320
API_TOKEN_PREFIX = "nm_"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as the edges show it: never its password hash."""

    id: int
    email: str
    name: str
    role: str
    disabled: bool
    workspace_id: int
    created_at: datetime

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "email": self.email,
            "name": self.name,
            "role": self.role,
            "disabled": self.disabled,
            "workspace_id": self.workspace_id,
            "created_at": self.created_at.isoformat(),
        }


def info(account: Account) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        email=account.email,
        name=account.name,
        role=account.role,
        disabled=account.disabled,
        workspace_id=account.workspace_id,
        created_at=account.created_at,
    )


ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1


@cache
def hasher() -> PasswordHash:
    return PasswordHash(
        (
            Argon2Hasher(
                time_cost=ARGON2_TIME_COST,
                memory_cost=ARGON2_MEMORY_KIB,
                parallelism=ARGON2_PARALLELISM,
            ),
        )
    )


@cache
def _dummy_hash() -> str:
    """Verified against when no account has the e-mail, so a wrong address takes as long
    as a wrong password and the timing tells nothing."""
    return hasher().hash(secrets.token_urlsafe(16))


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_email(email: str) -> str:
    value = email.strip().lower()
    if len(value) > 320 or not _EMAIL.match(value):
        raise UserError(
            f"{email.strip()[:80]!r} is not an e-mail address",
            field="email",
            hint="Give the address as name@example.org.",
        )
    return value


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(
            f"the password is too short: at least {MIN_PASSWORD} characters",
            field="password",
            hint="A passphrase of a few words is long and easy to remember.",
        )
    if len(password) > MAX_PASSWORD:
        raise UserError(
            f"the password is too long: at most {MAX_PASSWORD} characters", field="password"
        )
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(
            f"role {role!r} is not one of {', '.join(ROLES)}",
            field="role",
            hint="member: a person with their own workspace; coach: can be granted access to "
            "clients' workspaces; admin: manages accounts.",
        )
    return role


def find_account(session: Session, email: str) -> Account:
    account = session.scalars(
        select(Account).where(Account.email == normalize_email(email))
    ).first()
    if account is None:
        raise NotFound(
            f"no account has the e-mail {email.strip()[:80]!r}",
            hint="`nextmove admin list-users` lists the accounts.",
        )
    return account


def _workspace_name(session: Session, email: str) -> str:
    """A workspace's name is unique and at most 60 characters: the e-mail, shortened and
    numbered when needed."""
    base = email[:56]
    name, n = base, 1
    while session.scalars(select(Workspace.id).where(Workspace.name == name)).first() is not None:
        n += 1
        name = f"{base}~{n}"
    return name


def create_account(
    db: Database, *, email: str, name: str, role: str, password: str, now: datetime
) -> AccountInfo:
    """A new account with its own, empty workspace (one transaction: both or neither)."""
    address = normalize_email(email)
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise UserError(
            f"the name must be 1 to {MAX_NAME} characters", field="name", hint="Give --name."
        )
    _check_role(role)
    password_hash = hasher().hash(check_password(password))
    with db.session() as session:
        taken = session.scalars(select(Account.id).where(Account.email == address)).first()
        if taken is not None:
            raise UserError(
                f"an account with the e-mail {address} already exists",
                field="email",
                hint="Use another address, or `nextmove admin reset-password` for that account.",
            )
        workspace = Workspace(name=_workspace_name(session, address), created_at=now)
        session.add(workspace)
        session.flush()
        account = Account(
            email=address,
            name=name,
            role=role,
            password_hash=password_hash,
            disabled=False,
            workspace_id=workspace.id,
            created_at=now,
        )
        session.add(account)
        session.flush()
        made = info(account)
    # An employee of an internal-mobility program reads its directory from the start.
    from nextmove.services.enrolment import enrol_employees

    enrol_employees(db, now=now, account_ids=[made.id])
    return made


def list_accounts(db: Database) -> list[AccountInfo]:
    with db.session() as session:
        return [info(a) for a in session.scalars(select(Account).order_by(Account.email))]


def get_account(db: Database, account_id: int) -> AccountInfo:
    with db.session() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFound(f"no account has the id {account_id}")
        return info(account)


def disable_account(db: Database, email: str) -> AccountInfo:
    """Disabled at once: its sessions end, its API tokens stop working (they are kept, so
    enabling it again — not yet a command — would not need new ones)."""
    with db.session() as session:
        account = find_account(session, email)
        account.disabled = True
        session.execute(delete(LoginSession).where(LoginSession.account_id == account.id))
        session.flush()
        return info(account)


def reset_password(db: Database, email: str, password: str) -> AccountInfo:
    """A new password; every session of the account ends (sign-in again everywhere)."""
    password_hash = hasher().hash(check_password(password))
    with db.session() as session:
        account = find_account(session, email)
        account.password_hash = password_hash
        session.execute(delete(LoginSession).where(LoginSession.account_id == account.id))
        session.flush()
        return info(account)


def create_api_token(db: Database, email: str, *, name: str, now: datetime) -> str:
    """A new personal API token for the account, returned once (only its digest is kept)."""
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.session() as session:
        account = find_account(session, email)
        if account.disabled:
            raise AccessDenied(
                f"the account {account.email} is disabled", hint="A disabled account has no tokens."
            )
        session.add(
            ApiToken(
                token_hash=digest(token),
                account_id=account.id,
                name=name.strip()[:100],
                created_at=now,
            )
        )
    return token


def create_own_api_token(db: Database, account_id: int, *, name: str, now: datetime) -> str:
    return create_api_token(db, get_account(db, account_id).email, name=name, now=now)


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


def list_api_tokens(db: Database, account_id: int) -> list[TokenInfo]:
    with db.session() as session:
        rows = session.scalars(
            select(ApiToken).where(ApiToken.account_id == account_id).order_by(ApiToken.id)
        )
        return [TokenInfo(t.id, t.name, t.created_at, t.last_used_at) for t in rows]


def delete_api_token(db: Database, account_id: int, token_id: int) -> None:
    with db.session() as session:
        session.execute(
            delete(ApiToken).where(ApiToken.account_id == account_id, ApiToken.id == token_id)
        )


def token_account(db: Database, token: str, *, now: datetime) -> AccountInfo:
    """The account of a Bearer token; a bad token or a disabled account is NotSignedIn /
    AccessDenied, never a hint of which accounts exist."""
    if not token.startswith(API_TOKEN_PREFIX) or len(token) > 200:
        raise NotSignedIn(
            "this API token is not valid",
            hint="Create a token on the Settings page, or ask an admin for `admin token`.",
        )
    with db.session() as session:
        row = session.scalars(select(ApiToken).where(ApiToken.token_hash == digest(token))).first()
        if row is None:
            raise NotSignedIn(
                "this API token is not valid (it may have been deleted)",
                hint="Create a token on the Settings page, or ask an admin for `admin token`.",
            )
        account = session.get(Account, row.account_id)
        assert account is not None
        if account.disabled:
            raise AccessDenied(
                "this API token belongs to a disabled account",
                hint="Ask the server's admin to enable the account.",
            )
        if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
            row.last_used_at = now  # at most one write a minute per token
        return info(account)


def account_for_email(db: Database, email: str) -> AccountInfo | None:
    """The account with this e-mail (any letter case), or None."""
    address = email.strip().lower()[:MAX_EMAIL]
    with db.session() as session:
        account = session.scalars(select(Account).where(Account.email == address)).first()
        return info(account) if account is not None else None
