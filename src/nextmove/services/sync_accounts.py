"""Sync accounts: adding one (its address book found and checked before anything is saved),
listing them with their conflicts, removing one. The password goes to services.secrets,
never into the database, a log or a JSON output."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from nextmove.errors import NotFound, UserError
from nextmove.services.carddav import CardDAVStorage, check_url
from nextmove.services.secrets import (
    delete_secret,
    new_ref,
    secret_location,
    secret_place,
    store_secret,
)
from nextmove.services.workspace import Workspace
from nextmove.store import sync as repo
from nextmove.store.sync_models import SyncAccount

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
MAX_CONFLICTS_SHOWN = 50


@dataclass(frozen=True, slots=True)
class CardConflict:
    person: str
    href: str
    fields: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"person": self.person, "href": self.href, "fields": self.fields}


@dataclass(frozen=True, slots=True)
class AccountView:
    """An account as the CLI, the API and the Settings page show it (no password)."""

    name: str
    carddav_url: str
    caldav_url: str | None
    username: str
    push_new: bool
    cards: int
    last_run_at: datetime | None
    last_summary: dict[str, Any] | None
    conflicts: list[CardConflict] = field(default_factory=list)
    password_kept: str = ""  # where (the OS keyring or a private file), never the password
    password_place: tuple[str, str] | None = None  # ("keyring", entry) or ("file", path)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "carddav": self.carddav_url,
            "caldav": self.caldav_url,
            "user": self.username,
            "push_new": self.push_new,
            "cards": self.cards,
            "last_run_at": self.last_run_at.isoformat() if self.last_run_at else None,
            "last_summary": self.last_summary,
            "conflicts": [c.to_json() for c in self.conflicts],
            "password_kept": self.password_kept,
        }


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise UserError(
            f"{name!r} is not a sync account name",
            field="name",
            hint="Use up to 40 letters, digits, dots, dashes or underscores, e.g. phone.",
        )
    return name


def add_account(
    db: Workspace,
    name: str,
    *,
    carddav_url: str,
    caldav_url: str | None,
    username: str,
    password: str,
    config_dir: Path,
    now: datetime,
    push_new: bool = True,
) -> AccountView:
    """Find the address book (the URL itself, or discovered from a server root), then save
    the account and its password. Nothing is saved when the server cannot be used."""
    check_name(name)
    carddav_url = check_url(carddav_url, field="carddav")
    if caldav_url:
        caldav_url = check_url(caldav_url, field="caldav")
    if not password or "\n" in password.strip("\n") or len(password) > 1024:
        raise UserError(
            "the password is empty or more than one line",
            field="password",
            hint='Pipe exactly one line: printf %s "$PW" | nextmove sync add … --password-stdin',
        )
    password = password.strip("\n")
    with db.session() as session:
        if repo.get_account(session, name) is not None:
            raise UserError(
                f"there is already a sync account named {name!r}",
                hint="Choose another name, or remove it first (nextmove sync remove NAME).",
            )
    with CardDAVStorage(carddav_url, username=username, password=password) as storage:
        collection = storage.discover()
    ref = store_secret(config_dir, new_ref(name), password)
    try:
        with db.session() as session:
            account = repo.add_account(
                session,
                SyncAccount(
                    name=name,
                    carddav_url=collection,
                    caldav_url=caldav_url,
                    username=username,
                    push_new=push_new,
                    secret_ref=ref,
                    created_at=now,
                ),
            )
            return _view(session, account, config_dir)
    except BaseException:
        delete_secret(config_dir, ref)
        raise


def _view(session: Any, account: SyncAccount, config_dir: Path | None) -> AccountView:
    conflicts: list[CardConflict] = []
    for card in repo.cards_of(session, account.id):
        if card.conflicts:
            person = (card.base or {}).get("name", "") or card.uid
            conflicts.append(CardConflict(person, card.href, list(card.conflicts)))
    return AccountView(
        name=account.name,
        carddav_url=account.carddav_url,
        caldav_url=account.caldav_url,
        username=account.username,
        push_new=account.push_new,
        cards=repo.count_cards(session, account.id),
        last_run_at=account.last_run_at,
        last_summary=account.last_summary,
        conflicts=conflicts[:MAX_CONFLICTS_SHOWN],
        password_kept=secret_location(config_dir, account.secret_ref) if config_dir else "",
        password_place=secret_place(config_dir, account.secret_ref) if config_dir else None,
    )


def list_accounts(db: Workspace, *, config_dir: Path | None = None) -> list[AccountView]:
    """The accounts; with `config_dir`, each says where its password is kept."""
    with db.session() as session:
        return [_view(session, a, config_dir) for a in repo.list_accounts(session)]


def remove_account(db: Workspace, name: str, *, config_dir: Path) -> str | None:
    """Forget the account, its status and its password; people and the server's cards stay.
    Returns a note when the password could not be deleted (a keyring out of reach)."""
    with db.session() as session:
        account = repo.get_account(session, name)
        if account is None:
            raise NotFound(
                f"no sync account named {name!r}", hint="See them with `nextmove sync list`."
            )
        ref = account.secret_ref
        repo.delete_account(session, account)
    return delete_secret(config_dir, ref)


def clear_conflicts(db: Workspace, name: str) -> int:
    """Mark the conflicts of an account seen; returns how many cards had some."""
    with db.session() as session:
        account = repo.get_account(session, name)
        if account is None:
            raise NotFound(
                f"no sync account named {name!r}", hint="See them with `nextmove sync list`."
            )
        cleared = 0
        for card in repo.cards_of(session, account.id):
            if card.conflicts:
                card.conflicts = None
                cleared += 1
        return cleared
