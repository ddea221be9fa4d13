"""`nextmove report` and `nextmove meeting brief` at the command line: a PDF or one clear
message, never a traceback or a half-written file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def test_report_and_brief_of_the_demo(cli_sqlite: Cli, out: Path) -> None:
    assert cli_sqlite("demo --as-of 2026-11-22").exit_code == 0
    done = cli_sqlite(f"report {out / 'plan.pdf'} --as-of 2026-11-22")
    assert done.exit_code == 0, done.output
    assert "Wrote" in done.stdout and "pages" in done.stdout
    assert "Sofia Rossi" in _text(out / "plan.pdf")
    private = cli_sqlite(f"report {out / 'private.pdf'} --private --plan main --as-of 2026-11-22")
    assert private.exit_code == 0 and "private edition" in private.stdout
    assert "Sofia Rossi" not in _text(out / "private.pdf")
    brief = cli_sqlite(f"meeting brief 4 {out / 'brief.pdf'} --as-of 2026-11-22")
    assert brief.exit_code == 0, brief.output
    assert "minutes with" in _text(out / "brief.pdf")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ("report {out}/nowhere/plan.pdf", 2, "does not exist"),
        ("report {out}/plan.pdf --plan wild-card", 3, "no plan named 'wild-card'"),
        ("report {out}", 2, "is a folder"),
        ("meeting brief 999 {out}/brief.pdf", 3, "no meeting 999"),
        ("report {out}/plan.pdf --as-of 2026-13-01", 2, "as-of"),
    ],
)
def test_bad_input_is_one_clear_message_and_no_file(
    cli_sqlite: Cli, out: Path, args: str, code: int, message: str
) -> None:
    result = cli_sqlite(args.format(out=out))
    assert result.exit_code == code, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert list(out.iterdir()) == []


def test_names_in_any_script_and_stray_control_characters_still_print(
    cli_sqlite: Cli, out: Path
) -> None:
    """Libertinus has no Chinese or Arabic: the brief is still written (PDF/A needs every
    glyph, so it falls back to the machine's fonts, then to a plain PDF)."""
    assert cli_sqlite(["people", "add", "王小明", "--title", "Head of Product"]).exit_code == 0
    assert cli_sqlite(["meeting", "add", "王小明", "--why", "leads\x07 product"]).exit_code == 0
    brief = cli_sqlite(["meeting", "brief", "1", str(out / "wang.pdf")])
    assert brief.exit_code == 0, brief.output
    text = _text(out / "wang.pdf")
    assert "Head of Product" in text and "leads product" in " ".join(text.split())
    report = cli_sqlite(["report", str(out / "plan.pdf")])
    assert report.exit_code == 0, report.output
