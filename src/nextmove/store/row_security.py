"""PostgreSQL row-level security: the database's own backstop behind the application's
workspace filter (store/db.py).

Every per-workspace table (one whose primary key starts with `workspace_id`) gets a forced
policy: a row is visible and writable only when its `workspace_id` equals the transaction's
`nextmove.workspace_id` setting — which a workspace's session sets with `set_config(…, true)`
(`SET LOCAL`) at the start of every transaction — or when the transaction says it works on
every workspace (`nextmove.all_workspaces = on`: migrations, deleting a workspace).

It binds every role but superusers (PostgreSQL exempts those, and roles with BYPASSRLS):
a server should connect as a role that neither owns the tables nor is a superuser
(docs/deploy.md). SQLite has no row security; there the application's filter is all."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

POLICY = "workspace_isolation"
CONDITION = (
    "current_setting('nextmove.all_workspaces', true) = 'on' OR "
    "workspace_id = NULLIF(current_setting('nextmove.workspace_id', true), '')::integer"
)


def per_workspace_tables(connection: Any) -> list[str]:
    inspector = inspect(connection)
    found = []
    for table in inspector.get_table_names():
        key = inspector.get_pk_constraint(table).get("constrained_columns") or []
        if key and key[0] == "workspace_id":
            found.append(table)
    return sorted(found)


def enable_row_security(connection: Any) -> list[str]:
    """Turn the policy on for every per-workspace table (PostgreSQL only; idempotent)."""
    if connection.dialect.name != "postgresql":
        return []
    tables = per_workspace_tables(connection)
    for table in tables:
        connection.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        connection.exec_driver_sql(f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY')
        connection.exec_driver_sql(f'DROP POLICY IF EXISTS {POLICY} ON "{table}"')
        connection.exec_driver_sql(
            f'CREATE POLICY {POLICY} ON "{table}" USING ({CONDITION}) WITH CHECK ({CONDITION})'
        )
    return tables


def disable_row_security(connection: Any) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table in per_workspace_tables(connection):
        connection.exec_driver_sql(f'DROP POLICY IF EXISTS {POLICY} ON "{table}"')
        connection.exec_driver_sql(f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY')
        connection.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')


def bind_transaction(connection: Any, workspace_id: int | None, *, all_workspaces: bool) -> None:
    """Tell PostgreSQL which workspace this transaction works in (until it ends)."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(
        "SELECT set_config('nextmove.workspace_id', %(ws)s, true), "
        "set_config('nextmove.all_workspaces', %(all)s, true)",
        {
            "ws": "" if workspace_id is None else str(workspace_id),
            "all": "on" if all_workspaces else "off",
        },
    )
