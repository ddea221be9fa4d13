"""Signing in to `nextmove server`: passwords checked against rate limits, server-side
sessions (revocable one by one or all at once).

Rate limits, counted from the failures stored in `login_attempt`:
- per account (the e-mail typed, whether or not an account has it): after
  ACCOUNT_FAILURES failures within WINDOW, sign-ins to it are refused for WINDOW after the
  last of them — even with the right password;
- per address: after ADDRESS_FAILURES failures from one client address within WINDOW, every
  sign-in from it is refused the same way (one address guessing many accounts).
Refused attempts are not counted, so a lock ends WINDOW after the failures that caused it."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from nextmove.errors import AccessDenied, NotSignedIn, TooManyAttempts
from nextmove.services.accounts import (
    MAX_PASSWORD,
    AccountInfo,
    _dummy_hash,
    digest,
    hasher,
    info,
)
from nextmove.store.account_models import Account, LoginAttempt, LoginSession
from nextmove.store.db import Database

ACCOUNT_FAILURES = 10
ADDRESS_FAILURES = 50
WINDOW = timedelta(minutes=15)
KEEP_ATTEMPTS = timedelta(days=1)
WRONG = "wrong e-mail or password"


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the cookie's value (shown once) and the account."""

    token: str
    account: AccountInfo
    expires_at: datetime


def _locked_until(
    session: Session, column: InstrumentedAttribute[str], value: str, limit: int, now: datetime
) -> datetime | None:
    """When the lock on this e-mail or address ends, if it is locked now: the `limit`-th
    most recent failure within WINDOW of the most recent one locks it until WINDOW after
    the most recent."""
    times = list(
        session.scalars(
            select(LoginAttempt.at)
            .where(column == value, LoginAttempt.at > now - WINDOW)
            .order_by(LoginAttempt.at.desc())
            .limit(limit)
        )
    )
    if len(times) < limit:
        return None
    if times[0] - times[-1] > WINDOW:
        return None
    return times[0] + WINDOW


def _refuse(until: datetime, now: datetime, what: str) -> TooManyAttempts:
    seconds = max(1, math.ceil((until - now).total_seconds()))
    minutes = math.ceil(seconds / 60)
    return TooManyAttempts(
        f"too many failed sign-ins {what}: try again in {minutes} minute"
        f"{'' if minutes == 1 else 's'}",
        retry_after_seconds=seconds,
        hint="This protects the account from password guessing. If you forgot your password, "
        "ask the server's admin to reset it.",
    )


def sign_in(
    db: Database,
    *,
    email: str,
    password: str,
    address: str,
    now: datetime,
    lifetime: timedelta,
) -> SignedIn:
    """Check the password and open a session. A wrong e-mail and a wrong password get the
    same message (and take as long); a disabled account is told so only with the right
    password."""
    address = address[:64] or "unknown"
    typed = email.strip().lower()[:320]
    with db.session() as session:
        for column, value, limit, what in (
            (LoginAttempt.email, typed, ACCOUNT_FAILURES, "for this account"),
            (LoginAttempt.address, address, ADDRESS_FAILURES, "from your address"),
        ):
            until = _locked_until(session, column, value, limit, now)
            if until is not None:
                raise _refuse(until, now, what)
        account = session.scalars(select(Account).where(Account.email == typed)).first()
    stored = account.password_hash if account is not None else _dummy_hash()
    good = len(password) <= MAX_PASSWORD and hasher().verify(password[:MAX_PASSWORD], stored)
    if account is None or not good:
        with db.session() as session:
            session.add(LoginAttempt(email=typed, address=address, at=now))
            session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP_ATTEMPTS))
        raise NotSignedIn(WRONG, hint="Check both and try again.")
    if account.disabled:
        raise AccessDenied(
            "this account is disabled", hint="Ask the server's admin to enable it again."
        )
    return open_session(db, info(account), now=now, lifetime=lifetime)


def open_session(
    db: Database, account: AccountInfo, *, now: datetime, lifetime: timedelta
) -> SignedIn:
    """A new session for an account whose owner proved who they are (a password, or the
    organization's single sign-on)."""
    token = secrets.token_urlsafe(32)
    expires_at = now + lifetime
    with db.session() as session:
        session.add(
            LoginSession(
                token_hash=digest(token),
                account_id=account.id,
                created_at=now,
                expires_at=expires_at,
            )
        )
        # Expired sessions of this account go (the table stays as small as the live ones).
        session.execute(
            delete(LoginSession).where(
                LoginSession.account_id == account.id, LoginSession.expires_at <= now
            )
        )
    return SignedIn(token=token, account=account, expires_at=expires_at)


def session_account(db: Database, token: str, *, now: datetime) -> AccountInfo:
    """The account signed in with this session cookie. An unknown (forged, signed-out) or
    expired cookie, or a disabled account, is NotSignedIn."""
    if not token or len(token) > 100:
        raise NotSignedIn("you are not signed in", hint="Sign in at /login.")
    with db.session() as session:
        row = session.scalars(
            select(LoginSession).where(LoginSession.token_hash == digest(token))
        ).first()
        if row is None:
            raise NotSignedIn(
                "you are not signed in (or you were signed out)", hint="Sign in at /login."
            )
        if row.expires_at <= now:
            session.delete(row)
            raise NotSignedIn("your session has expired", hint="Sign in again at /login.")
        account = session.get(Account, row.account_id)
        assert account is not None
        if account.disabled:
            raise NotSignedIn(
                "this account is disabled", hint="Ask the server's admin to enable it again."
            )
        return info(account)


def sign_out(db: Database, token: str) -> None:
    with db.session() as session:
        session.execute(delete(LoginSession).where(LoginSession.token_hash == digest(token)))


def sign_out_everywhere(db: Database, account_id: int) -> int:
    """End every session of the account (every browser); returns how many ended."""
    with db.session() as session:
        count = session.scalar(
            select(func.count())
            .select_from(LoginSession)
            .where(LoginSession.account_id == account_id)
        )
        session.execute(delete(LoginSession).where(LoginSession.account_id == account_id))
        return int(count or 0)


def session_count(db: Database, account_id: int, *, now: datetime) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(LoginSession)
                .where(LoginSession.account_id == account_id, LoginSession.expires_at > now)
            )
            or 0
        )
