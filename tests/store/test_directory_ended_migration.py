"""Migration 0020, on both backends: the partial index of the directory's ended versions goes
and comes back, and the careers the charts show read the same with or without it — the
members whose title changed, not those who only moved."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from nextmove.services.directory_import import import_directory
from nextmove.services.workspace import Workspace
from nextmove.store import directory_reads as reads
from nextmove.store.db import alembic_config, make_engine

HEADER = "employee_id,name,title,manager_id,department,city\n"
MARCH = (
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris\n"
    "3,Linus Bell,Software Engineer,2,Engineering,Lyon\n"
    "4,Mae Jemison,Software Engineer,2,Engineering,Lyon\n"
    "5,Alan Kay,Designer,1,Design,Paris\n"
)
# A week later: Linus is promoted (a new title), Mae moves under Ada (same title), Alan leaves.
JUNE = (
    "1,Ada Lovelace,Chief Executive Officer,,Executive,Paris\n"
    "2,Grace Hopper,VP Engineering,1,Engineering,Paris\n"
    "3,Linus Bell,Engineering Manager,2,Engineering,Lyon\n"
    "4,Mae Jemison,Software Engineer,1,Engineering,Lyon\n"
)
INDEX = "ix_directory_member_ended"


def _careers(db: Workspace) -> list[tuple[str, str, date | None]]:
    with db.session() as session:
        versions = reads.changed_members(session, reads.workspace_orgs(session))
    return [(v.employee_id, v.title, v.until) for v in versions]


def test_0020_indexes_the_ended_versions_and_careers_read_the_same_without_it(
    db: Workspace, db_url: str, tmp_path: Path, now: datetime
) -> None:
    for name, body, day in (("march", MARCH, date(2026, 3, 1)), ("june", JUNE, date(2026, 6, 1))):
        path = tmp_path / f"{name}.csv"
        path.write_text(HEADER + body, encoding="utf-8")
        import_directory(
            db, path, organization="Acme", column_map=None, me=None, now=now, today=day
        )
    expected = [("3", "Software Engineer", date(2026, 6, 1)), ("3", "Engineering Manager", None)]
    assert _careers(db) == expected
    engine = make_engine(db_url)
    indexes = {i["name"] for i in inspect(engine).get_indexes("directory_member")}
    assert INDEX in indexes
    config = alembic_config(engine)
    command.downgrade(config, "0019")
    assert INDEX not in {i["name"] for i in inspect(engine).get_indexes("directory_member")}
    assert _careers(db) == expected
    command.upgrade(config, "head")
    assert INDEX in {i["name"] for i in inspect(engine).get_indexes("directory_member")}
    assert _careers(db) == expected
    engine.dispose()
