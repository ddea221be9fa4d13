"""Usage errors (unknown options, bad values, missing arguments) are worded for users, with
exit code 2, never as internal errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from tests.conftest import Cli


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("journal list --bogus", "No such option: --bogus"),
        ("me set", "give at least one field"),
        ("opp show abc", "valid integer"),
        ("journal add x --energy 9", "--energy"),
    ],
)
def test_usage_errors_exit_2_with_a_message_not_an_internal_error(
    cli_sqlite: Cli, args: str, message: str
) -> None:
    result = cli_sqlite(args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Internal error" not in result.output and "Traceback" not in result.output


def test_an_error_names_the_option_and_shows_what_was_typed_as_typed(cli_sqlite: Cli) -> None:
    """What the user typed is echoed verbatim, even when it looks like terminal markup."""
    result = cli_sqlite(["people", "add", "Ana Ruiz", "--level", "[bold]wizard[/]"])
    assert result.exit_code == 2, result.output
    assert "Error: --level: unknown level '[bold]wizard[/]'" in result.stderr
    result = cli_sqlite(["people", "add", "Ana Ruiz", "--since", "[soon]"])
    assert "Error: --since: '[soon]' is not a date" in result.stderr
    assert "Hint: Write dates as YYYY-MM-DD." in result.stderr


def test_a_group_without_a_command_shows_its_help(cli_sqlite: Cli) -> None:
    result = cli_sqlite("opp")
    assert "Internal error" not in result.output
    assert "evaluate" in result.output


def test_a_command_loads_only_its_own_module_and_the_full_help_lists_every_command() -> None:
    code = (
        "import sys; from nextmove.cli.app import build_app; build_app('import'); "
        "print(sorted(m for m in ('uvicorn', 'nextmove.cli.meeting', 'nextmove.cli.board', "
        "'nextmove.cli.imports') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['nextmove.cli.imports']"
    from nextmove.cli.app import COMMANDS, build_app

    names = set(typer.main.get_command(build_app()).commands)  # type: ignore[attr-defined]
    assert names == {word for word, *_ in COMMANDS} | {"init"}


MARKUP = "Ann [/] [bold]Lee"


def test_text_a_user_wrote_is_printed_as_written_never_read_as_markup(cli_sqlite: Cli) -> None:
    """A name, title, activity or plan holding Rich markup ('[/]' has nothing to close) is
    shown as typed in every table, never an internal error."""
    assert (
        cli_sqlite(["me", "set", "--name", "Me [/] Self", "--title", "Lead [/] Analyst"]).exit_code
        == 0
    )
    assert cli_sqlite(["people", "add", MARKUP, "--title", "VP [/] Sales"]).exit_code == 0
    assert cli_sqlite(["journal", "add", "[/] workshops", "--energy", "2"]).exit_code == 0
    assert cli_sqlite(["plan", "add", "wild [/] card"]).exit_code == 0
    for args in (
        ["me", "show"],
        ["people", "show", MARKUP],
        ["people", "list"],
        ["journal", "list"],
        ["journal", "summary"],
        ["vision", "show"],
        ["vision", "check"],
        ["plan", "list"],
        ["plan", "compare"],
    ):
        result = cli_sqlite(args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "Internal error" not in result.output, (args, result.output)
    listed = cli_sqlite(["people", "list"]).stdout
    assert "[/]" in listed and "[bold]" in listed
