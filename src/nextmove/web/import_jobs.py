"""Imports started from the web: each runs the CLI's importer in a background thread, with a
Progress that records counts for the job page to show.

Uploads are other people's contact details: the file is written to a private temporary folder
and removed as soon as the import ends, whatever happened. Imports run one at a time (a second
waits for the first), so two never compete for the database. Jobs live in memory, per app: the
last `KEEP` of them.
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from nextmove.domain.imports import ImportReport
from nextmove.errors import InvalidInput, NextmoveError, Problem, UserError
from nextmove.formats.json_shapes import import_report_json
from nextmove.services import imports as import_service
from nextmove.services.workspace import Workspace

log = logging.getLogger(__name__)

KEEP = 20
JOB_ID = re.compile(r"^[0-9a-f]{16}$")
SAFE_SUFFIXES = (".csv", ".vcf", ".vcard", ".ics", ".zip", ".txt")
State = Literal["waiting", "running", "done", "refused", "failed"]
FAILED_HINT = (
    "This is a bug in nextmove; the server log has the details. Running the same import with "
    "the CLI (`nextmove --debug import KIND FILE`) shows the traceback. Please report it."
)


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What to import and how: the importer's options, as the CLI passes them."""

    kind: str
    filename: str  # the uploaded file's own name: the report's source
    dry_run: bool = False
    partial: bool = False
    organization: str | None = None
    column_map: dict[str, str] | None = None
    me: str | None = None


def display_name(filename: str | None) -> str:
    """The name an upload is reported under: its last path part, printable, not too long."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(c for c in name if c.isprintable()).strip()[:120]
    return name or "the uploaded file"


def save_private(data: BinaryIO | bytes, filename: str) -> Path:
    """The upload as a file in a new private temporary folder (mode 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="nextmove-import-"))
    suffix = Path(filename).suffix.lower()
    path = folder / ("upload" + (suffix if suffix in SAFE_SUFFIXES else ""))
    try:
        with path.open("wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                shutil.copyfileobj(data, out, 1 << 20)
    except BaseException:
        remove_private(path)
        raise
    return path


def remove_private(path: Path) -> None:
    """Remove an upload's private folder, with the file in it."""
    shutil.rmtree(path.parent, ignore_errors=True)


@contextmanager
def private_copy(data: BinaryIO | bytes, filename: str) -> Iterator[Path]:
    """The upload as a private file for the length of the block."""
    path = save_private(data, filename)
    try:
        yield path
    finally:
        remove_private(path)


def run_import(
    db: Workspace,
    request: ImportRequest,
    path: Path,
    *,
    now: datetime,
    today: date,
    timezone: str,
    progress: Any = None,
) -> ImportReport:
    """The same importer as `nextmove import KIND FILE`, on an uploaded copy."""
    return import_service.import_file(
        db,
        request.kind,
        path,
        now=now,
        today=today,
        dry_run=request.dry_run,
        partial=request.partial,
        organization=request.organization,
        column_map=request.column_map,
        me=request.me,
        timezone=timezone,
        progress=progress,
        source=request.filename,
    )


@dataclass
class ImportJob:
    """One import started from the import page, as its page and status JSON show it."""

    id: str
    request: ImportRequest
    started_at: datetime
    state: State = "waiting"
    phase: str = "Waiting for the import before it to finish"
    done: int = 0
    total: int | None = None
    report: ImportReport | None = None
    error: NextmoveError | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "refused", "failed")

    @property
    def problems(self) -> list[Problem]:
        if isinstance(self.error, InvalidInput):
            return list(self.error.problems)
        return []

    def status_json(self) -> dict[str, Any]:
        """The job as `GET /import/jobs/{id}/status` and `GET /api/imports/{id}` return it."""
        with self.lock:
            error = self.error
            return {
                "id": self.id,
                "kind": self.request.kind,
                "file": self.request.filename,
                "dry_run": self.request.dry_run,
                "partial": self.request.partial,
                "state": self.state,
                "finished": self.finished,
                "phase": self.phase,
                "done": self.done,
                "total": self.total,
                "report": import_report_json(self.report) if self.report else None,
                "error": None
                if error is None
                else {
                    "error": error.message,
                    "hint": error.hint,
                    "problems": [{"field": p.where, "message": p.message} for p in self.problems],
                },
            }


class JobProgress:
    """The Progress the importers report to (services.progress), recorded on the job."""

    def __init__(self, job: ImportJob):
        self.job = job

    def start(self, label: str, total: int | None) -> None:
        with self.job.lock:
            self.job.phase, self.job.total, self.job.done = label, total, 0

    def advance(self, amount: int) -> None:
        with self.job.lock:
            self.job.done += amount

    def finish(self) -> None:
        with self.job.lock:
            if self.job.total is not None:
                self.job.done = self.job.total
            self.job.phase = "Finishing"


class ImportJobs:
    """The app's import jobs, by id (random, so one cannot guess another's), the last KEEP."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, ImportJob] = OrderedDict()
        self._lock = threading.Lock()
        self.one_at_a_time = threading.Lock()  # held by whichever import is writing

    def get(self, job_id: str) -> ImportJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def forget_finished(self) -> int:
        """Drop the finished jobs and their reports (after a person is deleted: a report
        names the people it created, updated or skipped). Returns how many."""
        with self._lock:
            finished = [k for k, j in self._jobs.items() if j.finished]
            for key in finished:
                del self._jobs[key]
        return len(finished)

    def start(
        self,
        request: ImportRequest,
        upload: BinaryIO,
        run: Callable[[Path, JobProgress], ImportReport],
        *,
        now: datetime,
    ) -> ImportJob:
        """Copy the upload to a private file and import it in a background thread."""
        job = ImportJob(secrets.token_hex(8), request, started_at=now)
        path = save_private(upload, request.filename)
        thread = threading.Thread(
            target=self._work, args=(job, path, run), name=f"import-{job.id}", daemon=True
        )
        with self._lock:
            self._jobs[job.id] = job
            finished = [k for k, j in self._jobs.items() if j.finished]
            for key in finished[: max(0, len(self._jobs) - KEEP)]:
                del self._jobs[key]
        try:
            thread.start()
        except BaseException:
            with self._lock:
                self._jobs.pop(job.id, None)
            remove_private(path)
            raise
        return job

    def _work(
        self, job: ImportJob, path: Path, run: Callable[[Path, JobProgress], ImportReport]
    ) -> None:
        report: ImportReport | None = None
        error: NextmoveError | None = None
        try:
            with self.one_at_a_time:
                with job.lock:
                    job.state, job.phase = "running", f"Reading {job.request.filename}"
                report = run(path, JobProgress(job))
        except NextmoveError as refused:
            error = refused
        except Exception:
            log.exception("import %s of %s failed", job.id, job.request.filename)
            error = NextmoveError("the import stopped on an unexpected error", hint=FAILED_HINT)
        finally:
            remove_private(path)  # before the job says it is finished
        with job.lock:
            job.report, job.error = report, error
            if error is None:
                job.state = "done"
            elif isinstance(error, UserError):
                job.state = "refused"
            else:
                job.state = "failed"
