"""Sign-in rate limits with time as an input: a lock lasts 15 minutes from the failures that
caused it, failures spread out do not lock, one address guessing many accounts is stopped."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nextmove.errors import NotSignedIn, TooManyAttempts
from nextmove.services import accounts, sign_in
from nextmove.services.workspace import Database

PASSWORD = "correct horse battery staple"
HOUR = timedelta(hours=1)


def _attempt(
    db: Database,
    now: datetime,
    password: str,
    *,
    email: str = "ann@example.org",
    address: str = "10.0.0.1",
) -> sign_in.SignedIn:
    return sign_in.sign_in(
        db, email=email, password=password, address=address, now=now, lifetime=HOUR
    )


@pytest.fixture
def ann(db: Database, now: datetime) -> accounts.AccountInfo:
    return accounts.create_account(
        db, email="ann@example.org", name="Ann", role="member", password=PASSWORD, now=now
    )


def test_the_lock_ends_fifteen_minutes_after_the_tenth_failure(
    db: Database, now: datetime, ann: accounts.AccountInfo
) -> None:
    for i in range(10):
        with pytest.raises(NotSignedIn, match="wrong e-mail or password"):
            _attempt(db, now + timedelta(seconds=i), "wrong wrong wrong")
    tenth = now + timedelta(seconds=9)
    with pytest.raises(TooManyAttempts) as locked:
        _attempt(db, tenth + timedelta(minutes=14), PASSWORD)
    assert locked.value.retry_after_seconds == 60
    assert _attempt(db, tenth + timedelta(minutes=15, seconds=1), PASSWORD).account.id == ann.id


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(
    db: Database, now: datetime, ann: accounts.AccountInfo
) -> None:
    for i in range(12):
        with pytest.raises(NotSignedIn):
            _attempt(db, now + timedelta(minutes=2 * i), "wrong wrong wrong")
    assert _attempt(db, now + timedelta(minutes=24), PASSWORD).account.id == ann.id


def test_one_address_guessing_many_accounts_is_stopped(
    db: Database, now: datetime, ann: accounts.AccountInfo
) -> None:
    for i in range(sign_in.ADDRESS_FAILURES):
        with pytest.raises(NotSignedIn):
            _attempt(db, now + timedelta(seconds=i), "guess", email=f"user{i}@example.org")
    with pytest.raises(TooManyAttempts, match="from your address"):
        _attempt(db, now + timedelta(minutes=1), PASSWORD)
    assert (
        _attempt(db, now + timedelta(minutes=1), PASSWORD, address="10.0.0.2").account.id == ann.id
    )


def test_a_session_expires_and_a_new_password_ends_every_session(
    db: Database, now: datetime, ann: accounts.AccountInfo
) -> None:
    signed = _attempt(db, now, PASSWORD)
    assert sign_in.session_account(db, signed.token, now=now + timedelta(minutes=59)).id == ann.id
    with pytest.raises(NotSignedIn, match="expired"):
        sign_in.session_account(db, signed.token, now=now + HOUR)
    fresh = _attempt(db, now, PASSWORD)
    accounts.reset_password(db, "ann@example.org", "another long passphrase")
    with pytest.raises(NotSignedIn):
        sign_in.session_account(db, fresh.token, now=now)


def test_no_secret_is_stored_in_the_clear(
    db: Database, now: datetime, ann: accounts.AccountInfo
) -> None:
    signed = _attempt(db, now, PASSWORD)
    token = accounts.create_api_token(db, "ann@example.org", name="x", now=now)
    with db.engine.connect() as connection:
        dump = "\n".join(
            str(row)
            for table in ("account", "login_session", "api_token")
            for row in connection.exec_driver_sql(f"SELECT * FROM {table}")
        )
    assert PASSWORD not in dump and signed.token not in dump and token not in dump
    assert "$argon2id$" in dump
