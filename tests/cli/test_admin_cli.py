"""`nextmove admin` and `nextmove server` as an admin uses them, on both backends: accounts,
tokens, grants — and bad input refused with a message, nothing half-written."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from nextmove.services import accounts
from nextmove.services.workspace import Database
from tests.conftest import Cli

PASSWORD = "correct horse battery staple\n"


def _create(cli: Cli, email: str, name: str, role: str = "member"):  # type: ignore[no-untyped-def]
    return cli(
        ["admin", "create-user", email, "--name", name, "--role", role, "--password-stdin"],
        input=PASSWORD,
    )


def test_create_list_disable_and_reset(cli: Cli) -> None:
    made = _create(cli, "Ann@Example.org", "Ann Lee", "coach")
    assert made.exit_code == 0, made.output
    assert "Created coach Ann Lee <ann@example.org> with workspace" in made.stdout
    assert _create(cli, "bob@example.org", "Bob").exit_code == 0
    listed = json.loads(cli("admin list-users --json").stdout)
    assert [(a["email"], a["role"], a["disabled"]) for a in listed] == [
        ("ann@example.org", "coach", False),
        ("bob@example.org", "member", False),
    ]
    assert len({a["workspace_id"] for a in listed}) == 2
    table = cli("admin list-users").stdout
    assert "ann@example.org" in table and "active" in table
    assert cli("admin disable bob@example.org").exit_code == 0
    assert json.loads(cli("admin list-users --json").stdout)[1]["disabled"] is True
    reset = cli(
        "admin reset-password ann@example.org --password-stdin", input="a new long passphrase\n"
    )
    assert reset.exit_code == 0
    assert "sessions ended" in reset.stdout


def test_an_email_already_taken_is_refused_and_nothing_is_written(cli: Cli) -> None:
    assert _create(cli, "ann@example.org", "Ann").exit_code == 0
    again = _create(cli, "ANN@example.org", "Another Ann")
    assert again.exit_code == 2
    assert "an account with the e-mail ann@example.org already exists" in again.stderr
    assert len(json.loads(cli("admin list-users --json").stdout)) == 1


def test_bad_input_is_named(cli: Cli) -> None:
    bad_email = _create(cli, "not-an-address", "X")
    assert (
        bad_email.exit_code == 2
        and "--email: 'not-an-address' is not an e-mail" in bad_email.stderr
    )
    bad_role = _create(cli, "x@example.org", "X", "root")
    assert bad_role.exit_code == 2 and "--role: role 'root' is not one of" in bad_role.stderr
    short = cli(
        ["admin", "create-user", "x@example.org", "--name", "X", "--password-stdin"],
        input="short\n",
    )
    assert short.exit_code == 2 and "too short" in short.stderr
    empty = cli(
        ["admin", "create-user", "x@example.org", "--name", "X", "--password-stdin"], input=""
    )
    assert empty.exit_code == 2 and "no password on standard input" in empty.stderr
    missing = cli("admin disable nobody@example.org")
    assert missing.exit_code == 3 and "no account has the e-mail" in missing.stderr
    assert json.loads(cli("admin list-users --json").stdout) == []


def test_token_grant_and_revoke(cli: Cli, db_url: str) -> None:
    _create(cli, "ann@example.org", "Ann")
    _create(cli, "cat@example.org", "Cat", "coach")
    token = cli("admin token ann@example.org --name nightly")
    assert token.exit_code == 0
    value = token.stdout.strip()
    assert value.startswith("nm_") and "shown once" in token.stderr
    db = Database.open(db_url)
    try:
        assert accounts.token_account(db, value, now=datetime.now(UTC)).email == "ann@example.org"
    finally:
        db.dispose()
    granted = cli("admin grant ann@example.org cat@example.org --access comment")
    assert granted.exit_code == 0 and "Cat can now comment on the workspace of Ann" in granted.stdout
    not_coach = cli("admin grant cat@example.org ann@example.org --access view")
    assert not_coach.exit_code == 2 and "ann@example.org is not a coach account" in not_coach.stderr
    bad_access = cli("admin grant ann@example.org cat@example.org --access admin")
    assert bad_access.exit_code == 2 and "--access" in bad_access.stderr
    assert "Revoked" in cli("admin revoke ann@example.org cat@example.org").stdout
    assert "had no access" in cli("admin revoke ann@example.org cat@example.org").stdout


def test_server_refuses_sqlite_with_a_clear_message(cli_sqlite: Cli) -> None:
    result = cli_sqlite("server --port 8639")
    assert result.exit_code == 2
    assert "`nextmove server` needs a PostgreSQL database" in result.stderr
    assert "nextmove serve" in result.stderr
