"""`sync run`: two-way sync of the network with a CardDAV address book.

The algorithm is vdirsyncer's, with a three-way merge per field (domain.sync) instead of
whole-item conflicts. The status table (sync_card) remembers, per card, its href and etag,
the shared fields at the last sync (the base), a content hash for each side and the raw card.
A person is linked to a card through a person_source row (kind "carddav"), which goes when
the person is deleted — so a deletion in nextmove is seen even if the id is reused.

Per card:
- changed on one side only: that side's fields go to the other (the card is patched with
  `If-Match`, so a phone edit made meanwhile is never overwritten);
- changed on both: merged field by field; a field both changed is a conflict its owner wins,
  recorded on the card and shown by `sync list` and `sync run --json`;
- deleted on one side and unchanged on the other: deleted there too; deleted on one side
  and changed on the other: the changed copy is kept and restored on the side that deleted;
- new on the server: merged into the network with the contact-import rules (the person an
  earlier import or export made, same e-mail, same name at the same organization), so a card
  nextmove pushed and the phone edited never becomes a second person;
- new in nextmove (org-chart members left out): created on the server with
  `If-None-Match: *` and a stable UID.

A side that lost every card since the last sync (a wiped phone, an emptied database, a wrong
address) stops the run unless `force`. The changes to known cards and the new cards from the
server are written in one transaction; new people are then pushed in batches, uploaded with
no transaction open and recorded in short ones, so a first push of thousands never holds the
database. When the server fails part-way, what was already done on both sides is recorded
before the error is reported, so no card is half-synced and the next run carries on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.domain.links import safe_link
from nextmove.domain.merge import apply_title_guess, merge_record, person_from_record
from nextmove.domain.people import ContactRecord, Person
from nextmove.domain.sync import Merged, Projection, merge
from nextmove.errors import NotFound, Problem, RemoteError, UserError
from nextmove.formats.vcard_sync import new_card, patch_card, projection_of, read_synced_card
from nextmove.services.calendar_sync import push_meetings
from nextmove.services.carddav import CardDAVStorage, Changed
from nextmove.services.secrets import read_secret
from nextmove.services.sync_matching import apply_projection, match_records, uid_of_href
from nextmove.services.sync_report import Conflict, SyncReport
from nextmove.services.titles import infer_titles
from nextmove.services.workspace import Workspace
from nextmove.store import people as people_repo
from nextmove.store import sync as repo
from nextmove.store.sync_models import SyncAccount, SyncCard

MAX_CONFLICTS_KEPT = 20
PUSH_BATCH = 200
# Uploads under way at once when pushing new people (measured: benchmarks/sync_contacts.py).
PUSH_CONCURRENCY = 8


class _Remote:
    """The storage as the run writes to it: on a dry run, writes are only counted."""

    def __init__(self, storage: CardDAVStorage, *, dry_run: bool):
        self.storage = storage
        self.dry_run = dry_run

    def create(self, href: str, card: str) -> str:
        return "dry-run" if self.dry_run else self.storage.create(href, card)

    def update(self, href: str, card: str, etag: str) -> str:
        return etag if self.dry_run else self.storage.update(href, card, etag)

    def delete(self, href: str, etag: str) -> None:
        if not self.dry_run:
            self.storage.delete(href, etag)


def run_sync(
    db: Workspace,
    name: str | None,
    *,
    config_dir: Path,
    now: datetime,
    today: date,
    dry_run: bool = False,
    force: bool = False,
    settings: Settings | None = None,
    storage_factory: Any = None,
) -> list[SyncReport]:
    """Sync one account (or every account, in name order); one report each. With
    `settings`, an account with a calendar also gets the scheduled meetings pushed."""
    with db.session() as session:
        accounts = repo.list_accounts(session)
    if name is not None:
        accounts = [a for a in accounts if a.name == name]
        if not accounts:
            raise NotFound(
                f"no sync account named {name!r}", hint="See them with `nextmove sync list`."
            )
    if not accounts:
        raise UserError(
            "there is no sync account yet",
            hint="Add one: nextmove sync add NAME --carddav URL --user USER --password-stdin",
        )
    reports = []
    for account in accounts:
        password = read_secret(config_dir, account.secret_ref)
        factory = storage_factory or CardDAVStorage
        with factory(account.carddav_url, username=account.username, password=password) as st:
            report = _Run(db, account, st, now=now, today=today, dry_run=dry_run, force=force).run()
        if account.caldav_url and settings is not None:
            report.calendar = push_meetings(
                db, account, password, settings=settings, now=now, dry_run=dry_run
            )
            if not dry_run:
                with db.session() as session:
                    row = session.get(SyncAccount, account.id)
                    if row is not None:
                        row.last_summary = {
                            **(row.last_summary or {}),
                            "calendar": report.calendar.to_json(),
                        }
        reports.append(report)
    return reports


class _Run:
    def __init__(
        self,
        db: Workspace,
        account: SyncAccount,
        storage: CardDAVStorage,
        *,
        now: datetime,
        today: date,
        dry_run: bool,
        force: bool,
    ):
        self.db = db
        self.account = account
        self.storage = storage
        self.remote = _Remote(storage, dry_run=dry_run)
        self.now = now
        self.today = today
        self.dry_run = dry_run
        self.force = force
        self.report = SyncReport(account.name, dry_run)
        self.collection = urlsplit(storage.url).path

    # ------------------------------------------------------------------ the run

    def run(self) -> SyncReport:
        with self.db.session() as session:
            cards = repo.cards_of(session, self.account.id)
        token = self.account.sync_token if cards else None
        changes = self.storage.changes(token)
        self.report.incremental = changes.incremental
        if changes.incremental:
            etags = {c.href: c.etag for c in cards}
            etags.update(changes.etags)
            for href in changes.deleted:
                etags.pop(href, None)
        else:
            etags = dict(changes.etags)
        known = {c.href: c for c in cards}
        wanted = [h for h, e in etags.items() if h not in known or known[h].etag != e]
        fetched = {href: (etag, text) for href, etag, text in self.storage.get_many(wanted)}
        for href in wanted:  # new, but gone between the listing and the fetch
            if href not in fetched and href not in known:
                etags.pop(href, None)

        failure: RemoteError | None = None
        with self._session() as session:
            account = session.get(SyncAccount, self.account.id)
            assert account is not None
            cards = repo.cards_of(session, account.id)
            linked = repo.linked_people(session, account.id, (c.uid for c in cards))
            self._refuse_wipe(cards, etags, linked)
            try:
                people = people_repo.load_people(session, set(linked.values()))
                taken: set[int] = set()
                for card in cards:
                    pid = linked.get(card.uid)
                    if pid is not None and pid in taken:
                        self._drop_merged(session, card, etags)
                        continue
                    if pid is not None:
                        taken.add(pid)
                    self._sync_card(session, card, etags, fetched, people.get(pid or -1))
                new = [h for h in etags if h not in known and h in fetched]
                self._import_new(session, new, fetched)
                if account.push_new and self.dry_run:
                    ids = repo.unlinked_people(session, self.account.id)
                    self._push_new(session, people_repo.load_people(session, ids), ids)
            except RemoteError as exc:
                failure = exc
        if failure is None and self.account.push_new and not self.dry_run:
            try:
                self._push_new_in_batches()
            except RemoteError as exc:
                failure = exc
        if not self.dry_run:
            with self.db.session() as session:
                account = session.get(SyncAccount, self.account.id)
                assert account is not None
                if failure is None:
                    account.sync_token = changes.token
                account.last_run_at = self.now
                account.last_summary = {
                    **self.report.counts(),
                    "conflicts": len(self.report.conflicts),
                    "problems": len(self.report.problems),
                    "error": failure.message if failure else None,
                }
        if failure is not None:
            raise RemoteError(
                f"{self.account.name}: the sync stopped part-way: {failure.message}",
                hint="What was synced before the error is saved on both sides; run "
                "`nextmove sync run` again to carry on.",
            )
        return self.report

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """The run's transaction; rolled back at the end of a dry run."""
        with self.db.session() as session:
            yield session
            if self.dry_run:
                session.rollback()

    def _refuse_wipe(
        self, cards: list[SyncCard], etags: dict[str, str], linked: dict[str, int]
    ) -> None:
        if not cards or self.force:
            return
        if not any(c.href in etags for c in cards):
            raise UserError(
                f"{self.account.name}: every one of the {len(cards)} synced cards is gone from "
                "the address book; syncing would delete them all in nextmove",
                hint="If that is what you want, run again with --force; otherwise check the "
                "address book (a wrong account, a wiped phone) first. Nothing was changed.",
            )
        if not linked:
            raise UserError(
                f"{self.account.name}: every one of the {len(cards)} synced people is gone "
                "from nextmove; syncing would delete them all from the address book",
                hint="If that is what you want, run again with --force; otherwise check the "
                "database (--db) first. Nothing was changed.",
            )

    # ------------------------------------------------------------------ one card

    def _sync_card(
        self,
        session: Session,
        card: SyncCard,
        etags: dict[str, str],
        fetched: dict[str, tuple[str, str]],
        person: Person | None,
    ) -> None:
        base = Projection.from_json(card.base)
        remote_gone = card.href not in etags
        if person is None and remote_gone:
            repo.delete_card(session, card)
            return
        if remote_gone:
            assert person is not None
            local = Projection.of_person(person)
            if local.digest() == card.local_hash:
                brought = read_synced_card(card.raw, card.href)
                kept = people_repo.own_records(
                    session,
                    person.id,  # type: ignore[arg-type]
                    card_notes="" if isinstance(brought, Problem) else brought.notes,
                )
                repo.delete_card(session, card)
                if kept:
                    # Nothing a user has is lost: the card goes, what nextmove holds stays.
                    self.report.problems.append(
                        f"{person.name}: deleted in the address book; kept in nextmove with "
                        f"their {', '.join(kept)} (`nextmove people delete` removes them)"
                    )
                    return
                people_repo.delete_person(session, person.id)  # type: ignore[arg-type]
                self.report.deleted_local += 1
                return
            # Deleted on the phone, changed in nextmove: the changed person goes back.
            try:
                text = patch_card(card.raw, base, local)
            except ValueError as exc:
                self.report.problems.append(f"{card.href}: cannot be rewritten: {exc}")
                return
            self._restore_remote(session, card, text, local, person)
            return
        etag = etags[card.href]
        remote_changed = etag != card.etag
        remote_text = card.raw
        remote = base
        record: ContactRecord | None = None
        if remote_changed:
            if card.href not in fetched:
                return
            etag, remote_text = fetched[card.href]
            parsed = read_synced_card(remote_text, card.href)
            if isinstance(parsed, Problem):
                self.report.problems.append(str(parsed))
                return
            record = parsed
            remote = projection_of(record)
        if person is None:
            if not remote_changed:  # deleted in nextmove, unchanged on the phone
                try:
                    self.remote.delete(card.href, etag)
                except Changed:
                    return  # edited on the phone meanwhile: the next run brings it back
                repo.delete_card(session, card)
                self.report.deleted_remote += 1
                return
            # Deleted in nextmove, changed on the phone: the person comes back.
            repo.delete_card(session, card)
            session.flush()
            self._import_new(session, [card.href], {card.href: (etag, remote_text)})
            return
        local = Projection.of_person(person)
        local_changed = local.digest() != card.local_hash
        if not remote_changed and not local_changed:
            self.report.unchanged += 1
            return
        merged = merge(base, local, remote)
        self._apply(session, card, person, record, local, remote, merged, remote_text, etag)

    def _drop_merged(self, session: Session, card: SyncCard, etags: dict[str, str]) -> None:
        """A second card of a person (two people merged in nextmove): the card goes from
        the address book too, unless it changed there since (then it comes back as new)."""
        if etags.get(card.href) == card.etag:
            try:
                self.remote.delete(card.href, card.etag)
                self.report.deleted_remote += 1
            except Changed:
                pass
        repo.unlink_card(session, self.account.id, card.uid)
        repo.delete_card(session, card)

    def _apply(
        self,
        session: Session,
        card: SyncCard,
        person: Person,
        record: ContactRecord | None,
        local: Projection,
        remote: Projection,
        merged: Merged,
        remote_text: str,
        etag: str,
    ) -> None:
        result = merged.result
        text = remote_text
        if result.digest() != remote.digest():
            try:
                text = patch_card(remote_text, remote, result)
            except ValueError as exc:
                self.report.problems.append(f"{card.href}: cannot be rewritten: {exc}")
                return
            try:
                etag = self.remote.update(card.href, text, etag)
            except Changed:
                self.report.conflicts.append(
                    Conflict(
                        person.name,
                        card.href,
                        [],
                        "changed on the server during the sync; the next run merges it",
                    )
                )
                return
            self.report.updated_remote += 1
        if result.digest() != local.digest():
            apply_projection(person, result, record)
            people_repo.update_people(session, [person], now=self.now)
            self.report.updated_local += 1
        if merged.conflicts:
            self.report.conflicts.append(Conflict(person.name, card.href, merged.conflicts))
            kept = [
                *(card.conflicts or []),
                *(c.to_json() | {"at": self.now.isoformat()} for c in merged.conflicts),
            ]
            card.conflicts = kept[-MAX_CONFLICTS_KEPT:]
        card.etag = etag
        card.raw = text
        card.base = result.to_json()
        card.remote_hash = card.local_hash = result.digest()
        card.updated_at = self.now

    def _restore_remote(
        self, session: Session, card: SyncCard, text: str, local: Projection, person: Person
    ) -> None:
        try:
            etag = self.remote.create(card.href, text)
        except Changed:
            return  # a card appeared there meanwhile: the next run merges it
        self.report.created_remote += 1
        self.report.conflicts.append(
            Conflict(
                person.name,
                card.href,
                [],
                "deleted in the address book but changed in nextmove: put back in the address book",
            )
        )
        card.etag, card.raw, card.base = etag, text, local.to_json()
        card.remote_hash = card.local_hash = local.digest()
        card.updated_at = self.now

    # ------------------------------------------------------------------ new cards

    def _import_new(
        self, session: Session, hrefs: list[str], fetched: dict[str, tuple[str, str]]
    ) -> None:
        """Cards the status does not know: each linked to one person — the one a card
        nextmove created came from, else one found by the contact-import rules (same e-mail
        address, same name at the same organization), else a new person — then the card is
        patched with what nextmove adds. A person already linked to a card of this address
        book is not taken again: two cards are two people, as on the phone."""
        records: list[tuple[str, ContactRecord]] = []
        for href in hrefs:
            etag, text = fetched[href]
            parsed = read_synced_card(text, href)
            if isinstance(parsed, Problem):
                self.report.problems.append(str(parsed))
                continue
            uid = parsed.key if not parsed.key.startswith("card:") else uid_of_href(href)
            parsed.key = repo.card_key(self.account.id, uid)
            records.append((href, parsed))
        if not records:
            return
        matches = match_records(session, [r for _, r in records], self.account.id)
        people = people_repo.load_people(session, set(matches.values()))
        new_people: list[Person] = []
        by_key: dict[str, Person] = {}
        for _, record in records:
            pid = matches.get(record.key)
            if pid is not None and pid in people:
                by_key[record.key] = people[pid]
            else:
                person = person_from_record(record, kind=repo.CARD_SOURCE)
                person.how_known = person.how_known or "Address book"
                new_people.append(person)
                by_key[record.key] = person
        guesses = infer_titles({p.title for p in new_people if p.title})
        for person in new_people:
            apply_title_guess(person, guesses.get(person.title) if person.title else None)
        people_repo.insert_people(session, new_people, now=self.now)
        self.report.created_local += len(new_people)
        new_ids = {id(p) for p in new_people}
        sources, new_cards = [], []
        for href, record in records:
            person = by_key[record.key]
            assert person.id is not None
            etag, text = fetched[href]
            sources.append((person.id, record.key, self.account.name, href))
            remote = projection_of(record)
            card = SyncCard(
                account_id=self.account.id,
                uid=record.key.split("/", 1)[1],
                href=href,
                etag=etag,
                raw=text,
                base=remote.to_json(),
                remote_hash=remote.digest(),
                local_hash=remote.digest(),
                updated_at=self.now,
            )
            new_cards.append(card)
            if id(person) in new_ids:
                continue
            # An existing person: what the card adds (the import rules), then both sides
            # brought to the same fields.
            before = Projection.of_person(person)
            merge_record(person, record, kind=repo.CARD_SOURCE, today=self.today)
            local = Projection.of_person(person)
            if local.digest() != before.digest():
                people_repo.update_people(session, [person], now=self.now)
            merged = merge(None, local, remote)
            if local.digest() != remote.digest() or merged.conflicts:
                self._apply(session, card, person, record, local, remote, merged, text, etag)
        people_repo.add_sources(
            session, sources, kind=repo.CARD_SOURCE, import_id=None, now=self.now
        )
        repo.save_cards(session, new_cards)

    def _push_new_in_batches(self) -> None:
        """The first push of a network can be a thousand PUTs: people are read in one short
        transaction, uploaded with none open, and each batch recorded in a short one of its
        own — so the database is never held while the server works."""
        with self.db.session() as session:
            ids = repo.unlinked_people(session, self.account.id)
        for start in range(0, len(ids), PUSH_BATCH):
            batch = ids[start : start + PUSH_BATCH]
            with self.db.session() as session:
                people = people_repo.load_people(session, batch)
            cards: list[SyncCard] = []
            sources: list[tuple[int, str, str, str]] = []
            try:
                self._upload(people, batch, cards, sources)
            finally:  # what reached the server is recorded, even when the server stops
                with self.db.session() as session:
                    self._record_pushed(session, cards, sources)

    def _push_new(self, session: Session, people: dict[int, Person], ids: list[int]) -> None:
        """People the address book does not have yet, created there (in one transaction:
        the dry run's)."""
        cards: list[SyncCard] = []
        sources: list[tuple[int, str, str, str]] = []
        self._upload(people, ids, cards, sources)
        self._record_pushed(session, cards, sources)

    def _record_pushed(
        self, session: Session, cards: list[SyncCard], sources: list[tuple[int, str, str, str]]
    ) -> None:
        repo.save_cards(session, cards)
        people_repo.add_sources(
            session, sources, kind=repo.CARD_SOURCE, import_id=None, now=self.now
        )

    def _upload(
        self,
        people: dict[int, Person],
        ids: list[int],
        cards: list[SyncCard],
        sources: list[tuple[int, str, str, str]],
    ) -> None:
        """Create a card with a stable UID for each person, up to PUSH_CONCURRENCY uploads at
        a time over the storage's one keep-alive client (a distant server's round trips
        overlap; a server that takes writes one at a time just queues them). What to record
        goes into `cards` and `sources` for each upload that succeeded — also when another
        failed: the first failure stops the uploads not yet started and is raised once the
        ones under way have finished."""
        todo: list[tuple[int, str, str, Projection, str]] = []
        for pid in ids:
            person = people.get(pid)
            if person is None:
                continue
            uid = f"nextmove-person-{pid}"
            href = str(PurePosixPath(self.collection) / f"{uid}.vcf")
            local = Projection.of_person(person)
            links = [person.profile_url] if person.profile_url else []
            links += [x.value for x in person.links if safe_link(x.value)]
            todo.append((pid, uid, href, local, new_card(uid, local, links)))
        if not todo:
            return
        stop = threading.Event()

        def put(href: str, text: str) -> str | None:
            if stop.is_set():
                return None
            try:
                return self.remote.create(href, text)
            except RemoteError:
                stop.set()
                raise

        failure: RemoteError | None = None
        with ThreadPoolExecutor(max_workers=min(PUSH_CONCURRENCY, len(todo))) as pool:
            futures = [pool.submit(put, href, text) for _, _, href, _, text in todo]
            for (pid, uid, href, local, text), future in zip(todo, futures, strict=True):
                try:
                    etag = future.result()
                except Changed:
                    self.report.problems.append(
                        f"{href}: a card is already there; the next run links it"
                    )
                    continue
                except RemoteError as exc:
                    failure = failure or exc
                    continue
                if etag is None:  # not tried: an earlier upload failed
                    continue
                self.report.created_remote += 1
                cards.append(
                    SyncCard(
                        account_id=self.account.id,
                        uid=uid,
                        href=href,
                        etag=etag,
                        raw=text,
                        base=local.to_json(),
                        remote_hash=local.digest(),
                        local_hash=local.digest(),
                        updated_at=self.now,
                    )
                )
                sources.append((pid, repo.card_key(self.account.id, uid), self.account.name, href))
        if failure is not None:
            raise failure
