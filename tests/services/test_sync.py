"""Two-way sync with real CardDAV servers (Radicale and Xandikos, started by these tests on
loopback), on SQLite and PostgreSQL. The "phone" is a second client writing to the same
address book over HTTP, the way a phone's contacts app does."""

from __future__ import annotations

import socket
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from nextmove.domain.edits import PersonEdit
from nextmove.errors import NotFound, RemoteError, UserError
from nextmove.services import people as people_service
from nextmove.services.carddav import CardDAVStorage
from nextmove.services.sync import SyncReport, run_sync
from nextmove.services.sync_accounts import add_account, list_accounts, remove_account
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store.db import Database
from tests.dav_servers import DavServer, start_radicale, start_xandikos

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)

ANN = """BEGIN:VCARD
VERSION:3.0
UID:ann-uid-1
FN:Ann Lee
N:Lee;Ann;;;
ORG:Acme Robotics;Platform
TITLE:Director of Engineering
EMAIL;TYPE=WORK:ann@acme.example
EMAIL;TYPE=HOME:ann.lee@home.example
TEL;TYPE=CELL:+1 415 555 0101
ADR;TYPE=HOME:;;1 Main St;Oakland;CA;94601;USA
BDAY:1980-02-03
PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=
X-PHONE-APP-FLAG:starred
NOTE:met at the robotics meetup
END:VCARD
"""
BO = """BEGIN:VCARD
VERSION:3.0
UID:bo-uid-2
FN:Bo Chen
N:Chen;Bo;;;
ORG:Northwind
TITLE:VP Product
EMAIL:bo@northwind.example
TEL:+44 20 7946 0000
END:VCARD
"""


