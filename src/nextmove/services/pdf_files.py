"""Writing a printed document where the user asked: checked before any work is done,
written to a temporary file beside the target and renamed into place (a reader sees the
old file or the new one, never half of one), readable by the user alone."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nextmove.errors import UserError


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    pages: int
    size: int


def check_target(path: Path, *, example: str = "report.pdf") -> Path:
    """Where a PDF may be written: in a folder that exists, not over a folder. Checked
    before any work is done, so a typo costs nothing."""
    path = path.expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder", hint=f"Name the file, e.g. {path / example}.")
    if not path.parent.is_dir():
        raise UserError(
            f"{path}: the folder {path.parent} does not exist",
            hint="Create it first, or choose another place.",
        )
    if path.suffix.lower() != ".pdf":
        raise UserError(
            f"{path}: the file name should end in .pdf", hint=f"e.g. {path.stem or 'report'}.pdf"
        )
    return path


def write_file(path: Path, data: bytes) -> Written:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place: a reader
    sees the old file or the new one, never half of one; private to the user (0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"{path}: cannot write: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Written(path, page_count(data), len(data))


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    """Pages in a PDF Typst wrote (one page object each; Typst does not compress them)."""
    return len(_PAGE.findall(pdf))
