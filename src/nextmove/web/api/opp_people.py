"""/api/opportunities/{id}/people: who is involved in an opportunity, who is near it, and a
research meeting with one of them (as `nextmove opp people|link|unlink|meet`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from nextmove.formats.meeting_json import meeting_json
from nextmove.formats.opportunity_json import opportunity_people_json
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.meetings import MeetingPublic
from nextmove.formats.schemas.opportunities import (
    OpportunityMeetingCreate,
    OpportunityPeoplePublic,
    PersonLinkCreate,
    RoleValue,
)
from nextmove.services import opportunity_people as service
from nextmove.web.deps import DbDep, NowDep, TodayDep

router = APIRouter(prefix="/opportunities", tags=["opportunities"])

OppId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The opportunity's id.")]
PersonId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The person's id.")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorPublic, "description": "A field is not valid, or a name is ambiguous."},
    404: {"model": ErrorPublic, "description": "No such opportunity or person."},
}


@router.get(
    "/{opp_id}/people",
    response_model=OpportunityPeoplePublic,
    summary="The people involved and near it, as `opp people --json`",
    responses=ERRORS,
)
def people(opp_id: OppId, db: DbDep) -> OpportunityPeoplePublic:
    return opportunity_people_json(service.people_for(db, opp_id))


@router.post(
    "/{opp_id}/people",
    response_model=OpportunityPeoplePublic,
    status_code=201,
    summary="Link a person (hiring manager, referrer, …); answers with the people",
    responses=ERRORS,
)
def link(opp_id: OppId, body: PersonLinkCreate, db: DbDep, now: NowDep) -> OpportunityPeoplePublic:
    service.link_person(db, opp_id, body.person, role=body.role, now=now)
    return people(opp_id, db)


@router.delete(
    "/{opp_id}/people/{person_id}",
    status_code=204,
    summary="Unlink a person (every role, or the one given)",
    responses=ERRORS,
)
def unlink(
    opp_id: OppId,
    person_id: PersonId,
    db: DbDep,
    role: Annotated[RoleValue | None, Query(description="Only this role.")] = None,
) -> Response:
    service.unlink_person(db, opp_id, str(person_id), role=role)
    return Response(status_code=204)


@router.post(
    "/{opp_id}/meetings",
    response_model=MeetingPublic,
    status_code=201,
    summary="Plan a research meeting with someone at or near it (a meeting idea)",
    responses=ERRORS,
)
def meet(
    opp_id: OppId, body: OpportunityMeetingCreate, db: DbDep, today: TodayDep, now: NowDep
) -> MeetingPublic:
    meeting = service.plan_meeting(db, opp_id, body.person, why=body.why, today=today, now=now)
    return MeetingPublic.model_validate(meeting_json(meeting))
