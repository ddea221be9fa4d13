"""The people API's shapes: the same as `nextmove people … --json`, `touch --json`,
`people chain --json` and `keep list --json` (docs/json.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from nextmove.domain import limits
from nextmove.domain.days import FIRST_DAY, LAST_DAY
from nextmove.formats.schemas.core import ChainLinkPublic, LevelPublic, PersonRefPublic, Public

FlagValue = Literal["offered-help", "navigated-transition", "peer", "changed-jobs"]
TierValue = Literal["A", "B", "C"]
KindValue = Literal["met", "call", "email", "message", "meeting", "calendar"]
TieSourceValue = Literal[
    "orgchart-manager", "orgchart-report", "same-team", "introduced-by", "met-at", "stated"
]
KeepStateValue = Literal["ok", "due", "overdue"]
Day = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]
Text = Annotated[str, Field(max_length=500)]
Item = Annotated[str, Field(max_length=500)]
Items = Annotated[list[Item], Field(max_length=50)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


# ------------------------------------------------------------------------------- out


class RewritePublic(BaseModel):
    """Texts rewritten in one kind of record (their name became "a deleted contact")."""

    what: str = Field(description='The kind of record, plural ("meeting insights").')
    records: int
    texts: int


class PersonDeletedPublic(BaseModel):
    """Who was deleted and which other texts were rewritten, so nothing changes silently."""

    id: int
    rewritten_texts: int
    rewritten: list[RewritePublic]
    summary: str = Field(description='"3 texts in 2 meetings, 1 text in 1 opportunity".')


class PersonLinePublic(Public):
    id: int
    name: str
    title: str
    organization: str
    level: LevelPublic | None
    function: str | None
    city: str
    tier: str | None
    tags: list[str]
    last_contact: dt.date | None
    flags: list[str]
    member: str | None = Field(
        None,
        description="A member of one of your org charts, not one of your people yet (id 0): "
        'their reference, e.g. "northwind:NW1042".',
    )


class PersonPickPublic(BaseModel):
    id: int
    name: str
    title: str
    organization: str
    value: str = Field(description='What a person field takes for exactly this person: "Name #id".')


class PersonPicksPublic(BaseModel):
    people: list[PersonPickPublic]


class PersonListPublic(Public):
    total: int = Field(description="How many match in all (the page holds at most `limit`).")
    people: list[PersonLinePublic]


class EmailPublic(Public):
    address: str
    label: str


class PhonePublic(Public):
    number: str
    label: str


class LinkPublic(Public):
    url: str
    label: str


class JobPublic(Public):
    organization: str
    title: str
    start: dt.date | None
    end: dt.date | None
    source: str | None


class OrgChartPublic(Public):
    employee_id: str | None
    manager_id: int | None
    depth: int | None


class PersonPublic(Public):
    id: int
    name: str
    first_name: str
    last_name: str
    emails: list[EmailPublic]
    phones: list[PhonePublic]
    links: list[LinkPublic]
    linkedin_url: str | None
    organization: str
    title: str
    department: str
    level: LevelPublic | None
    level_confidence: float
    level_source: str | None
    function: str | None
    function_confidence: float
    function_source: str | None
    industry: str
    city: str
    history: list[JobPublic]
    how_known: str
    known_since: dt.date | None
    tags: list[str]
    tier: str | None
    notes: str
    flags: list[str]
    changed_jobs_on: dt.date | None
    last_contact: dt.date | None
    org_chart: OrgChartPublic | None


class TiePublic(Public):
    person_id: int = Field(description="The other person.")
    name: str
    source: str
    strength: int
    note: str


class InteractionPublic(Public):
    id: int | None
    date: dt.date
    kind: str
    note: str
    source: str


class SourcePublic(Public):
    kind: str
    key: str
    file: str
    where: str
    import_id: int | None
    imported_on: dt.date | None


class ChartMemberPublic(Public):
    employee_id: str
    name: str
    title: str


class ChartTeamPublic(Public):
    date: dt.date | None
    direct: int
    size: int


class ChartPositionPublic(Public):
    title: str
    department: str
    manager_employee_id: str | None
    since: dt.date | None
    until: dt.date | None


class ChartHolderPublic(Public):
    employee_id: str
    name: str
    title: str
    until: dt.date | None


class DirectoryFactsPublic(Public):
    """What an organization's chart says about someone (docs/directory.md)."""

    organization: str
    ref: str
    employee_id: str
    title: str
    level: LevelPublic | None
    function: str | None
    department: str
    city: str
    depth: int
    managers: list[ChartMemberPublic] = Field(description="The direct manager first.")
    reports: list[ChartMemberPublic]
    team: list[ChartTeamPublic] = Field(description="Their team at every import, oldest first.")
    positions: list[ChartPositionPublic]
    held_seat_before: list[ChartHolderPublic]


