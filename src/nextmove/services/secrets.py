"""Passwords of sync accounts, kept outside the database: in the OS keyring when there is a
real one, else in a file of their own. The database holds only a reference:

- ``keyring:NAME`` — the entry NAME of the service "nextmove" in the keyring the `keyring`
  package finds: the Secret Service (GNOME Keyring, KWallet) on Linux, the Keychain on macOS,
  the Credential Locker on Windows — or the backend the user chose through keyring's own
  configuration (``PYTHON_KEYRING_BACKEND`` or ``keyringrc.cfg``). Backends keyring only falls
  back to (a plain-text file, priority below 1) are not used unless chosen that way: the
  0600 file below is no worse.
- ``NAME`` — the file `secrets/NAME` of the config directory, created 0600 inside a 0700
  folder, written atomically. A file others can read is refused.

Opting out of the keyring: ``PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring``."""

from __future__ import annotations

import contextlib
import os
import secrets as _random
import stat
from pathlib import Path
from typing import Any

from nextmove.errors import UserError

FOLDER = "secrets"
MAX_SECRET_BYTES = 4096
SERVICE = "nextmove"
KEYRING_PREFIX = "keyring:"


def new_ref(name: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name)[:40]
    return f"sync-{safe}-{_random.token_hex(6)}"


def keyring_backend() -> Any | None:
    """The keyring to keep passwords in, or None: one the user configured for keyring, else
    keyring's own choice when it is a real one (priority 1 or more)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        configured = keyring.core.load_env() or keyring.core.load_config()
        backend = configured or keyring.get_keyring()
    except Exception:  # a broken keyring configuration: the file is used
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if configured is None:
        top = backend
        if isinstance(backend, chainer.ChainerBackend):
            if not backend.backends:
                return None
            top = backend.backends[0]
        if top.priority < 1:
            return None
    return backend


def _backend_name(backend: Any) -> str:
    return str(getattr(backend, "name", type(backend).__name__))


def _path(config_dir: Path, ref: str) -> Path:
    if not ref or "/" in ref or ref.startswith(".") or ref.startswith(KEYRING_PREFIX):
        raise UserError(f"not a secret reference: {ref!r}")
    return config_dir / FOLDER / ref


def store_secret(config_dir: Path, name: str, value: str) -> str:
    """Keep `value` as the secret `name` (from new_ref); the reference to save."""
    backend = keyring_backend()
    if backend is not None:
        try:
            backend.set_password(SERVICE, name, value)
        except Exception:  # a locked or refusing keyring: the private file instead
            pass
        else:
            return KEYRING_PREFIX + name
    _store_file(config_dir, name, value)
    return name


def _store_file(config_dir: Path, ref: str, value: str) -> Path:
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
    if ref.startswith(KEYRING_PREFIX):
        return _read_keyring(ref.removeprefix(KEYRING_PREFIX))
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


def _read_keyring(name: str) -> str:
    backend = keyring_backend()
    if backend is None:
        raise UserError(
            f"the password is kept in the OS keyring (entry {name!r} of {SERVICE!r}), and no "
            "keyring can be reached now",
            hint="Unlock your keyring (or sign in to your desktop session), or remove the "
            "account and add it again to keep the password in a private file.",
        )
    try:
        value = backend.get_password(SERVICE, name)
    except Exception as exc:
        raise UserError(
            f"the keyring {_backend_name(backend)} did not give the password "
            f"({type(exc).__name__})",
            hint="Unlock your keyring, then run the sync again.",
        ) from None
    if value is None:
        raise UserError(
            f"the password is missing from the keyring {_backend_name(backend)} "
            f"(entry {name!r} of {SERVICE!r})",
            hint="Remove the account and add it again (nextmove sync remove NAME; sync add …).",
        )
    return str(value)[:MAX_SECRET_BYTES]


def delete_secret(config_dir: Path, ref: str) -> str | None:
    """Forget the secret wherever it is kept. None when it is gone (or was never there);
    else what is left and where, for the user to delete by hand (a keyring that cannot be
    reached or refused)."""
    if ref.startswith(KEYRING_PREFIX):
        name = ref.removeprefix(KEYRING_PREFIX)
        backend = keyring_backend()
        if backend is None:
            return f"the password stays in your OS keyring (service {SERVICE!r}, entry {name!r})"
        try:
            if backend.get_password(SERVICE, name) is not None:
                backend.delete_password(SERVICE, name)
        except Exception:
            return (
                f"the keyring {_backend_name(backend)} did not delete the password "
                f"(service {SERVICE!r}, entry {name!r})"
            )
        return None
    with contextlib.suppress(FileNotFoundError):
        _path(config_dir, ref).unlink()
    return None


def secret_place(config_dir: Path, ref: str) -> tuple[str, str]:
    """Where the secret is kept: ("keyring", its entry) or ("file", its path)."""
    if ref.startswith(KEYRING_PREFIX):
        return "keyring", ref.removeprefix(KEYRING_PREFIX)
    return "file", str(_path(config_dir, ref))


def secret_location(config_dir: Path, ref: str) -> str:
    """Where the secret is kept, in words, for `sync list` (never the secret)."""
    kind, where = secret_place(config_dir, ref)
    if kind == "keyring":
        return f"OS keyring, service {SERVICE!r}, entry {where!r}"
    return f"file {where} (readable by you only)"
