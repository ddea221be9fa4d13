"""The JSON shape of `nextmove moves --json` and `GET /api/moves` (docs/json.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nextmove.domain.levels import level_key
from nextmove.domain.moves import Move, MovesReport, RoleRead

if TYPE_CHECKING:  # the pydantic model loads when the shape is built (`--json`, the API)
    from nextmove.formats.schemas.moves import MovesPublic


def _role(role: RoleRead | None) -> dict[str, Any] | None:
    if role is None:
        return None
    return {
        "title": role.title,
        "family": role.family,
        "level": level_key(role.level),
        "function": role.function,
    }


def move_json(move: Move) -> dict[str, Any]:
    return {
        "person": {"id": move.person_id, "name": move.name},
        "from": {"title": move.from_title, "organization": move.from_organization},
        "to": {"title": move.to_title, "organization": move.to_organization},
        "when": move.when.isoformat() if move.when else None,
        "months_in_role": move.months_in_role,
        "plan": meeting_step(move),
    }


def meeting_step(move: Move) -> str:
    """The one step to plan a research meeting with the person who made the move."""
    return f"nextmove meeting add {move.person_id} --why {_quote(why_meet(move))}"


def why_meet(move: Move) -> str:
    year = f", {move.year}" if move.year else ""
    return f"made the move {move.from_title} → {move.to_title}{year}"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def moves_json(report: MovesReport) -> MovesPublic:
    from nextmove.formats.schemas.moves import MovesPublic

    shape = {
        "from": _role(report.origin),
        "to": _role(report.target),
        "careers": report.careers,
        "observed": report.observed,
        "destinations": [
            {
                "title": d.title,
                "level": level_key(d.level),
                "function": d.function,
                "people": d.people,
                "typical_months_in_role": d.typical_months,
                "last_year": d.last_year,
                "moves": [move_json(m) for m in d.moves],
            }
            for d in report.destinations
        ],
        "moves": [move_json(m) for m in report.moves],
        "nearest": [move_json(m) for m in report.nearest],
        "onet": (
            {
                "occupation": report.onet_occupation,
                "related": [{"code": r.code, "title": r.title} for r in report.onet_related],
                "target_related": report.onet_target_related,
                "source": ONET_CREDIT,
            }
            if report.onet_occupation
            else None
        ),
    }
    return MovesPublic.model_validate(shape)


ONET_CREDIT = (
    "This product includes information from the O*NET 27.0 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
)
