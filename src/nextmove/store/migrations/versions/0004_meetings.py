"""meetings: research meetings, rounds, insights, referrals, follow-up tasks, the board of
three and keep-in-touch cadences

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 07:10:05.107051
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
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
            ["round_id"],
            ["research_round.id"],
            name=op.f("fk_meeting_round_id_research_round"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_state"), ["state"], unique=False)

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
    with op.batch_alter_table("meeting_insight", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_insight_meeting_id"), ["meeting_id"], unique=False
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
    with op.batch_alter_table("meeting_referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_referral_person_id"), ["person_id"], unique=False
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
    with op.batch_alter_table("meeting_task", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_task_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_task_meeting_id"))

    op.drop_table("meeting_task")
    with op.batch_alter_table("meeting_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_referral_person_id"))

    op.drop_table("meeting_referral")
    with op.batch_alter_table("meeting_insight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_insight_meeting_id"))

    op.drop_table("meeting_insight")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_state"))
        batch_op.drop_index(batch_op.f("ix_meeting_round_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_person_id"))

    op.drop_table("meeting")
    op.drop_table("keep_in_touch")
    op.drop_table("board_seat")
    op.drop_table("research_round")
