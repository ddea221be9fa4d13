"""Reading the files people export: bytes -> text (byte-order marks, UTF-16, legacy Windows
encodings), refusing binary files with a clear error, and CSV with the header found by scanning
and every record's starting line number."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from nextmove.errors import UserError

BINARY_SAMPLE = 8192


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from None


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16 text, or mostly non-text bytes, mean binary."""
    sample = data[:BINARY_SAMPLE]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and control / len(sample) > 0.05


def decode(data: bytes, source: str, *, what: str = "a text file") -> str:
    """Bytes of a text export -> str. UTF-8 (with or without BOM), UTF-16 with BOM, and the
    Windows-1252 of older Outlook and Excel files."""
    if looks_binary(data):
        kind = _binary_kind(data)
        raise UserError(
            f"{source}: not {what}: it is a binary file{kind}",
            hint="Export the data as text (CSV or vCard) and import that file.",
        )
    if data.startswith(codecs.BOM_UTF8):
        return _normalize(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # A damaged UTF-16 file reads like a damaged UTF-8 one: a lone surrogate becomes
        # U+FFFD and the rest of the file is read.
        # A dangling last byte (an odd byte count) is half a character: it is dropped.
        even = data[: len(data) - len(data) % 2]
        return _normalize(even.decode("utf-16", errors="replace"))
    try:
        return _normalize(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _normalize(data.decode("cp1252", errors="replace"))


_LINE_END = re.compile(r"\r*\n|\r")


def _normalize(text: str) -> str:
    """Every line end becomes LF, including the CR CR LF some phones write."""
    if "\r" not in text:
        return text
    return _LINE_END.sub("\n", text)


def _binary_kind(data: bytes) -> str:
    signatures = {
        b"PK\x03\x04": " (a ZIP archive or an Excel .xlsx workbook)",
        b"%PDF": " (a PDF document)",
        b"\xd0\xcf\x11\xe0": " (an old Excel .xls or Word document)",
        b"\x89PNG": " (a PNG image)",
        b"\xff\xd8\xff": " (a JPEG image)",
        b"SQLite format 3": " (a SQLite database)",
    }
    for magic, label in signatures.items():
        if data.startswith(magic):
            return label
    return ""


def fold_header(cell: str) -> str:
    """Header cell -> comparable key: "E-mail 1 - Value " -> "e-mail 1 - value"."""
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').lower().split())


@dataclass(slots=True)
class CsvTable:
    """A CSV file's header (found by scanning) and its data records, each with the line
    number it starts on."""

    source: str
    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, list[str]]]

    def index(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, cell in enumerate(self.header):
            found.setdefault(fold_header(cell), i)
        return found


def open_csv(
    text: str,
    source: str,
    *,
    is_header: Callable[[set[str]], bool],
    expected: str,
    scan_lines: int = 30,
) -> CsvTable:
    """Find the header row among the first `scan_lines` records (exports put notes above it),
    then iterate the records below it. A file with no such header is a UserError naming the
    columns it should have."""
    if not text.strip():
        raise UserError(f"{source}: the file is empty", hint=f"Expected a CSV with {expected}.")
    reader = csv.reader(io.StringIO(text), strict=False)
    header: list[str] | None = None
    header_line = 0
    first_rows: list[list[str]] = []
    try:
        for _ in range(scan_lines):
            try:
                row = next(reader)
            except StopIteration:
                break
            first_rows.append(row)
            if is_header({fold_header(c) for c in row if c.strip()}):
                header = row
                header_line = reader.line_num
                break
    except csv.Error as exc:
        raise UserError(f"{source}: not a readable CSV file: {exc}") from None
    if header is None:
        seen = next((r for r in first_rows if any(c.strip() for c in r)), [])
        shown = ", ".join(c.strip() for c in seen[:8] if c.strip()) or "nothing readable"
        shown = "".join(ch if ch.isprintable() else "·" for ch in shown)
        raise UserError(
            f"{source}: wrong columns: expected {expected}; the file starts with: {shown[:200]}",
            hint="Check that this is the right export and the right importer kind.",
        )
    while header and not header[-1].strip():
        header.pop()
    return CsvTable(source, header, header_line, _records(reader, source))


def _records(reader: csv.Reader, source: str) -> Iterator[tuple[int, list[str]]]:  # type: ignore[name-defined]
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UserError(f"{source}: line {start}: not readable as CSV: {exc}") from None
        if not row or not "".join(row).strip():
            continue
        yield start, row


def cell(row: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]
