"""/api/people and /api/keep: the same operations and shapes as `nextmove people … --json`,
`touch --json`, `people chain --json` and `keep list|set|snooze`. (A person's warm paths,
/api/people/{id}/paths, live with the suggestions.)"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from nextmove.domain.edits import CLEAR, PersonEdit
from nextmove.formats.json_shapes import (
    person_detail_public,
    person_list_json,
    person_public,
    tie_public,
    touch_public,
)
from nextmove.formats.meeting_json import (
    contact_json,
    keep_list_json,
    person_chain_json,
)
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.people import (
    ChainPublic,
    FlagValue,
    KeepListPublic,
    KeepPublic,
    KeepStateValue,
    KeepUpdate,
    MergeCreate,
    PersonCreate,
    PersonDeletedPublic,
    PersonDetailPublic,
    PersonListPublic,
    PersonPicksPublic,
    PersonPublic,
    PersonUpdate,
    RewritePublic,
    TieCreate,
    TiePublic,
    TierValue,
    TouchCreate,
    TouchPublic,
)
from nextmove.formats.schemas.person_export import PersonExportPublic
from nextmove.services import keep as keep_service
from nextmove.services import meetings as meetings_service
from nextmove.services import people as service
from nextmove.services import people_view, person_export
from nextmove.services.people_view import PeopleFilters
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep

router = APIRouter(tags=["people"])

PersonId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The person's id.")]
Word = Annotated[str, Query(max_length=200)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "No such person."}
}
BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorPublic, "description": "A field is not valid."}
}
# API field -> the service's change key (the rest are the same).
_RENAMED = {"linkedin": "profile_url", "since": "known_since"}
_CLEARABLE = ("since", "level", "function", "tier", "linkedin")


def _edit(body: PersonCreate | PersonUpdate, *, creating: bool) -> PersonEdit:
    """The body as an edit: what was sent, by name; `null` clears what can be cleared (and
    is left out when adding someone new)."""
    given: dict[str, Any] = {}
    for key, value in body.model_dump(exclude_unset=True).items():
        if creating and value in (None, "", [], False):
            continue
        if value is None:
            if key not in _CLEARABLE:
                continue
            value = CLEAR if key == "since" else ""
        given[_RENAMED.get(key, key)] = tuple(value) if isinstance(value, list) else value
    return PersonEdit(**given)


@router.get(
    "/people",
    response_model=PersonListPublic,
    summary="Find people (as `people list --json`)",
    responses=BAD,
)
def list_people(
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    query: Word = "",
    level: Annotated[str, Query(max_length=40, description="A ladder key or rank.")] = "",
    function: Annotated[str, Query(max_length=40)] = "",
    organization: Word = "",
    tier: TierValue | None = None,
    keep: Annotated[KeepStateValue | None, Query(description="Keep-in-touch state today.")] = None,
    tag: Word = "",
    flag: Annotated[list[FlagValue] | None, Query(description="Repeatable.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> PersonListPublic:
    filters = PeopleFilters(
        query=query,
        level=level,
        function=function,
        organization=organization,
        tier=tier or "",
        keep=keep or "",
        tag=tag,
        flags=tuple(flag or ()),
    )
    lines, total = people_view.search_people(
        db, filters, settings=settings, today=today, limit=limit, offset=offset
    )
    return person_list_json(total, lines)


@router.get(
    "/people/picks",
    response_model=PersonPicksPublic,
    summary="Suggestions for a person field as you type",
    responses=BAD,
)
def pick_people(
    db: DbDep,
    q: Annotated[str, Query(max_length=200, description="What was typed so far.")] = "",
    limit: Annotated[int, Query(ge=1, le=people_view.PICK_LIMIT)] = 8,
) -> PersonPicksPublic:
    found = people_view.pick_people(db, q, limit=limit)
    return PersonPicksPublic.model_validate(
        {
            "people": [
                {"id": i, "name": n, "title": t, "organization": o, "value": f"{n} #{i}"}
                for i, n, t, o in found
            ]
        }
    )


@router.post(
    "/people",
    response_model=PersonPublic,
    status_code=201,
    summary="Add a person (as `people add`)",
    responses=BAD,
)
def add_person(body: PersonCreate, db: DbDep, today: TodayDep, now: NowDep) -> PersonPublic:
    person = service.add_person(db, _edit(body, creating=True), now=now, today=today)
    return person_public(person)


@router.get("/keep", response_model=KeepListPublic, summary="Keep in touch (as `keep list --json`)")
def list_keep(
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    state: KeepStateValue | None = None,
) -> KeepListPublic:
    contacts = keep_service.list_contacts(db, settings=settings, today=today, state=state)
    return keep_list_json(contacts)


@router.get(
    "/people/{person_id}",
    response_model=PersonDetailPublic,
    summary="One person (as `people show --json`)",
    responses=NOT_FOUND,
)
def get_person(person_id: PersonId, db: DbDep) -> PersonDetailPublic:
    detail = service.show_person(db, str(person_id))
    return person_detail_public(detail)


@router.get(
    "/people/{person_id}/export",
    response_model=PersonExportPublic,
    summary="Everything about one person (as `people export`)",
    responses=NOT_FOUND,
)
def export_person(person_id: PersonId, db: DbDep, now: NowDep) -> PersonExportPublic:
    """The person's details, ties, contacts, sources, meetings with their notes, insights,
    referrals and tasks, board seat, keep-in-touch settings and opportunities: the shape is
    in docs/json.md."""
    return person_export.export_data(db, str(person_id), now=now)


@router.patch(
    "/people/{person_id}",
    response_model=PersonDetailPublic,
    summary="Change fields (as `people edit`)",
    responses={**BAD, **NOT_FOUND},
)
def edit_person(
    person_id: PersonId, body: PersonUpdate, db: DbDep, today: TodayDep, now: NowDep
) -> PersonDetailPublic:
    edit = _edit(body, creating=False)
    if not edit.empty:
        service.edit_person(db, str(person_id), edit, now=now, today=today)
    return get_person(person_id, db)


@router.delete(
    "/people/{person_id}",
    response_model=PersonDeletedPublic,
    summary="Delete a person everywhere; says which other texts were rewritten",
    responses=NOT_FOUND,
)
def delete_person(request: Request, person_id: PersonId, db: DbDep) -> PersonDeletedPublic:
    _, rewrites = service.delete_person_reported(db, str(person_id))
    request.app.state.import_jobs.forget_finished()  # their reports may name the person
    return PersonDeletedPublic(
        id=person_id,
        rewritten_texts=rewrites.texts,
        rewritten=[
            RewritePublic(what=item.plural, records=item.records, texts=item.texts)
            for item in rewrites.items
        ],
        summary=rewrites.summary(),
    )


@router.post(
    "/people/{person_id}/touches",
    response_model=TouchPublic,
    status_code=201,
    summary="Log a contact (as `touch --json`)",
    responses={**BAD, **NOT_FOUND},
)
def log_touch(
    person_id: PersonId, body: TouchCreate, db: DbDep, today: TodayDep, now: NowDep
) -> TouchPublic:
    person, item = service.touch(
        db, str(person_id), kind=body.kind, note=body.note, day=body.date or today, now=now
    )
    return touch_public(person, item)


@router.post(
    "/people/{person_id}/ties",
    response_model=TiePublic,
    status_code=201,
    summary="Record that two people know each other (as `people tie --json`)",
    responses={**BAD, **NOT_FOUND},
)
def add_tie(person_id: PersonId, body: TieCreate, db: DbDep, now: NowDep) -> TiePublic:
    tie = service.add_tie(
        db,
        str(person_id),
        str(body.other_id),
        source=body.source,
        strength=body.strength,
        note=body.note,
        now=now,
    )
    return tie_public(tie)


@router.get(
    "/people/{person_id}/chain",
    response_model=ChainPublic,
    summary="The chain of introductions to a person (as `people chain --json`)",
    responses=NOT_FOUND,
)
def get_chain(person_id: PersonId, db: DbDep) -> ChainPublic:
    person, links = meetings_service.person_chain(db, str(person_id))
    return person_chain_json(person, links)


@router.post(
    "/people/{person_id}/merge",
    response_model=PersonDetailPublic,
    summary="Merge a duplicate into this person (as `people merge`)",
    responses={**BAD, **NOT_FOUND},
)
def merge(
    person_id: PersonId, body: MergeCreate, db: DbDep, today: TodayDep, now: NowDep
) -> PersonDetailPublic:
    service.merge_people(db, str(person_id), str(body.other_id), now=now, today=today)
    return get_person(person_id, db)


@router.put(
    "/people/{person_id}/keep",
    response_model=KeepPublic,
    summary="Set a tier or a cadence, snooze (as `keep set` and `keep snooze`)",
    responses={**BAD, **NOT_FOUND},
)
def set_keep(
    person_id: PersonId, body: KeepUpdate, db: DbDep, settings: SettingsDep, today: TodayDep
) -> KeepPublic:
    ref = str(person_id)
    if body.tier is not None or body.every is not None:
        keep_service.set_keep(db, ref, tier=body.tier, every=body.every, settings=settings)
    if body.snooze_until is not None or body.end_snooze:
        keep_service.snooze(db, ref, until=None if body.end_snooze else body.snooze_until)
    state = people_view.keep_state(db, ref, settings=settings, today=today)
    return KeepPublic.model_validate(
        {
            "person": {"id": state.person_id, "name": state.name},
            "contact": contact_json(state.contact) if state.contact else None,
            "snooze_until": state.snooze_until,
        }
    )
