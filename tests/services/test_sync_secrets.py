"""Where a sync account's password is kept: the OS keyring when there is a real one (here:
keyrings.alt's file backend, chosen through keyring's own configuration file — a real
backend, not a mock), else a private file; never the database. Run against a real Radicale."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nextmove.errors import UserError
from nextmove.services import secrets
from nextmove.services.sync import run_sync
from nextmove.services.sync_accounts import add_account, list_accounts, remove_account
from nextmove.services.workspace import Workspace
from tests.dav_servers import DavServer, start_radicale

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DavServer]:
    dav = start_radicale(tmp_path_factory.mktemp("radicale"))
    yield dav
    dav.stop()


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """keyring configured the way a user would (keyringrc.cfg) to keep secrets in
    keyrings.alt's file backend; the file it writes."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    rc = tmp_path / "xdg-config" / "python_keyring" / "keyringrc.cfg"
    rc.parent.mkdir(parents=True)
    rc.write_text("[backend]\ndefault-keyring=keyrings.alt.file.PlaintextKeyring\n")
    return tmp_path / "xdg-data" / "python_keyring" / "keyring_pass.cfg"


def _add(db: Workspace, dav: DavServer, config_dir: Path) -> None:
    add_account(
        db,
        "phone",
        carddav_url=dav.make_collection(),
        caldav_url=None,
        username=dav.user,
        password=dav.password,
        config_dir=config_dir,
        now=NOW,
    )


def _database_bytes(db_url: str) -> bytes:
    return Path(db_url.removeprefix("sqlite:///")).read_bytes()


def test_with_a_keyring_configured_the_password_goes_there_and_sync_reads_it(
    db: Workspace, db_url: str, radicale: DavServer, tmp_path: Path, file_keyring: Path
) -> None:
    config_dir = tmp_path / "config"
    _add(db, radicale, config_dir)
    assert not (config_dir / "secrets").exists()
    backend = secrets.keyring_backend()
    assert type(backend).__name__ == "PlaintextKeyring"
    (view,) = list_accounts(db, config_dir=config_dir)
    assert view.password_kept.startswith("OS keyring, service 'nextmove', entry 'sync-phone-")
    assert radicale.password not in json.dumps(view.to_json())
    if db_url.startswith("sqlite"):
        assert radicale.password.encode() not in _database_bytes(db_url)
    entry = view.password_kept.split("entry ")[1].strip("'")
    assert backend.get_password("nextmove", entry) == radicale.password

    # The sync reads it back (Radicale refuses a wrong one with 401).
    run_sync(db, "phone", config_dir=config_dir, now=NOW, today=TODAY)

    remove_account(db, "phone", config_dir=config_dir)
    assert backend.get_password("nextmove", entry) is None


def test_a_password_missing_from_the_keyring_is_a_clear_error(
    db: Workspace, radicale: DavServer, tmp_path: Path, file_keyring: Path
) -> None:
    config_dir = tmp_path / "config"
    _add(db, radicale, config_dir)
    (view,) = list_accounts(db, config_dir=config_dir)
    entry = view.password_kept.split("entry ")[1].strip("'")
    secrets.keyring_backend().delete_password("nextmove", entry)
    with pytest.raises(UserError, match="missing from the keyring") as caught:
        run_sync(db, "phone", config_dir=config_dir, now=NOW, today=TODAY)
    assert "remove the account and add it again" in (caught.value.hint or "").lower()


def test_without_a_real_keyring_the_password_goes_to_a_private_file(
    db: Workspace, db_url: str, radicale: DavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This machine's own keyring detection (headless: no Secret Service; keyrings.alt's
    plain-text file is only keyring's last resort, and is not used unasked)."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # no keyringrc.cfg
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    if secrets.keyring_backend() is not None:
        pytest.skip("this machine has a real keyring")
    config_dir = tmp_path / "config"
    _add(db, radicale, config_dir)
    (secret,) = (config_dir / "secrets").iterdir()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert secret.read_text() == radicale.password
    assert not (tmp_path / "xdg-data" / "python_keyring").exists()
    (view,) = list_accounts(db, config_dir=config_dir)
    assert view.password_kept == f"file {secret} (readable by you only)"
    if db_url.startswith("sqlite"):
        assert radicale.password.encode() not in _database_bytes(db_url)
    run_sync(db, "phone", config_dir=config_dir, now=NOW, today=TODAY)


def test_keyrings_own_null_backend_opts_out_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_keyring: Path
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    ref = secrets.store_secret(tmp_path, "sync-x-1", "pw")
    assert ref == "sync-x-1" and (tmp_path / "secrets" / ref).read_text() == "pw"
    assert not file_keyring.exists()
    assert secrets.read_secret(tmp_path, ref) == "pw"


def test_a_keyring_password_with_no_keyring_left_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_keyring: Path
) -> None:
    ref = secrets.store_secret(tmp_path, "sync-x-2", "pw")
    assert ref == "keyring:sync-x-2" and file_keyring.exists()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(UserError, match="no keyring can be reached"):
        secrets.read_secret(tmp_path, ref)


def test_removing_an_account_whose_keyring_is_out_of_reach_says_the_password_stays(
    db: Workspace,
    radicale: DavServer,
    tmp_path: Path,
    file_keyring: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config_dir = tmp_path / "config"
    _add(db, radicale, config_dir)
    (view,) = list_accounts(db, config_dir=config_dir)
    entry = view.password_kept.split("entry ")[1].strip("'")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    left = remove_account(db, "phone", config_dir=config_dir)
    assert left == f"the password stays in your OS keyring (service 'nextmove', entry '{entry}')"
    assert list_accounts(db) == []
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    backend = secrets.keyring_backend()
    assert backend is not None and backend.get_password("nextmove", entry) == radicale.password
