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
from nextmove.services import demo, meeting_brief, report
from nextmove.store.db import Database

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, tzinfo=UTC)
RUNS = 5
BIN = Path(sys.executable).parent


def timed(label: str, work: Callable[[], object]) -> float:
    work()  # warm: first imports, the first Typst compile, SQLite's page cache
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<44} median {median:6.3f} s   max {max(times):6.3f} s   ({RUNS} runs)")
    return median


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        db = Database.open(url)
        demo.create_demo(db, today=TODAY, now=NOW)
        settings = load_settings(database_url=url)
        args = {"settings": settings, "today": TODAY, "now": NOW}
        target = Path(folder) / "plan.pdf"
        cold_start = time.perf_counter()
        report.write_report(db, target, **args)  # type: ignore[arg-type]
        cold = time.perf_counter() - cold_start
        print(f"{'report, first in this process (cold)':<44} {cold:13.3f} s")
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
        cli = timed(
            "`nextmove report` as a new process (wall)",
            lambda: subprocess.run(command, check=True, capture_output=True),
        )
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for _ in range(RUNS):
            subprocess.run(command, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / RUNS
        print(f"{'`nextmove report` as a new process (CPU)':<44} mean   {cpu:6.3f} s")
        print(
            f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
            "(wall time above includes waiting for a core)"
        )
        pages = report.page_count(target.read_bytes())
        print(f"report: {pages} pages, {target.stat().st_size / 1024:.0f} kB")
        print(f"typesetting share of the report: {(whole - view) / whole:.0%}")
        worst = max(whole, cold, cpu)
        print(
            f"target 2 s: {'met' if worst <= 2 else 'NOT met'} by the CPU time of every way "
            f"(slowest {worst:.2f} s); a new process waited {cli:.2f} s on this machine now"
        )
        db.dispose()


if __name__ == "__main__":
    main()
