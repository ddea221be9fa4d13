"""`nextmove serve`: the web app on this machine."""

from __future__ import annotations

import os
import socket
import threading
import time
import webbrowser
from typing import Annotated

import typer

from nextmove.cli.context import console, state
from nextmove.errors import UserError

# The CLI and the web app are sibling layers: the CLI names the app factory for uvicorn and
# passes the settings through the environment, which the factory reads when it starts.
APP_FACTORY = "nextmove.web.app:app_from_environment"


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UserError(
                f"cannot listen on {host}:{port}: {exc.strerror}",
                hint="Another program (maybe another nextmove) uses that port: pass --port N.",
            ) from None


def _open_when_up(host: str, port: int, url: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.1)
    else:
        return
    if not webbrowser.open(url):
        console.print("No browser found here; open the address above yourself.")


def serve(
    ctx: typer.Context,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on; default: web_port (8765)."),
    ] = None,
    host: Annotated[
        str | None,
        typer.Option(help="Address to bind; default: web_host (127.0.0.1, this machine only)."),
    ] = None,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser window.")
    ] = False,
) -> None:
    """Start the web app on this machine and open it in your browser (Ctrl+C stops it)."""
    st = state(ctx)
    settings = st.config
    host = host or settings.web_host
    port = port or settings.web_port
    if host in ("0.0.0.0", "::", ""):
        raise UserError(
            f"--host {host!r} would listen on every address, but the app answers only to the "
            "one address it is bound to",
            hint="Give the address people will type, e.g. --host 192.168.1.20 (and keep in "
            "mind that anyone on that network can then reach your data).",
        )
    st.db()  # open and migrate now, so a bad database is reported before the server starts
    st.close()
    _check_port_free(host, port)
    os.environ["NEXTMOVE_DATABASE_URL"] = settings.resolved_database_url
    if st.workspace_name:  # the app starts in --workspace's workspace
        os.environ["NEXTMOVE_WORKSPACE"] = st.workspace_name
    os.environ["NEXTMOVE_WEB_HOST"] = host
    os.environ["NEXTMOVE_WEB_PORT"] = str(port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    console.print(f"nextmove is running at {url}  (Ctrl+C to stop)")
    if not no_browser:
        threading.Thread(target=_open_when_up, args=(host, port, url), daemon=True).start()
    import uvicorn  # only here: every other command starts without the web server

    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, log_level="warning")
