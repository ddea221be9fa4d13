"""Preferences: how nextmove works for one person — their time zone, address, working hours
and days, meeting length, keep-in-touch tiers and suggestion weights.

Each preference is one row of `SPECS`, from which the CLI (`settings set`), the Settings page,
the JSON shape and the docs are derived. A value typed by a user goes through its spec's
`parse`, which returns the value as stored (canonical: `mon-fri`, `09:00-17:30`) or raises a
UserError naming the preference and what it accepts."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import time
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from nextmove.domain.people import normalize_email
from nextmove.domain.slots import WEEKDAYS, parse_working_days, parse_working_hours, zone
from nextmove.domain.suggest import Weights
from nextmove.errors import UserError

__all__ = [
    "SCALAR_KEYS",
    "SPECS",
    "WEIGHT_MAX",
    "WEIGHT_PREFIX",
    "Preferences",
    "Spec",
    "build",
    "flatten",
    "format_working_days",
    "format_working_hours",
    "nest",
    "parse_preference",
    "spec_for",
    "time_zones",
]

WEIGHT_PREFIX = "suggest_weights."
WEIGHT_MAX = 10.0
MEETING_MINUTES = (15, 240)


@dataclass(frozen=True, slots=True)
class Preferences:
    """The preferences in effect for a workspace: its own, else config.toml's, else these."""

    timezone: str = "UTC"
    email: str = ""
    working_days: str = "mon-fri"
    working_hours: str = "09:00-17:30"
    meeting_minutes: int = 30
    slot_lead_hours: int = 24
    meeting_buffer_minutes: int = 0
    nudge_after_days: int = 7
    tier_a_days: int = 30
    tier_b_days: int = 90
    tier_c_days: int = 180
    suggest_cooldown_days: int = 120
    suggest_weights: Mapping[str, float] = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def tier_days(self) -> dict[str, int]:
        return {"A": self.tier_a_days, "B": self.tier_b_days, "C": self.tier_c_days}

    def weights(self) -> Weights:
        """The suggestion weights: the defaults, with those set replacing them."""
        return replace(Weights(), **dict(self.suggest_weights))


@dataclass(frozen=True, slots=True)
class Spec:
    """One preference: its key, how it is shown, what it accepts and how it is parsed."""

    key: str
    label: str
    help: str
    accepts: str  # what a user may type, for messages and the docs
    parse: Callable[[str], Any]
    kind: str = "text"  # how a form asks for it: text, number, email, timezone, days, hours

    def show(self, value: Any) -> str:
        """The value as a user would type it back."""
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)


