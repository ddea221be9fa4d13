"""LinkedIn's data export: Connections.csv in every shape seen in the wild, and the export ZIP
with Invitations.csv and messages.csv.

Connections.csv shapes:
- current: three preamble lines (`Notes:`, one quoted sentence, a blank line) before
  `First Name,Last Name,URL,Email Address,Company,Position,Connected On`, dates `09 Oct 2024`,
  often no trailing newline;
- older: no preamble, no URL column, dates `"1/8/18, 6:14 PM"`, and an Email Address that may
  hold `urn:li:member:…` instead of an address;
- re-saved by a spreadsheet: trailing commas on the preamble, dates `23-Nov-21`;
- any of them with a byte-order mark, CRLF or LF line ends.
The header is found by scanning. Rows of hidden profiles (`,,,,,,02 Jun 2022`) are skipped and
counted.
"""

from __future__ import annotations

import io
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import PurePosixPath

from nextmove.domain.imports import Skip
from nextmove.domain.people import (
    ContactRecord,
    Labeled,
    clean_text,
    name_key,
    normalize_email,
    normalize_profile_url,
    strip_credentials,
)
from nextmove.errors import Problem, UserError
from nextmove.formats.textfile import cell, decode, open_csv

EXPECTED = "LinkedIn's columns First Name, Last Name, Company, Position, Connected On"
HOW_KNOWN = "LinkedIn connection"

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_DATE_FORMATS = (
    "%d %b %Y",  # 09 Oct 2024
    "%d-%b-%y",  # 23-Nov-21
    "%d-%b-%Y",
    "%m/%d/%y, %I:%M %p",  # 1/8/18, 6:14 PM
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%Y-%m-%d",
    "%d %B %Y",
    "%b %d, %Y",
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y-%m-%d %H:%M:%S",
)


@lru_cache(maxsize=8192)
def parse_date(value: str) -> date | None:
    """A LinkedIn date in any of its export formats; None when empty. ValueError otherwise."""
    text = " ".join(value.replace("\u202f", " ").split())
    if not text:
        return None
    parts = text.split(" ")
    if len(parts) == 3 and parts[1] in _MONTHS and parts[0].isdigit() and parts[2].isdigit():
        try:  # the current export's "09 Oct 2024", without strptime's overhead
            return date(int(parts[2]), _MONTHS[parts[1]], int(parts[0]))
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value.strip()!r} is not a date")


def _is_header(cells: set[str]) -> bool:
    return {"first name", "last name"} <= cells and bool(
        cells & {"company", "position", "connected on", "email address"}
    )


Item = ContactRecord | Skip | Problem


def parse_connections(text: str, source: str) -> Iterator[Item]:
    """Connections.csv text -> records (with line numbers), skips and problems."""
    table = open_csv(text, source, is_header=_is_header, expected=EXPECTED)
    col = table.index()
    names = (
        "first name",
        "last name",
        "url",
        "email address",
        "company",
        "position",
        "connected on",
    )
    indexes = [col.get(n, -1) for n in names]
    width = max(indexes) + 2
    # A column the file lacks reads as the always-empty cell just past the widest column.
    fi, li, ui, ei, ci, pi, di = (i if i >= 0 else width - 1 for i in indexes)
    for line, row in table.rows:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        first_name = clean_text(row[fi])
        last_raw = row[li]
        last_name = strip_credentials(last_raw) if last_raw else ""
        name = f"{first_name} {last_name}" if first_name and last_name else first_name or last_name
        raw_url = row[ui].strip()
        raw_email = row[ei].strip()
        org = clean_text(row[ci])
        title = clean_text(row[pi])
        if not name:
            where = f"line {line}"
            if raw_url or raw_email or org or title:
                yield Problem(where, "no name")
            else:
                yield Skip(where, "hidden profile (LinkedIn exports no details)")
            continue
        try:
            since = parse_date(row[di])
        except ValueError as exc:
            yield Problem(f"line {line}", f"Connected On: {exc}")
            continue
        profile = normalize_profile_url(raw_url) if raw_url else None
        if raw_url and profile is None:
            yield Problem(f"line {line}", f"URL: {raw_url!r} is not a LinkedIn profile URL")
            continue
        address = normalize_email(raw_email) if raw_email else None
        if profile:
            key = profile
        elif raw_email.startswith("urn:li:member:"):
            key = raw_email
        else:
            key = f"{name_key(name)}|{since.isoformat() if since else ''}"
        yield ContactRecord(
            where=f"line {line}",
            key=key,
            name=name,
            first_name=first_name,
            last_name=last_name,
            emails=[Labeled(address, "")] if address else [],
            profile_url=profile,
            organization=org,
            title=title,
            known_since=since,
            how_known=HOW_KNOWN,
        )


# ---------------------------------------------------------------------------- the export ZIP


@dataclass(frozen=True, slots=True)
class Exchange:
    """A message or invitation with the people at the other end (profile URLs)."""

    where: str
    key: str
    day: date
    kind: str  # "message"
    note: str
    profile_urls: tuple[str, ...]
    names: tuple[str, ...] = ()


@dataclass(slots=True)
class LinkedInExport:
    connections: str | None  # the text of Connections.csv
    invitations: str | None
    messages: str | None
    names: dict[str, str]  # which member of the ZIP each came from


def _member(zf: zipfile.ZipFile, wanted: str) -> zipfile.ZipInfo | None:
    for info in zf.infolist():
        if PurePosixPath(info.filename).name.lower() == wanted.lower() and not info.is_dir():
            return info
    return None


