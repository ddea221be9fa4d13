"""Ties, interactions, import runs, org-chart snapshots and the link from the user's profile to
their own person record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from nextmove.domain.forget import last_path_part
from nextmove.domain.imports import ImportReport
from nextmove.domain.people import Interaction, Tie, TieSource
from nextmove.store import models
from nextmove.store.bulk import bulk_insert
from nextmove.store.ids import same_row
from nextmove.store.people import (
    INTERACTION,
    POSITION,
    PROFILE,
    RUN,
    TIE,
    P,
    _chunks,
    refresh_last_contact,
)

SNAPSHOT = cast(Table, models.OrgSnapshot.__table__)


# ---------------------------------------------------------------------------- ties


def ties_of(session: Session, person_id: int) -> list[Tie]:
    """Every tie of a person, from their point of view (`other` is their …): stored ties in
    both directions, plus the org chart's manager and reports."""
    conn = session.connection()
    ties: list[Tie] = []
    for r in conn.execute(
        select(TIE).where(or_(TIE.c.person_id == person_id, TIE.c.other_id == person_id))
    ):
        if r.person_id == person_id:
            ties.append(Tie(person_id, r.other_id, r.source, r.strength, r.note, id=r.id))
        else:
            source = {
                TieSource.ORGCHART_MANAGER.value: TieSource.ORGCHART_REPORT.value,
                TieSource.ORGCHART_REPORT.value: TieSource.ORGCHART_MANAGER.value,
            }.get(r.source, r.source)
            ties.append(
                Tie(person_id, r.person_id, source, r.strength, r.note, id=r.id, reverse=True)
            )
    manager = conn.execute(select(P.c.manager_id).where(P.c.id == person_id)).scalar()
    if manager is not None:
        ties.append(Tie(person_id, manager, TieSource.ORGCHART_MANAGER.value))
    for (report,) in conn.execute(
        select(P.c.id).where(P.c.manager_id == person_id).order_by(P.c.name_key)
    ):
        ties.append(Tie(person_id, report, TieSource.ORGCHART_REPORT.value))
    names = dict(
        conn.execute(select(P.c.id, P.c.name).where(P.c.id.in_({t.other_id for t in ties}))).all()  # type: ignore[arg-type]
    )
    for tie in ties:
        tie.other_name = names.get(tie.other_id, "")
    return ties


def add_tie(session: Session, tie: Tie, *, now: datetime) -> bool:
    """Store a tie unless the same one (either direction) exists; True when added."""
    conn = session.connection()
    exists = conn.execute(
        select(TIE.c.id).where(
            or_(
                and_(
                    TIE.c.person_id == tie.person_id,
                    TIE.c.other_id == tie.other_id,
                    TIE.c.source == tie.source,
                ),
                and_(
                    TIE.c.person_id == tie.other_id,
                    TIE.c.other_id == tie.person_id,
                    TIE.c.source == _inverse(tie.source),
                ),
            )
        )
    ).first()
    if exists:
        return False
    conn.execute(
        TIE.insert().values(
            person_id=tie.person_id,
            other_id=tie.other_id,
            source=tie.source,
            strength=tie.strength,
            note=tie.note,
            created_at=now,
        )
    )
    return True


def _inverse(source: str) -> str:
    return {
        "orgchart-manager": "orgchart-report",
        "orgchart-report": "orgchart-manager",
    }.get(source, source)


def delete_tie(session: Session, person_id: int, other_id: int) -> int:
    result = session.connection().execute(
        delete(TIE).where(
            or_(
                and_(TIE.c.person_id == person_id, TIE.c.other_id == other_id),
                and_(TIE.c.person_id == other_id, TIE.c.other_id == person_id),
            )
        )
    )
    return int(result.rowcount or 0)


# ---------------------------------------------------------------------------- interactions