@pytest.fixture(scope="module", params=["radicale", "xandikos"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DavServer]:
    folder = tmp_path_factory.mktemp(request.param)
    start = start_radicale if request.param == "radicale" else start_xandikos
    dav = start(folder)
    yield dav
    dav.stop()


@pytest.fixture
def book(server: DavServer) -> str:
    return server.make_collection()


@pytest.fixture
def phone(server: DavServer, book: str) -> Iterator[CardDAVStorage]:
    with CardDAVStorage(book, username=server.user, password=server.password) as storage:
        yield storage


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def account(db: Workspace, server: DavServer, book: str, config_dir: Path) -> str:
    add_account(
        db,
        "phone",
        carddav_url=book,
        caldav_url=None,
        username=server.user,
        password=server.password or "unused",
        config_dir=config_dir,
        now=NOW,
    )
    return "phone"


def sync(db: Workspace, config_dir: Path, **options: Any) -> SyncReport:
    (report,) = run_sync(db, "phone", config_dir=config_dir, now=NOW, today=TODAY, **options)
    return report


def cards(phone: CardDAVStorage) -> dict[str, str]:
    """href -> card text of everything on the phone."""
    return {href: text for href, _, text in phone.get_many(phone.list())}


def card_of(phone: CardDAVStorage, uid: str) -> tuple[str, str, str]:
    for href, etag, text in phone.get_many(phone.list()):
        if f"UID:{uid}" in text:
            return href, etag, text
    raise AssertionError(f"no card {uid}")


def people(db: Workspace) -> dict[str, Any]:
    with db.session() as session:
        from nextmove.store.people import iter_people

        return {p.name: p for p in iter_people(session)}


def phone_edit(phone: CardDAVStorage, uid: str, old: str, new: str) -> None:
    href, etag, text = card_of(phone, uid)
    assert old in text, text
    phone.update(href, text.replace(old, new), etag)


def test_first_sync_brings_every_modelled_field_and_a_second_sync_changes_nothing(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    phone.create("bo.vcf", BO)
    people_service.add_person(
        db,
        PersonEdit(
            name="Cara Diaz",
            organization="Globex",
            emails=("cara@globex.example",),
            profile_url="https://www.linkedin.com/in/cara-diaz",
        ),
        now=NOW,
        today=TODAY,
    )
    first = sync(db, config_dir)
    assert (first.created_local, first.created_remote) == (2, 1)
    assert first.conflicts == [] and first.problems == []

    everyone = people(db)
    assert set(everyone) == {"Ann Lee", "Bo Chen", "Cara Diaz"}
    ann = everyone["Ann Lee"]
    assert (ann.first_name, ann.last_name) == ("Ann", "Lee")
    assert (ann.organization, ann.department, ann.title) == (
        "Acme Robotics",
        "Platform",
        "Director of Engineering",
    )
    assert [e.value for e in ann.emails] == ["ann@acme.example", "ann.lee@home.example"]
    assert [p.value for p in ann.phones] == ["+1 415 555 0101"]
    assert ann.city == "Oakland"
    # Cara went to the phone with everything the card can say.
    _, _, cara = card_of(phone, f"nextmove-person-{everyone['Cara Diaz'].id}")
    assert "FN:Cara Diaz" in cara and "cara@globex.example" in cara and "Globex" in cara
    assert "linkedin.com/in/cara-diaz" in cara

    second = sync(db, config_dir)
    assert second.changes == 0 and second.conflicts == []
    assert second.unchanged == 3
    assert set(people(db)) == {"Ann Lee", "Bo Chen", "Cara Diaz"}
    assert len(phone.list()) == 3


def test_an_edit_on_the_phone_updates_the_person_and_never_makes_a_duplicate(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    sync(db, config_dir)
    phone_edit(phone, "ann-uid-1", "TEL;TYPE=CELL:+1 415 555 0101", "TEL;TYPE=CELL:+1 510 555 0199")
    phone_edit(phone, "ann-uid-1", "TITLE:Director of Engineering", "TITLE:VP Engineering")

    report = sync(db, config_dir)
    assert (report.updated_local, report.created_local, report.updated_remote) == (1, 0, 0)
    everyone = people(db)
    assert list(everyone) == ["Ann Lee"]
    assert [p.value for p in everyone["Ann Lee"].phones] == ["+1 510 555 0199"]
    assert everyone["Ann Lee"].title == "VP Engineering"
    assert sync(db, config_dir).changes == 0


def test_an_edit_in_nextmove_patches_the_card_and_keeps_what_nextmove_does_not_model(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    sync(db, config_dir)
    ann = people(db)["Ann Lee"]
    people_service.edit_person(
        db,
        str(ann.id),
        PersonEdit(title="CTO", notes="private: wants to move to Berlin", tier="A"),
        now=NOW,
        today=TODAY,
    )
    report = sync(db, config_dir)
    assert (report.updated_remote, report.updated_local) == (1, 0)
    _, _, text = card_of(phone, "ann-uid-1")
    assert "TITLE:CTO" in text
    for kept in ("BDAY", "PHOTO", "X-PHONE-APP-FLAG:starred", "1 Main St", "NOTE:met at the"):
        assert kept in text, kept
    assert "Berlin" not in text  # nextmove's notes stay nextmove's
    assert people(db)["Ann Lee"].tier == "A"
    assert sync(db, config_dir).changes == 0


def test_a_delete_on_either_side_propagates(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    phone.create("bo.vcf", BO)
    sync(db, config_dir)
    href, etag, _ = card_of(phone, "bo-uid-2")
    phone.delete(href, etag)
    report = sync(db, config_dir)
    assert report.deleted_local == 1
    assert set(people(db)) == {"Ann Lee"}

    people_service.delete_person(db, str(people(db)["Ann Lee"].id))
    with pytest.raises(UserError, match="every one of the 1 synced people is gone"):
        sync(db, config_dir)  # the only person gone looks like a wiped database
    report = sync(db, config_dir, force=True)
    assert report.deleted_remote == 1
    assert phone.list() == {}
    assert sync(db, config_dir).changes == 0


def test_a_phone_delete_never_takes_what_nextmove_holds_of_its_own(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    phone.create("bo.vcf", BO)
    sync(db, config_dir)
    bo = people(db)["Bo Chen"]
    people_service.touch(
        db, str(bo.id), kind="call", day=TODAY, note="Talked about the CPO role", now=NOW
    )
    href, etag, _ = card_of(phone, "bo-uid-2")
    phone.delete(href, etag)
    report = sync(db, config_dir)
    # The card is gone from the sync; Bo and the call stay, and the report says why.
    assert report.deleted_local == 0
    assert "Bo Chen" in people(db)
    assert any("Bo Chen" in p and "contacts logged" in p for p in report.problems)
    assert sync(db, config_dir).changes == 0


def test_deleted_on_the_phone_but_changed_in_nextmove_comes_back_and_is_shown(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    phone.create("bo.vcf", BO)
    sync(db, config_dir)
    bo = people(db)["Bo Chen"]
    people_service.edit_person(db, str(bo.id), PersonEdit(title="CPO"), now=NOW, today=TODAY)
    href, etag, _ = card_of(phone, "bo-uid-2")
    phone.delete(href, etag)
    report = sync(db, config_dir)
    assert report.created_remote == 1 and report.deleted_local == 0
    assert any("put back" in c.note for c in report.conflicts)
    assert "TITLE:CPO" in card_of(phone, "bo-uid-2")[2]
    assert sync(db, config_dir).changes == 0


def test_edits_on_both_sides_converge_and_a_conflict_is_shown_not_lost(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    sync(db, config_dir)
    ann = people(db)["Ann Lee"]
    people_service.edit_person(
        db,
        str(ann.id),
        PersonEdit(city="Berkeley", title="CTO", phones=("+1 212 555 0000",)),
        now=NOW,
        today=TODAY,
    )
    phone_edit(phone, "ann-uid-1", "TEL;TYPE=CELL:+1 415 555 0101", "TEL;TYPE=CELL:+1 510 555 0199")
    phone_edit(phone, "ann-uid-1", ";Oakland;", ";San Jose;")
    phone_edit(phone, "ann-uid-1", "TITLE:Director of Engineering", "TITLE:Head of Engineering")
    report = sync(db, config_dir)
    (conflict,) = report.conflicts
    by_field = {f.field: f for f in conflict.fields}
    assert set(by_field) == {"city", "title"}
    # The address book owns the address, nextmove the position; the loser is shown.
    assert (by_field["city"].winner, by_field["city"].lost) == ("address book", "Berkeley")
    assert (by_field["title"].winner, by_field["title"].lost) == ("nextmove", "Head of Engineering")
    after = people(db)["Ann Lee"]
    assert (after.city, after.title) == ("San Jose", "CTO")
    # A number changed on the phone and one added in nextmove: both kept, the old one gone.
    assert {p.value for p in after.phones} == {"+1 510 555 0199", "+1 212 555 0000"}
    _, _, text = card_of(phone, "ann-uid-1")
    assert "TITLE:CTO" in text and "San Jose" in text and "1 Main St" in text
    assert "+1 510 555 0199" in text and "+1 212 555 0000" in text and "0101" not in text
    (view,) = list_accounts(db)
    assert {f["field"] for f in view.conflicts[0].fields} == {"city", "title"}
    assert sync(db, config_dir).changes == 0


def test_an_emptied_address_book_stops_the_sync_unless_forced(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    phone.create("bo.vcf", BO)
    sync(db, config_dir)
    for href, etag in phone.list().items():
        phone.delete(href, etag)
    with pytest.raises(UserError, match="every one of the 2 synced cards is gone"):
        sync(db, config_dir)
    assert set(people(db)) == {"Ann Lee", "Bo Chen"}
    assert sync(db, config_dir, force=True).deleted_local == 2


def test_a_dry_run_changes_nothing_on_either_side(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    people_service.add_person(db, PersonEdit(name="Cara Diaz"), now=NOW, today=TODAY)
    report = sync(db, config_dir, dry_run=True)
    assert (report.created_local, report.created_remote) == (1, 1)
    assert set(people(db)) == {"Cara Diaz"}
    assert len(phone.list()) == 1
    assert list_accounts(db)[0].cards == 0


def test_a_card_edited_while_the_sync_writes_is_a_412_conflict_then_converges(
    db: Workspace, server: DavServer, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    sync(db, config_dir)
    ann = people(db)["Ann Lee"]
    people_service.edit_person(db, str(ann.id), PersonEdit(title="CTO"), now=NOW, today=TODAY)

    class Racing(CardDAVStorage):
        def update(self, href: str, card: str, etag: str) -> str:
            phone_edit(phone, "ann-uid-1", "+1 415 555 0101", "+1 510 555 0199")
            return super().update(href, card, etag)  # the server answers 412

    (report,) = run_sync(
        db, "phone", config_dir=config_dir, now=NOW, today=TODAY, storage_factory=Racing
    )
    assert report.updated_remote == 0 and "during the sync" in report.conflicts[0].note
    sync(db, config_dir)
    _, _, text = card_of(phone, "ann-uid-1")
    assert "TITLE:CTO" in text and "+1 510 555 0199" in text
    assert [p.value for p in people(db)["Ann Lee"].phones] == ["+1 510 555 0199"]
    assert sync(db, config_dir).changes == 0


def test_the_second_sync_asks_only_for_changes_where_the_server_offers_it(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    assert sync(db, config_dir).incremental is False
    assert sync(db, config_dir).incremental is True


def test_the_password_lives_in_a_private_file_never_in_the_database(
    db: Workspace, server: DavServer, account: str, config_dir: Path, db_url: str
) -> None:
    (secret,) = (config_dir / "secrets").iterdir()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(secret.parent.stat().st_mode) == 0o700
    password = server.password or "unused"
    assert secret.read_text() == password
    view = list_accounts(db)[0]
    assert password not in repr(view.to_json())
    if db_url.startswith("sqlite"):
        assert password.encode() not in Path(db_url.removeprefix("sqlite:///")).read_bytes()
    remove_account(db, "phone", config_dir=config_dir)
    assert not secret.exists() and list_accounts(db) == []


# ---------------------------------------------------------------------------- bad input


def test_a_wrong_password_is_a_clear_error_and_nothing_is_saved(
    db: Workspace, server: DavServer, book: str, config_dir: Path
) -> None:
    if not server.user:
        pytest.skip("this Xandikos runs without authentication")
    with pytest.raises(RemoteError, match="refused the user name or password"):
        add_account(
            db,
            "phone",
            carddav_url=book,
            caldav_url=None,
            username=server.user,
            password="wrong",
            config_dir=config_dir,
            now=NOW,
        )
    assert list_accounts(db) == []
    assert not (config_dir / "secrets").exists() or not any((config_dir / "secrets").iterdir())


def test_the_server_root_is_enough_to_find_the_address_book(
    db: Workspace, server: DavServer, book: str, config_dir: Path
) -> None:
    if server.kind == "xandikos":
        pytest.skip("Xandikos's --defaults book is found first; the root is checked on Radicale")
    (view,) = [
        add_account(
            db,
            "phone",
            carddav_url=server.root + "/",
            caldav_url=None,
            username=server.user,
            password=server.password,
            config_dir=config_dir,
            now=NOW,
        )
    ]
    assert view.carddav_url.startswith(server.root + server.home)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_unreachable_server_is_a_clear_error(
    backend: str, tmp_path: Path, config_dir: Path
) -> None:
    db = open_workspace(Database.open(f"sqlite:///{tmp_path / 'n.db'}"))
    with pytest.raises(RemoteError, match="cannot reach the server"):
        add_account(
            db,
            "phone",
            carddav_url=f"http://127.0.0.1:{_closed_port()}/dav/",
            caldav_url=None,
            username="u",
            password="p",
            config_dir=config_dir,
            now=NOW,
        )
    assert list_accounts(db) == []
    db.dispose()


class _Garbage(BaseHTTPRequestHandler):
    def do_PROPFIND(self) -> None:
        body = b"<html><body>Welcome to our hotel wifi</body></html>"
        self.send_response(207)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_server_that_answers_garbage_is_a_clear_error(tmp_path: Path, config_dir: Path) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Garbage)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    db = open_workspace(Database.open(f"sqlite:///{tmp_path / 'n.db'}"))
    try:
        with pytest.raises(RemoteError, match="cannot be read: the response is not a WebDAV"):
            add_account(
                db,
                "phone",
                carddav_url=f"http://127.0.0.1:{httpd.server_port}/dav/",
                caldav_url=None,
                username="u",
                password="p",
                config_dir=config_dir,
                now=NOW,
            )
        assert list_accounts(db) == []
    finally:
        httpd.shutdown()
        db.dispose()


def test_a_card_the_server_holds_that_cannot_be_read_is_a_problem_not_a_crash(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    sync(db, config_dir)
    # A card with no name, e-mail or organization at all.
    phone.create(
        "empty.vcf", "BEGIN:VCARD\nVERSION:3.0\nUID:empty-1\nFN: \nN:;;;;\nNOTE:x\nEND:VCARD\n"
    )
    report = sync(db, config_dir)
    assert any("empty.vcf" in p and "no name" in p for p in report.problems)
    assert set(people(db)) == {"Ann Lee"}


def test_people_already_in_nextmove_are_linked_not_doubled_and_keep_their_own_fields(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    people_service.add_person(
        db,
        PersonEdit(name="Ann Lee", emails=("ann@acme.example",), notes="met at SRE day", tier="A"),
        now=NOW,
        today=TODAY,
    )
    phone.create("ann.vcf", ANN)
    report = sync(db, config_dir)
    assert report.created_local == 0
    (ann,) = people(db).values()
    assert ann.notes.startswith("met at SRE day") and ann.tier == "A"
    assert {e.value for e in ann.emails} == {"ann@acme.example", "ann.lee@home.example"}
    assert [p.value for p in ann.phones] == ["+1 415 555 0101"]
    assert sync(db, config_dir).changes == 0


def test_two_cards_on_the_phone_are_two_people_and_a_merge_in_nextmove_reaches_the_phone(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    phone.create("ann.vcf", ANN)
    phone.create("ann2.vcf", ANN.replace("ann-uid-1", "ann-uid-dup").replace("+1 415", "+1 650"))
    assert sync(db, config_dir).created_local == 2
    with db.session() as session:
        from nextmove.store.people import iter_people

        first, second = sorted(p.id for p in iter_people(session))
    people_service.merge_people(db, str(first), str(second), now=NOW, today=TODAY)
    report = sync(db, config_dir)
    assert report.deleted_remote == 1
    (href,) = phone.list()
    _, _, text = next(iter(phone.get_many([href])))
    assert "+1 415 555 0101" in text and "+1 650 555 0101" in text
    assert len(people(db)) == 1
    assert sync(db, config_dir).changes == 0


def test_an_account_and_its_people_belong_to_one_workspace(
    db: Workspace, phone: CardDAVStorage, account: str, config_dir: Path
) -> None:
    from nextmove.store import workspaces as workspace_store

    phone.create("ann.vcf", ANN)
    sync(db, config_dir)
    with db.db.session() as session:
        workspace_store.create(session, "coaching", now=NOW)
    other = open_workspace(db.db, "coaching")
    assert list_accounts(other) == []
    with pytest.raises(NotFound):
        run_sync(other, "phone", config_dir=config_dir, now=NOW, today=TODAY)
    people_service.add_person(other, PersonEdit(name="Zoe Client"), now=NOW, today=TODAY)
    assert set(people(db)) == {"Ann Lee"}
    # The first workspace's sync neither sees nor pushes the other's people.
    assert sync(db, config_dir).changes == 0
    assert len(phone.list()) == 1


def test_without_push_new_only_the_address_books_people_sync(
    db: Workspace, server: DavServer, phone: CardDAVStorage, book: str, config_dir: Path
) -> None:
    add_account(
        db,
        "phone",
        carddav_url=book,
        caldav_url=None,
        username=server.user,
        password=server.password or "unused",
        config_dir=config_dir,
        now=NOW,
        push_new=False,
    )
    people_service.add_person(db, PersonEdit(name="Cara Diaz"), now=NOW, today=TODAY)
    phone.create("ann.vcf", ANN)
    report = sync(db, config_dir)
    assert (report.created_local, report.created_remote) == (1, 0)
    assert len(phone.list()) == 1 and set(people(db)) == {"Ann Lee", "Cara Diaz"}
    assert list_accounts(db)[0].push_new is False


class _Elsewhere(BaseHTTPRequestHandler):
    def do_PROPFIND(self) -> None:
        self.send_response(301)
        self.send_header("Location", "http://collector.example/steal")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_a_redirect_to_another_host_is_refused_so_the_password_stays(
    tmp_path: Path, config_dir: Path
) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Elsewhere)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    db = open_workspace(Database.open(f"sqlite:///{tmp_path / 'n.db'}"))
    try:
        with pytest.raises(RemoteError, match="your password is not sent there"):
            add_account(
                db,
                "phone",
                carddav_url=f"http://127.0.0.1:{httpd.server_port}/dav/",
                caldav_url=None,
                username="u",
                password="p",
                config_dir=config_dir,
                now=NOW,
            )
    finally:
        httpd.shutdown()
        db.db.dispose()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_server_that_stops_mid_push_leaves_what_reached_it_recorded(
    backend: str, tmp_path: Path, config_dir: Path
) -> None:
    dav = start_radicale(tmp_path / "dying")
    db = open_workspace(Database.open(f"sqlite:///{tmp_path / 'n.db'}"))
    try:
        book = dav.make_collection()
        add_account(
            db,
            "phone",
            carddav_url=book,
            caldav_url=None,
            username=dav.user,
            password=dav.password,
            config_dir=config_dir,
            now=NOW,
        )
        for name in ("Ann Lee", "Bo Chen", "Cara Diaz", "Dev Patel", "Eve Moreau"):
            people_service.add_person(db, PersonEdit(name=name), now=NOW, today=TODAY)

        class Dying(CardDAVStorage):
            uploads = 0
            one_at_a_time = threading.Lock()  # the uploads run concurrently

            def create(self, href: str, card: str) -> str:
                with Dying.one_at_a_time:
                    if Dying.uploads == 3:
                        dav.stop()  # the server goes away for real
                    Dying.uploads += 1
                    return super().create(href, card)

        with pytest.raises(RemoteError, match="stopped part-way"):
            run_sync(
                db, "phone", config_dir=config_dir, now=NOW, today=TODAY, storage_factory=Dying
            )
        (view,) = list_accounts(db)
        assert view.cards == 3
        assert view.last_summary is not None and "cannot reach" in view.last_summary["error"]
    finally:
        dav.stop()
        db.db.dispose()


def test_a_first_push_of_many_people_uploads_each_exactly_once_concurrently(
    db: Workspace, account: str, phone: CardDAVStorage, config_dir: Path
) -> None:
    names = [f"Person {chr(65 + i // 26)}{chr(65 + i % 26)} Example" for i in range(25)]
    ids = [
        people_service.add_person(db, PersonEdit(name=n), now=NOW, today=TODAY).id for n in names
    ]
    # One address is taken already (a card another client put there): its person is left
    # for the next run, the others go up.
    taken = ids[7]
    phone.create(
        f"nextmove-person-{taken}.vcf",
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:other-{taken}\r\nFN:Someone Else\r\n"
        "N:Else;Someone;;;\r\nEND:VCARD\r\n",
    )
    report = sync(db, config_dir)
    assert (report.created_remote, report.created_local) == (24, 1)  # and the card found there
    assert any("a card is already there" in p for p in report.problems)
    on_phone = cards(phone)
    uids = sorted(
        line for text in on_phone.values() for line in text.splitlines() if line.startswith("UID:")
    )
    assert len(uids) == len(set(uids)) == 25
    fns = [
        line[3:]
        for text in on_phone.values()
        for line in text.splitlines()
        if line.startswith("FN:")
    ]
    assert sorted(fns) == sorted(
        [*(n for i, n in zip(ids, names, strict=True) if i != taken), "Someone Else"]
    )
    (view,) = list_accounts(db)
    assert view.cards == 25
    again = sync(db, config_dir)
    assert again.unchanged == 25 and again.created_remote == 0
