"""Delete means delete: after `people delete`, nothing nextmove stores names the person, on
both backends; on SQLite the database file and its write-ahead log hold no trace either, and
the files nextmove creates are private (0600 in a 0700 folder)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from nextmove.services.workspace import Workspace
from nextmove.store import models  # noqa: F401  (registers every table)
from nextmove.store.base import Base
from nextmove.store.models import ImportRun
from tests.conftest import NOW, Cli

NAME = "Zelda Quixote-Marwick"
EMAIL = "zelda.qm@example.org"
PHONE = "+1 555 0142 987"
# Everything distinctive recorded with or about her.
TRACES = (
    "Zelda",
    "Quixote",
    "Marwick",
    "zelda.qm",
    "0142 987",
    "kayaking in Troms",
    "Xylophage",
    "budget doubles",
    "hires PMs in spring",
    "coached me on negotiation",
    "home-jdoe-private",
    "Zelda thinks",  # her first name in the notes of someone she introduced
)
OTHER_NOTES = "a different Zelda: keeps her notes"
VCARD = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{NAME}\r\nEMAIL:{EMAIL}\r\nTEL:{PHONE}\r\nEND:VCARD\r\n"


def use_her_everywhere(cli: Cli, tmp_path: Path) -> None:
    """Zelda, used across features: details, a contact, a meeting with notes, an insight and a
    referral, the board, a personal cadence, an opportunity, an import of her own vCard file
    from a folder that names the user, and other people's notes that mention her."""
    folder = tmp_path / "home-jdoe-private"
    folder.mkdir()
    card = folder / "zelda_quixote-marwick.vcf"
    card.write_text(VCARD, encoding="utf-8")
    steps = [
        ["people", "add", NAME, "--email", EMAIL, "--phone", PHONE,
         "--notes", "Zelda loves kayaking in Tromsø", "--organization", "Acme"],
        ["import", "vcard", str(card)],
        ["touch", NAME, "--note", "coffee about the Xylophage project"],
        ["meeting", "add", "1", "--why", "Zelda built the Xylophage team"],
        ["meeting", "note", "1", "the Xylophage budget doubles next year"],
        ["meeting", "insight", "1", "Xylophage hires PMs in spring"],
        ["meeting", "refer", "1", "Bruno Vantongerloo", "--org", "Acme"],
        ["people", "add", "Carla Other", "--notes", f"met {NAME} ({EMAIL}) at a summit"],
        ["people", "add", "Zelda Other", "--notes", OTHER_NOTES],
        ["board", "set", "1", "1", "--why", "Zelda coached me on negotiation"],
        ["keep", "set", "1", "--every", "30:45"],
        ["opp", "add", "Group PM", "-o", "Acme", "--source", "network-referral", "--notes", f"ask {NAME} about the team"],
        ["opp", "link", "1", "1", "--role", "referrer"],
        ["people", "edit", "Bruno Vantongerloo", "--notes", "Zelda thinks he is great"],
    ]  # fmt: skip
    for args in steps:
        result = cli(args)
        assert result.exit_code == 0, (args, result.output)


def database_text(db: Workspace) -> str:
    """Every value of every row of every table, as text."""
    parts: list[str] = []
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)).all():
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def found(text: str) -> list[str]:
    """The traces in a database dump. "Zelda Other" is someone else: her row stays."""
    text = "\n".join(line for line in text.splitlines() if "zelda other" not in line.lower())
    return [t for t in TRACES if t.casefold() in text.casefold()]


def found_in_bytes(text: str) -> list[str]:
    """The traces in a file's bytes (her first name alone is also Zelda Other's)."""
    return [t for t in TRACES if t != "Zelda" and t.casefold() in text.casefold()]