class PersonDetailPublic(PersonPublic):
    id: int | None = Field(  # type: ignore[assignment]
        description="null for a member of an org chart who is not one of your people "
        "(`people show northwind:NW3`; see `member`)."
    )
    is_me: bool
    ties: list[TiePublic]
    interactions: list[InteractionPublic]
    sources: list[SourcePublic]
    member: str | None = None
    directory: DirectoryFactsPublic | None = None


class TouchPublic(InteractionPublic):
    person_id: int
    last_contact: dt.date | None


class ChainPublic(Public):
    person: PersonRefPublic
    chain: list[ChainLinkPublic] = Field(description="First contact first; the person last.")


class KeepCadencePublic(Public):
    ideal_days: int
    max_days: int
    personal: bool


class ContactPublic(Public):
    person: PersonRefPublic
    tier: str | None
    cadence: KeepCadencePublic
    last_touch: dt.date | None
    snooze_until: dt.date | None
    state: KeepStateValue
    due_on: dt.date | None
    overdue_on: dt.date | None
    days_since: int | None
    snoozed: bool


class KeepListPublic(Public):
    contacts: list[ContactPublic]


class KeepPublic(BaseModel):
    person: PersonRefPublic
    contact: ContactPublic | None = Field(description="None without a tier or a cadence.")
    snooze_until: dt.date | None


# -------------------------------------------------------------------------------- in


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _PersonFields(_In):
    organization: Annotated[str, Field(max_length=limits.NAME)] | None = None
    title: Annotated[str, Field(max_length=limits.TITLE)] | None = None
    level: Annotated[str, Field(max_length=40)] | None = Field(
        default=None, description="A ladder key ('director') or a rank; '' clears."
    )
    function: Annotated[str, Field(max_length=40)] | None = Field(
        default=None, description="A function key ('product'); '' clears."
    )
    emails: Items | None = None
    phones: Items | None = None
    links: Items | None = None
    linkedin: Text | None = Field(default=None, description="LinkedIn profile URL; '' clears.")
    tags: Items | None = None
    tier: Literal["A", "B", "C", ""] | None = Field(default=None, description="'' clears.")
    industry: Text | None = None
    city: Text | None = None
    department: Text | None = None
    how_known: Text | None = None
    since: Day | None = Field(default=None, description="Known since (YYYY-MM-DD).")
    notes: Annotated[str, Field(max_length=limits.NOTES)] | None = None
    offered_help: bool | None = None
    navigated_transition: bool | None = None
    peer: bool | None = None


class PersonCreate(_PersonFields):
    """The fields of `people add`; level and function come from the title when not given."""

    name: Annotated[str, Field(min_length=1, max_length=limits.NAME)]


class PersonUpdate(_PersonFields):
    """The fields to change (as `people edit`); lists given replace the saved ones, `""`
    clears a text."""

    name: Annotated[str, Field(min_length=1, max_length=limits.NAME)] | None = None
    clear_changed_jobs: bool = False


class TouchCreate(_In):
    kind: KindValue = "met"
    note: Annotated[str, Field(max_length=2000)] = ""
    date: Day | None = Field(default=None, description="Default: today (or ?as_of).")


class TieCreate(_In):
    other_id: Id = Field(description="The other person's id.")
    source: TieSourceValue = "stated"
    strength: int = Field(default=3, ge=1, le=5, description="1 weak … 5 strong.")
    note: Annotated[str, Field(max_length=2000)] = ""


class MergeCreate(_In):
    other_id: Id = Field(description="The duplicate: merged into this person, then removed.")


class KeepUpdate(_In):
    tier: TierValue | None = Field(default=None, description="A, B or C (clears a cadence).")
    every: Annotated[str, Field(pattern=r"^\d{1,4}(:\d{1,4})?$")] | None = Field(
        default=None, description="A personal cadence: IDEAL or IDEAL:MAX days."
    )
    snooze_until: Day | None = Field(default=None, description="Not due before this date.")
    end_snooze: bool = Field(default=False, description="End a snooze.")
