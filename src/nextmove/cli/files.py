"""Reading the files users name on the command line, with one wording for every failure."""

from __future__ import annotations

import sys
from pathlib import Path

from nextmove.errors import UserError


def read_bytes(file: Path) -> tuple[bytes, str]:
    """The bytes of FILE (`-` is standard input) and the name to report it by."""
    if str(file) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return (stream.read() if stream else sys.stdin.read().encode()), "<stdin>"
    try:
        return file.read_bytes(), str(file)
    except FileNotFoundError:
        raise UserError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{file}: is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"{file}: cannot read: {exc.strerror}") from None


def read_text(file: Path, *, what: str) -> tuple[str, str]:
    """FILE as UTF-8 text (a byte-order mark is dropped); `what` names the expected kind."""
    raw, source = read_bytes(file)
    try:
        return raw.decode("utf-8-sig"), source
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{source}: not UTF-8 text (byte {exc.start})", hint=f"{what} is UTF-8 text."
        ) from None