# LinkedIn's largest CSVs (messages.csv of a very active member) are tens of megabytes, and
# CSV text deflates about 3 to 10 times. Members are checked against both caps before a byte
# is inflated, and again while inflating (a ZIP's sizes are claims, not facts).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024  # tiny members compress oddly; the ratio is checked above this
_CHUNK = 1024 * 1024
# What a damaged archive makes zipfile and its decompressors raise.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    ValueError,
    OSError,
    RuntimeError,
    NotImplementedError,
    OverflowError,
    struct.error,
)
_HINT_AGAIN = "Download the export from LinkedIn again and import the new ZIP."


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """The member's bytes, refused before inflating when it claims to be too large or to
    inflate too far, and cut off while inflating when it inflates beyond what it claimed."""
    name = f"{source}:{info.filename}"
    mb = MAX_MEMBER_BYTES // (1024 * 1024)
    too_large = UserError(
        f"{name}: too large: it inflates to more than {mb} MB",
        hint="A LinkedIn export's CSV files are far smaller; this ZIP is not one LinkedIn "
        "made, or it is damaged. " + _HINT_AGAIN,
    )
    if info.file_size > MAX_MEMBER_BYTES:
        raise too_large
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        raise UserError(
            f"{name}: refused: it would inflate {info.file_size // max(info.compress_size, 1)} "
            f"times ({info.compress_size} bytes to {info.file_size}); CSV text inflates "
            f"at most {MAX_RATIO} times",
            hint="This looks like a ZIP bomb, not a LinkedIn export. " + _HINT_AGAIN,
        )
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if total > MAX_MEMBER_BYTES or total > info.file_size:
                    raise too_large
                chunks.append(chunk)
    except _DAMAGED as exc:
        raise UserError(
            f"{name}: cannot be read, the ZIP is damaged ({_reason(exc)})", hint=_HINT_AGAIN
        ) from None
    return b"".join(chunks)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def read_export_zip(data: bytes, source: str) -> LinkedInExport:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED as exc:
        raise UserError(
            f"{source}: not a readable ZIP archive ({_reason(exc)})", hint=_HINT_AGAIN
        ) from None
    with zf:
        names: dict[str, str] = {}
        texts: dict[str, str | None] = {}
        for wanted in ("Connections.csv", "Invitations.csv", "messages.csv"):
            info = _member(zf, wanted)
            if info is None:
                texts[wanted] = None
                continue
            names[wanted] = f"{source}:{info.filename}"
            raw = _read_member(zf, info, source)
            texts[wanted] = decode(raw, names[wanted], what="a CSV file")
    if texts["Connections.csv"] is None:
        raise UserError(
            f"{source}: no Connections.csv in this ZIP",
            hint="Request 'Connections' (or the full archive) in LinkedIn's Get a copy of "
            "your data, and import the ZIP it sends.",
        )
    return LinkedInExport(
        texts["Connections.csv"], texts["Invitations.csv"], texts["messages.csv"], names
    )


def _snippet(text: str, size: int = 80) -> str:
    text = clean_text(re.sub(r"<[^>]+>", " ", text))
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def parse_invitations(text: str, source: str) -> Iterator[Exchange | Problem]:
    table = open_csv(
        text,
        source,
        is_header=lambda c: {"from", "to", "sent at"} <= c,
        expected="From, To, Sent At, Message, Direction",
    )
    col = table.index()
    for line, row in table.rows:
        where = f"line {line}"
        try:
            day = parse_date(cell(row, col.get("sent at")))
        except ValueError as exc:
            yield Problem(where, f"Sent At: {exc}")
            continue
        if day is None:
            yield Problem(where, "Sent At: missing")
            continue
        outgoing = cell(row, col.get("direction")).strip().upper() == "OUTGOING"
        other_url = cell(row, col.get("inviteeprofileurl" if outgoing else "inviterprofileurl"))
        other_name = cell(row, col.get("to" if outgoing else "from"))
        url = normalize_profile_url(other_url)
        message = cell(row, col.get("message"))
        note = "LinkedIn invitation " + ("sent" if outgoing else "received")
        if message.strip():
            note += f": {_snippet(message)}"
        yield Exchange(
            where,
            f"linkedin-invitation:{url or name_key(other_name)}:{day.isoformat()}",
            day,
            "message",
            note,
            (url,) if url else (),
            (clean_text(other_name),),
        )


def parse_messages(text: str, source: str) -> Iterator[Exchange | Problem]:
    """messages.csv -> one exchange per conversation and day (a chatty thread is one contact
    per day, not hundreds)."""
    table = open_csv(
        text,
        source,
        is_header=lambda c: {"conversation id", "from", "date"} <= c,
        expected="CONVERSATION ID, FROM, SENDER PROFILE URL, TO, RECIPIENT PROFILE URLS, DATE",
    )
    col = table.index()
    seen: set[tuple[str, date]] = set()
    for line, row in table.rows:
        where = f"line {line}"
        conversation = cell(row, col.get("conversation id")).strip()
        try:
            day = parse_date(cell(row, col.get("date")))
        except ValueError as exc:
            yield Problem(where, f"DATE: {exc}")
            continue
        if day is None or not conversation:
            yield Problem(where, "no date or conversation id")
            continue
        if (conversation, day) in seen:
            continue
        seen.add((conversation, day))
        urls = [cell(row, col.get("sender profile url"))]
        urls += re.split(r"[,\s]+", cell(row, col.get("recipient profile urls")))
        profiles = tuple(dict.fromkeys(u for u in map(normalize_profile_url, urls) if u))
        subject = cell(row, col.get("subject")) or cell(row, col.get("conversation title"))
        content = cell(row, col.get("content"))
        note = "LinkedIn message"
        if subject.strip() or content.strip():
            note += f": {_snippet(subject or content)}"
        yield Exchange(
            where,
            f"linkedin-message:{conversation}:{day.isoformat()}",
            day,
            "message",
            note,
            profiles,
        )
