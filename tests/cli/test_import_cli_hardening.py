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


def calendar(*lines: str) -> str:
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VEVENT",
            "UID:one",
            "DTSTAMP:20260101T000000Z",
            *lines,
            "DURATION:PT1H",
            "SUMMARY:Coffee",
            "ATTENDEE:mailto:ana@example.org",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )


def test_calendars_that_crashed_or_hung_0_1_end_cleanly_in_import_and_slots(
    cli_sqlite: Cli, tmp_path: Path
) -> None:
    cases = {
        "long-tzid.ics": (calendar("DTSTART;TZID=" + "X" * 300 + ":20261102T100000"), 0),
        "stray-end-vtimezone.ics": (calendar("DTSTART:20261102T100000Z", "END:VTIMEZONE"), 2),
        "interval-zero.ics": (
            calendar("DTSTART:20261102T100000Z", "RRULE:FREQ=DAILY;INTERVAL=0"),
            2,
        ),
    }
    for name, (text, code) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        for command in (
            ["import", "ics", str(path), "--as-of", "2026-11-22"],
            ["slots", "--busy", str(path), "--as-of", "2026-11-01"],
        ):
            result = cli_sqlite(command)
            assert result.exit_code == code, (name, command, result.output)
            assert "Internal error" not in result.output
            if code:
                assert name in result.stderr
