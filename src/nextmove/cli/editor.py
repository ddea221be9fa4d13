"""Opening text in the user's editor ($EDITOR): one way to start it and word its failures."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from nextmove.errors import UserError


def edit_text(setting: str | None, text: str, name: str) -> str:
    """TEXT as the user left it after editing a temporary file called NAME.

    The editor is `setting` (config.toml), else $VISUAL, else $EDITOR, else vi.
    """
    editor = setting or os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory(prefix="nextmove-") as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        try:
            code = subprocess.call([*shlex.split(editor), str(path)])
        except OSError as exc:
            raise UserError(
                f"cannot start the editor {editor!r}: {exc.strerror}",
                hint="Set $EDITOR (or `editor` in config.toml).",
            ) from None
        if code != 0:
            raise UserError(f"the editor {editor!r} exited with code {code}; nothing was saved")
        return path.read_text(encoding="utf-8")
