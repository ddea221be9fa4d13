"""Every schema change is a migration: upgrading an empty database gives exactly the models,
and creating a new database from the models (the fast path) gives the same schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from nextmove.store.base import Base
from nextmove.store.db import (
    Database,
    alembic_config,
    alembic_head_revision,
    current_revision,
    head_revision,
    make_engine,
    migrate,
)
from tests.conftest import BACKENDS


def _diff(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def test_the_schema_head_constant_is_alembics_head() -> None:
    assert head_revision() == alembic_head_revision()


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database (not migrated) on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    server = request.getfixturevalue("pg_server")
    name = f"empty_{os.getpid()}_{abs(hash(tmp_path)) % 10**8}"
    with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return str(server.url(name))


def test_upgrade_head_through_the_migrations_matches_the_models(empty_url: str) -> None:
    engine = make_engine(empty_url)
    before, after = migrate(engine, via_alembic=True)
    assert (before, after) == (None, head_revision())
    assert _diff(engine) == []
    engine.dispose()


def test_a_new_database_created_from_the_models_matches_the_models(empty_url: str) -> None:
    engine = make_engine(empty_url)
    migrate(engine)
    assert current_revision(engine) == head_revision()
    assert _diff(engine) == []
    engine.dispose()


def _schema(engine: Engine) -> dict[str, Any]:
    inspector = inspect(engine)
    schema = {}
    for table in sorted(inspector.get_table_names()):
        schema[table] = {
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
            "foreign_keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], str(f["options"]))
                for f in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                (u["name"], tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            ),
        }
    return schema


def test_both_ways_of_creating_a_database_give_the_same_schema(tmp_path: Path) -> None:
    migrated = make_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    created = make_engine(f"sqlite:///{tmp_path / 'created.db'}")
    migrate(migrated, via_alembic=True)
    migrate(created)
    assert _schema(migrated) == _schema(created)
    migrated.dispose()
    created.dispose()


def test_upgrading_a_foundation_database_keeps_its_data(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO profile (id, name, title, organization, industry, city, "
                "choice_industry, choice_company, choice_city, energizers, strengths) VALUES "
                "(1, 'Ana', 'Analyst', 'Acme', '', '', 'open', 'open', 'open', '[]', '[]')"
            )
        )
    assert migrate(engine) == ("0001", head_revision())
    with engine.connect() as connection:
        row = connection.execute(text("SELECT name, person_id FROM profile")).one()
    assert tuple(row) == ("Ana", None)
    engine.dispose()


def test_a_new_sqlite_database_is_created_migrated_with_wal_and_foreign_keys(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'folder' / 'n.db'}"
    db = Database.open(url)
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert "profile" in inspect(db.engine).get_table_names()
    db.dispose()


def test_migrating_twice_changes_nothing(db_url: str) -> None:
    engine = make_engine(db_url)
    before, after = migrate(engine)
    assert before == after == head_revision()
    engine.dispose()
