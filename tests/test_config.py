"""Settings: precedence, the config file, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextmove.config import load_settings
from nextmove.errors import UserError
from tests.conftest import Cli


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'nextmove.db'}"


def test_config_file_then_environment_then_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, 'database_url = "sqlite:///from-file.db"\ntimezone = "Europe/Berlin"\n')
    assert load_settings().database_url == "sqlite:///from-file.db"
    monkeypatch.setenv("NEXTMOVE_DATABASE_URL", "sqlite:///from-env.db")
    assert load_settings().database_url == "sqlite:///from-env.db"
    assert (
        load_settings(database_url="sqlite:///from-option.db").database_url
        == "sqlite:///from-option.db"
    )
    assert load_settings().timezone == "Europe/Berlin"


def test_a_broken_config_file_is_named(tmp_path: Path) -> None:
    path = write_config(tmp_path, "database_url = \n")
    with pytest.raises(UserError) as caught:
        load_settings()
    assert str(path) in caught.value.message


def test_an_unknown_setting_is_named(tmp_path: Path) -> None:
    write_config(tmp_path, 'databse_url = "x"\n')
    with pytest.raises(UserError) as caught:
        load_settings()
    assert "databse_url" in caught.value.message


def test_the_db_option_wins_and_the_database_is_created_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere" / "mine.db"
    cli = Cli(capsys, monkeypatch, f"sqlite:///{target}")
    result = cli("init")
    assert result.exit_code == 0 and "Created the database" in result.stdout
    assert target.exists()
    assert "up to date" in cli("init").stdout


def test_an_unsupported_database_url_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(capsys, monkeypatch, "mysql://localhost/x")
    result = cli("vision show")
    assert result.exit_code == 2 and "not supported" in result.stderr


def test_an_unreachable_postgresql_server_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(capsys, monkeypatch, "postgresql://nobody@127.0.0.1:1/none")
    result = cli("vision show")
    assert result.exit_code == 4 and "cannot open the database" in result.stderr
    assert "Traceback" not in result.output
