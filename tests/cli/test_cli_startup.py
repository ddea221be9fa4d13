"""A fast start: `nextmove --help` loads no command module, nor SQLAlchemy, pydantic or the
settings, and says exactly what the loaded commands would say."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from nextmove.cli.app import build_app, build_help_app

HEAVY = ("sqlalchemy", "pydantic", "nextmove.config", "nextmove.store.db", "nextmove.services")


def test_the_full_help_is_the_same_with_or_without_loading_the_commands() -> None:
    runner = CliRunner()
    env = {"COLUMNS": "100", "TERM": "dumb"}
    light = runner.invoke(build_help_app(), ["--help"], env=env, prog_name="nextmove")
    full = runner.invoke(build_app(), ["--help"], env=env, prog_name="nextmove")
    assert light.exit_code == full.exit_code == 0
    assert light.output == full.output
    assert "journal entries and her network" in light.output


def test_help_loads_no_database_settings_or_command_module() -> None:
    code = (
        "import sys; from nextmove.cli.app import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules] + "
        "[m for m in sys.modules if m.startswith('nextmove.cli.') and m not in "
        "('nextmove.cli.app', 'nextmove.cli.context')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_mistyped_command_still_gets_the_real_apps_answer() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "from nextmove.cli.app import main; main(['peple'])"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "No such command" in out.stderr
