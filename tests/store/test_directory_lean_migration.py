"""The directory's lean migration (0017), on both backends: the per-row foreign keys of
`directory_member` and `directory_team_size` go and come back, every row kept, and on SQLite
the rebuilt tables stay clustered by their key (WITHOUT ROWID)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Engine, inspect, text

from nextmove.services.directory_import import import_directory
from nextmove.services.workspace import Workspace
from nextmove.store.db import alembic_config, make_engine

CHART = (
    "employee_id,name,title,manager_id,department,city,email\n"
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris,ada@acme.example\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris,grace@acme.example\n"
    "3,Linus Bell,Software Engineer,2,Engineering,Lyon,linus@acme.example\n"
)
TABLES = ("directory_member", "directory_team_size")


def _rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2, 3"))]
            for t in TABLES
        }


def _keys(engine: Engine) -> dict[str, list[str]]:
    found = inspect(engine)
    return {t: [fk["referred_table"] for fk in found.get_foreign_keys(t)] for t in TABLES}


def _without_rowid(engine: Engine) -> bool:
    with engine.connect() as conn:
        sql = conn.execute(
            text(
                "SELECT group_concat(sql) FROM sqlite_master WHERE name IN ('directory_member', 'directory_team_size')"
            )
        ).scalar_one()
    return str(sql).count("WITHOUT ROWID") == 2


def test_0017_drops_the_per_row_foreign_keys_and_puts_them_back(
    db: Workspace, db_url: str, tmp_path: Path, now: datetime
) -> None:
    path = tmp_path / "acme.csv"
    path.write_text(CHART, encoding="utf-8")
    import_directory(
        db, path, organization="Acme", column_map=None, me=None, now=now, today=date(2026, 11, 2)
    )
    engine = make_engine(db_url)
    sqlite = engine.dialect.name == "sqlite"
    before = _rows(engine)
    assert len(before["directory_member"]) == 3
    assert _keys(engine) == {t: [] for t in TABLES}
    config = alembic_config(engine)
    command.downgrade(config, "0016")
    assert _keys(engine) == {t: ["organization"] for t in TABLES}
    assert _rows(engine) == before
    assert not sqlite or _without_rowid(engine)
    command.upgrade(config, "head")
    assert _keys(engine) == {t: [] for t in TABLES}
    assert _rows(engine) == before
    assert not sqlite or _without_rowid(engine)
    engine.dispose()


def test_a_database_that_passed_0011_without_the_industry_column_gets_it(
    db: Workspace, db_url: str, tmp_path: Path, now: datetime
) -> None:
    """A development build's 0011 added no `organization.industry`; 0018 adds it, so the
    next chart import works, and leaves a database that has it as it was."""
    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.downgrade(config, "0017")
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE organization DROP COLUMN industry"))
    command.upgrade(config, "head")
    assert "industry" in {c["name"] for c in inspect(engine).get_columns("organization")}
    path = tmp_path / "chart.csv"
    path.write_text(CHART, encoding="utf-8")
    done = import_directory(
        db,
        path,
        organization="Acme",
        column_map=None,
        me=None,
        now=now,
        today=date(2026, 11, 2),
    )
    assert done.members == 3
    command.downgrade(config, "0017")  # the column stays: it is 0011's
    assert "industry" in {c["name"] for c in inspect(engine).get_columns("organization")}
    command.upgrade(config, "head")
