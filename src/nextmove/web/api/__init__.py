"""The JSON API under /api (schema: /api/openapi.json). Each noun is one module with a router;
later nouns (people, meetings, …) add theirs to ROUTERS."""

from __future__ import annotations

from fastapi import APIRouter

from nextmove.web.api import imports, journal, opportunities, suggestions, vision

router = APIRouter(prefix="/api")
for _module in (vision, journal, opportunities, suggestions, imports):
    router.include_router(_module.router)