def add_interaction(session: Session, item: Interaction, *, now: datetime) -> int:
    result = session.connection().execute(
        INTERACTION.insert()
        .values(
            person_id=item.person_id,
            kind=item.kind,
            day=item.day,
            note=item.note,
            source=item.source,
            created_at=now,
        )
        .returning(INTERACTION.c.id)
    )
    refresh_last_contact(session, [item.person_id])
    return int(result.scalar_one())


def existing_interaction_keys(session: Session, keys: Iterable[str]) -> set[tuple[int, str]]:
    """(person_id, external_key) pairs already stored among these keys."""
    wanted = list(set(keys))
    out: set[tuple[int, str]] = set()
    conn = session.connection()
    for chunk in _chunks(wanted):
        out.update(
            (r.person_id, r.external_key)
            for r in conn.execute(
                select(INTERACTION.c.person_id, INTERACTION.c.external_key).where(
                    INTERACTION.c.external_key.in_(chunk)
                )
            )
        )
    return out


def add_imported_interactions(
    session: Session,
    rows: Sequence[tuple[int, str, date, str, str]],
    *,
    source: str,
    import_id: int | None,
    now: datetime,
) -> None:
    """(person_id, kind, day, note, external_key) rows; then last-contact dates."""
    bulk_insert(
        session,
        INTERACTION,
        ("person_id", "kind", "day", "note", "external_key"),
        rows,
        constants={"source": source, "import_id": import_id, "created_at": now},
    )
    refresh_last_contact(session, [r[0] for r in rows])


def interactions_of(
    session: Session, person_id: int, *, limit: int | None = None
) -> list[Interaction]:
    statement = (
        select(INTERACTION)
        .where(INTERACTION.c.person_id == person_id)
        .order_by(INTERACTION.c.day.desc(), INTERACTION.c.id.desc())
    )
    if limit:
        statement = statement.limit(limit)
    return [
        Interaction(r.person_id, r.kind, r.day, r.note, r.source, id=r.id)
        for r in session.connection().execute(statement)
    ]


# ---------------------------------------------------------------------------- import runs


def start_import_run(
    session: Session, *, kind: str, file: str, organization: str = "", partial: bool, now: datetime
) -> int:
    result = session.connection().execute(
        RUN.insert()
        .values(
            kind=kind,
            file=last_path_part(file),
            organization=organization,
            started_at=now,
            partial=partial,
        )
        .returning(RUN.c.id)
    )
    return int(result.scalar_one())


def finish_import_run(session: Session, import_id: int, report: ImportReport) -> None:
    session.connection().execute(
        update(RUN)
        .where(RUN.c.id == import_id)
        .values(
            records=report.records,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=len(report.skipped),
            problems=len(report.problems),
            interactions=report.interactions,
        )
    )


@dataclass(frozen=True, slots=True)
class ImportRunLine:
    id: int
    kind: str
    file: str
    organization: str
    started_at: datetime
    created: int
    updated: int
    unchanged: int


def import_runs(
    session: Session, *, kind: str | None = None, newest: int | None = None
) -> list[ImportRunLine]:
    """Every import run in order, or only the `newest` N, newest first."""
    statement = select(RUN).order_by(RUN.c.id)
    if kind:
        statement = statement.where(RUN.c.kind == kind)
    if newest is not None:
        statement = statement.order_by(None).order_by(RUN.c.id.desc()).limit(newest)
    return [
        ImportRunLine(
            r.id, r.kind, r.file, r.organization, r.started_at, r.created, r.updated, r.unchanged
        )
        for r in session.connection().execute(statement)
    ]


# ---------------------------------------------------------------------------- org charts


def save_snapshot(
    session: Session, import_id: int, organization: str, headcount: dict[str, int]
) -> None:
    bulk_insert(
        session,
        SNAPSHOT,
        ("department", "headcount"),
        sorted(headcount.items()),
        constants={"import_id": import_id, "organization": organization},
    )


