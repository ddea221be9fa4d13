"""How long each kind of text a person types may be: one table the forms (`maxlength`), the
API (pydantic `max_length`), the CLI and the services all read, so the limits agree."""

from __future__ import annotations

from nextmove.errors import UserError

NAME = 200  # a person's or organization's name
TITLE = 200  # a job title, an opportunity's title, a step's title
SHORT = 300  # a place, an industry, a tag, a city, a reason in one line
LINK = 2_000  # a URL
NOTES = 20_000  # notes, an agenda, a journal note, a posting's summary
COMMENT = 5_000  # a coach's comment on a plan or an opportunity, or a reply
QUOTED = 60  # how much of a refused value a message repeats

LIMITS: dict[str, int] = {
    "name": NAME,
    "title": TITLE,
    "short": SHORT,
    "link": LINK,
    "notes": NOTES,
}

# Your own position (`me set`, the vision file's [me], the vision form): the widths of its
# columns, so a longer value is a clear message, never a database error.
POSITION: dict[str, int] = {
    "name": NAME,
    "title": SHORT,
    "organization": SHORT,
    "industry": NAME,
    "city": NAME,
}

# Form fields by name -> their limit (any other one-line field: SHORT; text areas: NOTES).
FIELD_LIMITS: dict[str, int] = {
    "name": NAME,
    "organization": NAME,
    "title": TITLE,
    "link": LINK,
    "url": LINK,
    "notes": NOTES,
    "note": NOTES,
    "why": NOTES,
    "agenda": NOTES,
}


def field_limit(name: str, *, multiline: bool = False) -> int:
    """The `maxlength` of a form field by its name ("me.name": your own position's)."""
    if name.startswith("me.") and name[3:] in POSITION:
        return POSITION[name[3:]]
    return FIELD_LIMITS.get(name, NOTES if multiline else SHORT)


def quoted(value: str, limit: int = QUOTED) -> str:
    """A value as a message may repeat it: at most ``limit`` characters, then an ellipsis."""
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def check_length(value: str, limit: int, *, field: str) -> str:
    """``value`` when it fits in ``limit`` characters; else a UserError naming the field,
    the limit and the length given (never the whole value)."""
    if len(value) > limit:
        raise UserError(
            f"is {len(value):,} characters long; at most {limit:,} fit",
            hint="Shorten it and try again.",
            field=field,
        )
    return value
