"""Links: http, https, mailto and tel only; no control characters; bounded length."""

from __future__ import annotations

import pytest

from nextmove.domain.links import MAX_LINK, check_link, safe_link
from nextmove.errors import UserError


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("https://meet.example.com/abc", "https://meet.example.com/abc"),
        ("  http://example.com/job?id=7#top ", "http://example.com/job?id=7#top"),
        ("mailto:ana@example.com", "mailto:ana@example.com"),
        ("tel:+15551234567", "tel:+15551234567"),
        ("zoom.us/j/123456", "https://zoom.us/j/123456"),
        ("www.example.com", "https://www.example.com"),
        ("HTTPS://Example.com", "HTTPS://Example.com"),
        ("", ""),
    ],
)
def test_links_people_paste_are_kept(typed: str, kept: str) -> None:
    assert check_link(typed, "link") == kept


@pytest.mark.parametrize(
    ("attack", "says"),
    [
        ("javascript:alert(document.cookie)", "javascript links are not allowed"),
        ("JaVaScRiPt:alert(1)", "javascript links are not allowed"),
        ("data:text/html,<script>alert(1)</script>", "data links are not allowed"),
        ("vbscript:msgbox(1)", "vbscript links are not allowed"),
        ("file:///etc/passwd", "file links are not allowed"),
        ("https://meet.example.com/abc\nX-INJECTED:1", "control character (U+000A"),
        ("https://meet.example.com/\r\nabc", "control character (U+000D"),
        ("java\tscript:alert(1)", "control character (U+0009"),
        ("https://example.com/\u202egpj.exe", "control character (U+202E"),
        ("https://example.com/\x00", "control character (U+0000"),
        ("https://" + "a" * MAX_LINK + ".com", "characters long"),
        ("https:///path-only", "no host name"),
        ("mailto:", "empty after mailto"),
        ("/relative/path", "is not a full address"),
        ("https://example.com/a b", "contains a space"),
    ],
)
def test_unsafe_links_are_refused_naming_the_field(attack: str, says: str) -> None:
    with pytest.raises(UserError) as refused:
        check_link(attack, "link")
    assert refused.value.field == "link"
    assert says in refused.value.message
    assert safe_link(attack) is None
