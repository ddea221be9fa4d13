"""PostgreSQL row-level security as the backstop behind the application's workspace filter:
connected as a role that neither owns the tables nor is a superuser, a statement that
leaves the filter out on purpose still sees and changes only its own workspace's rows."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from nextmove.domain.journal import JournalEntry
from nextmove.services import accounts
from nextmove.services import people as people_service
from nextmove.services import vision as vision_service
from nextmove.services.directory import list_organizations
from nextmove.services.directory_import import import_directory
from nextmove.services.imports import import_file
from nextmove.services.workspace import Database, open_workspace
from tests.pg_server import PostgresServer
from tests.server_process import new_pg_database

NOW = datetime(2026, 11, 22, 9, tzinfo=UTC)
_roles = itertools.count()


@pytest.fixture
def workspace_predicates() -> Iterator[None]:
    """This file bypasses the application's filter on purpose: no statement guard here."""
    yield


@pytest.fixture
def app_role_url(pg_server: PostgresServer) -> Iterator[tuple[str, str]]:
    """(owner URL, URL of a plain login role with data rights only) on a fresh database."""
    owner_url = new_pg_database(pg_server)
    role = f"nm_app_{os.getpid()}_{next(_roles)}"
    plain = owner_url.replace("+psycopg", "")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS')
        conn.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        conn.execute(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"'
        )
        conn.execute(f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
    yield owner_url, owner_url.replace("postgres@", f"{role}@")


def test_the_database_refuses_what_the_application_filter_would_have(
    app_role_url: tuple[str, str],
) -> None:
    owner_url, app_url = app_role_url
    owner = Database.open(owner_url)
    with owner.session() as session:
        session.execute(
            text(
                "INSERT INTO workspace (name, preferences, created_at) VALUES ('ann', '{}', :now)"
            ),
            {"now": NOW},
        )
    first, second = open_workspace(owner), open_workspace(owner, "ann")
    for workspace, activity in ((first, "first's interviews"), (second, "second's review")):
        vision_service.add_journal_entry(
            workspace, JournalEntry(day=date(2026, 11, 20), activity=activity, energy=1), now=NOW
        )
    owner.dispose()

    app = Database.open(app_url)
    try:
        mine = open_workspace(app, "ann")
        with mine.session() as session:
            # No workspace predicate at all: the database filters.
            rows = session.execute(text("SELECT activity FROM journal_entry")).scalars().all()
            assert rows == ["second's review"]
            changed = session.execute(text("UPDATE journal_entry SET energy = -2")).rowcount
            assert changed == 1
            deleted = session.execute(
                text("DELETE FROM journal_entry WHERE workspace_id = :other"),
                {"other": first.id},
            ).rowcount
            assert deleted == 0
        with pytest.raises(DBAPIError, match="row-level security"), mine.session() as session:
            session.execute(
                text(
                    "INSERT INTO journal_entry (workspace_id, id, day, activity, energy, "
                    "engagement, flow, themes, note) VALUES (:other, 999, '2026-11-21', "
                    "'planted', 0, 3, false, '[]', '')"
                ),
                {"other": first.id},
            )
        # A session without a workspace sees no per-workspace rows at all.
        with app.engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM journal_entry")).scalar()
            assert count == 0
    finally:
        app.dispose()
    owner = Database.open(owner_url)
    try:
        with owner.session(all_workspaces=True) as session:
            energies = dict(
                session.execute(text("SELECT activity, energy FROM journal_entry")).all()
            )
        assert energies == {"first's interviews": 1, "second's review": -2}
    finally:
        owner.dispose()


def test_an_org_chart_imports_as_the_server_role(
    app_role_url: tuple[str, str], tmp_path: Path
) -> None:
    """`nextmove server` connects as a plain role: a program admin's import (CLI or web)
    links their workspace to the organization under row-level security, and links them to
    their own entry — it was refused by the policy ("internal error", HTTP 500)."""
    owner_url, app_url = app_role_url
    Database.open(owner_url).dispose()  # the schema, made by its owner
    chart = tmp_path / "acme.csv"
    chart.write_text(
        "employee_id,name,manager_id,title,email\n"
        "1,Ana Ruiz,,CEO,ana@acme.example\n"
        "2,Zoë Müller,1,Director of Engineering,zoe@acme.example\n",
        encoding="utf-8",
    )
    app = Database.open(app_url)
    try:
        ws = open_workspace(app)
        result = import_directory(
            ws, chart, organization="Acme", column_map=None, me="2", now=NOW, today=NOW.date()
        )
        assert (result.members, result.linked_people) == (2, 1)
        assert [(o.name, o.members) for o in list_organizations(ws)] == [("Acme", 2)]
        lines, total = people_service.list_people(ws)
        assert total == 2 and {line.name for line in lines} == {"Ana Ruiz", "Zoë Müller"}
    finally:
        app.dispose()


def test_a_program_admin_s_import_reaches_employees_as_the_server_role(
    app_role_url: tuple[str, str], tmp_path: Path
) -> None:
    """Enrolling the program's employees (services/enrolment.py) writes into each employee's
    workspace under row-level security, as `nextmove server` does."""
    owner_url, app_url = app_role_url
    Database.open(owner_url).dispose()
    chart = tmp_path / "acme.csv"
    chart.write_text(
        "employee_id,name,manager_id,title,email\n"
        "1,Ana Ruiz,,CEO,ana@acme.example\n"
        "2,Zoë Müller,1,Director of Engineering,zoe@acme.example\n",
        encoding="utf-8",
    )
    app = Database.open(app_url)
    try:
        made = {
            email: accounts.create_account(
                app, email=email, name="x", role=role, password="a long passphrase", now=NOW
            )
            for email, role in (("pat@acme.example", "admin"), ("zoe@acme.example", "member"))
        }
        admin_ws = open_workspace(app, workspace_id=made["pat@acme.example"].workspace_id)
        import_file(admin_ws, "orgchart", chart, now=NOW, today=NOW.date(), organization="Acme")
        zoe = open_workspace(app, workspace_id=made["zoe@acme.example"].workspace_id)
        assert [o.name for o in list_organizations(zoe)] == ["Acme"]
        assert people_service.list_people(zoe)[1] == 2
    finally:
        app.dispose()
