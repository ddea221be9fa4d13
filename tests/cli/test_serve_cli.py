"""`nextmove serve` refuses clearly what it cannot do, before starting anything."""

from __future__ import annotations

import socket

from tests.conftest import Cli


def test_serve_on_a_port_in_use_says_so_with_a_hint(cli_sqlite: Cli) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = cli_sqlite(f"serve --port {port} --no-browser")
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "--port" in result.stderr


def test_serve_refuses_to_listen_on_every_address(cli_sqlite: Cli) -> None:
    result = cli_sqlite("serve --host 0.0.0.0 --no-browser")
    assert result.exit_code == 2
    assert "answers only to the one address it is bound to" in result.stderr
