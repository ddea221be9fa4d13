"""What an import did: the report every importer prints (created, updated, unchanged, skipped
with reasons, problems with their line or card), plus who changed jobs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from nextmove.domain.import_kinds import FILE_KIND_NAMES
from nextmove.errors import Problem

# The names of the kinds of file `nextmove import` reads (the registry: domain.import_kinds).
IMPORT_KINDS = FILE_KIND_NAMES


@dataclass(frozen=True, slots=True)
class Skip:
    """A record deliberately left out (not an error), e.g. a hidden LinkedIn profile."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class JobChange:
    person_id: int
    name: str
    before: str
    after: str


@dataclass(slots=True)
class ImportReport:
    kind: str
    source: str
    dry_run: bool = False
    partial: bool = False
    records: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    interactions: int = 0  # interactions added (ics, LinkedIn messages and invitations)
    job_changes: list[JobChange] = field(default_factory=list)
    import_id: int | None = None
    notes: list[str] = field(default_factory=list)  # anything else worth saying

    @property
    def changes(self) -> int:
        return self.created + self.updated + self.interactions

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(Skip(where, reason))

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def skipped_by_reason(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.skipped).most_common())
