"""Org-chart CSVs: columns found by their names, renamed with --map, bad files refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from nextmove.errors import UserError
from nextmove.formats.orgchart import open_orgchart, parse_column_map

FIXTURES = Path(__file__).parent / "fixtures"


def test_oracle_hr_columns_are_found_by_their_names() -> None:
    chart = open_orgchart(FIXTURES / "orgchart" / "oracle-hr.csv", "oracle-hr.csv")
    assert chart.columns == {
        "employee_id": 0,
        "first_name": 1,
        "last_name": 2,
        "email": 3,
        "title": 4,
        "manager_id": 5,
        "department": 6,
        "city": 7,
    }
    lines, rows = next(chart.batches(1000))
    assert len(rows) == 107 and lines[0] == 2
    assert rows[0][:3] == ["100", "Steven", "King"]


def test_map_renames_columns_the_synonyms_do_not_know() -> None:
    path = FIXTURES / "orgchart" / "renamed-columns.csv"
    with pytest.raises(UserError, match="no employee_id, manager_id column"):
        open_orgchart(path, "renamed.csv")
    mapping = parse_column_map(["employee_id=EmpNo", "manager_id=Boss", "name=Full Name"])
    chart = open_orgchart(path, "renamed.csv", mapping)
    assert chart.columns["employee_id"] == 0 and chart.columns["manager_id"] == 3
    assert chart.columns["title"] == 2  # "Job" is a known synonym


def test_a_map_naming_a_missing_column_is_an_error_listing_the_columns() -> None:
    with pytest.raises(UserError, match="there is no column 'Nope'"):
        open_orgchart(
            FIXTURES / "orgchart" / "oracle-hr.csv", "x", parse_column_map(["employee_id=Nope"])
        )


def test_a_badly_written_map_says_how_to_write_it() -> None:
    with pytest.raises(UserError, match="FIELD=COLUMN"):
        parse_column_map(["employee_id"])
    with pytest.raises(UserError, match="unknown field 'boss'"):
        parse_column_map(["boss=Boss"])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad/photo-renamed-to.csv", "not a CSV file: it is a binary file"),
        ("bad/empty.csv", "the file is empty"),
        ("orgchart/wrong-columns.csv", "wrong columns"),
    ],
)
def test_files_that_are_not_org_charts_are_one_clear_error(name: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        open_orgchart(FIXTURES / name, name)


def _reference_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Every data row with the line it starts on, read row by row with the csv module."""
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, strict=False)
        next(reader)
        line = reader.line_num
        for row in reader:
            if row and (len(row) > 1 or row[0].strip()):
                out.append((line + 1, row))
            line = reader.line_num
    return out


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_rows_and_their_lines_are_the_same_read_in_blocks_or_row_by_row(
    tmp_path: Path, newline: str
) -> None:
    plain = [f"{i},Ana {i},{i // 7 or ''}" for i in range(1, 3000)]
    body = [
        *plain[:1000],
        "",
        "   ",
        "solo",
        *plain[1000:2000],
        '4001,"Okafor,\nBen",1',
        '4002,"Rosa ""R"" Silva",1',
        "",
        *plain[2000:],
    ]
    path = tmp_path / "chart.csv"
    path.write_text(newline.join(["employee_id,name,manager_id", *body]) + newline, newline="")
    chart = open_orgchart(path, "chart.csv")
    read = [
        (line, row)
        for lines, rows in chart.batches(50)
        for line, row in zip(lines, rows, strict=True)
    ]
    assert read == _reference_rows(path)
    assert read[1000] == (1004, ["solo"])
    assert read[2001] == (2005, ["4001", "Okafor,\nBen", "1"])
    assert read[2003][0] == 2009


@pytest.mark.parametrize("at", range(200, 330))
def test_a_quoted_cell_spanning_lines_anywhere_keeps_every_row_and_line(
    tmp_path: Path, at: int
) -> None:
    plain = [
        f'{i},"Lead, {i}",x"y,{i // 7 or ""}' if i % 5 == 0 else f"{i},Ana {i},z,{i // 7 or ''}"
        for i in range(1, 1200)
    ]
    body = [*plain[:at], '9001,"two' + " long" * 20 + '\nlines",t,1', *plain[at:]]
    path = tmp_path / "chart.csv"
    path.write_text("\n".join(["employee_id,name,title,manager_id", *body]), newline="")
    chart = open_orgchart(path, "chart.csv")
    read = [
        (line, row)
        for lines, rows in chart.batches(50)
        for line, row in zip(lines, rows, strict=True)
    ]
    assert read == _reference_rows(path)
    assert read[at] == (at + 2, ["9001", "two" + " long" * 20 + "\nlines", "t", "1"])
