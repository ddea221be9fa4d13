"""Passwords of sync accounts, kept outside the database: one file per account in the
`secrets` folder of the config directory, created 0600 inside a 0700 folder, written
atomically. The database holds only the file's name. A file others can read is refused."""

from __future__ import annotations

import contextlib
import os
import secrets as _random
import stat
from pathlib import Path

from nextmove.errors import UserError

FOLDER = "secrets"
MAX_SECRET_BYTES = 4096


def new_ref(name: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name)[:40]
    return f"sync-{safe}-{_random.token_hex(6)}"


def _path(config_dir: Path, ref: str) -> Path:
    if not ref or "/" in ref or ref.startswith("."):
        raise UserError(f"not a secret reference: {ref!r}")
    return config_dir / FOLDER / ref


def store_secret(config_dir: Path, ref: str, value: str) -> Path:
    folder = config_dir / FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = _path(config_dir, ref)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, value.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return path


def read_secret(config_dir: Path, ref: str) -> str:
    path = _path(config_dir, ref)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(
            f"the password file {path} is missing",
            hint="Remove the account and add it again (nextmove sync remove NAME; sync add …).",
        ) from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(
            f"the password file {path} can be read by other users",
            hint=f"Make it private: chmod 600 {path}",
        )
    return path.read_text()[:MAX_SECRET_BYTES]


def delete_secret(config_dir: Path, ref: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(config_dir, ref).unlink()
