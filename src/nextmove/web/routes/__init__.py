"""The HTML pages. One module per noun, each with a `router`; later nouns (people, meetings,
opportunities, …) add theirs to ROUTERS and drop their placeholder from `placeholders`."""

from __future__ import annotations

from nextmove.web.routes import (
    board,
    journal,
    meeting_actions,
    meetings,
    opportunities,
    people,
    person_actions,
    placeholders,
    rounds,
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
    people.router,
    person_actions.router,
    suggestions.router,
    rounds.router,
    board.router,
    meetings.router,
    meeting_actions.router,
    workspace.router,
    placeholders.router,
]
