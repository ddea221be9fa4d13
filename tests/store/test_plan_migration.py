"""The plans migration (0006): a 0.1 user's vision becomes their main plan exactly, on both
backends, and the migration goes down and up again keeping the main plan."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from nextmove.domain.vision import DEFAULT_PLAN_NAME, Plan, RoleOutline
from nextmove.services.workspace import Workspace
from nextmove.store.db import alembic_config, current_revision, head_revision, make_engine
from nextmove.store.vision import load_vision, save_vision

RELEASE_01 = Path(__file__).parent.parent / "fixtures" / "release-0.1" / "nextmove.db"
NOW = datetime(2026, 12, 4, 12, tzinfo=UTC)


def _old_vision_rows(url: str) -> tuple[list[tuple[object, ...]], tuple[object, ...]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        steps = conn.execute(
            text(
                "SELECT position, title, function, level, industry, city FROM vision_step ORDER BY position"
            )
        ).all()
        choices = conn.execute(
            text("SELECT choice_industry, choice_company, choice_city FROM profile")
        ).one()
    engine.dispose()
    return [tuple(s) for s in steps], tuple(choices)


def test_a_release_01_database_upgrades_with_its_vision_as_the_main_plan(tmp_path: Path) -> None:
    copy = tmp_path / "nextmove.db"
    shutil.copy(RELEASE_01, copy)
    url = f"sqlite:///{copy}"
    old_steps, old_choices = _old_vision_rows(url)
    assert len(old_steps) == 2
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "head")
    assert current_revision(engine) == head_revision()
    engine.dispose()
    db = Workspace.open(url)
    with db.session() as session:
        vision = load_vision(session)
    db.dispose()
    assert [
        (i, s.title, s.function, s.level, s.industry, s.city) for i, s in enumerate(vision.steps)
    ] == old_steps
    assert (vision.choices.industry, vision.choices.company, vision.choices.city) == old_choices
    assert vision.plan_name == DEFAULT_PLAN_NAME
    assert vision.alternatives == []
    assert vision.main_plan.steps == vision.steps


def test_downgrading_0006_keeps_the_main_plan_and_upgrading_again_restores_it(db_url: str) -> None:
    db = Workspace.open(db_url)
    with db.session() as session:
        vision = load_vision(session)
        vision.steps = [RoleOutline(title="Head of Product"), RoleOutline(title="VP Product")]
        vision.alternatives = [Plan(name="wild card", steps=[RoleOutline(title="Founder")])]
        save_vision(session, vision, now=NOW)
    db.dispose()
    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.downgrade(config, "0005")
    assert "plan" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        titles = conn.execute(text("SELECT title FROM vision_step ORDER BY position")).scalars()
        assert list(titles) == ["Head of Product", "VP Product"]
    command.upgrade(config, "head")
    engine.dispose()
    db = Workspace.open(db_url)
    with db.session() as session:
        again = load_vision(session)
    db.dispose()
    assert [s.title for s in again.steps] == ["Head of Product", "VP Product"]
    assert again.alternatives == []


def test_upgrading_and_downgrading_keep_every_meetings_insights_tasks_and_referrals(
    tmp_path: Path,
) -> None:
    """SQLite changes `meeting` by copying it; the copy must not cascade to its children."""
    copy = tmp_path / "nextmove.db"
    shutil.copy(RELEASE_01, copy)
    engine = make_engine(f"sqlite:///{copy}")
    config = alembic_config(engine)

    def counts() -> list[int]:
        with engine.connect() as conn:
            return [
                conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("meeting", "meeting_insight", "meeting_task", "meeting_referral")
            ] + [
                conn.execute(
                    text("SELECT count(*) FROM meeting_referral WHERE new_meeting_id IS NOT NULL")
                ).scalar_one()
            ]

    before = counts()
    assert before[1] > 0 and before[2] > 0 and before[3] > 0
    command.upgrade(config, "head")
    assert counts() == before
    command.downgrade(config, "0005")
    assert counts() == before
    engine.dispose()
