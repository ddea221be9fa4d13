"""Merging contact records (LinkedIn, vCard, Google) into the network, a batch at a time.

Each record is matched, in this order, to
1. the person an earlier import of the same record created (its source key: a profile URL, a
   vCard UID, …) — or, for a card nextmove exported, the person it was exported from;
2. a person with the same normalized LinkedIn profile URL;
3. a person with one of its email addresses;
4. a person with a similar name (rapidfuzz) at a similar organization — or, when either
   organization is missing, only the same LinkedIn connection date; ambiguous candidates
   match nobody;
and otherwise becomes a new person. Matching also looks at the people created earlier in the
same file, so a file that lists someone twice creates them once.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from nextmove.domain.imports import ImportReport, JobChange
from nextmove.domain.merge import apply_title_guess, merge_record, person_from_record
from nextmove.domain.people import (
    ContactRecord,
    Person,
    normalize_email,
    org_key,
    similar_names,
    similar_orgs,
)
from nextmove.domain.titles import TitleGuess, with_department
from nextmove.services.titles import infer_titles
from nextmove.store import people as repo
from nextmove.store.people import Candidate
from nextmove.store.people import cached_name_key as name_key

BATCH = 2000
_EXPORTED_UID = re.compile(r"^nextmove-person-(\d+)$")


@dataclass(slots=True)
class _Pending:
    person: Person
    records: list[ContactRecord] = field(default_factory=list)


def name_org_match(record: ContactRecord, candidates: Sequence[Candidate]) -> int | None:
    """The one candidate that is clearly the same person, or None."""
    incoming_org = org_key(record.organization)
    good: list[int] = []
    for c in candidates:
        if record.profile_url and c.profile_url and record.profile_url != c.profile_url:
            continue  # two LinkedIn profiles are two people, whatever their names
        if not similar_names(record.name, c.name):
            continue
        same_connection = record.known_since is not None and record.known_since == c.known_since
        if incoming_org and c.org_key:
            orgs = (c.org_key, *c.history_orgs)
            if any(similar_orgs(incoming_org, o) for o in orgs if o) or same_connection:
                good.append(c.id)
        elif (not incoming_org and not c.org_key) or same_connection:
            good.append(c.id)
    return good[0] if len(good) == 1 else None


class ContactMerger:
    def __init__(
        self,
        session: Session,
        *,
        kind: str,
        import_id: int | None,
        file: str,
        now: datetime,
        today: date,
        report: ImportReport,
    ):
        self.session = session
        self.kind = kind
        self.import_id = import_id
        self.file = file
        self.now = now
        self.today = today
        self.report = report
        # A network that was empty when the import began holds only what this import wrote:
        # then matching needs no queries, just these maps of the people created so far.
        self.memory_only = not repo.any_people(session)
        self.mem_source: dict[str, int] = {}
        self.mem_url: dict[str, int] = {}
        self.mem_email: dict[str, int] = {}
        self.mem_names: dict[str, list[Candidate]] = defaultdict(list)
        # Candidates without a LinkedIn URL: the only ones a record with a URL can match.
        self.mem_names_no_url: dict[str, list[Candidate]] = defaultdict(list)

    def _lookups(
        self, records: Sequence[ContactRecord]
    ) -> tuple[dict[str, int], dict[str, int], dict[str, int], set[int]]:
        s = self.session
        emails = {a for r in records for e in r.emails if (a := normalize_email(e.value))}
        if self.memory_only:
            return (
                {r.key: self.mem_source[r.key] for r in records if r.key in self.mem_source},
                {u: self.mem_url[u] for r in records if (u := r.profile_url) and u in self.mem_url},
                {e: self.mem_email[e] for e in emails if e in self.mem_email},
                set(),
            )
        exported = {int(m.group(1)) for r in records if (m := _EXPORTED_UID.match(r.key))}
        return (
            repo.ids_by_source(s, self.kind, (r.key for r in records)),
            repo.ids_by_profile_url(s, (r.profile_url for r in records if r.profile_url)),
            repo.ids_by_email(s, emails),
            {i for i in exported if repo.person_exists(s, i)},
        )

    def _candidates(self, records: Sequence[ContactRecord]) -> dict[str, list[Candidate]]:
        """Name candidates per record key. A record with a LinkedIn URL only needs the
        candidates without one (a different URL is a different person)."""
        if self.memory_only:
            found = {}
            for r in records:
                key = name_key(r.name)
                pool = self.mem_names_no_url if r.profile_url else self.mem_names
                if key in pool:
                    found[r.key] = pool[key]
            return found
        by_name = repo.name_candidates(self.session, [name_key(r.name) for r in records])
        return {r.key: by_name[name_key(r.name)] for r in records if name_key(r.name) in by_name}

    def _remember(self, person: Person, records: Sequence[ContactRecord]) -> None:
        assert person.id is not None
        for r in records:
            self.mem_source.setdefault(r.key, person.id)
        if person.profile_url:
            self.mem_url.setdefault(person.profile_url, person.id)
        for e in person.emails:
            address = normalize_email(e.value)
            if address:
                self.mem_email.setdefault(address, person.id)
        candidate = Candidate(
            person.id,
            person.name,
            org_key(person.organization),
            person.known_since,
            (),
            person.profile_url,
        )
        self.mem_names[name_key(person.name)].append(candidate)
        if not person.profile_url:
            self.mem_names_no_url[name_key(person.name)].append(candidate)

    def add(self, records: Sequence[ContactRecord]) -> None:
        if not records:
            return
        s = self.session
        by_source, by_url, by_email, existing_exported = self._lookups(records)

        matched: dict[int, list[ContactRecord]] = defaultdict(list)
        pending: list[_Pending] = []
        p_source: dict[str, _Pending] = {}
        p_url: dict[str, _Pending] = {}
        p_email: dict[str, _Pending] = {}
        p_name: dict[str, list[_Pending]] = defaultdict(list)

        def existing_match(r: ContactRecord) -> int | None:
            if r.key in by_source:
                return by_source[r.key]
            m = _EXPORTED_UID.match(r.key)
            if m and int(m.group(1)) in existing_exported:
                return int(m.group(1))
            if r.profile_url and r.profile_url in by_url:
                return by_url[r.profile_url]
            for e in r.emails:
                address = normalize_email(e.value)
                if address and address in by_email:
                    return by_email[address]
            return None

        def pending_match(r: ContactRecord) -> _Pending | None:
            if r.key in p_source:
                return p_source[r.key]
            if r.profile_url and r.profile_url in p_url:
                return p_url[r.profile_url]
            for e in r.emails:
                address = normalize_email(e.value)
                if address and address in p_email:
                    return p_email[address]
            return None

        # Strong keys first; names only for what is left (one query for the batch).
        first_pass: list[tuple[ContactRecord, int | None]] = [
            (r, existing_match(r)) for r in records
        ]
        need_names = [r for r, pid in first_pass if pid is None]
        candidates = self._candidates(need_names)
        for r, pid in first_pass:
            if pid is None:
                pid = name_org_match(r, candidates.get(r.key, ()))
            if pid is not None:
                matched[pid].append(r)
                continue
            p = pending_match(r)
            if p is None:
                key = name_key(r.name)
                for other in p_name.get(key, ()):
                    if r.profile_url and other.person.profile_url:
                        continue
                    cand = Candidate(
                        -1,
                        other.person.name,
                        org_key(other.person.organization),
                        other.person.known_since,
                        (),
                        other.person.profile_url,
                    )
                    if name_org_match(r, [cand]) is not None:
                        p = other
                        break
            if p is None:
                p = _Pending(person_from_record(r, kind=self.kind))
                pending.append(p)
                p_name[name_key(r.name)].append(p)
                self.report.created += 1
            else:
                outcome = merge_record(p.person, r, kind=self.kind, today=self.today)
                if outcome.changed:
                    self.report.updated += 1
                else:
                    self.report.unchanged += 1
            p.records.append(r)
            p_source.setdefault(r.key, p)
            if r.profile_url:
                p_url.setdefault(r.profile_url, p)
            for e in r.emails:
                address = normalize_email(e.value)
                if address:
                    p_email.setdefault(address, p)

        people = repo.load_people(s, matched)
        have_sources = repo.source_keys_of(s, matched, self.kind)
        titles = {p.person.title for p in pending if p.person.title}
        titles |= {people[pid].title for pid in matched if pid in people and people[pid].title}
        titles |= {r.title for rs in matched.values() for r in rs if r.title}
        guesses = infer_titles(titles)

        changed: list[Person] = []
        sources: list[tuple[int, str, str, str]] = []
        for pid, recs in matched.items():
            person = people.get(pid)
            if person is None:
                continue
            any_change = False
            counted_updated = False
            # Two rows of one file that disagree (a department spelled two ways) would set
            # the person one way and back on every import: what counts is whether the
            # person ends up different from how the import found them.
            found_as = copy.deepcopy(person) if len(recs) > 1 else None
            changes_before = len(self.report.job_changes)
            updated_before = self.report.updated
            for r in recs:
                outcome = merge_record(person, r, kind=self.kind, today=self.today)
                if outcome.job_change:
                    before, after = outcome.job_change
                    self.report.job_changes.append(JobChange(pid, person.name, before, after))
                if outcome.changed:
                    self.report.updated += 1
                    any_change = counted_updated = True
                else:
                    self.report.unchanged += 1
                if (pid, r.key) not in have_sources:
                    have_sources.add((pid, r.key))
                    sources.append((pid, r.key, self.file, r.where))
            if apply_title_guess(person, _guess(guesses, person)):
                any_change = True
                if not counted_updated:
                    self.report.unchanged -= 1
                    self.report.updated += 1
            if any_change and found_as is not None and person == found_as:
                any_change = False
                del self.report.job_changes[changes_before:]
                self.report.unchanged += self.report.updated - updated_before
                self.report.updated = updated_before
            if any_change:
                changed.append(person)
        for p in pending:
            apply_title_guess(p.person, _guess(guesses, p.person))
        new_people = [p.person for p in pending]
        repo.insert_people(s, new_people, now=self.now)
        for p in pending:
            assert p.person.id is not None
            self._remember(p.person, p.records)
            seen: set[str] = set()
            for r in p.records:
                if r.key not in seen:
                    seen.add(r.key)
                    sources.append((p.person.id, r.key, self.file, r.where))
        repo.update_people(s, changed, now=self.now)
        repo.add_sources(s, sources, kind=self.kind, import_id=self.import_id, now=self.now)


def _guess(guesses: dict[str, TitleGuess], person: Person) -> TitleGuess | None:
    """A person's title guess, with their department as evidence of the function."""
    guess = guesses.get(person.title) if person.title else None
    return with_department(guess, person.department) if guess and person.department else guess
