"""`nextmove admin`: accounts and coach grants of a `nextmove server` (docs/deploy.md)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import JsonFlag, console, err_console, now, print_json, state
from nextmove.errors import UserError
from nextmove.formats.schemas.workspaces import AccountRowPublic

app = typer.Typer(
    help="Accounts of a `nextmove server`: create, list, disable, reset a password, API "
    "tokens, and coaches' access to clients' workspaces (docs/deploy.md).",
    no_args_is_help=True,
)

PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input (never as an "
        "argument: arguments show in the process list and shell history).",
    ),
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise UserError(
                "no password on standard input",
                field="password_stdin",
                hint="Pipe it in: `printf '%s\\n' \"$PASSWORD\" | nextmove admin …`.",
            )
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UserError(
            "give the password with --password-stdin",
            hint="Pipe it in: `printf '%s\\n' \"$PASSWORD\" | nextmove admin … --password-stdin`.",
        )
    first = typer.prompt("Password", hide_input=True)
    if typer.prompt("Again", hide_input=True) != first:
        raise UserError("the two passwords differ; nothing was changed")
    return str(first)


@app.command("create-user")
def create_user(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's e-mail (its sign-in name).")],
    name: Annotated[str, typer.Option("--name", help="The person's name, as pages show it.")],
    role: Annotated[
        str,
        typer.Option(
            "--role", help="member (own workspace), coach (can be granted clients) or admin."
        ),
    ] = "member",
    password_stdin: PasswordStdin = False,
) -> None:
    """Create an account with its own, empty workspace."""
    from nextmove.services import accounts

    password = _password(password_stdin)
    account = accounts.create_account(
        state(ctx).db().db, email=email, name=name, role=role, password=password, now=now()
    )
    console.print(
        f"Created {escape(account.role)} {escape(account.name)} <{escape(account.email)}> "
        f"with workspace {account.workspace_id}."
    )


@app.command("list-users")
def list_users(ctx: typer.Context, json_out: JsonFlag = False) -> None:
    """List the accounts: e-mail, name, role, disabled, workspace."""
    from nextmove.services import accounts

    rows = accounts.list_accounts(state(ctx).db().db)
    if json_out:
        print_json([AccountRowPublic.model_validate(a.as_json()) for a in rows])
        return
    if not rows:
        console.print("No accounts yet: `nextmove admin create-user EMAIL --name NAME`.")
        return
    table = Table("E-mail", "Name", "Role", "Status", "Workspace", "Created")
    for a in rows:
        table.add_row(
            escape(a.email),
            escape(a.name),
            a.role,
            "disabled" if a.disabled else "active",
            str(a.workspace_id),
            a.created_at.date().isoformat(),
        )
    console.print(table)


@app.command("disable")
def disable(
    ctx: typer.Context, email: Annotated[str, typer.Argument(help="The account's e-mail.")]
) -> None:
    """Disable an account: it is signed out everywhere and its API tokens stop working."""
    from nextmove.services import accounts

    account = accounts.disable_account(state(ctx).db().db, email)
    console.print(f"Disabled {escape(account.email)}; its sessions ended.")


@app.command("reset-password")
def reset_password(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's e-mail.")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Set a new password; the account is signed out everywhere."""
    from nextmove.services import accounts

    account = accounts.reset_password(state(ctx).db().db, email, _password(password_stdin))
    console.print(f"New password set for {escape(account.email)}; its sessions ended.")


@app.command("token")
def token(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's e-mail.")],
    name: Annotated[str, typer.Option("--name", help="What the token is for.")] = "admin token",
) -> None:
    """Create a personal API token for the account and print it once (only its hash is kept)."""
    from nextmove.services import accounts

    value = accounts.create_api_token(state(ctx).db().db, email, name=name, now=now())
    err_console.print("A new API token (shown once; send it as `Authorization: Bearer …`):")
    sys.stdout.write(value + "\n")


@app.command("grant")
def grant(
    ctx: typer.Context,
    client_email: Annotated[str, typer.Argument(help="The client whose workspace it is.")],
    coach_email: Annotated[str, typer.Argument(help="The coach who gets access.")],
    access: Annotated[
        str,
        typer.Option("--access", help="view (read), comment (read, comment) or edit (change)."),
    ] = "view",
) -> None:
    """Give a coach access to a client's workspace (or change it)."""
    from nextmove.services import coaching

    result = coaching.grant_access(
        state(ctx).db().db,
        client_email=client_email,
        coach_email=coach_email,
        access=access,
        now=now(),
    )
    console.print(
        f"{escape(result.coach.name)} can now "
        f"{'comment on' if result.access == 'comment' else result.access} the workspace of "
        f"{escape(result.client.name)}."
    )


@app.command("revoke")
def revoke(
    ctx: typer.Context,
    client_email: Annotated[str, typer.Argument(help="The client whose workspace it is.")],
    coach_email: Annotated[str, typer.Argument(help="The coach who loses access.")],
) -> None:
    """End a coach's access to a client's workspace, at once."""
    from nextmove.services import coaching

    if coaching.revoke_access(
        state(ctx).db().db, client_email=client_email, coach_email=coach_email
    ):
        console.print(
            f"Revoked: {escape(coach_email)} no longer sees {escape(client_email)}'s workspace."
        )
    else:
        console.print(f"{escape(coach_email)} had no access to {escape(client_email)}'s workspace.")
