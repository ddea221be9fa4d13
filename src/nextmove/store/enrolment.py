"""What enrolling a program's employees reads: the organizations a program admin imported,
the accounts to match, and the chart's members by e-mail.

`program_organizations` and `accounts` run in a session over all workspaces
(`Database.session(all_workspaces=True)`); `my_link` in the employee's own workspace."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from nextmove.store.account_models import Account
from nextmove.store.directory import LINK, MEMBER, ORG, visible_at
from nextmove.store.ids import workspace_of

ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class ProgramOrganization:
    id: int
    key: str
    snapshot: int  # the current snapshot


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: int
    email: str
    workspace_id: int


def program_organizations(session: Session) -> list[ProgramOrganization]:
    """Organizations with a complete snapshot whose chart an enabled admin's workspace works
    with (the admin imported it): the program's shared directory."""
    rows = session.execute(
        select(ORG.c.id, ORG.c.key, ORG.c.current_snapshot_id)
        .join(LINK, LINK.c.organization_id == ORG.c.id)
        .join(Account, Account.workspace_id == LINK.c.workspace_id)
        .where(
            Account.role == ADMIN,
            Account.disabled.is_(False),
            ORG.c.current_snapshot_id.is_not(None),
        )
        .distinct()
        .order_by(ORG.c.id)
    )
    return [ProgramOrganization(r[0], r[1], r[2]) for r in rows]


def accounts(session: Session, ids: Sequence[int] | None = None) -> list[AccountRow]:
    """Enabled accounts (these ids, or all), with their e-mail (stored lower-case)."""
    query = select(Account.id, Account.email, Account.workspace_id).where(
        Account.disabled.is_(False)
    )
    if ids is not None:
        query = query.where(Account.id.in_(list(ids)))
    return [AccountRow(r[0], r[1], r[2]) for r in session.execute(query.order_by(Account.id))]


def employees_by_email(session: Session, org_id: int, emails: Iterable[str]) -> dict[str, str]:
    """lower-case e-mail -> employee id of the organization's current members with these
    addresses, in any letter case (the smallest employee id where two share one). One read
    of the organization's members: there is no e-mail index (directory_models.py)."""
    wanted = {e.lower() for e in emails if e}
    if not wanted:
        return {}
    query = select(MEMBER.c.email, MEMBER.c.employee_id).join(
        ORG, ORG.c.id == MEMBER.c.organization_id
    )
    query = query.where(
        MEMBER.c.organization_id == org_id,
        MEMBER.c.email.is_not(None),
        visible_at(ORG.c.current_snapshot_id),
    )
    if len(wanted) == 1:  # one account: the database compares (nothing streamed back)
        query = query.where(func.lower(MEMBER.c.email) == next(iter(wanted)))
    found: dict[str, str] = {}
    rows = session.execute(query, execution_options={"stream_results": True, "yield_per": 20_000})
    for email, employee in rows:
        address = email.lower()
        if address in wanted and (address not in found or employee < found[address]):
            found[address] = employee
    return found


def my_link(session: Session) -> tuple[int | None, int | None]:
    """(your own person's id, the organization their directory entry is in) in this
    session's workspace; (None, None) when you have no person yet."""
    row = session.execute(
        text(
            "SELECT p.id, p.directory_org_id FROM profile f JOIN person p "
            "ON p.workspace_id = f.workspace_id AND p.id = f.person_id "
            "WHERE f.workspace_id = :ws"
        ),
        {"ws": workspace_of(session)},
    ).first()
    return (row[0], row[1]) if row else (None, None)
