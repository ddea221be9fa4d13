"""The tables. Every change here comes with an Alembic migration (store/migrations)."""

# No `from __future__ import annotations`: SQLAlchemy would evaluate every `Mapped[...]`
# string at import, a cost every command pays (docs/cli.md, Start-up time).

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    Sequence,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, JSONType, UTCDateTime, WorkspaceScoped
from nextmove.store.ids import allocate_id, is_numbered, sequence_name


class Workspace(Base):
    """Everything personal belongs to one workspace: a person's plan, journal, people,
    meetings, board, opportunities, imports and preferences. Local mode has one (the
    default, id 1) unless the user makes more; a server has one per account."""

    __tablename__ = "workspace"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    preferences: Mapped[dict[str, object]] = mapped_column(
        JSONType, default=dict, server_default="{}"
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Moves on with every transaction that writes in the workspace (store/revision.py).
    revision: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class Profile(WorkspaceScoped, Base):
    """The person using nextmove: their current position and the parts of their vision that
    are not lists of rows. There is one row (id = 1) per workspace: one "me"."""

    __tablename__ = "profile"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_profile_person",
        ),
        Index("ix_profile_person_id", "workspace_id", "person_id"),
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("choice_industry IN ('stay','change','open')", name="choice_industry"),
        CheckConstraint("choice_company IN ('stay','change','open')", name="choice_company"),
        CheckConstraint("choice_city IN ('stay','change','open')", name="choice_city"),
    )

    id: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    function: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    industry: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    choice_industry: Mapped[str] = mapped_column(String(10), default="open")
    choice_company: Mapped[str] = mapped_column(String(10), default="open")
    choice_city: Mapped[str] = mapped_column(String(10), default="open")
    energizers: Mapped[list[str]] = mapped_column(JSONType, default=list)
    strengths: Mapped[list[str]] = mapped_column(JSONType, default=list)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The user's own record in the network, so an org chart can place "me". Deleting that
    # person clears it (store.people.delete_person): a composite reference cannot be set to
    # NULL by the database without nulling the workspace too.
    person_id: Mapped[int | None] = mapped_column(Integer, info={"references": "person"})


