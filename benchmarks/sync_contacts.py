"""Two-way contact sync at 1,000 contacts against a real Radicale started on loopback
(target: within 10 s on this machine). Measured:

- first sync, server → nextmove: 1,000 cards into an empty network;
- second sync, nothing changed (sync-collection lists no change);
- 50 cards edited on the "phone", then a sync;
- first sync, nextmove → server: 1,000 people pushed to an empty address book, next to the
  floor: the same number of cards uploaded by a plain client, one PUT each (Radicale's PUT
  cost grows with the collection and dominates any push).

`python benchmarks/sync_contacts.py [N]` (default 1000). Prints seconds and contacts/s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import FIRST, LAST  # noqa: E402
from tests.dav_servers import start_radicale  # noqa: E402

from nextmove.services import people as people_service  # noqa: E402
from nextmove.services.carddav import CardDAVStorage  # noqa: E402
from nextmove.services.sync import run_sync  # noqa: E402
from nextmove.services.sync_accounts import add_account  # noqa: E402
from nextmove.services.workspace import Workspace, open_workspace  # noqa: E402
from nextmove.store.db import Database  # noqa: E402

SUFFIX = ["Ortiz", "Novak", "Sato", "Okafor", "Silva", "Berg", "Kaur", "Rossi"] * 4
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)


def name(i: int) -> tuple[str, str]:
    """Distinct, realistic names (a synthetic "Person 12" would look like "Person 120")."""
    return FIRST[
        i % len(FIRST)
    ], f"{LAST[(i // len(FIRST)) % len(LAST)]}-{SUFFIX[i // (len(FIRST) * len(LAST))]}"


def card(i: int) -> str:
    first, last = name(i)
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"UID:bench-{i}\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\n"
        f"ORG:Company {i % 37};Team {i % 5}\r\nTITLE:Engineer {i % 11}\r\n"
        f"EMAIL;TYPE=WORK:person{i}@company{i % 37}.example\r\n"
        f"TEL;TYPE=CELL:+1 415 555 {i:04d}\r\nADR;TYPE=WORK:;;{i} Main St;City {i % 13};;;\r\n"
        "END:VCARD\r\n"
    )


def timed(label: str, n: int, fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    report = fn()
    seconds = time.perf_counter() - start
    counts = {k: v for k, v in report.counts().items() if v}
    print(f"{label:<48} {seconds:6.2f} s  {n / seconds:8.0f} contacts/s  {counts}")
    return seconds


def main(n: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="nextmove-sync-bench-"))
    server = start_radicale(folder / "radicale")
    try:
        book = server.make_collection()
        config = folder / "config"
        with CardDAVStorage(book, username=server.user, password=server.password) as phone:
            start = time.perf_counter()
            for i in range(n):
                phone.create(f"bench-{i}.vcf", card(i))
            put = time.perf_counter() - start
            print(f"{'(floor) a plain client PUTs ' + str(n) + ' cards':<48} {put:6.2f} s")
            db = open_workspace(Database.open(f"sqlite:///{folder / 'pull.db'}"))
            add_account(
                db,
                "phone",
                carddav_url=book,
                caldav_url=None,
                username=server.user,
                password=server.password,
                config_dir=config,
                now=NOW,
            )

            def sync(database: Workspace = db):  # type: ignore[no-untyped-def]
                return run_sync(database, "phone", config_dir=config, now=NOW, today=TODAY)[0]

            first = timed(f"first sync, {n} cards from the server", n, sync)
            timed("second sync, nothing changed", n, sync)
            listing = phone.list()
            for href, etag, text in list(phone.get_many(sorted(listing)[:50])):
                phone.update(href, text.replace("TITLE:Engineer", "TITLE:Senior Engineer"), etag)
            timed("50 cards edited on the phone, then a sync", n, sync)

        book2 = server.make_collection()
        db2 = open_workspace(Database.open(f"sqlite:///{folder / 'push.db'}"))
        for i in range(n):
            people_service.add_person(
                db2,
                {
                    "name": f"Local {i} Person",
                    "organization": f"Org {i % 17}",
                    "emails": [f"local{i}@org.example"],
                },
                now=NOW,
                today=TODAY,
            )
        add_account(
            db2,
            "phone",
            carddav_url=book2,
            caldav_url=None,
            username=server.user,
            password=server.password,
            config_dir=folder / "config2",
            now=NOW,
        )
        push = timed(
            f"first sync, {n} people to an empty address book",
            n,
            lambda: run_sync(db2, "phone", config_dir=folder / "config2", now=NOW, today=TODAY)[0],
        )
        print(
            f"\ntarget: {n} contacts within 10 s — pull {first:.2f} s; push {push:.2f} s, "
            f"bound by the server: the same {n} PUTs by a plain client took {put:.2f} s "
            f"(push / floor = {push / put:.2f}; the two ran at different moments of a shared "
            "machine, so the ratio is rough)"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
