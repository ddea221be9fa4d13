"""`vision edit` with a real editor process: $EDITOR is the process boundary we patch."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli

EXAMPLE = ROOT / "docs" / "examples" / "vision.toml"


def editor_script(tmp_path: Path, *versions: str) -> str:
    """An 'editor' that writes the next version of the file each time it is opened."""
    for i, text in enumerate(versions):
        (tmp_path / f"v{i}.toml").write_text(text)
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys, pathlib\n"
        f"base = pathlib.Path({str(tmp_path)!r})\n"
        "count = base / 'count'\n"
        "n = int(count.read_text()) if count.exists() else 0\n"
        "count.write_text(str(n + 1))\n"
        "pathlib.Path(sys.argv[1]).write_text((base / f'v{n}.toml').read_text())\n"
    )
    return f"{sys.executable} {script}"


def test_edit_saves_a_valid_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, EXAMPLE.read_text()))
    result = cli("vision edit")
    assert result.exit_code == 0, result.output
    assert json.loads(cli("vision show --json").stdout)["me"]["name"] == "Jordan Okafor"


def test_edit_reopens_on_error_and_saves_the_fix(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = EXAMPLE.read_text().replace('level = "senior"', 'level = "seniorish"')
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, bad, EXAMPLE.read_text()))
    result = cli("vision edit", input="y\n")
    assert result.exit_code == 0, result.output
    assert "me.level: unknown level 'seniorish'" in result.stderr
    assert (tmp_path / "count").read_text() == "2"
    assert json.loads(cli("vision show --json").stdout)["me"]["level"]["key"] == "senior"


def test_edit_declining_to_fix_saves_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    before = cli("vision show --json").stdout
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, "priorities = [1, 2, 3, 4]\n"))
    result = cli("vision edit", input="n\n")
    assert result.exit_code == 2 and "nothing was saved" in result.stderr
    assert cli("vision show --json").stdout == before


def test_edit_without_changes_says_so(cli_sqlite: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "true")
    result = cli_sqlite("vision edit")
    assert result.exit_code == 0 and "No changes" in result.stdout


def test_a_missing_editor_is_a_clear_error(
    cli_sqlite: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    result = cli_sqlite("vision edit")
    assert result.exit_code == 2 and "cannot start the editor" in result.stderr