class Plan(WorkspaceScoped, Base):
    """One Odyssey plan: rank 0 is the main plan, 1–3 the alternatives in order. The main
    plan's choices are also kept on the profile (older readers find them there)."""

    __tablename__ = "plan"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint("workspace_id", "name", name="uq_plan_name"),
        UniqueConstraint("workspace_id", "rank", name="uq_plan_rank"),
        CheckConstraint("choice_industry IN ('stay','change','open')", name="choice_industry"),
        CheckConstraint("choice_company IN ('stay','change','open')", name="choice_company"),
        CheckConstraint("choice_city IN ('stay','change','open')", name="choice_city"),
        CheckConstraint(
            "(resources IS NULL OR resources BETWEEN 0 AND 100) AND "
            "(likeability IS NULL OR likeability BETWEEN 0 AND 100) AND "
            "(confidence IS NULL OR confidence BETWEEN 0 AND 100) AND "
            "(coherence IS NULL OR coherence BETWEEN 0 AND 100)",
            name="gauges_range",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    name: Mapped[str] = mapped_column(String(60))
    rank: Mapped[int] = mapped_column(SmallInteger)
    note: Mapped[str] = mapped_column(Text, default="")
    choice_industry: Mapped[str] = mapped_column(String(10), default="open")
    choice_company: Mapped[str] = mapped_column(String(10), default="open")
    choice_city: Mapped[str] = mapped_column(String(10), default="open")
    resources: Mapped[int | None] = mapped_column(SmallInteger)
    likeability: Mapped[int | None] = mapped_column(SmallInteger)
    confidence: Mapped[int | None] = mapped_column(SmallInteger)
    coherence: Mapped[int | None] = mapped_column(SmallInteger)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class VisionStep(WorkspaceScoped, Base):
    """One role outline of a plan; position 0 is the next job, 1 two jobs from now."""

    __tablename__ = "vision_step"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint(
            "workspace_id", "plan_id", "position", name="uq_vision_step_plan_position"
        ),
        ForeignKeyConstraint(
            ["workspace_id", "plan_id"],
            ["plan.workspace_id", "plan.id"],
            ondelete="CASCADE",
            name="fk_vision_step_plan",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    plan_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(SmallInteger)
    title: Mapped[str] = mapped_column(String(300), default="")
    function: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    industry: Mapped[str] = mapped_column(String(200), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    organization_kind: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    scope: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[list[str]] = mapped_column(JSONType, default=list)


class Priority(WorkspaceScoped, Base):
    """One of the (at most) three ranked priorities."""

    __tablename__ = "priority"
    __identity__ = ("rank",)
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "rank"),
        CheckConstraint("rank BETWEEN 1 AND 3", name="rank_range"),
    )

    rank: Mapped[int] = mapped_column(SmallInteger, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class JournalEntry(WorkspaceScoped, Base):
    """A dated activity rated for energy (−2 … +2) and engagement (1 … 5)."""

    __tablename__ = "journal_entry"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_journal_entry_day", "workspace_id", "day"),
        CheckConstraint("energy BETWEEN -2 AND 2", name="energy_range"),
        CheckConstraint("engagement BETWEEN 1 AND 5", name="engagement_range"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    day: Mapped[date] = mapped_column(Date)
    activity: Mapped[str] = mapped_column(String(300))
    energy: Mapped[int] = mapped_column(SmallInteger)
    engagement: Mapped[int] = mapped_column(SmallInteger, default=3)
    flow: Mapped[bool] = mapped_column(Boolean, default=False)
    themes: Mapped[list[str]] = mapped_column(JSONType, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# ------------------------------------------------------------------------------ the network

TIE_SOURCES = (
    "orgchart-manager",
    "orgchart-report",
    "same-team",
    "introduced-by",
    "met-at",
    "stated",
)
INTERACTION_KINDS = ("met", "call", "email", "message", "meeting", "calendar")
LEVEL_SOURCES = ("inferred", "orgchart", "user")


def _in(column: str, values: tuple[str, ...]) -> str:
    """`column IN (…)` written as an OR chain: SQLite evaluates a CHECK with an IN list of
    strings far more slowly per row, which a million-row import notices."""
    return " OR ".join(f"{column} = '{v}'" for v in values)


class ImportRun(WorkspaceScoped, Base):
    """One import of one file (not written for --dry-run): what it was and what it did."""

    __tablename__ = "import_run"
    __table_args__ = (PrimaryKeyConstraint("workspace_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    kind: Mapped[str] = mapped_column(String(20))
    file: Mapped[str] = mapped_column(Text, default="")
    organization: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    partial: Mapped[bool] = mapped_column(Boolean, default=False)
    records: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    problems: Mapped[int] = mapped_column(Integer, default=0)
    interactions: Mapped[int] = mapped_column(Integer, default=0)


class Person(WorkspaceScoped, Base):
    """Someone the user knows. Emails, phones, links and tags are JSON lists; the first email
    is also kept in `email` (and the others in person_email) so lookups use an index. The
    org-chart columns place the person in their organization's chart: employee id, manager
    (the manager tie) and exact depth below the root."""

    __tablename__ = "person"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        CheckConstraint(_in("tier", ("A", "B", "C")), name="tier"),
        CheckConstraint(_in("level_source", LEVEL_SOURCES), name="level_source"),
        CheckConstraint(_in("function_source", LEVEL_SOURCES), name="function_source"),
        CheckConstraint("level BETWEEN 0 AND 11", name="level_range"),
        Index(
            "ix_person_email",
            "workspace_id",
            "email",
            sqlite_where=text("email IS NOT NULL"),
            postgresql_where=text("email IS NOT NULL"),
        ),
        Index(
            "ix_person_profile_url",
            "workspace_id",
            "profile_url",
            sqlite_where=text("profile_url IS NOT NULL"),
            postgresql_where=text("profile_url IS NOT NULL"),
        ),
        Index(
            "ix_person_manager_id",
            "workspace_id",
            "manager_id",
            sqlite_where=text("manager_id IS NOT NULL"),
            postgresql_where=text("manager_id IS NOT NULL"),
        ),
        Index("ix_person_name_key", "workspace_id", "name_key"),
        Index("ix_person_org_key", "workspace_id", "org_key"),
        Index(
            "ix_person_directory",
            "workspace_id",
            "directory_org_id",
            "directory_employee_id",
            sqlite_where=text("directory_org_id IS NOT NULL"),
            postgresql_where=text("directory_org_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    name: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    last_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    name_key: Mapped[str] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    emails: Mapped[list[dict[str, str]]] = mapped_column(
        JSONType, default=list, server_default="[]"
    )
    phones: Mapped[list[dict[str, str]]] = mapped_column(
        JSONType, default=list, server_default="[]"
    )
    links: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list, server_default="[]")
    profile_url: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str] = mapped_column(Text, default="", server_default="")
    org_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    department: Mapped[str] = mapped_column(Text, default="", server_default="")
    function: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    level_confidence: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    function_confidence: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    level_source: Mapped[str | None] = mapped_column(String(10))
    function_source: Mapped[str | None] = mapped_column(String(10))
    position_source: Mapped[str] = mapped_column(String(20), default="", server_default="")
    industry: Mapped[str] = mapped_column(Text, default="", server_default="")
    city: Mapped[str] = mapped_column(Text, default="", server_default="")
    how_known: Mapped[str] = mapped_column(Text, default="", server_default="")
    known_since: Mapped[date | None] = mapped_column(Date)
    tags: Mapped[list[str]] = mapped_column(JSONType, default=list, server_default="[]")
    tier: Mapped[str | None] = mapped_column(String(1))
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    offered_help: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    navigated_transition: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    peer: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    changed_jobs_on: Mapped[date | None] = mapped_column(Date)
    last_contact: Mapped[date | None] = mapped_column(Date)
    employee_id: Mapped[str | None] = mapped_column(Text)
    # The manager tie. Deliberately not a foreign key: an org chart lists reports before
    # their managers, and a deferred self-reference makes SQLite scan the table for every
    # manager inserted after their reports (quadratic on a large chart). The store keeps it
    # consistent: deleting a person clears their reports' manager_id, merging repoints it.
    manager_id: Mapped[int | None] = mapped_column(Integer, info={"references": "person"})
    # The import that placed them in the chart. Import runs are never deleted apart from
    # their workspace, so this is not a foreign key (a composite one could not be set to
    # NULL alone).
    org_import_id: Mapped[int | None] = mapped_column(Integer, info={"references": "import_run"})
    org_line: Mapped[int | None] = mapped_column(Integer)
    # The person's entry in the organization directory (directory_member), when the user
    # deals with someone on an imported chart. Not a foreign key: the entry's versions share
    # (organization, employee id); the import keeps the link.
    # A backup keeps it where the organization exists in the database restored into
    # (store/backup.py: "shared"), and clears it elsewhere.
    directory_org_id: Mapped[int | None] = mapped_column(
        Integer, info={"references": None, "shared": "organization"}
    )
    directory_employee_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrgPosition(WorkspaceScoped, Base):
    """A person's exact depth in their organization's chart (0 for the root). Kept apart from
    person because it is only known once the whole chart has been read: a narrow row written
    after the people costs far less than updating a million wide ones."""

    __tablename__ = "org_position"
    __identity__ = ("person_id",)
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "person_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_org_position_person",
        ),
    )

    person_id: Mapped[int] = mapped_column(Integer, autoincrement=False)
    depth: Mapped[int] = mapped_column(Integer)


class PersonEmail(WorkspaceScoped, Base):
    """Every email address of a person after the first (which is person.email): for lookups."""

    __tablename__ = "person_email"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint("workspace_id", "person_id", "address", name="uq_person_email_person_id"),
        Index("ix_person_email_address", "workspace_id", "address"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_person_email_person_id_person",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    person_id: Mapped[int] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(Text)


class Employment(WorkspaceScoped, Base):
    """A past position: organization and title, with dates where known."""

    __tablename__ = "employment"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_employment_person_id", "workspace_id", "person_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_employment_person_id_person",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    person_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    organization: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="")


class PersonSource(WorkspaceScoped, Base):
    """Where a person came from: which import, file and row or card. `key` identifies the
    record within its kind of source (a profile URL, a vCard UID …), so re-imports find it."""

    __tablename__ = "person_source"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint(
            "workspace_id", "person_id", "kind", "key", name="uq_person_source_person_id"
        ),
        Index("ix_person_source_kind_key", "workspace_id", "kind", "key"),
        Index("ix_person_source_import_id", "workspace_id", "import_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_person_source_person_id_person",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    person_id: Mapped[int] = mapped_column(Integer)
    # Not a foreign key: see Person.org_import_id.
    import_id: Mapped[int | None] = mapped_column(Integer, info={"references": "import_run"})
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(Text)
    file: Mapped[str] = mapped_column(Text, default="")
    locator: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Tie(WorkspaceScoped, Base):
    """`other` is `person`'s … (source), with a strength 1 … 5. Org-chart manager ties are
    person.manager_id; this table holds every other tie."""

    __tablename__ = "tie"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint(
            "workspace_id", "person_id", "other_id", "source", name="uq_tie_person_id"
        ),
        Index("ix_tie_other_id", "workspace_id", "other_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_tie_person_id_person",
        ),
        ForeignKeyConstraint(
            ["workspace_id", "other_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_tie_other_id_person",
        ),
        CheckConstraint(_in("source", TIE_SOURCES), name="source"),
        CheckConstraint("strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint("person_id <> other_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    person_id: Mapped[int] = mapped_column(Integer)
    other_id: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    strength: Mapped[int] = mapped_column(SmallInteger, default=3)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Interaction(WorkspaceScoped, Base):
    """A contact with a person on a day: met, call, email, message, meeting, calendar event.
    `external_key` (an event UID, a message id) makes re-imports idempotent."""

    __tablename__ = "interaction"
    __table_args__ = (
        CheckConstraint(_in("kind", INTERACTION_KINDS), name="kind"),
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint(
            "workspace_id", "person_id", "external_key", name="uq_interaction_person_id"
        ),
        Index("ix_interaction_person_id_day", "workspace_id", "person_id", "day"),
        Index("ix_interaction_import_id", "workspace_id", "import_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_interaction_person_id_person",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    person_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="user")
    external_key: Mapped[str | None] = mapped_column(Text)
    # Not a foreign key: see Person.org_import_id.
    import_id: Mapped[int | None] = mapped_column(Integer, info={"references": "import_run"})
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrgSnapshot(WorkspaceScoped, Base):
    """Headcount per department at one org-chart import: compare two imports to see which
    parts of the organization grew."""

    __tablename__ = "org_snapshot"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint(
            "workspace_id", "import_id", "department", name="uq_org_snapshot_import_id"
        ),
        ForeignKeyConstraint(
            ["workspace_id", "import_id"],
            ["import_run.workspace_id", "import_run.id"],
            ondelete="CASCADE",
            name="fk_org_snapshot_import_id_import_run",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    import_id: Mapped[int] = mapped_column(Integer)
    organization: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(Text)
    headcount: Mapped[int] = mapped_column(Integer)


# Tables split by noun; imported here so Alembic and `Base.metadata` see them all.
from nextmove.store.account_models import (  # noqa: E402
    Account,
    ApiToken,
    AuditEntry,
    CoachGrant,
    CoachInvitation,
    CoachNote,
    LoginAttempt,
    LoginSession,
)
from nextmove.store.comment_models import Comment  # noqa: E402
from nextmove.store.directory_models import (  # noqa: E402
    DirectoryMember,
    DirectorySnapshot,
    DirectoryTeamSize,
    Organization,
    WorkspaceOrganization,
)
from nextmove.store.meeting_models import (  # noqa: E402
    BoardSeat,
    KeepInTouch,
    Meeting,
    MeetingInsight,
    MeetingReferral,
    MeetingTask,
    ResearchRound,
)
from nextmove.store.opportunity_models import (  # noqa: E402
    Opportunity,
    OpportunityDecision,
    OpportunityPerson,
    OpportunityRating,
    OpportunityStatus,
)
from nextmove.store.sync_models import SyncAccount, SyncCard, SyncEvent  # noqa: E402

__all__ = [
    "Account",
    "ApiToken",
    "AuditEntry",
    "BoardSeat",
    "CoachGrant",
    "CoachInvitation",
    "CoachNote",
    "Comment",
    "DirectoryMember",
    "DirectorySnapshot",
    "DirectoryTeamSize",
    "JournalEntry",
    "KeepInTouch",
    "LoginAttempt",
    "LoginSession",
    "Meeting",
    "MeetingInsight",
    "MeetingReferral",
    "MeetingTask",
    "Opportunity",
    "OpportunityDecision",
    "OpportunityPerson",
    "OpportunityRating",
    "OpportunityStatus",
    "Organization",
    "Plan",
    "Priority",
    "Profile",
    "ResearchRound",
    "SyncAccount",
    "SyncCard",
    "SyncEvent",
    "VisionStep",
    "WorkspaceOrganization",
]

# PostgreSQL numbers per-workspace rows from one sequence per table (store/ids.py); SQLite
# has no sequences and skips these.
for _table in list(Base.metadata.sorted_tables):
    if is_numbered(_table):
        Sequence(sequence_name(_table.name), metadata=Base.metadata)
