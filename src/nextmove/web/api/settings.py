"""/api/settings: the workspace's preferences with where each comes from (as `nextmove settings
show --json`), and changing several at once (as `nextmove settings set`/`unset`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body
from pydantic import Field

from nextmove.formats.schemas.settings import SettingsPublic, Value
from nextmove.services import preferences as service
from nextmove.web.deps import ContextDep, DbDep

router = APIRouter(tags=["settings"])

SettingsChange = Annotated[
    dict[
        Annotated[str, Field(max_length=80)],
        Annotated[Value, Field(union_mode="left_to_right")] | None,
    ],
    Body(
        description="Preferences to change by key (docs/configuration.md): a value sets it, "
        "null goes back to config.toml's or the default. All or nothing.",
        examples=[{"timezone": "Europe/Berlin", "meeting_minutes": 45, "email": None}],
        max_length=60,
    ),
]


@router.get("/settings", response_model=SettingsPublic, summary="The workspace's preferences")
def get_settings(db: DbDep, context: ContextDep) -> SettingsPublic:
    resolved = service.resolve(db, context.settings)
    return service.preferences_json(db, resolved, context.settings)


@router.patch(
    "/settings", response_model=SettingsPublic, summary="Change some preferences (all or nothing)"
)
def patch_settings(body: SettingsChange, db: DbDep, context: ContextDep) -> SettingsPublic:
    values = {key: None if value is None else str(value) for key, value in body.items()}
    resolved = service.change_preferences(db, context.settings, values)
    return service.preferences_json(db.reloaded(), resolved, context.settings)
