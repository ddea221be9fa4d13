"""The board's set-a-seat form <-> what `services.board.set_seat` takes. Each problem lands
next to its field; a name nobody (or several people) answers to lands next to the person."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nextmove.domain import days
from nextmove.domain.cadence import BOARD_CADENCE_DAYS
from nextmove.errors import Ambiguous, NotFound, UserError

CADENCE_MAX = 3650
WHY_MAX = 500
PERSON_MAX = 200


def _get(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def parse_day(text: str) -> date | None:
    """A YYYY-MM-DD date within the app's range, else None."""
    try:
        return days.parse_day(text)
    except UserError:
        return None


@dataclass
class SeatForm:
    seat: int = 0
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)


@dataclass
class SeatInput:
    person: str
    why: str
    cadence_days: int
    last_chat_on: date | None


def seat_input_from_form(seat: int, form: Mapping[str, Any]) -> tuple[SeatInput | None, SeatForm]:
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    shown = SeatForm(seat, values)
    person, why = _get(form, "person"), _get(form, "why")
    if not person:
        shown.errors["person"] = "Say who: their name or their number (#12)."
    elif len(person) > PERSON_MAX:
        shown.errors["person"] = f"At most {PERSON_MAX} characters."
    if not why:
        shown.errors["why"] = "Say why you would ask them for advice."
    elif len(why) > WHY_MAX:
        shown.errors["why"] = f"At most {WHY_MAX} characters."
    cadence_text = _get(form, "cadence") or str(BOARD_CADENCE_DAYS)
    cadence = int(cadence_text) if cadence_text.isdigit() else 0
    if not 1 <= cadence <= CADENCE_MAX:
        shown.errors["cadence"] = f"A whole number of days from 1 to {CADENCE_MAX}."
    last_text = _get(form, "last_chat")
    last = parse_day(last_text) if last_text else None
    if last_text and last is None:
        shown.errors["last_chat"] = "A date like 2026-07-15."
    if shown.errors:
        return None, shown
    return SeatInput(person, why, cadence, last), shown


def place_seat_error(form: SeatForm, error: UserError) -> SeatForm:
    """Who could not be found, or several people of that name -> next to the person field;
    anything else on top."""
    if isinstance(error, NotFound | Ambiguous):
        form.errors["person"] = error.message[:1].upper() + error.message[1:]
    else:
        form.general_errors.append(error.message[:1].upper() + error.message[1:] + ".")
    return form
