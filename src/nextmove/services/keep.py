"""Use cases for keeping in touch: tiers and personal cadences, snoozes, and who is due.

The last touch of a person is the latest of their logged interactions (calls, e-mails,
messages, imported calendar events and messages, meetings) and the meetings held with them:
any of them resets the cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.domain.cadence import (
    Cadence,
    CadenceStatus,
    TouchState,
    cadence_status,
    last_touch,
    tier_cadence,
)
from nextmove.domain.days import check_day
from nextmove.domain.people import TIERS
from nextmove.errors import UserError
from nextmove.services.meetings import resolve_person
from nextmove.services.workspace import Workspace
from nextmove.store import board as repo
from nextmove.store import meetings as meeting_repo

MAX_CADENCE_DAYS = 3650
_ORDER = {TouchState.OVERDUE: 0, TouchState.DUE: 1, TouchState.OK: 2}


@dataclass(frozen=True, slots=True)
class Contact:
    person_id: int
    name: str
    tier: str | None
    cadence: Cadence
    personal: bool  # a personal cadence, not the tier's
    last_touch: date | None
    snooze_until: date | None
    status: CadenceStatus


def parse_every(text: str) -> Cadence:
    """``IDEAL`` or ``IDEAL:MAX`` days; without a maximum it is a third longer (as tiers)."""
    ideal_text, _, max_text = text.strip().partition(":")
    try:
        ideal = int(ideal_text)
        maximum = int(max_text) if max_text.strip() else ideal + ideal // 3
    except ValueError:
        raise UserError(
            f"{text!r} is not a number of days",
            hint="Write 45 (due after 45 days) or 45:60 (overdue after 60).",
            field="every",
        ) from None
    if max(ideal, maximum) > MAX_CADENCE_DAYS:
        raise UserError(f"{text!r}: at most {MAX_CADENCE_DAYS} days (ten years)", field="every")
    return Cadence(ideal, maximum)


def list_contacts(
    db: Workspace, *, settings: Settings, today: date, state: str | None = None
) -> list[Contact]:
    """Everyone with a tier or a personal cadence, with their state today: overdue first,
    then due, then ok, each by the day they become due."""
    wanted = _parse_state(state) if state else None
    with db.session() as session:
        out = _contacts(session, repo.kept(session), settings=settings, today=today)
    if wanted is not None:
        out = [c for c in out if c.status.state is wanted]
    out.sort(key=lambda c: (_ORDER[c.status.state], c.status.due_on, c.name))
    return out


def ids_in_state(db: Workspace, state: str, *, settings: Settings, today: date) -> set[int]:
    """The ids of the people kept in touch with who are in ``state`` (ok, due, overdue)
    today — to filter a list of people by it."""
    return {c.person_id for c in list_contacts(db, settings=settings, today=today, state=state)}


def keep_of(
    session: Session, person_id: int, *, settings: Settings, today: date
) -> tuple[Contact | None, date | None]:
    """One person's keep-in-touch state today (None without a tier or cadence), and the day
    a snooze of theirs ends (also when they have no cadence)."""
    rows = repo.kept(session, person_id=person_id)
    if not rows:
        return None, None
    found = _contacts(session, rows, settings=settings, today=today)
    return (found[0] if found else None), rows[0].snooze_until


def _contacts(
    session: Session, rows: list[repo.KeepRow], *, settings: Settings, today: date
) -> list[Contact]:
    held = meeting_repo.last_held(session)
    chats = {s.person_id: s.last_chat_on for s in repo.seats(session)}
    out: list[Contact] = []
    for row in rows:
        if row.ideal_days is not None and row.max_days is not None:
            cadence, personal = Cadence(row.ideal_days, row.max_days), True
        elif row.tier:
            cadence, personal = tier_cadence(row.tier, settings.tier_days), False
        else:
            continue  # a snooze without a cadence
        touched = last_touch(row.last_contact, held.get(row.person_id), chats.get(row.person_id))
        status = cadence_status(cadence, touched, today, snoozed_until=row.snooze_until)
        out.append(
            Contact(
                row.person_id,
                row.name,
                row.tier,
                cadence,
                personal,
                touched,
                row.snooze_until,
                status,
            )
        )
    return out


def _parse_state(value: str) -> TouchState:
    try:
        return TouchState(value.strip().lower())
    except ValueError:
        raise UserError(
            f"{value!r} is not a state", hint="Use ok, due or overdue.", field="state"
        ) from None


def set_keep(
    db: Workspace,
    ref: str,
    *,
    tier: str | None = None,
    every: str | None = None,
    settings: Settings | None = None,
) -> tuple[str, Cadence]:
    """Give a person a tier (A/B/C; clears a personal cadence) or a personal cadence."""
    if (tier is None) == (every is None):
        raise UserError(
            "give either --tier or --every", hint="--tier A|B|C, or --every IDEAL[:MAX] days."
        )
    with db.session() as session:
        person = resolve_person(session, ref)
        assert person.id is not None
        if tier is not None:
            key = tier.strip().upper()
            if key not in TIERS:
                raise UserError(f"unknown tier {tier!r}", hint="Use A, B or C.")
            repo.set_tier(session, person.id, key)
            repo.set_cadence(session, person.id, None, None)
            days = settings.tier_days if settings else None
            return person.name, tier_cadence(key, days) if days else tier_cadence(key)
        assert every is not None
        cadence = parse_every(every)
        repo.set_cadence(session, person.id, cadence.ideal_days, cadence.max_days)
        return person.name, cadence


def snooze(db: Workspace, ref: str, *, until: date | None) -> str:
    """Keep a person out of the due list until ``until`` (None ends a snooze)."""
    if until is not None:
        check_day(until, "until")
    with db.session() as session:
        person = resolve_person(session, ref)
        assert person.id is not None
        repo.set_snooze(session, person.id, until)
        return person.name