def test_deleting_a_person_leaves_no_trace_in_any_table(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    use_her_everywhere(cli, tmp_path)
    db = Workspace.open(db_url)
    try:
        with db.session() as session:  # import history as release 0.1 wrote it: whole paths
            session.execute(
                insert(ImportRun).values(
                    kind="linkedin", file=str(tmp_path / "home-jdoe-private" / "Connections.csv"),
                    started_at=NOW, partial=False,
                )
            )  # fmt: skip
        assert found(database_text(db)) != []  # the scan sees her before
        result = cli(["people", "delete", NAME, "--yes"])
        assert result.exit_code == 0, result.output
        assert found(database_text(db)) == []
        shown = cli(["people", "show", "Bruno Vantongerloo"]).output
        assert "introduced by a deleted contact" in shown
        # She introduced him: his notes are about her, so her first name goes there too.
        bruno = json.loads(cli(["people", "show", "Bruno Vantongerloo", "--json"]).stdout)
        assert bruno["notes"] == "a deleted contact thinks he is great"
        carla = cli(["people", "show", "Carla Other", "--json"]).stdout
        assert json.loads(carla)["notes"] == "met a deleted contact ([removed]) at a summit"
        other = json.loads(cli(["people", "show", "Zelda Other", "--json"]).stdout)
        assert other["notes"] == OTHER_NOTES
        meetings = cli(["meeting", "list", "--json"]).stdout
        assert "a deleted contact suggested I talk to you" in meetings
        history = database_text(db)
        assert "[removed].vcf" in history  # the import is kept, without her name
        assert "'Connections.csv'" in history  # and without the user's folders
    finally:
        db.dispose()


def scan_files(*folders: Path) -> dict[str, list[str]]:
    """Every file under the folders that holds a trace (as bytes, UTF-8), with the traces."""
    hits: dict[str, list[str]] = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes().decode("utf-8", "replace")
                if found_in_bytes(data):
                    hits[str(path)] = found_in_bytes(data)
    return hits


def test_deleted_person_is_gone_from_the_database_file_and_its_log(
    cli_sqlite: Cli, tmp_path: Path
) -> None:
    use_her_everywhere(cli_sqlite, tmp_path)
    (tmp_path / "home-jdoe-private").joinpath("zelda_quixote-marwick.vcf").unlink()
    db_file = tmp_path / "cli.db"
    # A connection kept open, as the web app keeps one: the log stays on disk meanwhile.
    db = Workspace.open(f"sqlite:///{db_file}")
    try:
        database_text(db)
        with db.engine.connect() as connection:  # some builds (Debian's) default to it
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert scan_files(tmp_path) != {}
        assert cli_sqlite(["people", "delete", NAME, "--yes"]).exit_code == 0
        wal = Path(f"{db_file}-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        assert scan_files(tmp_path) == {}
    finally:
        db.dispose()
    assert scan_files(tmp_path) == {}


def test_a_new_database_and_its_folder_are_private(cli_sqlite: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    url = f"sqlite:///{folder / 'nextmove.db'}"
    db = Workspace.open(url)
    try:
        with db.session() as session:
            session.execute(select(1))
        database_text(db)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for path in folder.iterdir():  # the database, its -wal and -shm
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        names = {p.name for p in folder.iterdir()}
        assert names == {"nextmove.db", "nextmove.db-wal", "nextmove.db-shm"}
    finally:
        db.dispose()


@pytest.mark.parametrize("ref", ["Zelda Quixote-Marwick", "1"])
def test_people_export_writes_everything_about_one_person(
    cli: Cli, tmp_path: Path, ref: str
) -> None:
    use_her_everywhere(cli, tmp_path)
    out = tmp_path / "export" / "zelda.json"
    result = cli(["people", "export", ref, str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "nextmove-person-export"
    person = data["person"]
    assert person["name"] == NAME
    assert person["emails"][0]["address"] == EMAIL
    assert person["phones"][0]["number"] == PHONE
    assert "kayaking" in person["notes"]
    assert [i["note"] for i in person["interactions"] if i["note"]] == [
        "coffee about the Xylophage project"
    ]
    # Added by hand (a "manual" source: someone you know directly), then her vCard.
    assert [s["kind"] for s in person["sources"]] == ["manual", "vcard"]
    assert [t["name"] for t in person["ties"]] == ["Bruno Vantongerloo"]
    (meeting,) = data["meetings"]
    assert "budget doubles" in meeting["notes"]
    assert [i["text"] for i in meeting["insights"]] == ["Xylophage hires PMs in spring"]
    assert [r["person"]["name"] for r in meeting["referrals"]] == ["Bruno Vantongerloo"]
    assert data["board_seat"]["why"] == "Zelda coached me on negotiation"
    assert data["keep_in_touch"]["ideal_days"] == 30
    assert [(o["title"], o["role"]) for o in data["opportunities"]] == [("Group PM", "referrer")]
    # Nobody else's private details come along.
    assert "Carla" not in out.read_text(encoding="utf-8")
    # `-` prints the same document.
    printed = json.loads(cli(["people", "export", ref, "-"]).stdout)
    assert printed["person"] == data["person"] and printed["meetings"] == data["meetings"]


def test_people_export_of_someone_unknown_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "nobody.json"
    result = cli(["people", "export", "Nobody Here", str(out)])
    assert result.exit_code != 0
    assert "Nobody Here" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_the_first_name_goes_from_texts_about_the_deleted_person_only(cli: Cli) -> None:
    """The demo's Priya Nayak referred the user to opportunity #4 ("Priya (a former colleague)
    referred me"): deleting her rewrites that too, and says so; Priya Shah, another person
    with her first name, keeps "Priya" in her notes, and so does an unrelated journal note."""
    assert cli(["demo", "--as-of", "2026-11-22"]).exit_code == 0
    shah_notes = "Priya runs the Friday design critique"
    steps = [
        ["people", "add", "Priya Shah", "--notes", shah_notes],
        ["journal", "add", "coffee with Priya from design", "-e", "1", "-g", "3",
         "--date", "2026-11-21"],
        ["journal", "add", "mentoring", "-e", "1", "-g", "3", "--date", "2026-11-21",
         "--note", "Priya Nayak said Priya would help"],
    ]  # fmt: skip
    for args in steps:
        added = cli(args)
        assert added.exit_code == 0, (args, added.output)
    before = json.loads(cli(["opp", "show", "4", "--json"]).stdout)
    assert "Priya (a former colleague) referred me" in before["notes"]

    asked = cli(["people", "delete", "Priya Nayak"], input="n\n")
    assert asked.exit_code != 0  # declined: nothing changed
    assert "1 text in 1 opportunity" in asked.output
    assert json.loads(cli(["opp", "show", "4", "--json"]).stdout)["notes"] == before["notes"]

    done = cli(["people", "delete", "Priya Nayak", "--yes"])
    assert done.exit_code == 0, done.output
    assert "Rewritten:" in done.output and "1 opportunity" in done.output
    notes = json.loads(cli(["opp", "show", "4", "--json"]).stdout)["notes"]
    assert "Priya" not in notes
    assert notes.startswith("a deleted contact (a former colleague) referred me")
    shah = json.loads(cli(["people", "show", "Priya Shah", "--json"]).stdout)
    assert shah["notes"] == shah_notes
    journal = cli(["journal", "list", "--json", "--as-of", "2026-11-22"]).stdout
    assert "coffee with Priya from design" in journal  # not about her: kept
    assert "a deleted contact said a deleted contact would help" in journal  # named in full
