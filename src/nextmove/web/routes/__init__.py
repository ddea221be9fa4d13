"""The HTML pages. One module per noun, each with a `router` listed in ROUTERS."""

from __future__ import annotations

from nextmove.web.routes import (
    accounts,
    backup,
    board,
    imports,
    journal,
    meeting_actions,
    meetings,
    moves,
    opportunities,
    people,
    person_actions,
    plans,
    report,
    rounds,
    suggestions,
    sync,
    today,
    vision,
    workspace,
    workspaces,
)

ROUTERS = [
    today.router,
    vision.router,
    plans.router,
    journal.router,
    opportunities.router,
    people.router,
    person_actions.router,
    suggestions.router,
    moves.router,
    rounds.router,
    board.router,
    meetings.router,
    meeting_actions.router,
    report.router,
    imports.router,
    workspace.router,
    workspaces.router,
    accounts.router,
    sync.router,
    backup.router,
]
