"""The JSON API under /api (schema: /api/openapi.json). Each noun is one module with a router;
later nouns (people, meetings, …) add theirs to ROUTERS."""

from __future__ import annotations

from fastapi import APIRouter

from nextmove.web.api import (
    accounts,
    board,
    comments,
    imports,
    journal,
    meetings,
    moves,
    opp_people,
    opportunities,
    people,
    plans,
    program,
    rounds,
    settings,
    suggestions,
    today,
    vision,
)

router = APIRouter(prefix="/api")
for _module in (
    vision,
    plans,
    journal,
    opportunities,
    opp_people,
    comments,
    suggestions,
    moves,
    people,
    today,
    rounds,
    board,
    meetings,
    imports,
    settings,
    accounts,
    program,
):
    router.include_router(_module.router)
