"""workspaces

Everything personal now belongs to a workspace. A `workspace` table (the default one, id 1,
holds what was there before), and every per-workspace table gets `workspace_id`, leading its
primary key, unique constraints and indexes, with composite references inside a workspace
(docs/architecture.md). Ids stay as they were.

Each table is copied aside, recreated in its new shape and filled back in the workspace
order of references, on both backends; PostgreSQL's id sequences are recreated where the
rows left them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 22:30:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DEFAULT_WORKSPACE = "default"
# Parents before children: filled in this order, emptied in the reverse.
TABLES = (
    "import_run",
    "journal_entry",
    "opportunity",
    "person",
    "plan",
    "priority",
    "research_round",
    "board_seat",
    "employment",
    "interaction",
    "keep_in_touch",
    "meeting",
    "opportunity_decision",
    "opportunity_person",
    "opportunity_rating",
    "opportunity_status",
    "org_position",
    "org_snapshot",
    "person_email",
    "person_source",
    "profile",
    "tie",
    "vision_step",
    "meeting_insight",
    "meeting_referral",
    "meeting_task",
)
# Tables numbered from a sequence on PostgreSQL (store/ids.py).
NUMBERED = tuple(
    t
    for t in TABLES
    if t
    not in (
        "priority",
        "board_seat",
        "keep_in_touch",
        "opportunity_person",
        "opportunity_rating",
        "org_position",
        "profile",
    )
)


def upgrade() -> None:
    conn = op.get_bind()
    columns = {t: [c["name"] for c in sa.inspect(conn).get_columns(t)] for t in TABLES}
    for table in TABLES:
        op.execute(f"CREATE TABLE _old_{table} AS SELECT * FROM {table}")
    for table in reversed(TABLES):
        op.drop_table(table)
    _create_tables()
    conn.execute(
        sa.text(
            "INSERT INTO workspace (id, name, preferences, created_at) "
            "VALUES (1, :name, '{}', :now)"
        ),
        {"name": DEFAULT_WORKSPACE, "now": datetime.now(UTC)},
    )
    for table in TABLES:
        names = ", ".join(columns[table])
        op.execute(
            f"INSERT INTO {table} ({names}, workspace_id) SELECT {names}, 1 FROM _old_{table}"
        )
        op.execute(f"DROP TABLE _old_{table}")
    if conn.dialect.name == "postgresql":
        op.execute("SELECT setval('workspace_id_seq', 1)")
        for table in NUMBERED:
            op.execute(f"CREATE SEQUENCE {table}_id_seq")
            op.execute(
                f"SELECT setval('{table}_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM {table}), "
                "false)"
            )


# The order 0006's tables were created in (parents first).
OLD_ORDER = (
    "import_run",
    "journal_entry",
    "opportunity",
    "plan",
    "priority",
    "research_round",
    "opportunity_decision",
    "opportunity_rating",
    "opportunity_status",
    "org_snapshot",
    "person",
    "vision_step",
    "board_seat",
    "employment",
    "interaction",
    "keep_in_touch",
    "meeting",
    "opportunity_person",
    "org_position",
    "person_email",
    "person_source",
    "profile",
    "tie",
    "meeting_insight",
    "meeting_referral",
    "meeting_task",
)


def downgrade() -> None:
    """Back to one implicit user: the default workspace's rows. Refused while another
    workspace exists, so nothing is lost by going back."""
    conn = op.get_bind()
    others = conn.execute(sa.text("SELECT count(*) FROM workspace WHERE id <> 1")).scalar()
    if others:
        raise RuntimeError(
            "downgrading below 0007 keeps only the default workspace: "
            f"delete the {others} other workspace(s) first"
        )
    columns = {
        t: [c["name"] for c in sa.inspect(conn).get_columns(t) if c["name"] != "workspace_id"]
        for t in TABLES
    }
    for table in TABLES:
        op.execute(f"CREATE TABLE _new_{table} AS SELECT * FROM {table} WHERE workspace_id = 1")
    for table in reversed(TABLES):
        op.drop_table(table)
    op.drop_table("workspace")
    if conn.dialect.name == "postgresql":
        for table in NUMBERED:
            op.execute(f"DROP SEQUENCE IF EXISTS {table}_id_seq")
    _create_old_tables()
    for table in OLD_ORDER:
        names = ", ".join(columns[table])
        op.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _new_{table}")
        op.execute(f"DROP TABLE _new_{table}")
    if conn.dialect.name == "postgresql":
        for table in NUMBERED:
            op.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )


def _create_tables() -> None:

    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column(
            "preferences",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="{}",
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace")),
        sa.UniqueConstraint("name", name=op.f("uq_workspace_name")),
    )
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Integer(), nullable=False),
        sa.Column("interactions", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_import_run_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_import_run")),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("activity", sa.String(length=300), nullable=False),
        sa.Column("energy", sa.SmallInteger(), nullable=False),
        sa.Column("engagement", sa.SmallInteger(), nullable=False),
        sa.Column("flow", sa.Boolean(), nullable=False),
        sa.Column(
            "themes", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("energy BETWEEN -2 AND 2", name=op.f("ck_journal_entry_energy_range")),
        sa.CheckConstraint(
            "engagement BETWEEN 1 AND 5", name=op.f("ck_journal_entry_engagement_range")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_journal_entry_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_journal_entry")),
    )
    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("brand", sa.Boolean(), nullable=False),
        sa.Column(
            "involves", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "source IN ('hr-proposal','job-board','recruiter','network-referral','self-created')",
            name=op.f("ck_opportunity_source"),
        ),
        sa.CheckConstraint(
            "status IN ('considering','exploring','applied','interviewing','offer','accepted','declined','passed')",
            name=op.f("ck_opportunity_status"),
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_opportunity_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_opportunity")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("first_name", sa.Text(), server_default="", nullable=False),
        sa.Column("last_name", sa.Text(), server_default="", nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column(
            "emails",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column(
            "phones",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column(
            "links",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("profile_url", sa.Text(), nullable=True),
        sa.Column("organization", sa.Text(), server_default="", nullable=False),
        sa.Column("org_key", sa.Text(), server_default="", nullable=False),
        sa.Column("title", sa.Text(), server_default="", nullable=False),
        sa.Column("department", sa.Text(), server_default="", nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("level_confidence", sa.Float(), server_default="0", nullable=False),
        sa.Column("function_confidence", sa.Float(), server_default="0", nullable=False),
        sa.Column("level_source", sa.String(length=10), nullable=True),
        sa.Column("function_source", sa.String(length=10), nullable=True),
        sa.Column("position_source", sa.String(length=20), server_default="", nullable=False),
        sa.Column("industry", sa.Text(), server_default="", nullable=False),
        sa.Column("city", sa.Text(), server_default="", nullable=False),
        sa.Column("how_known", sa.Text(), server_default="", nullable=False),
        sa.Column("known_since", sa.Date(), nullable=True),
        sa.Column(
            "tags",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("tier", sa.String(length=1), nullable=True),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("offered_help", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("navigated_transition", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("peer", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("changed_jobs_on", sa.Date(), nullable=True),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("employee_id", sa.Text(), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("org_import_id", sa.Integer(), nullable=True),
        sa.Column("org_line", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "function_source = 'inferred' OR function_source = 'orgchart' OR function_source = 'user'",
            name=op.f("ck_person_function_source"),
        ),
        sa.CheckConstraint(
            "level_source = 'inferred' OR level_source = 'orgchart' OR level_source = 'user'",
            name=op.f("ck_person_level_source"),
        ),
        sa.CheckConstraint("tier = 'A' OR tier = 'B' OR tier = 'C'", name=op.f("ck_person_tier")),
        sa.CheckConstraint("level BETWEEN 0 AND 11", name=op.f("ck_person_level_range")),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_person_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_person")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("choice_industry", sa.String(length=10), nullable=False),
        sa.Column("choice_company", sa.String(length=10), nullable=False),
        sa.Column("choice_city", sa.String(length=10), nullable=False),
        sa.Column("resources", sa.SmallInteger(), nullable=True),
        sa.Column("likeability", sa.SmallInteger(), nullable=True),
        sa.Column("confidence", sa.SmallInteger(), nullable=True),
        sa.Column("coherence", sa.SmallInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "choice_city IN ('stay','change','open')", name=op.f("ck_plan_choice_city")
        ),
        sa.CheckConstraint(
            "choice_company IN ('stay','change','open')", name=op.f("ck_plan_choice_company")
        ),
        sa.CheckConstraint(
            "choice_industry IN ('stay','change','open')", name=op.f("ck_plan_choice_industry")
        ),
        sa.CheckConstraint(
            "(resources IS NULL OR resources BETWEEN 0 AND 100) AND (likeability IS NULL OR likeability BETWEEN 0 AND 100) AND (confidence IS NULL OR confidence BETWEEN 0 AND 100) AND (coherence IS NULL OR coherence BETWEEN 0 AND 100)",
            name=op.f("ck_plan_gauges_range"),
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_plan_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_plan")),
        sa.UniqueConstraint("workspace_id", "name", name="uq_plan_name"),
        sa.UniqueConstraint("workspace_id", "rank", name="uq_plan_rank"),
    )
    op.create_table(
        "priority",
        sa.Column("rank", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("rank BETWEEN 1 AND 3", name=op.f("ck_priority_rank_range")),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_priority_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "rank", name=op.f("pk_priority")),
    )
    op.create_table(
        "research_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("size", sa.SmallInteger(), nullable=False),
        sa.Column("weeks", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_research_round_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_research_round")),
    )
    op.create_table(
        "board_seat",
        sa.Column("seat", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("last_chat_on", sa.Date(), nullable=True),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("cadence_days >= 1", name=op.f("ck_board_seat_cadence_positive")),
        sa.CheckConstraint("seat BETWEEN 1 AND 3", name=op.f("ck_board_seat_seat_range")),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_board_seat_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_board_seat_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "seat", name=op.f("pk_board_seat")),
        sa.UniqueConstraint("workspace_id", "person_id", name="uq_board_seat_person_id"),
    )
    op.create_table(
        "employment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_employment_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_employment_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_employment")),
    )
    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("external_key", sa.Text(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind = 'met' OR kind = 'call' OR kind = 'email' OR kind = 'message' OR kind = 'meeting' OR kind = 'calendar'",
            name=op.f("ck_interaction_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_interaction_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_interaction_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_interaction")),
        sa.UniqueConstraint(
            "workspace_id", "person_id", "external_key", name="uq_interaction_person_id"
        ),
    )
    op.create_table(
        "keep_in_touch",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ideal_days", sa.Integer(), nullable=True),
        sa.Column("max_days", sa.Integer(), nullable=True),
        sa.Column("snooze_until", sa.Date(), nullable=True),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "ideal_days IS NULL OR (ideal_days >= 1 AND max_days >= ideal_days)",
            name=op.f("ck_keep_in_touch_cadence_range"),
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_keep_in_touch_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_keep_in_touch_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "person_id", name=op.f("pk_keep_in_touch")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("week", sa.SmallInteger(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("reach_out_by", sa.Date(), nullable=True),
        sa.Column("idea_on", sa.Date(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("scheduled_on", sa.Date(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("followed_up_on", sa.Date(), nullable=True),
        sa.Column("declined_on", sa.Date(), nullable=True),
        sa.Column("no_reply_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('research','advisor-checkin')", name=op.f("ck_meeting_kind")),
        sa.CheckConstraint("mode IN ('in-person','video','phone')", name=op.f("ck_meeting_mode")),
        sa.CheckConstraint(
            "state IN ('idea','requested','scheduled','held','followed-up','declined','no-reply')",
            name=op.f("ck_meeting_state"),
        ),
        sa.CheckConstraint("minutes BETWEEN 5 AND 480", name=op.f("ck_meeting_minutes_range")),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_meeting_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_meeting_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_meeting")),
    )
    op.create_table(
        "opportunity_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("choice", sa.String(length=100), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            name="fk_opportunity_decision_opportunity_id_opportunity",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_opportunity_decision_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_opportunity_decision")),
    )
    op.create_table(
        "opportunity_person",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('hiring-manager','referrer','contact','interviewer','recruiter')",
            name=op.f("ck_opportunity_person_role"),
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            name="fk_opportunity_person_opportunity_id_opportunity",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_opportunity_person_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_opportunity_person_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "workspace_id",
            "opportunity_id",
            "person_id",
            "role",
            name=op.f("pk_opportunity_person"),
        ),
    )
    op.create_table(
        "opportunity_rating",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=200), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "rating BETWEEN 1 AND 5", name=op.f("ck_opportunity_rating_rating_range")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            name="fk_opportunity_rating_opportunity_id_opportunity",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_opportunity_rating_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "workspace_id", "opportunity_id", "priority", name=op.f("pk_opportunity_rating")
        ),
    )
    op.create_table(
        "opportunity_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('considering','exploring','applied','interviewing','offer','accepted','declined','passed')",
            name=op.f("ck_opportunity_status_status"),
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            name="fk_opportunity_status_opportunity_id_opportunity",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_opportunity_status_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_opportunity_status")),
    )
    op.create_table(
        "org_position",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_org_position_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_org_position_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "person_id", name=op.f("pk_org_position")),
    )
    op.create_table(
        "org_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "import_id"],
            ["import_run.workspace_id", "import_run.id"],
            name="fk_org_snapshot_import_id_import_run",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_org_snapshot_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_org_snapshot")),
        sa.UniqueConstraint(
            "workspace_id", "import_id", "department", name="uq_org_snapshot_import_id"
        ),
    )
    op.create_table(
        "person_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_person_email_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_person_email_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_person_email")),
        sa.UniqueConstraint(
            "workspace_id", "person_id", "address", name="uq_person_email_person_id"
        ),
    )
    op.create_table(
        "person_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_person_source_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_person_source_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_person_source")),
        sa.UniqueConstraint(
            "workspace_id", "person_id", "kind", "key", name="uq_person_source_person_id"
        ),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("choice_industry", sa.String(length=10), nullable=False),
        sa.Column("choice_company", sa.String(length=10), nullable=False),
        sa.Column("choice_city", sa.String(length=10), nullable=False),
        sa.Column(
            "energizers", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column(
            "strengths", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "choice_city IN ('stay','change','open')", name=op.f("ck_profile_choice_city")
        ),
        sa.CheckConstraint(
            "choice_company IN ('stay','change','open')", name=op.f("ck_profile_choice_company")
        ),
        sa.CheckConstraint(
            "choice_industry IN ('stay','change','open')", name=op.f("ck_profile_choice_industry")
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_single_row")),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_profile_person",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_profile_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_profile")),
    )
    op.create_table(
        "tie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("strength", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "source = 'orgchart-manager' OR source = 'orgchart-report' OR source = 'same-team' OR source = 'introduced-by' OR source = 'met-at' OR source = 'stated'",
            name=op.f("ck_tie_source"),
        ),
        sa.CheckConstraint("person_id <> other_id", name=op.f("ck_tie_not_self")),
        sa.CheckConstraint("strength BETWEEN 1 AND 5", name=op.f("ck_tie_strength_range")),
        sa.ForeignKeyConstraint(
            ["workspace_id", "other_id"],
            ["person.workspace_id", "person.id"],
            name="fk_tie_other_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_tie_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_tie_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_tie")),
        sa.UniqueConstraint(
            "workspace_id", "person_id", "other_id", "source", name="uq_tie_person_id"
        ),
    )
    op.create_table(
        "vision_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("organization_kind", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column(
            "problems", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "plan_id"],
            ["plan.workspace_id", "plan.id"],
            name="fk_vision_step_plan",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_vision_step_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_vision_step")),
        sa.UniqueConstraint(
            "workspace_id", "plan_id", "position", name="uq_vision_step_plan_position"
        ),
    )
    op.create_table(
        "meeting_insight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("affects", sa.String(length=10), nullable=True),
        sa.Column("affects_key", sa.String(length=20), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "affects IN ('step','priority','choice')", name=op.f("ck_meeting_insight_affects")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "meeting_id"],
            ["meeting.workspace_id", "meeting.id"],
            name="fk_meeting_insight_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_meeting_insight_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_meeting_insight")),
    )
    op.create_table(
        "meeting_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("new_meeting_id", sa.Integer(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "meeting_id"],
            ["meeting.workspace_id", "meeting.id"],
            name="fk_meeting_referral_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            name="fk_meeting_referral_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_meeting_referral_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_meeting_referral")),
        sa.UniqueConstraint(
            "workspace_id", "meeting_id", "person_id", name="uq_meeting_referral_meeting_id"
        ),
    )
    op.create_table(
        "meeting_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "meeting_id"],
            ["meeting.workspace_id", "meeting.id"],
            name="fk_meeting_task_meeting_id_meeting",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_meeting_task_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_meeting_task")),
    )
    op.create_index("ix_journal_entry_day", "journal_entry", ["workspace_id", "day"], unique=False)
    op.create_index(
        "ix_opportunity_source", "opportunity", ["workspace_id", "source"], unique=False
    )
    op.create_index(
        "ix_opportunity_status", "opportunity", ["workspace_id", "status"], unique=False
    )
    op.create_index(
        "ix_person_email",
        "person",
        ["workspace_id", "email"],
        unique=False,
        sqlite_where=sa.text("email IS NOT NULL"),
        postgresql_where=sa.text("email IS NOT NULL"),
    )
    op.create_index(
        "ix_person_manager_id",
        "person",
        ["workspace_id", "manager_id"],
        unique=False,
        sqlite_where=sa.text("manager_id IS NOT NULL"),
        postgresql_where=sa.text("manager_id IS NOT NULL"),
    )
    op.create_index("ix_person_name_key", "person", ["workspace_id", "name_key"], unique=False)
    op.create_index("ix_person_org_key", "person", ["workspace_id", "org_key"], unique=False)
    op.create_index(
        "ix_person_profile_url",
        "person",
        ["workspace_id", "profile_url"],
        unique=False,
        sqlite_where=sa.text("profile_url IS NOT NULL"),
        postgresql_where=sa.text("profile_url IS NOT NULL"),
    )
    op.create_index(
        "ix_employment_person_id", "employment", ["workspace_id", "person_id"], unique=False
    )
    op.create_index(
        "ix_interaction_import_id", "interaction", ["workspace_id", "import_id"], unique=False
    )
    op.create_index(
        "ix_interaction_person_id_day",
        "interaction",
        ["workspace_id", "person_id", "day"],
        unique=False,
    )
    op.create_index("ix_meeting_person_id", "meeting", ["workspace_id", "person_id"], unique=False)
    op.create_index("ix_meeting_plan_id", "meeting", ["workspace_id", "plan_id"], unique=False)
    op.create_index("ix_meeting_round_id", "meeting", ["workspace_id", "round_id"], unique=False)
    op.create_index("ix_meeting_state", "meeting", ["workspace_id", "state"], unique=False)
    op.create_index(
        "ix_opportunity_decision_opportunity_id",
        "opportunity_decision",
        ["workspace_id", "opportunity_id"],
        unique=False,
    )
    op.create_index(
        "ix_opportunity_person_person_id",
        "opportunity_person",
        ["workspace_id", "person_id"],
        unique=False,
    )
    op.create_index(
        "ix_opportunity_status_opportunity_id",
        "opportunity_status",
        ["workspace_id", "opportunity_id"],
        unique=False,
    )
    op.create_index(
        "ix_person_email_address", "person_email", ["workspace_id", "address"], unique=False
    )
    op.create_index(
        "ix_person_source_import_id", "person_source", ["workspace_id", "import_id"], unique=False
    )
    op.create_index(
        "ix_person_source_kind_key", "person_source", ["workspace_id", "kind", "key"], unique=False
    )
    op.create_index("ix_profile_person_id", "profile", ["workspace_id", "person_id"], unique=False)
    op.create_index("ix_tie_other_id", "tie", ["workspace_id", "other_id"], unique=False)
    op.create_index(
        "ix_meeting_insight_meeting_id",
        "meeting_insight",
        ["workspace_id", "meeting_id"],
        unique=False,
    )
    op.create_index(
        "ix_meeting_referral_person_id",
        "meeting_referral",
        ["workspace_id", "person_id"],
        unique=False,
    )
    op.create_index(
        "ix_meeting_task_meeting_id", "meeting_task", ["workspace_id", "meeting_id"], unique=False
    )


def _create_old_tables() -> None:

    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Integer(), nullable=False),
        sa.Column("interactions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("activity", sa.String(length=300), nullable=False),
        sa.Column("energy", sa.SmallInteger(), nullable=False),
        sa.Column("engagement", sa.SmallInteger(), nullable=False),
        sa.Column("flow", sa.Boolean(), nullable=False),
        sa.Column(
            "themes", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("energy BETWEEN -2 AND 2", name=op.f("ck_journal_entry_energy_range")),
        sa.CheckConstraint(
            "engagement BETWEEN 1 AND 5", name=op.f("ck_journal_entry_engagement_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
    )
    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("brand", sa.Boolean(), nullable=False),
        sa.Column(
            "involves", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "source IN ('hr-proposal','job-board','recruiter','network-referral','self-created')",
            name=op.f("ck_opportunity_source"),
        ),
        sa.CheckConstraint(
            "status IN ('considering','exploring','applied','interviewing','offer','accepted','declined','passed')",
            name=op.f("ck_opportunity_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("choice_industry", sa.String(length=10), nullable=False),
        sa.Column("choice_company", sa.String(length=10), nullable=False),
        sa.Column("choice_city", sa.String(length=10), nullable=False),
        sa.Column("resources", sa.SmallInteger(), nullable=True),
        sa.Column("likeability", sa.SmallInteger(), nullable=True),
        sa.Column("confidence", sa.SmallInteger(), nullable=True),
        sa.Column("coherence", sa.SmallInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "choice_city IN ('stay','change','open')", name=op.f("ck_plan_choice_city")
        ),
        sa.CheckConstraint(
            "choice_company IN ('stay','change','open')", name=op.f("ck_plan_choice_company")
        ),
        sa.CheckConstraint(
            "choice_industry IN ('stay','change','open')", name=op.f("ck_plan_choice_industry")
        ),
        sa.CheckConstraint(
            "(resources IS NULL OR resources BETWEEN 0 AND 100) AND (likeability IS NULL OR likeability BETWEEN 0 AND 100) AND (confidence IS NULL OR confidence BETWEEN 0 AND 100) AND (coherence IS NULL OR coherence BETWEEN 0 AND 100)",
            name=op.f("ck_plan_gauges_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("name", name=op.f("uq_plan_name")),
        sa.UniqueConstraint("rank", name=op.f("uq_plan_rank")),
    )
    op.create_table(
        "priority",
        sa.Column("rank", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("rank BETWEEN 1 AND 3", name=op.f("ck_priority_rank_range")),
        sa.PrimaryKeyConstraint("rank", name=op.f("pk_priority")),
    )
    op.create_table(
        "research_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("size", sa.SmallInteger(), nullable=False),
        sa.Column("weeks", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_research_round")),
    )
    op.create_table(
        "opportunity_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("choice", sa.String(length=100), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_decision_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_decision")),
    )
    op.create_table(
        "opportunity_rating",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=200), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint(
            "rating BETWEEN 1 AND 5", name=op.f("ck_opportunity_rating_rating_range")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_rating_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "priority", name=op.f("pk_opportunity_rating")),
    )
    op.create_table(
        "opportunity_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('considering','exploring','applied','interviewing','offer','accepted','declined','passed')",
            name=op.f("ck_opportunity_status_status"),
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_status_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_status")),
    )
    op.create_table(
        "org_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["import_run.id"],
            name=op.f("fk_org_snapshot_import_id_import_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_snapshot")),
        sa.UniqueConstraint("import_id", "department", name=op.f("uq_org_snapshot_import_id")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("first_name", sa.Text(), server_default="", nullable=False),
        sa.Column("last_name", sa.Text(), server_default="", nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column(
            "emails",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column(
            "phones",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column(
            "links",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("profile_url", sa.Text(), nullable=True),
        sa.Column("organization", sa.Text(), server_default="", nullable=False),
        sa.Column("org_key", sa.Text(), server_default="", nullable=False),
        sa.Column("title", sa.Text(), server_default="", nullable=False),
        sa.Column("department", sa.Text(), server_default="", nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("level_confidence", sa.Float(), server_default="0", nullable=False),
        sa.Column("function_confidence", sa.Float(), server_default="0", nullable=False),
        sa.Column("level_source", sa.String(length=10), nullable=True),
        sa.Column("function_source", sa.String(length=10), nullable=True),
        sa.Column("position_source", sa.String(length=20), server_default="", nullable=False),
        sa.Column("industry", sa.Text(), server_default="", nullable=False),
        sa.Column("city", sa.Text(), server_default="", nullable=False),
        sa.Column("how_known", sa.Text(), server_default="", nullable=False),
        sa.Column("known_since", sa.Date(), nullable=True),
        sa.Column(
            "tags",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("tier", sa.String(length=1), nullable=True),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("offered_help", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("navigated_transition", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("peer", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("changed_jobs_on", sa.Date(), nullable=True),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("employee_id", sa.Text(), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("org_import_id", sa.Integer(), nullable=True),
        sa.Column("org_line", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "function_source = 'inferred' OR function_source = 'orgchart' OR function_source = 'user'",
            name=op.f("ck_person_function_source"),
        ),
        sa.CheckConstraint(
            "level_source = 'inferred' OR level_source = 'orgchart' OR level_source = 'user'",
            name=op.f("ck_person_level_source"),
        ),
        sa.CheckConstraint("tier = 'A' OR tier = 'B' OR tier = 'C'", name=op.f("ck_person_tier")),
        sa.CheckConstraint("level BETWEEN 0 AND 11", name=op.f("ck_person_level_range")),
        sa.ForeignKeyConstraint(
            ["org_import_id"],
            ["import_run.id"],
            name=op.f("fk_person_org_import_id_import_run"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "vision_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("organization_kind", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column(
            "problems", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_vision_step_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vision_step")),
        sa.UniqueConstraint("plan_id", "position", name="uq_vision_step_plan_position"),
    )
    op.create_table(
        "board_seat",
        sa.Column("seat", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("last_chat_on", sa.Date(), nullable=True),
        sa.Column("since", sa.Date(), nullable=False),
        sa.CheckConstraint("cadence_days >= 1", name=op.f("ck_board_seat_cadence_positive")),
        sa.CheckConstraint("seat BETWEEN 1 AND 3", name=op.f("ck_board_seat_seat_range")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_board_seat_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seat", name=op.f("pk_board_seat")),
        sa.UniqueConstraint("person_id", name=op.f("uq_board_seat_person_id")),
    )
    op.create_table(
        "employment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_employment_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employment")),
    )
    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("external_key", sa.Text(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind = 'met' OR kind = 'call' OR kind = 'email' OR kind = 'message' OR kind = 'meeting' OR kind = 'calendar'",
            name=op.f("ck_interaction_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["import_run.id"],
            name=op.f("fk_interaction_import_id_import_run"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_interaction_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
        sa.UniqueConstraint("person_id", "external_key", name=op.f("uq_interaction_person_id")),
    )
    op.create_table(
        "keep_in_touch",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("ideal_days", sa.Integer(), nullable=True),
        sa.Column("max_days", sa.Integer(), nullable=True),
        sa.Column("snooze_until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "ideal_days IS NULL OR (ideal_days >= 1 AND max_days >= ideal_days)",
            name=op.f("ck_keep_in_touch_cadence_range"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_keep_in_touch_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_keep_in_touch")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("week", sa.SmallInteger(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("reach_out_by", sa.Date(), nullable=True),
        sa.Column("idea_on", sa.Date(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("scheduled_on", sa.Date(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("followed_up_on", sa.Date(), nullable=True),
        sa.Column("declined_on", sa.Date(), nullable=True),
        sa.Column("no_reply_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('research','advisor-checkin')", name=op.f("ck_meeting_kind")),
        sa.CheckConstraint("mode IN ('in-person','video','phone')", name=op.f("ck_meeting_mode")),
        sa.CheckConstraint(
            "state IN ('idea','requested','scheduled','held','followed-up','declined','no-reply')",
            name=op.f("ck_meeting_state"),
        ),
        sa.CheckConstraint("minutes BETWEEN 5 AND 480", name=op.f("ck_meeting_minutes_range")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_meeting_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_meeting_plan_id_plan"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["research_round.id"],
            name=op.f("fk_meeting_round_id_research_round"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    op.create_table(
        "opportunity_person",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('hiring-manager','referrer','contact','interviewer','recruiter')",
            name=op.f("ck_opportunity_person_role"),
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_person_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_opportunity_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "opportunity_id", "person_id", "role", name=op.f("pk_opportunity_person")
        ),
    )
    op.create_table(
        "org_position",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_org_position_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_org_position")),
    )
    op.create_table(
        "person_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_email_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_email")),
        sa.UniqueConstraint("person_id", "address", name=op.f("uq_person_email_person_id")),
    )
    op.create_table(
        "person_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["import_run.id"],
            name=op.f("fk_person_source_import_id_import_run"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_source_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_source")),
        sa.UniqueConstraint("person_id", "kind", "key", name=op.f("uq_person_source_person_id")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("choice_industry", sa.String(length=10), nullable=False),
        sa.Column("choice_company", sa.String(length=10), nullable=False),
        sa.Column("choice_city", sa.String(length=10), nullable=False),
        sa.Column(
            "energizers", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column(
            "strengths", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "choice_city IN ('stay','change','open')", name=op.f("ck_profile_choice_city")
        ),
        sa.CheckConstraint(
            "choice_company IN ('stay','change','open')", name=op.f("ck_profile_choice_company")
        ),
        sa.CheckConstraint(
            "choice_industry IN ('stay','change','open')", name=op.f("ck_profile_choice_industry")
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_single_row")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_profile_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "tie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("strength", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "source = 'orgchart-manager' OR source = 'orgchart-report' OR source = 'same-team' OR source = 'introduced-by' OR source = 'met-at' OR source = 'stated'",
            name=op.f("ck_tie_source"),
        ),
        sa.CheckConstraint("person_id <> other_id", name=op.f("ck_tie_not_self")),
        sa.CheckConstraint("strength BETWEEN 1 AND 5", name=op.f("ck_tie_strength_range")),
        sa.ForeignKeyConstraint(
            ["other_id"], ["person.id"], name=op.f("fk_tie_other_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_tie_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tie")),
        sa.UniqueConstraint("person_id", "other_id", "source", name=op.f("uq_tie_person_id")),
    )
    op.create_table(
        "meeting_insight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("affects", sa.String(length=10), nullable=True),
        sa.Column("affects_key", sa.String(length=20), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "affects IN ('step','priority','choice')", name=op.f("ck_meeting_insight_affects")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_insight_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_insight")),
    )
    op.create_table(
        "meeting_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("new_meeting_id", sa.Integer(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_referral_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["new_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_referral_new_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_meeting_referral_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_referral")),
        sa.UniqueConstraint("meeting_id", "person_id", name=op.f("uq_meeting_referral_meeting_id")),
    )
    op.create_table(
        "meeting_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_task_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_task")),
    )
    op.create_index(op.f("ix_journal_entry_day"), "journal_entry", ["day"], unique=False)
    op.create_index(op.f("ix_opportunity_source"), "opportunity", ["source"], unique=False)
    op.create_index(op.f("ix_opportunity_status"), "opportunity", ["status"], unique=False)
    op.create_index(
        op.f("ix_opportunity_decision_opportunity_id"),
        "opportunity_decision",
        ["opportunity_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_opportunity_status_opportunity_id"),
        "opportunity_status",
        ["opportunity_id"],
        unique=False,
    )
    op.create_index(
        "ix_person_email",
        "person",
        ["email"],
        unique=False,
        sqlite_where=sa.text("email IS NOT NULL"),
        postgresql_where=sa.text("email IS NOT NULL"),
    )
    op.create_index(
        "ix_person_manager_id",
        "person",
        ["manager_id"],
        unique=False,
        sqlite_where=sa.text("manager_id IS NOT NULL"),
        postgresql_where=sa.text("manager_id IS NOT NULL"),
    )
    op.create_index("ix_person_name_key", "person", ["name_key"], unique=False)
    op.create_index("ix_person_org_key", "person", ["org_key"], unique=False)
    op.create_index(
        "ix_person_profile_url",
        "person",
        ["profile_url"],
        unique=False,
        sqlite_where=sa.text("profile_url IS NOT NULL"),
        postgresql_where=sa.text("profile_url IS NOT NULL"),
    )
    op.create_index(op.f("ix_employment_person_id"), "employment", ["person_id"], unique=False)
    op.create_index(op.f("ix_interaction_import_id"), "interaction", ["import_id"], unique=False)
    op.create_index(
        "ix_interaction_person_id_day", "interaction", ["person_id", "day"], unique=False
    )
    op.create_index(op.f("ix_meeting_person_id"), "meeting", ["person_id"], unique=False)
    op.create_index(op.f("ix_meeting_plan_id"), "meeting", ["plan_id"], unique=False)
    op.create_index(op.f("ix_meeting_round_id"), "meeting", ["round_id"], unique=False)
    op.create_index(op.f("ix_meeting_state"), "meeting", ["state"], unique=False)
    op.create_index(
        op.f("ix_opportunity_person_person_id"), "opportunity_person", ["person_id"], unique=False
    )
    op.create_index(op.f("ix_person_email_address"), "person_email", ["address"], unique=False)
    op.create_index(
        op.f("ix_person_source_import_id"), "person_source", ["import_id"], unique=False
    )
    op.create_index("ix_person_source_kind_key", "person_source", ["kind", "key"], unique=False)
    op.create_index(op.f("ix_profile_person_id"), "profile", ["person_id"], unique=False)
    op.create_index(op.f("ix_tie_other_id"), "tie", ["other_id"], unique=False)
    op.create_index(
        op.f("ix_meeting_insight_meeting_id"), "meeting_insight", ["meeting_id"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_referral_person_id"), "meeting_referral", ["person_id"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_task_meeting_id"), "meeting_task", ["meeting_id"], unique=False
    )
