"""`nextmove server`: the web app for many people, each signing in to their own workspace."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from nextmove.cli.context import console, state
from nextmove.cli.serve import _check_port_free
from nextmove.errors import UserError

APP_FACTORY = "nextmove.web.app:server_app_from_environment"


def server(
    ctx: typer.Context,
    host: Annotated[
        str | None,
        typer.Option(
            help="Address to bind; default: web_host (127.0.0.1, for a reverse proxy on this "
            "machine)."
        ),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on; default: web_port (8765)."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (about one per core).")
    ] = 2,
) -> None:
    """Serve the web app to many people: accounts sign in, each to their own workspace (PostgreSQL only; docs/deploy.md)."""
    st = state(ctx)
    settings = st.settings
    url = settings.resolved_database_url
    if not url.startswith(("postgresql", "postgres:")):
        raise UserError(
            "`nextmove server` needs a PostgreSQL database; this one is SQLite",
            hint="Set NEXTMOVE_DATABASE_URL (or --db) to postgresql+psycopg://user@host/db; "
            "for one person on this machine use `nextmove serve`.",
        )
    host = host or settings.web_host
    port = port or settings.web_port
    os.environ["NEXTMOVE_DATABASE_URL"] = url
    os.environ["NEXTMOVE_WEB_HOST"] = host
    os.environ["NEXTMOVE_WEB_PORT"] = str(port)
    from nextmove.config import server_secret

    server_secret(settings)  # made once here, so every worker reads the same key
    shown = f"[{host}]" if ":" in host else host
    base_url = settings.base_url or f"http://{shown}:{port}"
    hosts = settings.allowed_hosts or [base_url.split("://", 1)[1]]
    st.db()  # open and migrate now, so a bad database is reported before the server starts
    st.close()
    _check_port_free(host, port)
    console.print(
        f"nextmove server: {workers} worker{'s' if workers != 1 else ''} on {host}:{port}, "
        f"for {base_url} (hosts: {', '.join(sorted(hosts))}). Ctrl+C stops it."
    )
    import uvicorn  # only here: every other command starts without the web server

    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=True,  # client addresses from X-Forwarded-For of FORWARDED_ALLOW_IPS
        server_header=False,
    )
