"""`nextmove import` through the CLI's boundary with inputs that broke 0.1's report."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_rich_markup_in_a_cell_is_shown_as_written_after_a_partial_import(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "Connections [red].csv"
    path.write_text(
        HEADER
        + "Ana [/],Okafor,,ana@example.org,[bold]Acme[/],PM,09 Oct 2024\n"
        + "Ben,[/]Schmidt,,,Contoso,Engineer,[/] soon\n"
    )
    result = cli(["import", "linkedin", str(path), "--partial"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "Connections [red].csv" in result.stdout
    assert "line 3: Connected On: '[/] soon' is not a date" in result.stdout
    shown = cli("people list --json")
    assert '"Ana [/] Okafor"' in shown.stdout
    assert '"[bold]Acme[/]"' in shown.stdout


def test_rich_markup_in_a_job_change_is_shown_as_written(cli: Cli, tmp_path: Path) -> None:
    before = tmp_path / "before.csv"
    before.write_text(HEADER + "Ana,Okafor,,ana@example.org,Acme,PM,09 Oct 2024\n")
    after = tmp_path / "after.csv"
    after.write_text(HEADER + "Ana,Okafor,,ana@example.org,[red]Lumen[/],[/]Director,09 Oct 2024\n")
    assert cli(["import", "linkedin", str(before)]).exit_code == 0
    result = cli(["import", "linkedin", str(after)])
    assert result.exit_code == 0, result.output
    assert "PM at Acme → [/]Director at [red]Lumen[/]" in result.stdout
