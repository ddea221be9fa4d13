"""Every benchmark, one after the other (`make bench`): figures and ratios, never pass/fail
assertions. Targets: LinkedIn 30,000 rows ≤ 1.5× sqlite-utils; org chart 1,000,000 people
≤ 3× the csv + executemany floor, peak memory < 1 GB."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_linkedin
import bench_orgchart


def main() -> None:
    print(
        f"Python {platform.python_version()} on {platform.machine()}, SQLite {__import__('sqlite3').sqlite_version}"
    )
    print()
    bench_linkedin.main()
    print()
    bench_orgchart.main()


if __name__ == "__main__":
    main()