def snapshots(session: Session, organization: str) -> dict[int, dict[str, int]]:
    """import id -> {department: headcount}, oldest first."""
    out: dict[int, dict[str, int]] = {}
    for r in session.connection().execute(
        select(SNAPSHOT)
        .where(SNAPSHOT.c.organization == organization)
        .order_by(SNAPSHOT.c.import_id, SNAPSHOT.c.department)
    ):
        out.setdefault(r.import_id, {})[r.department] = r.headcount
    return out


def org_members(session: Session, organization_key: str) -> dict[str, int]:
    """employee id -> person id, for everyone placed in an organization's chart."""
    return {
        r.employee_id: r.id
        for r in session.connection().execute(
            select(P.c.id, P.c.employee_id).where(
                P.c.org_key == organization_key, P.c.employee_id.is_not(None)
            )
        )
    }


def clear_org_place(session: Session, person_ids: Sequence[int], *, now: datetime) -> None:
    conn = session.connection()
    for chunk in _chunks(list(person_ids)):
        conn.execute(
            update(P)
            .where(P.c.id.in_(chunk))
            .values(employee_id=None, manager_id=None, updated_at=now)
        )
        conn.execute(delete(POSITION).where(POSITION.c.person_id.in_(chunk)))
        conn.execute(update(P).where(P.c.manager_id.in_(chunk)).values(manager_id=None))


def org_depths(session: Session, organization_key: str) -> dict[int, int]:
    """person id -> depth below the root, for an organization's chart."""
    return dict(
        session.connection()
        .execute(
            select(POSITION.c.person_id, POSITION.c.depth)
            .join(P, same_row(P, POSITION, "person_id"))
            .where(P.c.org_key == organization_key)
        )
        .all()  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------------------- me


def my_person_id(session: Session) -> int | None:
    return (
        session.connection().execute(select(PROFILE.c.person_id).where(PROFILE.c.id == 1)).scalar()
    )


def my_email(session: Session) -> str:
    """The first e-mail address on your own person record (profile.person_id), or ""."""
    found = (
        session.connection()
        .execute(
            select(P.c.email)
            .join(PROFILE, same_row(P, PROFILE, "person_id"))
            .where(PROFILE.c.id == 1)
        )
        .scalar()
    )
    return str(found or "")


def link_me(session: Session, person_id: int | None) -> None:
    conn = session.connection()
    if conn.execute(select(PROFILE.c.id).where(PROFILE.c.id == 1)).first() is None:
        conn.execute(
            PROFILE.insert().values(
                id=1,
                name="",
                title="",
                organization="",
                industry="",
                city="",
                choice_industry="open",
                choice_company="open",
                choice_city="open",
                energizers=[],
                strengths=[],
                person_id=person_id,
            )
        )
        return
    conn.execute(update(PROFILE).where(PROFILE.c.id == 1).values(person_id=person_id))


def my_profile_position(session: Session) -> tuple[str, int | None]:
    """(organization, level) of the user's own position."""
    row = (
        session.connection()
        .execute(select(PROFILE.c.organization, PROFILE.c.level).where(PROFILE.c.id == 1))
        .first()
    )
    return (row.organization, row.level) if row else ("", None)


def count_by(session: Session) -> dict[str, int]:
    conn = session.connection()
    return {
        "people": int(conn.execute(select(func.count()).select_from(P)).scalar() or 0),
        "ties": int(conn.execute(select(func.count()).select_from(TIE)).scalar() or 0)
        + int(
            conn.execute(
                select(func.count()).select_from(P).where(P.c.manager_id.is_not(None))
            ).scalar()
            or 0
        ),
        "interactions": int(
            conn.execute(select(func.count()).select_from(INTERACTION)).scalar() or 0
        ),
    }


def clear_network(session: Session) -> None:
    """Delete every person and everything about them (the demo's --replace)."""
    conn = session.connection()
    from nextmove.store.people import EMAIL, JOB, SOURCE

    conn.execute(update(PROFILE).values(person_id=None))
    for table in (INTERACTION, TIE, SOURCE, JOB, EMAIL, POSITION, SNAPSHOT, P, RUN):
        conn.execute(delete(table))
