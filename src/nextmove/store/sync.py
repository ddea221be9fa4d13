"""Reading and writing sync accounts and the status of synced cards and events."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Table, delete, exists, func, select
from sqlalchemy.orm import Session

from nextmove.store import models
from nextmove.store.ids import next_ids
from nextmove.store.sync_models import SyncAccount, SyncCard, SyncEvent

P = cast(Table, models.Person.__table__)
SOURCE = cast(Table, models.PersonSource.__table__)
CARD_SOURCE = "carddav"  # person_source.kind of a person linked to a card


def card_key(account_id: int, uid: str) -> str:
    """person_source.key linking a person to the card `uid` of an account."""
    return f"{account_id}/{uid}"


def get_account(session: Session, name: str) -> SyncAccount | None:
    return session.scalars(select(SyncAccount).where(SyncAccount.name == name)).one_or_none()


def list_accounts(session: Session) -> list[SyncAccount]:
    return list(session.scalars(select(SyncAccount).order_by(SyncAccount.name)))


def add_account(session: Session, account: SyncAccount) -> SyncAccount:
    session.add(account)
    session.flush()
    return account


def delete_account(session: Session, account: SyncAccount) -> None:
    """The account, its cards' and events' status, and the links of people to its cards
    (the people stay)."""
    session.execute(delete(SyncCard).where(SyncCard.account_id == account.id))
    session.execute(delete(SyncEvent).where(SyncEvent.account_id == account.id))
    session.execute(
        delete(SOURCE).where(
            SOURCE.c.kind == CARD_SOURCE, SOURCE.c.key.startswith(f"{account.id}/")
        )
    )
    session.delete(account)


def cards_of(session: Session, account_id: int) -> list[SyncCard]:
    return list(
        session.scalars(
            select(SyncCard).where(SyncCard.account_id == account_id).order_by(SyncCard.id)
        )
    )


def count_cards(session: Session, account_id: int) -> int:
    return int(session.scalar(select(func.count()).where(SyncCard.account_id == account_id)) or 0)


def linked_people(session: Session, account_id: int, uids: Iterable[str]) -> dict[str, int]:
    """uid -> person id, for the cards of the account whose person still exists."""
    from nextmove.store.people import ids_by_source

    keys = {card_key(account_id, uid): uid for uid in uids}
    return {keys[k]: pid for k, pid in ids_by_source(session, CARD_SOURCE, keys).items()}


def linked_people_of_account(session: Session, account_id: int) -> list[int]:
    """The people linked to a card of the account."""
    return list(
        session.scalars(
            select(SOURCE.c.person_id).where(
                SOURCE.c.kind == CARD_SOURCE, SOURCE.c.key.startswith(f"{account_id}/")
            )
        )
    )


def unlinked_people(session: Session, account_id: int) -> list[int]:
    """People not linked to any card of the account, org-chart members left out (a chart of
    thousands does not belong on a phone)."""
    linked = exists().where(
        SOURCE.c.workspace_id == P.c.workspace_id,
        SOURCE.c.person_id == P.c.id,
        SOURCE.c.kind == CARD_SOURCE,
        SOURCE.c.key.startswith(f"{account_id}/"),
    )
    return list(
        session.scalars(select(P.c.id).where(~linked, P.c.employee_id.is_(None)).order_by(P.c.id))
    )


def unlink_card(session: Session, account_id: int, uid: str) -> None:
    session.execute(
        delete(SOURCE).where(
            SOURCE.c.kind == CARD_SOURCE, SOURCE.c.key == card_key(account_id, uid)
        )
    )


def save_cards(session: Session, cards: Sequence[SyncCard]) -> None:
    """Many cards in one go: their ids taken together (not one query each), then inserted
    as one batch."""
    fresh = [c for c in cards if c.id is None]
    for card, new_id in zip(
        fresh, next_ids(session.connection(), "sync_card", len(fresh)), strict=True
    ):
        card.id = new_id
    session.add_all(cards)
    session.flush()


def delete_card(session: Session, card: SyncCard) -> None:
    session.delete(card)


def events_of(session: Session, account_id: int) -> list[SyncEvent]:
    return list(
        session.scalars(
            select(SyncEvent).where(SyncEvent.account_id == account_id).order_by(SyncEvent.id)
        )
    )
