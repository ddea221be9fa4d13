"""Every schema change is a migration: upgrading an empty database gives exactly the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from nextmove.store.base import Base
from nextmove.store.db import Database, current_revision, head_revision, make_engine, migrate


def test_upgrade_head_on_an_empty_database_matches_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


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


def test_the_head_revision_constant_matches_the_migration_scripts() -> None:
    from nextmove.store.db import HEAD_REVISION

    assert head_revision() == HEAD_REVISION, "update HEAD_REVISION in store/db.py"


def test_a_database_from_a_newer_nextmove_is_refused_clearly(tmp_path) -> None:
    import pytest
    from sqlalchemy import text

    from nextmove.errors import DatabaseNotReady

    url = f"sqlite:///{tmp_path / 'n.db'}"
    Database.open(url).dispose()
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseNotReady) as caught:
        Database.open(url)
    assert "9999" in caught.value.message and "newer nextmove" in (caught.value.hint or "")
