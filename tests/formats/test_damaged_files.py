"""Damaged files of every importer's format, each built from the input that showed a bug on
0.1: a clear UserError naming the file, or a clean read — never an internal error."""

from __future__ import annotations

import codecs
import io
import struct
import zipfile

import pytest

from nextmove.domain.people import ContactRecord
from nextmove.errors import UserError
from nextmove.formats.linkedin import (
    MAX_MEMBER_BYTES,
    parse_connections,
    read_export_zip,
)
from nextmove.formats.textfile import decode

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Okafor,,ana@example.org,Acme,Product Manager,09 Oct 2024\n"
)


def utf16(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def records(text: str) -> list[ContactRecord]:
    return [r for r in parse_connections(text, "Connections.csv") if isinstance(r, ContactRecord)]


def test_a_utf16_file_with_an_odd_byte_count_reads_all_but_the_dangling_byte() -> None:
    text = decode(utf16(CONNECTIONS) + b"\x41", "Connections.csv")
    assert text == CONNECTIONS
    assert [r.name for r in records(text)] == ["Ana Okafor"]


def test_a_utf16_file_with_an_illegal_surrogate_reads_it_as_a_replacement_character() -> None:
    # "Acme" with its "c" replaced by a lone high surrogate (D800) that nothing follows.
    damaged = utf16(CONNECTIONS).replace("Acme".encode("utf-16-le"), b"A\x00\x00\xd8m\x00e\x00")
    text = decode(damaged, "Connections.csv")
    assert [r.organization for r in records(text)] == ["A\ufffdme"]


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_a_zip_with_corrupt_compressed_data_is_one_clear_error(method: int) -> None:
    data = bytearray(zip_of({"Connections.csv": CONNECTIONS.encode() * 40}, method))
    start = 30 + len("Connections.csv")  # the local header, then the compressed bytes
    data[start + 8 : start + 40] = b"\x5a" * 32
    with pytest.raises(
        UserError, match=r"export\.zip:Connections\.csv: cannot be read, the ZIP is damaged"
    ):
        read_export_zip(bytes(data), "export.zip")


def test_a_zip_whose_member_offset_seeks_before_the_start_is_one_clear_error() -> None:
    data = bytearray(zip_of({"Connections.csv": CONNECTIONS.encode()}))
    end = data.rindex(b"PK\x05\x06")
    # The end record's "central directory starts at" moved past where it is: zipfile then
    # reads every member's offset as lying before the start of the file.
    (where,) = struct.unpack_from("<I", data, end + 16)
    struct.pack_into("<I", data, end + 16, where + 4096)
    with pytest.raises(UserError, match=r"export\.zip.*(damaged|not a readable ZIP)"):
        read_export_zip(bytes(data), "export.zip")


def bomb(size: int) -> bytes:
    """A ZIP whose Connections.csv is `size` bytes that deflate to almost nothing, written
    in chunks so the test itself stays small in memory."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("Connections.csv", "w", force_zip64=True) as member,
    ):
        member.write(CONNECTIONS.encode())
        block = b" " * (1024 * 1024)
        for _ in range(size // len(block)):
            member.write(block)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_by_its_inflation_ratio_before_it_is_inflated() -> None:
    data = bomb(8 * 1024 * 1024)
    assert len(data) < 100_000
    with pytest.raises(UserError, match=r"refused: it would inflate \d+ times") as caught:
        read_export_zip(data, "export.zip")
    assert "ZIP bomb" in (caught.value.hint or "")


def test_a_zip_member_larger_than_the_cap_is_refused() -> None:
    data = bomb(MAX_MEMBER_BYTES + 1024 * 1024)
    with pytest.raises(
        UserError, match=r"Connections\.csv: too large: it inflates to more than 64 MB"
    ):
        read_export_zip(data, "export.zip")


def test_a_zip_that_claims_a_small_size_but_inflates_further_is_cut_off() -> None:
    payload = CONNECTIONS.encode() + b" " * 4096
    data = bytearray(zip_of({"Connections.csv": payload}))
    # Both headers claim 100 bytes; zipfile trusts the claim and reads no further than it.
    for header, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(header)
        struct.pack_into("<I", data, at + offset, 100)
    with pytest.raises(UserError, match="damaged"):
        read_export_zip(bytes(data), "export.zip")


def test_a_vcard_property_vobject_would_backtrack_on_for_hours_is_a_problem_of_its_card() -> None:
    from nextmove.errors import Problem
    from nextmove.formats.vcard import parse_vcards

    # Found by benchmarks/fuzz_imports.py: 24 characters of ",=" took vobject 7 s to refuse,
    # each one more doubled it; the fuzzed file held an import for hours.
    cards = (
        "BEGIN:VCARD\nVERSION:2.1\nFN:Ana Okafor\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nFN:Ben Schmidt\nNOTE;CHARSET=UTF-8;ENCODIN"
        + ",=" * 40
        + "\nEND:VCARD\n"
    )
    first, second = parse_vcards(cards, "contacts.vcf")
    assert isinstance(first, ContactRecord) and first.name == "Ana Okafor"
    assert isinstance(second, Problem)
    assert str(second) == (
        "card 2 (line 5): cannot be read: line 4 of the card is not NAME;PARAMETERS:VALUE: "
        "'NOTE;CHARSET=UTF-8;ENCODIN,=,=,=,=,=,=,='"
    )
