"""Which model each command's `--json` prints, and the API route that returns the same shape.
docs/json.md is generated from this list, and tests/cli/test_json_schemas.py runs every command
in it and checks its output against the model (and against the route's, where there is one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nextmove.formats.schemas import (
    board,
    calendar,
    core,
    directory,
    imports,
    meetings,
    moves,
    opportunities,
    people,
    plans,
    settings,
    suggest,
    sync,
    workspaces,
)


@dataclass(frozen=True)
class JsonCommand:
    command: str  # as typed after `nextmove`, without arguments: "vision show"
    shape: Any  # a model, or list[Model]
    route: str | None = None  # "GET /api/vision": the route that returns the same shape


COMMANDS: tuple[JsonCommand, ...] = (
    JsonCommand("me show", core.PositionPublic),
    JsonCommand("vision show", core.VisionPublic, "GET /api/vision"),
    JsonCommand("vision check", core.CheckPublic, "GET /api/vision/check"),
    JsonCommand("plan list", plans.PlanListPublic, "GET /api/plans"),
    JsonCommand("plan show", plans.PlanPublic, "GET /api/plans/{name}"),
    JsonCommand("plan compare", plans.PlanComparePublic, "GET /api/plans/compare"),
    JsonCommand("journal list", list[core.JournalEntryPublic], "GET /api/journal/entries"),
    JsonCommand("journal summary", core.JournalSummaryPublic, "GET /api/journal/summary"),
    JsonCommand("settings show", settings.SettingsPublic, "GET /api/settings"),
    JsonCommand("meeting list", meetings.MeetingListPublic, "GET /api/meetings"),
    JsonCommand("meeting show", meetings.MeetingDetailPublic, "GET /api/meetings/{meeting_id}"),
    JsonCommand("meeting slots", meetings.SlotsPublic, "GET /api/meetings/{meeting_id}/slots"),
    JsonCommand("people list", people.PersonListPublic, "GET /api/people"),
    JsonCommand("people show", people.PersonDetailPublic, "GET /api/people/{person_id}"),
    JsonCommand("people add", people.PersonPublic, "POST /api/people"),
    JsonCommand("people tie", people.TiePublic, "POST /api/people/{person_id}/ties"),
    JsonCommand("touch", people.TouchPublic, "POST /api/people/{person_id}/touches"),
    JsonCommand("people chain", people.ChainPublic, "GET /api/people/{person_id}/chain"),
    JsonCommand("import linkedin", imports.ImportReportPublic, "POST /api/imports"),
    JsonCommand("calendar busy", calendar.BusyPublic),
    JsonCommand("slots", calendar.FreeSlotsPublic),
    JsonCommand("directory list", directory.OrganizationListPublic),
    JsonCommand("directory history", directory.OrganizationHistoryPublic),
    JsonCommand("workspace list", workspaces.WorkspaceListPublic),
    JsonCommand("admin list-users", list[workspaces.AccountRowPublic]),
    JsonCommand("sync list", sync.SyncAccountsPublic),
    JsonCommand("sync run", sync.SyncRunsPublic),
    JsonCommand("board show", board.BoardPublic, "GET /api/board"),
    JsonCommand("keep list", people.KeepListPublic, "GET /api/keep"),
    JsonCommand("today", board.TodayPublic, "GET /api/today"),
    JsonCommand("round plan", board.RoundPlanPublic, "POST /api/round"),
    JsonCommand("round show", board.RoundProgressPublic | None, "GET /api/round"),
    JsonCommand("suggest", suggest.SuggestionsPublic, "GET /api/suggestions"),
    JsonCommand("path", suggest.PathsPublic, "GET /api/people/{person_id}/paths"),
    JsonCommand("moves", moves.MovesPublic, "GET /api/moves"),
    JsonCommand("opp list", opportunities.OpportunityListPublic, "GET /api/opportunities"),
    JsonCommand("opp show", opportunities.OpportunityPublic, "GET /api/opportunities/{opp_id}"),
    JsonCommand(
        "opp evaluate", opportunities.EvaluateListPublic, "GET /api/opportunities/evaluation"
    ),
    JsonCommand("opp compare", opportunities.ComparePublic, "GET /api/opportunities/compare"),
    JsonCommand(
        "opp people",
        opportunities.OpportunityPeoplePublic,
        "GET /api/opportunities/{opp_id}/people",
    ),
)

# Commands whose `--json` is still built as plain dicts, not yet printed through a model: their
# sections of docs/json.md are written by hand (tests/test_docs.py keeps this list true).
PENDING: tuple[str, ...] = ()
