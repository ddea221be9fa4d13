"""Going down through migrations that drop a column of a table others reference with ON DELETE
CASCADE (0019: workspace.revision; 0011: organization.industry) keeps every row that
references it, on both backends. On SQLite a batch (copy, drop, rename) of such a table would
cascade the drop to every workspace's rows, so these drop the column in place."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from nextmove.domain.edits import PersonEdit
from nextmove.services import people as people_service
from nextmove.services.directory_import import import_directory
from nextmove.services.workspace import Workspace
from nextmove.store.db import alembic_config, make_engine

CHART = (
    "employee_id,name,title,manager_id,department\n"
    "1,Ada Lovelace,Chief Executive Officer,,Executive\n"
    "2,Grace Hopper,VP Engineering,1,Engineering\n"
)
COUNTS = (
    "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM workspace_organization), "
    "(SELECT count(*) FROM person WHERE directory_org_id IS NOT NULL)"
)


def test_dropping_a_column_of_a_referenced_table_keeps_the_rows_that_reference_it(
    db: Workspace, db_url: str, tmp_path: Path, now: datetime
) -> None:
    people_service.add_person(db, PersonEdit(name="Someone Else"), now=now, today=now.date())
    path = tmp_path / "acme.csv"
    path.write_text(CHART, encoding="utf-8")
    import_directory(
        db, path, organization="Acme", column_map=None, me="2", now=now, today=date(2026, 3, 1)
    )
    engine = make_engine(db_url)
    with engine.connect() as conn:
        before = tuple(conn.execute(text(COUNTS)).one())
    assert before[0] >= 2 and before[1] == 1 and before[2] == 1
    config = alembic_config(engine)
    command.downgrade(config, "0018")  # 0019 down: workspace.revision
    assert "revision" not in {c["name"] for c in inspect(engine).get_columns("workspace")}
    with engine.connect() as conn:
        assert tuple(conn.execute(text(COUNTS)).one()) == before
    command.downgrade(config, "0010")  # 0011 down: organization.industry
    assert "industry" not in {c["name"] for c in inspect(engine).get_columns("organization")}
    with engine.connect() as conn:
        linked = conn.execute(text("SELECT count(*) FROM workspace_organization")).scalar_one()
        assert linked == before[1]
    command.upgrade(config, "head")
    engine.dispose()
