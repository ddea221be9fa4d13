"""Markdown the user wrote (a meeting's agenda) as HTML: CommonMark through markdown-it-py,
with raw HTML escaped (never passed through), unsafe link schemes refused by the renderer,
and headings shifted below the page's own (an agenda's `#` becomes an h3, not a second h1)."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup

MAX_MARKDOWN_CHARS = 50_000  # more than any field that holds Markdown may keep


@cache
def _parser() -> MarkdownIt:
    # "html": False escapes raw HTML; validateLink (on by default) drops javascript:, data:…
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def render_markdown(text: str, *, top_level: int = 3) -> Markup:
    """``text`` as safe HTML; its first heading level becomes ``top_level`` (h1 -> h3 …,
    never past h6)."""
    parser = _parser()
    tokens = parser.parse(text[:MAX_MARKDOWN_CHARS])
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + top_level - 1)
            token.tag = f"h{level}"
        if token.type == "inline":
            for child in token.children or ():
                if child.type == "link_open":
                    child.attrSet("rel", "noreferrer noopener")
    return Markup(parser.renderer.render(tokens, parser.options, {}))
