"""The tables of research meetings, rounds, insights, referrals, follow-up tasks, the board of
three and keep-in-touch settings. Every change here comes with an Alembic migration.

Everything that names a person cascades when the person is deleted (and
``store.people.delete_person`` also deletes explicitly, for databases without foreign keys).
"""

# No `from __future__ import annotations`: SQLAlchemy would evaluate every `Mapped[...]`
# string at import, a cost every command pays (docs/cli.md, Start-up time).

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKeyConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, UTCDateTime, WorkspaceScoped
from nextmove.store.ids import allocate_id

MEETING_STATES = (
    "idea",
    "requested",
    "scheduled",
    "held",
    "followed-up",
    "declined",
    "no-reply",
)
MEETING_KINDS = ("research", "advisor-checkin")
MEETING_MODES = ("in-person", "video", "phone")
AFFECTS = ("step", "priority", "choice")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ",".join(f"'{v}'" for v in values) + ")"


class ResearchRound(WorkspaceScoped, Base):
    """A round of informational interviews: its people are meetings with this round_id."""

    __tablename__ = "research_round"
    __table_args__ = (PrimaryKeyConstraint("workspace_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    created_on: Mapped[date] = mapped_column(Date)
    size: Mapped[int] = mapped_column(SmallInteger)
    weeks: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Meeting(WorkspaceScoped, Base):
    """A meeting with a person: a research meeting or an advisor check-in. The state moves
    idea → requested → scheduled → held → followed-up, or ends declined / no-reply; each
    state's date is kept in its own column. ``sequence`` counts changes to a scheduled
    meeting's time or place (the invitation's SEQUENCE). ``agenda`` is None until first
    generated, then the user's editable text."""

    __tablename__ = "meeting"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_meeting_person_id", "workspace_id", "person_id"),
        Index("ix_meeting_state", "workspace_id", "state"),
        Index("ix_meeting_round_id", "workspace_id", "round_id"),
        Index("ix_meeting_plan_id", "workspace_id", "plan_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_meeting_person_id_person",
        ),
        CheckConstraint(_in("state", MEETING_STATES), name="state"),
        CheckConstraint(_in("kind", MEETING_KINDS), name="kind"),
        CheckConstraint(_in("mode", MEETING_MODES), name="mode"),
        CheckConstraint("minutes BETWEEN 5 AND 480", name="minutes_range"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    person_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="research")
    state: Mapped[str] = mapped_column(String(20), default="idea")
    minutes: Mapped[int] = mapped_column(SmallInteger, default=30)
    mode: Mapped[str] = mapped_column(String(10), default="video")
    place: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    agenda: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    # The round and the plan are not foreign keys: a composite reference cannot be set to
    # NULL alone, so deleting a round or a plan clears them (store.meetings, store.plans).
    round_id: Mapped[int | None] = mapped_column(Integer, info={"references": "research_round"})
    week: Mapped[int | None] = mapped_column(SmallInteger)
    # The plan this meeting explores (None: not said, or the plan was deleted).
    plan_id: Mapped[int | None] = mapped_column(Integer, info={"references": "plan"})
    reach_out_by: Mapped[date | None] = mapped_column(Date)
    idea_on: Mapped[date] = mapped_column(Date)
    requested_on: Mapped[date | None] = mapped_column(Date)
    scheduled_on: Mapped[date | None] = mapped_column(Date)
    held_on: Mapped[date | None] = mapped_column(Date)
    followed_up_on: Mapped[date | None] = mapped_column(Date)
    declined_on: Mapped[date | None] = mapped_column(Date)
    no_reply_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MeetingInsight(WorkspaceScoped, Base):
    """Something learned in a meeting, linked to the part of the vision it affects: a step
    (its index, 1 = the next job), a priority (its rank) or a stay-or-change choice."""

    __tablename__ = "meeting_insight"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_meeting_insight_meeting_id", "workspace_id", "meeting_id"),
        ForeignKeyConstraint(
            ["workspace_id", "meeting_id"],
            ["meeting.workspace_id", "meeting.id"],
            ondelete="CASCADE",
            name="fk_meeting_insight_meeting_id_meeting",
        ),
        CheckConstraint(_in("affects", AFFECTS), name="affects"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    meeting_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    affects: Mapped[str | None] = mapped_column(String(10))
    affects_key: Mapped[str] = mapped_column(String(20), default="")
    created_on: Mapped[date] = mapped_column(Date)


class MeetingReferral(WorkspaceScoped, Base):
    """ "Talk to Maria at X": the person referred in a meeting, and the meeting idea made."""

    __tablename__ = "meeting_referral"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint(
            "workspace_id", "meeting_id", "person_id", name="uq_meeting_referral_meeting_id"
        ),
        Index("ix_meeting_referral_person_id", "workspace_id", "person_id"),
        ForeignKeyConstraint(
            ["workspace_id", "meeting_id"],
            ["meeting.workspace_id", "meeting.id"],
            ondelete="CASCADE",
            name="fk_meeting_referral_meeting_id_meeting",
        ),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_meeting_referral_person_id_person",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    meeting_id: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int] = mapped_column(Integer)
    # Not a foreign key (see Meeting.round_id): deleting that meeting clears it.
    new_meeting_id: Mapped[int | None] = mapped_column(Integer, info={"references": "meeting"})
    created_on: Mapped[date] = mapped_column(Date)


class MeetingTask(WorkspaceScoped, Base):
    """A follow-up to do after a meeting, due on a date; done when done_on is set."""

    __tablename__ = "meeting_task"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_meeting_task_meeting_id", "workspace_id", "meeting_id"),
        ForeignKeyConstraint(
            ["workspace_id", "meeting_id"],
            ["meeting.workspace_id", "meeting.id"],
            ondelete="CASCADE",
            name="fk_meeting_task_meeting_id_meeting",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    meeting_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BoardSeat(WorkspaceScoped, Base):
    """One of the three seats of the user's board of advisors."""

    __tablename__ = "board_seat"
    __identity__ = ("seat",)
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "seat"),
        UniqueConstraint("workspace_id", "person_id", name="uq_board_seat_person_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_board_seat_person_id_person",
        ),
        CheckConstraint("seat BETWEEN 1 AND 3", name="seat_range"),
        CheckConstraint("cadence_days >= 1", name="cadence_positive"),
    )

    seat: Mapped[int] = mapped_column(SmallInteger, autoincrement=False)
    person_id: Mapped[int] = mapped_column(Integer)
    why: Mapped[str] = mapped_column(Text, default="")
    cadence_days: Mapped[int] = mapped_column(Integer, default=90)
    last_chat_on: Mapped[date | None] = mapped_column(Date)
    since: Mapped[date] = mapped_column(Date)


class KeepInTouch(WorkspaceScoped, Base):
    """A personal cadence (ideal and maximum days) and a snooze, per person. The tier lives
    in person.tier; a personal cadence wins over the tier."""

    __tablename__ = "keep_in_touch"
    __identity__ = ("person_id",)
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "person_id"),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_keep_in_touch_person_id_person",
        ),
        CheckConstraint(
            "ideal_days IS NULL OR (ideal_days >= 1 AND max_days >= ideal_days)",
            name="cadence_range",
        ),
    )

    person_id: Mapped[int] = mapped_column(Integer, autoincrement=False)
    ideal_days: Mapped[int | None] = mapped_column(Integer)
    max_days: Mapped[int | None] = mapped_column(Integer)
    snooze_until: Mapped[date | None] = mapped_column(Date)