def _whole(key: str, low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise UserError(
                f"{text.strip()!r} is not a whole number",
                field=key,
                hint=f"Give a whole number from {low} to {high}.",
            ) from None
        if not low <= value <= high:
            raise UserError(
                f"{value} is out of range: give a whole number from {low} to {high}", field=key
            )
        return value

    return parse


def _weight(key: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not 0 <= value <= WEIGHT_MAX:
            raise UserError(
                f"{text.strip()!r} is not a weight from 0 to {WEIGHT_MAX:g}",
                field=key,
                hint=f"Give a number from 0 (the factor does not count) to {WEIGHT_MAX:g}; "
                f"its default is {getattr(Weights(), key.removeprefix(WEIGHT_PREFIX)):g}.",
            )
        return value

    return parse


@cache
def time_zones() -> tuple[str, ...]:
    """Every IANA time zone name this machine knows, sorted."""
    return tuple(sorted(available_timezones()))


@cache
def _zones_by_lower() -> dict[str, str]:
    return {z.lower(): z for z in time_zones()}


def _timezone(text: str) -> str:
    name = text.strip()
    hint = "Give an IANA name such as `Europe/Berlin`, `America/Chicago` or `UTC`."
    if not name or len(name) > 64:
        raise UserError("give a time zone", field="timezone", hint=hint)
    known = _zones_by_lower().get(name.lower())
    if known is not None:
        return known
    try:
        zone(name)
    except UserError:
        raise UserError(f"unknown time zone {name!r}", field="timezone", hint=hint) from None
    return name


def _email(text: str) -> str:
    value = text.strip()
    if not value:
        return ""
    if len(value) > 254 or normalize_email(value) is None:
        raise UserError(
            f"{value!r} is not an e-mail address",
            field="email",
            hint="Give an address like `ana@example.com`, or nothing to use the one on your "
            "own person record.",
        )
    return value


def format_working_days(days: frozenset[int]) -> str:
    """Weekday numbers (Monday 0) as a user writes them: `mon-fri`, `mon,wed,fri`."""
    parts: list[str] = []
    ordered = sorted(days)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        first, last = WEEKDAYS[ordered[i]], WEEKDAYS[ordered[j]]
        if j - i >= 2:
            parts.append(f"{first}-{last}")
        else:
            parts.extend(WEEKDAYS[k] for k in ordered[i : j + 1])
        i = j + 1
    return ",".join(parts)


def format_working_hours(start: time, end: time) -> str:
    stop = "24:00" if end == time.max else f"{end:%H:%M}"
    return f"{start:%H:%M}-{stop}"


def _reworded(key: str, parse: Callable[[str], Any], render: Callable[[Any], str]) -> Any:
    def run(text: str) -> str:
        try:
            return render(parse(text))
        except UserError as exc:
            detail = exc.detail.split(": ", 1)[-1]
            raise UserError(detail, field=key, hint=exc.hint) from None

    return run


def _working_hours(text: str) -> str:
    return _reworded("working_hours", parse_working_hours, lambda v: format_working_hours(*v))(text)


def _working_days(text: str) -> str:
    return _reworded("working_days", parse_working_days, format_working_days)(text)


def _tier(tier: str, default: int) -> Spec:
    key = f"tier_{tier.lower()}_days"
    return Spec(
        key,
        f"Tier {tier} cadence (days)",
        f"Keep-in-touch tier {tier}: a contact is due after this many days since the last "
        f"touch, overdue a third later (default {default}).",
        "a whole number from 1 to 3650",
        _whole(key, 1, 3650),
        "number",
    )


SPECS: tuple[Spec, ...] = (
    Spec(
        "timezone",
        "Time zone",
        "Your IANA time zone: the dates and times you see, the slots proposed, invitations.",
        "an IANA time zone name such as Europe/Berlin or UTC",
        _timezone,
        "timezone",
    ),
    Spec(
        "email",
        "E-mail",
        "Your address: the organizer of the invitations you download. Empty: the first "
        "e-mail on your own person record.",
        "an e-mail address, or nothing",
        _email,
        "email",
    ),
    Spec(
        "working_days",
        "Working days",
        "The days you take meetings.",
        "days like mon-fri or mon,tue,thu (mon tue wed thu fri sat sun)",
        _working_days,
        "days",
    ),
    Spec(
        "working_hours",
        "Working hours",
        "The hours you take meetings on those days, in your time zone.",
        "HH:MM-HH:MM on a 24-hour clock, the start before the end (09:00-17:30)",
        _working_hours,
        "hours",
    ),
    Spec(
        "meeting_minutes",
        "Meeting length (minutes)",
        "How long a proposed meeting slot is; research meetings are 30 minutes.",
        f"a whole number from {MEETING_MINUTES[0]} to {MEETING_MINUTES[1]}",
        _whole("meeting_minutes", *MEETING_MINUTES),
        "number",
    ),
    Spec(
        "slot_lead_hours",
        "Notice (hours)",
        "Hours from now before the first time proposed: give people notice.",
        "a whole number from 0 to 720",
        _whole("slot_lead_hours", 0, 720),
        "number",
    ),
    Spec(
        "meeting_buffer_minutes",
        "Buffer (minutes)",
        "Free minutes kept before and after every busy time when proposing slots.",
        "a whole number from 0 to 240",
        _whole("meeting_buffer_minutes", 0, 240),
        "number",
    ),
    Spec(
        "nudge_after_days",
        "Nudge after (days)",
        "Days without a reply to a meeting request before a follow-up nudge is due.",
        "a whole number from 1 to 90",
        _whole("nudge_after_days", 1, 90),
        "number",
    ),
    _tier("A", 30),
    _tier("B", 90),
    _tier("C", 180),
    Spec(
        "suggest_cooldown_days",
        "Suggestion cooldown (days)",
        "Days after a research meeting before `suggest` proposes that person again.",
        "a whole number from 0 to 3650",
        _whole("suggest_cooldown_days", 0, 3650),
        "number",
    ),
    *(
        Spec(
            f"{WEIGHT_PREFIX}{name}",
            f"Weight: {name.replace('_', ' ')}",
            f"How much the factor `{name}` counts in suggestions (docs/suggestions.md).",
            f"a number from 0 to {WEIGHT_MAX:g}",
            _weight(f"{WEIGHT_PREFIX}{name}"),
            "weight",
        )
        for name in Weights.names()
    ),
)
_BY_KEY = {spec.key: spec for spec in SPECS}
# Other names people type for a preference.
ALIASES = {
    "time_zone": "timezone",
    "tz": "timezone",
    "zone": "timezone",
    "e_mail": "email",
    "meeting_length": "meeting_minutes",
    "meeting_length_minutes": "meeting_minutes",
    "days": "working_days",
    "hours": "working_hours",
    "tier_a": "tier_a_days",
    "tier_b": "tier_b_days",
    "tier_c": "tier_c_days",
}
SCALAR_KEYS = tuple(f.name for f in fields(Preferences) if f.name != "suggest_weights")


def spec_for(key: str) -> Spec:
    """The preference called `key` (dashes or underscores); a UserError listing the known
    ones when there is none."""
    wanted = key.strip().lower().replace("-", "_")
    if wanted.startswith(("weight.", "weights.", "suggest_weight.")):
        wanted = WEIGHT_PREFIX + wanted.split(".", 1)[1]
    wanted = ALIASES.get(wanted, wanted)
    spec = _BY_KEY.get(wanted)
    if spec is None:
        known = ", ".join(s.key for s in SPECS if not s.key.startswith(WEIGHT_PREFIX))
        raise UserError(
            f"unknown setting {key!r}",
            hint=f"Known settings: {known}, and {WEIGHT_PREFIX}NAME for the suggestion "
            f"weights ({', '.join(Weights.names())}).",
        )
    return spec


def parse_preference(key: str, text: str) -> tuple[Spec, Any]:
    """The spec of `key` and `text` parsed as its value (UserError naming the key if bad)."""
    spec = spec_for(key)
    if len(text) > 500:
        raise UserError("the value is too long", field=spec.key, hint=f"Give {spec.accepts}.")
    return spec, spec.parse(text)


def flatten(values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored preferences ({"suggest_weights": {"level_gap": 2}}) as one value per key
    ({"suggest_weights.level_gap": 2}); keys this version does not know are left out."""
    flat: dict[str, Any] = {}
    for key, value in values.items():
        if key == "suggest_weights" and isinstance(value, Mapping):
            flat.update({f"{WEIGHT_PREFIX}{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return {k: v for k, v in flat.items() if k in _BY_KEY}


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of `flatten`: weights gathered under "suggest_weights"."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        if key.startswith(WEIGHT_PREFIX):
            out.setdefault("suggest_weights", {})[key.removeprefix(WEIGHT_PREFIX)] = value
        else:
            out[key] = value
    return out


def build(flat: Mapping[str, Any]) -> Preferences:
    """Preferences from one value per key (as `flatten` gives)."""
    scalars = {k: flat[k] for k in SCALAR_KEYS if k in flat}
    weights = {
        k.removeprefix(WEIGHT_PREFIX): float(v)
        for k, v in flat.items()
        if k.startswith(WEIGHT_PREFIX)
    }
    return Preferences(**scalars, suggest_weights=weights)
