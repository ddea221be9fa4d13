"""The import API's shapes: the report as `nextmove import KIND FILE --json` prints it
(formats.json_shapes.import_report_json), an import job's progress, and a refusal with its
problems."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from nextmove.formats.schemas.core import Public


class SkipPublic(Public):
    where: str
    reason: str


class ReportProblemPublic(Public):
    where: str = Field(description="The line, card or row, e.g. 'line 12' or 'card 3'.")
    message: str


class ChangedJobPublic(Public):
    person_id: int
    name: str
    before: str
    after: str


class ImportReportPublic(Public):
    kind: str
    source: str = Field(description="The uploaded file's name.")
    dry_run: bool
    partial: bool
    import_id: int | None = Field(description="The import's record; null for a dry run.")
    records: int
    created: int
    updated: int
    unchanged: int
    interactions: int
    skipped: int
    skipped_by_reason: dict[str, int]
    skips: list[SkipPublic]
    problems: list[ReportProblemPublic] = Field(
        description="Rows left out (only with partial=true; otherwise they refuse the file)."
    )
    changed_jobs: list[ChangedJobPublic]
    notes: list[str]


class ProblemPublic(BaseModel):
    field: str = Field(description="Where: the line, card or row ('line 12', 'card 3').")
    message: str


class ImportErrorPublic(BaseModel):
    error: str
    hint: str | None
    problems: list[ProblemPublic] = Field(
        default_factory=list, description="Every problem found, when rows had problems."
    )


class ImportJobPublic(BaseModel):
    id: str
    kind: str
    file: str
    dry_run: bool
    partial: bool
    state: Literal["waiting", "running", "done", "refused", "failed"]
    finished: bool
    phase: str = Field(description="What the import is doing, e.g. 'Importing contacts.vcf'.")
    done: int = Field(description="Rows done so far.")
    total: int | None = Field(description="Rows in all, when the importer knows in advance.")
    report: ImportReportPublic | None = Field(description="When done: the report.")
    error: ImportErrorPublic | None = Field(description="When refused or failed: why.")
