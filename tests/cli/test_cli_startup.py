"""A fast start: `nextmove --help` loads no command module, nor SQLAlchemy, pydantic or the
settings, and says exactly what the loaded commands would say; a read command loads only what
it uses (benchmarks/cli_startup.py has the figures)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nextmove.cli.app import build_app, build_help_app
from tests.conftest import ROOT

HEAVY = (
    "sqlalchemy",
    "pydantic",
    "alembic",
    "jinja2",
    "rapidfuzz",
    "nextmove.config",
    "nextmove.store.db",
    "nextmove.services",
)
# What a read command on a database at the newest schema never needs: the migrations
# (Alembic), the draft templates (Jinja2), fuzzy matching, the vision file's format (pydantic
# models) unless a file is read, the web app and the sync clients.
NOT_FOR_READS = (
    "alembic",
    "jinja2",
    "rapidfuzz",
    "nextmove.formats.vision_toml",
    "fastapi",
    "httpx",
    "caldav",
)


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


def _modules_loaded_by(args: list[str], watch: tuple[str, ...], tmp_path: Path) -> list[str]:
    """Runs `nextmove ARGS` in a fresh interpreter; the modules of `watch` it imported."""
    code = (
        "import json, sys\nfrom nextmove.cli.app import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"print(json.dumps([m for m in {watch!r} if m in sys.modules]))"
    )
    env = {**os.environ, "NEXTMOVE_CONFIG": str(tmp_path / "none.toml"), "COLUMNS": "100"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def planned_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database at the newest schema, with the documented example vision."""
    folder = tmp_path_factory.mktemp("startup")
    url = f"sqlite:///{folder / 'nextmove.db'}"
    example = ROOT / "docs" / "examples" / "vision.toml"
    run = "import sys; from nextmove.cli.app import main; main(sys.argv[1:])"
    subprocess.run(
        [sys.executable, "-c", run, "--db", url, "vision", "import", str(example)],
        check=True,
        capture_output=True,
        env={**os.environ, "NEXTMOVE_CONFIG": str(folder / "none.toml")},
    )
    return url


def test_reading_the_vision_loads_no_migrations_templates_or_file_formats(
    planned_db: str, tmp_path: Path
) -> None:
    watch = (*NOT_FOR_READS, "sqlalchemy.orm", "rich.table", *JSON_MODELS)
    shown = _modules_loaded_by(["--db", planned_db, "vision", "show"], watch, tmp_path)
    assert shown == ["sqlalchemy.orm", "rich.table"]  # the database, and the plan's table
    as_json = _modules_loaded_by(["--db", planned_db, "vision", "show", "--json"], watch, tmp_path)
    # no table drawn, no table code loaded; the shape's model loads
    assert as_json == ["sqlalchemy.orm", "nextmove.formats.schemas.core"]


def test_today_loads_no_migrations_templates_web_app_or_sync_clients(
    planned_db: str, tmp_path: Path
) -> None:
    args = ["--db", planned_db, "today", "--as-of", "2026-11-22"]
    loaded = _modules_loaded_by(args, (*NOT_FOR_READS, "sqlalchemy.orm"), tmp_path)
    # rapidfuzz is allowed here: ranking whom to meet compares titles.
    assert [m for m in loaded if m != "rapidfuzz"] == ["sqlalchemy.orm"]


# The documented JSON shapes' pydantic models (docs/json.md): built for `--json` and the API,
# never for a read command's text.
JSON_MODELS = (
    "nextmove.formats.schemas.core",
    "nextmove.formats.schemas.people",
    "nextmove.formats.schemas.suggest",
    "nextmove.formats.schemas.board",
    "nextmove.formats.schemas.settings",
)


@pytest.mark.parametrize(
    "command",
    [["today", "--as-of", "2026-11-22"], ["suggest", "--as-of", "2026-11-22"]],
    ids=["today", "suggest"],
)
def test_text_output_loads_none_of_the_json_models(
    planned_db: str, tmp_path: Path, command: list[str]
) -> None:
    assert _modules_loaded_by(["--db", planned_db, *command], JSON_MODELS, tmp_path) == []


def test_json_output_still_loads_its_model(planned_db: str, tmp_path: Path) -> None:
    args = ["--db", planned_db, "suggest", "--as-of", "2026-11-22", "--json"]
    loaded = _modules_loaded_by(args, JSON_MODELS, tmp_path)
    assert "nextmove.formats.schemas.suggest" in loaded


@pytest.mark.parametrize(
    ("call", "frozen"), [("main(['--help'])", False), ("main()", True)], ids=["caller", "entry"]
)
def test_the_collector_runs_after_start_up_and_a_callers_process_is_left_alone(
    call: str, frozen: bool
) -> None:
    """As the console script, start-up's objects are left out of garbage collection and the
    collector is on again for the command; run from another program's process (tests, a
    caller), its collector is untouched."""
    code = (
        "import gc, sys\nfrom nextmove.cli.app import main\nsys.argv = ['nextmove', '--help']\n"
        f"try:\n    {call}\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == f"True {frozen}"
