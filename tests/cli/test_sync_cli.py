"""`nextmove sync …` against a real Radicale the tests start: add, list, run, remove, and the
errors a user can meet (wrong password, unreachable server, bad address)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextmove.services.carddav import CardDAVStorage
from tests.conftest import Cli
from tests.dav_servers import DavServer, start_radicale

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CARD = """BEGIN:VCARD
VERSION:3.0
UID:dana-1
FN:Dana Park
N:Park;Dana;;;
ORG:Initech
TITLE:Head of Design
EMAIL:dana@initech.example
TEL:+1 617 555 0142
END:VCARD
"""


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DavServer]:
    server = start_radicale(tmp_path_factory.mktemp("radicale"))
    yield server
    server.stop()


@pytest.fixture
def book(radicale: DavServer) -> str:
    return radicale.make_collection()


def add(cli: Cli, radicale: DavServer, url: str, password: str | None = None) -> object:
    return cli(
        ["sync", "add", "phone", "--carddav", url, "--user", radicale.user, "--password-stdin"],
        input=(password or radicale.password) + "\n",
    )


def test_add_list_run_and_remove(cli: Cli, radicale: DavServer, book: str, tmp_path: Path) -> None:
    with CardDAVStorage(book, username=radicale.user, password=radicale.password) as phone:
        phone.create("dana.vcf", CARD)
        result = add(cli, radicale, book)
        assert result.exit_code == 0, result.output
        assert "Added phone" in result.stdout

        result = cli("sync run --dry-run")
        assert result.exit_code == 0, result.output
        assert "Would sync phone: in nextmove 1 new" in result.stdout
        assert "Dana" not in cli("people list").stdout

        result = cli("sync run phone --json")
        assert result.exit_code == 0, result.output
        (run,) = json.loads(result.stdout)["runs"]
        assert run["counts"]["created_in_nextmove"] == 1 and run["conflicts"] == []
        assert "Dana Park" in cli("people list").stdout

        # Both sides change Dana's title (nextmove's field: it wins, the other is shown);
        # a number added in nextmove and one changed on the phone are both kept.
        cli(
            [
                "people",
                "edit",
                "Dana Park",
                "--title",
                "Design Director",
                "--phone",
                "+1 000 555 0000",
            ]
        )
        href, etag, text = next(iter(phone.get_many(phone.list())))
        text = text.replace("+1 617 555 0142", "+1 617 555 0199")
        phone.update(href, text.replace("Head of Design", "VP Design"), etag)
        run = json.loads(cli("sync run --json").stdout)["runs"][0]
        (conflict,) = run["conflicts"]
        assert conflict["person"] == "Dana Park"
        assert conflict["fields"] == [
            {"field": "title", "winner": "nextmove", "kept": "Design Director", "lost": "VP Design"}
        ]
        _, _, text = next(iter(phone.get_many(phone.list())))
        assert "+1 617 555 0199" in text and "+1 000 555 0000" in text
        assert "TITLE:Design Director" in text

        listed = cli("sync list --json")
        (account,) = json.loads(listed.stdout)["accounts"]
        assert account["cards"] == 1 and account["user"] == radicale.user
        assert account["conflicts"][0]["fields"][0]["field"] == "title"
        assert radicale.password not in listed.stdout
        assert account["password_kept"].startswith("file ")  # no keyring in the tests
        assert account["password_kept"].endswith("(readable by you only)")
        table = cli("sync list").stdout
        assert "conflict" in table and "VP Design" in table
        assert "phone: the password is kept in the file " in table

        assert "0 updated" in cli("sync run").stdout
        assert "1 contact(s)" in cli("sync dismiss phone").stdout
        assert json.loads(cli("sync list --json").stdout)["accounts"][0]["conflicts"] == []
        result = cli("sync remove phone")
        assert result.exit_code == 0 and "unchanged" in result.stdout
        assert json.loads(cli("sync list --json").stdout) == {"accounts": []}
        assert "Dana Park" in cli("people list").stdout
        assert len(phone.list()) == 1


def test_a_wrong_password_exits_69_with_a_message_and_saves_nothing(
    cli: Cli, radicale: DavServer, book: str
) -> None:
    result = add(cli, radicale, book, password="not-it")
    assert result.exit_code == 69
    assert "refused the user name or password (HTTP 401)" in result.stderr
    assert "Traceback" not in result.output
    assert json.loads(cli("sync list --json").stdout) == {"accounts": []}


def test_an_unreachable_server_and_a_bad_address_are_clear_errors(cli: Cli) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = cli(
        [
            "sync",
            "add",
            "phone",
            "--carddav",
            f"http://127.0.0.1:{port}/",
            "--user",
            "u",
            "--password-stdin",
        ],
        input="pw\n",
    )
    assert result.exit_code == 69 and "cannot reach the server" in result.stderr
    result = cli(
        [
            "sync",
            "add",
            "phone",
            "--carddav",
            "ftp://example.com/",
            "--user",
            "u",
            "--password-stdin",
        ],
        input="pw\n",
    )
    assert result.exit_code == 2 and "not an http(s) address" in result.stderr
    result = cli("sync run")
    assert result.exit_code == 2 and "no sync account yet" in result.stderr
    result = cli("sync remove nope")
    assert result.exit_code == 3
