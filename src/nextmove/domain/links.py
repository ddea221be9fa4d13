"""Links people store (a meeting's video link, a person's web links, an opportunity's
posting): http, https, mailto and tel only, no control characters, bounded length.

A `javascript:` or `data:` link would run in the browser when clicked on a page of the app;
a line break in a meeting link broke every invitation and the calendar feed. `check_link`
refuses both with a message naming the field; `safe_link` is for showing links stored before
this check existed (or read from an import): it answers None for one that is not safe.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from nextmove.errors import UserError

SCHEMES = ("http", "https", "mailto", "tel")
MAX_LINK = 2000  # what browsers and servers reliably accept
_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$", re.I)
HINT = "Use a web address (https://…), mailto:name@example.com or tel:+15551234567."


def _unsafe_character(text: str) -> str | None:
    """The first control or invisible formatting character (line breaks, tabs, NUL, bidi
    overrides), as a name for the message."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            return f"U+{ord(char):04X}"
    return None


def check_link(value: str, field: str = "link") -> str:
    """The link, trimmed ("" for none), or a UserError naming `field`. A bare host such as
    ``zoom.us/j/123`` gets ``https://`` in front."""
    text = value.strip()
    if not text:
        return ""
    if len(text) > MAX_LINK:
        raise UserError(f"the link is {len(text)} characters long; at most {MAX_LINK}", field=field)
    bad = _unsafe_character(text)
    if bad is not None:
        raise UserError(
            f"the link contains a control character ({bad}, e.g. a line break)",
            hint="Paste the link on one line, without spaces or tabs around its parts.",
            field=field,
        )
    if _BARE_HOST.match(text):
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        raise UserError(f"{text!r} is not a valid link", hint=HINT, field=field) from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise UserError(f"{text!r} is not a full address", hint=HINT, field=field)
    if scheme not in SCHEMES:
        raise UserError(
            f"{scheme} links are not allowed, only http, https, mailto and tel",
            hint=HINT,
            field=field,
        )
    if scheme in ("http", "https") and not parts.hostname:
        raise UserError(f"{text!r} has no host name", hint=HINT, field=field)
    if scheme in ("mailto", "tel") and not parts.path.strip():
        raise UserError(f"{text!r} is empty after {scheme}:", hint=HINT, field=field)
    if any(c.isspace() for c in text):
        raise UserError(f"{text!r} contains a space", hint="Encode it as %20.", field=field)
    return text


def safe_link(value: str | None) -> str | None:
    """The link if it may be followed from a page or written to a calendar, else None."""
    if not value:
        return None
    try:
        return check_link(value) or None
    except UserError:
        return None
