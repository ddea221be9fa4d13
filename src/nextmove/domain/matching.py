"""When two phrases name the same thing: an activity, a strength, an industry, a city or an
organization ("workshops" and "running workshops", "Chicago" and "Chicago, IL"). Pure."""

from __future__ import annotations

from nextmove.domain.journal import activity_key

# Two phrases name the same thing at this rapidfuzz token_set_ratio or more; one phrase's
# words all contained in the other's scores 100.
MATCH_AT_LEAST = 85


def same_phrase(a: str, b: str) -> bool:
    """Case-, punctuation- and order-insensitive; one phrase contained in the other counts."""
    a, b = activity_key(a), activity_key(b)
    if not a or not b:
        return False
    if a == b:
        return True
    from rapidfuzz import fuzz, utils  # on first use: commands that compare no phrases skip it

    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= MATCH_AT_LEAST
