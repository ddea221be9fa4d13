"""How long the career-plan report and a meeting brief of the demo workspace take, side by
side with building the report's view model alone (the database and the method's work)
and the private edition. The target: the report in at most 2 s on this machine.

Prints figures; never asserts timings. Run: .venv/bin/python benchmarks/report_pdf.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from nextmove.config import load_settings
from nextmove.services import demo, meeting_brief, pdf_files, report
from nextmove.services.workspace import Workspace

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, tzinfo=UTC)
RUNS = 5
BIN = Path(sys.executable).parent


def timed(label: str, work: Callable[[], object]) -> float:
    """The median CPU time of `work` (this process, all its threads), and its wall time: on
    a shared machine the wall time includes waiting for a core."""
    work()  # warm: first imports, the first Typst compile, SQLite's page cache
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    median = statistics.median(cpus)
    print(
        f"{label:<44} CPU median {median:6.3f} s   wall median {statistics.median(walls):6.3f} s"
        f"   ({RUNS} runs)"
    )
    return median


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        db = Workspace.open(url)
        demo.create_demo(db, today=TODAY, now=NOW)
        settings = load_settings(database_url=url)
        args = {"settings": settings, "today": TODAY, "now": NOW}
        target = Path(folder) / "plan.pdf"
        cold_start = time.process_time()
        report.write_report(db, target, **args)  # type: ignore[arg-type]
        cold = time.process_time() - cold_start
        print(f"{'report, first in this process (cold)':<44} CPU        {cold:6.3f} s")
        view = timed("view model only", lambda: report.report_view(db, **args))  # type: ignore[arg-type]
        whole = timed(
            "report FILE.pdf (view + Typst + write)",
            lambda: report.write_report(db, target, **args),  # type: ignore[arg-type]
        )
        timed(
            "report --private",
            lambda: report.write_report(db, target, private=True, **args),  # type: ignore[arg-type]
        )
        timed(
            "meeting brief (one page)",
            lambda: meeting_brief.write_brief(
                db, 4, Path(folder) / "brief.pdf", settings=settings, today=TODAY
            ),
        )
        command = [str(BIN / "nextmove"), "--db", url, "report", str(target), "--as-of", str(TODAY)]
        subprocess.run(command, check=True, capture_output=True)  # warm the OS caches
        walls = []
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / RUNS
        cli = statistics.median(walls)
        print(
            f"{'`nextmove report` as a new process':<44} CPU mean   {cpu:6.3f} s   "
            f"wall median {cli:6.3f} s   ({RUNS} runs)"
        )
        baseline = [str(BIN / "nextmove"), "--db", url, "me", "show"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for _ in range(RUNS):
            subprocess.run(baseline, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        startup = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / RUNS
        print(
            f"{'`nextmove me show` (start-up, for scale)':<44} CPU mean   {startup:6.3f} s   "
            f"the report adds {cpu - startup:.3f} s"
        )
        print(
            f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
            "(wall time above includes waiting for a core)"
        )
        pages = pdf_files.page_count(target.read_bytes())
        print(f"report: {pages} pages, {target.stat().st_size / 1024:.0f} kB")
        print(
            f"typesetting and writing: {max(whole - view, 0) / whole:.0%} of the report's CPU time"
        )
        worst = max(whole, cold, cpu)
        print(
            f"target 2 s: {'met' if worst <= 2 else 'NOT met'} by the CPU time of every way "
            f"(slowest {worst:.2f} s); a new process took {cli:.2f} s of wall time here now"
        )
        db.dispose()


if __name__ == "__main__":
    main()
