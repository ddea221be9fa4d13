"""The HTML pages. One module per noun, each with a `router`; later nouns (people, meetings,
opportunities, …) add theirs to ROUTERS and drop their placeholder from `placeholders`."""

from __future__ import annotations

from nextmove.web.routes import (
    imports,
    journal,
    opportunities,
    placeholders,
    suggestions,
    today,
    vision,
    workspace,
)

ROUTERS = [
    today.router,
    vision.router,
    journal.router,
    opportunities.router,
    suggestions.router,
    imports.router,
    workspace.router,
    placeholders.router,
]
