"""Two-way contact sync at 1,000 contacts against real Radicale and Xandikos servers started
on loopback (target: within 10 s on this machine). Measured on each server:

- the floor: the same N cards uploaded by a plain client, one conditional PUT at a time over
  one keep-alive connection (what any client must pay the server);
- first sync, server → nextmove: N cards into an empty network;
- second sync, nothing changed (sync-collection lists no change);
- 50 cards edited on the "phone", then a sync;
- first sync, nextmove → server: N people pushed to an empty address book, one upload at a
  time and PUSH_CONCURRENCY at a time, side by side with the floor;
- the same push with a simulated 20 ms round trip per request (a client-side delay before
  each request: a server across the internet rather than on loopback), one at a time and
  concurrently — where the concurrent uploads pay off.

Radicale checks, on every new card, that no other card of the collection has its UID
(RFC 6352 no-uid-conflict) by reading them all, so each PUT costs more as the book grows and
a push of N costs the server O(N²); Xandikos commits every PUT to git. Neither can be
avoided by a client: a push is bound by the floor.

`python benchmarks/sync_contacts.py [N] [radicale|xandikos]` (default 1000, both).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import FIRST, LAST  # noqa: E402
from tests.dav_servers import DavServer, start_radicale, start_xandikos  # noqa: E402

from nextmove.domain.edits import PersonEdit  # noqa: E402
from nextmove.services import people as people_service  # noqa: E402
from nextmove.services import sync as sync_service  # noqa: E402
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


ROUND_TRIP = 0.020


class DelayedTransport(httpx.HTTPTransport):
    """Loopback made distant: waits ROUND_TRIP before each request."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        time.sleep(ROUND_TRIP)
        return super().handle_request(request)


def timed(label: str, n: int, fn) -> float:  # type: ignore[no-untyped-def]
    start, cpu = time.perf_counter(), time.process_time()
    report = fn()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu  # nextmove's own work (the server is another process)
    counts = {k: v for k, v in report.counts().items() if v} if report is not None else ""
    print(
        f"  {label:<56} {seconds:6.2f} s  {n / seconds:7.0f} contacts/s  "
        f"(nextmove CPU {cpu:5.2f} s)  {counts}"
    )
    return seconds


def new_workspace(path: Path, n: int) -> Workspace:
    ws = open_workspace(Database.open(f"sqlite:///{path}"))
    for i in range(n):
        people_service.add_person(
            ws,
            PersonEdit(
                name=f"Local {i} Person",
                organization=f"Org {i % 17}",
                emails=(f"local{i}@org.example",),
            ),
            now=NOW,
            today=TODAY,
        )
    return ws


def push(
    server: DavServer, folder: Path, tag: str, n: int, workers: int, transport: type | None
) -> float:
    """N people pushed to a new, empty address book with `workers` uploads at a time."""
    ws = new_workspace(folder / f"push-{tag}.db", n)
    config = folder / f"config-{tag}"
    add_account(
        ws,
        "phone",
        carddav_url=server.make_collection(),
        caldav_url=None,
        username=server.user,
        password=server.password or "unused",
        config_dir=config,
        now=NOW,
    )

    def factory(url: str, *, username: str, password: str) -> CardDAVStorage:
        return CardDAVStorage(
            url,
            username=username,
            password=password,
            transport=transport() if transport else None,
        )

    sync_service.PUSH_CONCURRENCY = workers
    try:
        return timed(
            f"first sync, {n} people to an empty book, {workers} at a time",
            n,
            lambda: run_sync(
                ws, "phone", config_dir=config, now=NOW, today=TODAY, storage_factory=factory
            )[0],
        )
    finally:
        sync_service.PUSH_CONCURRENCY = CONCURRENCY


CONCURRENCY = sync_service.PUSH_CONCURRENCY


def floor(server: DavServer, n: int, transport: type | None = None) -> tuple[str, float]:
    book = server.make_collection()
    with CardDAVStorage(
        book,
        username=server.user,
        password=server.password,
        transport=transport() if transport else None,
    ) as phone:
        start = time.perf_counter()
        for i in range(n):
            phone.create(f"bench-{i}.vcf", card(i))
        seconds = time.perf_counter() - start
    print(
        f"  {'(floor) a plain client PUTs ' + str(n) + ' cards, one at a time':<56} {seconds:6.2f} s"
    )
    return book, seconds


def bench(kind: str, server: DavServer, folder: Path, n: int) -> dict[str, float]:
    print(f"\n{kind} (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    book, put = floor(server, n)
    config = folder / "config"
    ws = open_workspace(Database.open(f"sqlite:///{folder / 'pull.db'}"))
    add_account(
        ws,
        "phone",
        carddav_url=book,
        caldav_url=None,
        username=server.user,
        password=server.password or "unused",
        config_dir=config,
        now=NOW,
    )

    def sync(database: Workspace = ws):  # type: ignore[no-untyped-def]
        return run_sync(database, "phone", config_dir=config, now=NOW, today=TODAY)[0]

    pull = timed(f"first sync, {n} cards from the server", n, sync)
    same = timed("second sync, nothing changed", n, sync)
    with CardDAVStorage(book, username=server.user, password=server.password) as phone:
        listing = phone.list()
        for href, etag, text in list(phone.get_many(sorted(listing)[:50])):
            phone.update(href, text.replace("TITLE:Engineer", "TITLE:Senior Engineer"), etag)
    timed("50 cards edited on the phone, then a sync", n, sync)
    one = push(server, folder, "1", n, 1, None)
    many = push(server, folder, "n", n, CONCURRENCY, None)
    far = max(50, n // 5)
    print(f"  with a {ROUND_TRIP * 1000:.0f} ms round trip per request, {far} cards:")
    _, far_floor = floor(server, far, DelayedTransport)
    far_one = push(server, folder, "far1", far, 1, DelayedTransport)
    far_many = push(server, folder, "farn", far, CONCURRENCY, DelayedTransport)
    print(
        f"  push / floor: {one / put:.2f} one at a time, {many / put:.2f} with "
        f"{CONCURRENCY} at a time; at {ROUND_TRIP * 1000:.0f} ms: floor {far_floor:.2f} s, "
        f"{far_one / far_floor:.2f} one at a time, {far_many / far_floor:.2f} with "
        f"{CONCURRENCY} at a time (x{far_one / far_many:.1f} faster)"
    )
    return {"pull": pull, "same": same, "push": many, "floor": put}


def main(n: int, kinds: list[str]) -> None:
    starters = {"radicale": start_radicale, "xandikos": start_xandikos}
    results = {}
    for kind in kinds:
        folder = Path(tempfile.mkdtemp(prefix=f"nextmove-sync-bench-{kind}-"))
        server = starters[kind](folder / kind)
        try:
            results[kind] = bench(kind, server, folder, n)
        finally:
            server.stop()
    print(f"\ntarget: {n} contacts within 10 s")
    for kind, r in results.items():
        print(
            f"  {kind}: pull {r['pull']:.2f} s, no change {r['same']:.2f} s, push {r['push']:.2f} s "
            f"(the server's floor for {n} PUTs: {r['floor']:.2f} s)"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    main(size, sys.argv[2:] or ["radicale", "xandikos"])
