"""Importing a 30,000-row LinkedIn Connections.csv (LinkedIn's maximum) into a fresh SQLite
database, title inference included, against `sqlite-utils insert … --csv` loading the same
rows, side by side in one run. Target: at most 1.5× sqlite-utils.

Both are measured as the commands a user runs (a new process each, start-up included),
three times each, alternating; the best run of each is compared. Wall time and CPU time are
both printed: on a busy machine CPU time is the steadier of the two.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FIRST, LAST, best, fresh, measure, status, tool

ROWS = 30_000
TARGET = 1.5
SEED = 30_000
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
COMPANIES = [
    "Northwind Health",
    "Contoso",
    "Fabrikam Inc.",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Wayne Enterprises",
    "Stark Industries",
    "Acme Corp",
    "Hooli",
    "Pied Piper",
    "Vandelay Industries",
    "Tyrell",
    "Soylent",
    "Cyberdyne Systems",
]
TITLES = [
    "Senior Product Manager",
    "Software Engineer",
    "VP, Product Marketing",
    "Head of Design",
    "Chief Operating Officer",
    "Founder",
    "Partner",
    "Staff Engineer",
    "Director of Sales",
    "Data Scientist",
    "Sr. Recruiter",
    "Engineering Manager",
    "Account Executive",
    "Customer Success Lead",
    "Principal Consultant",
    "Marketing Coordinator",
    "CFO",
    "Group Product Manager",
    "UX Researcher",
    "General Counsel",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rows(count: int = ROWS) -> list[list[str]]:
    rng = random.Random(SEED)
    out = []
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if i % 97 == 0:
            out.append(["", "", "", "", "", "", f"{rng.randint(1, 28):02d} Jun 2022"])  # hidden
            continue
        slug = f"{first}-{last}-{i:x}".lower().replace("'", "")
        email = f"{first}.{last}{i}@example.com".lower() if i % 9 == 0 else ""
        day = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2025)}"
        out.append(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{slug}",
                email,
                rng.choice(COMPANIES),
                rng.choice(TITLES),
                day,
            ]
        )
    return out


def write_files(folder: Path) -> tuple[Path, Path]:
    """The LinkedIn export (with its preamble, no trailing newline) and the same rows as a
    plain CSV for sqlite-utils."""
    data = rows()
    export = folder / "Connections.csv"
    plain = folder / "connections-plain.csv"
    with plain.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(data)
    export.write_text(PREAMBLE + plain.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    return export, plain


def main(repeat: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="nextmove-bench-") as tmp:
        folder = Path(tmp)
        export, plain = write_files(folder)
        nextmove, sqlite_utils = tool("nextmove"), tool("sqlite-utils")
        ours_db, theirs_db = folder / "nextmove.db", folder / "sqlite-utils.db"

        def ours() -> list[str]:
            return [
                nextmove,
                "--db",
                f"sqlite:///{fresh(ours_db)}",
                "import",
                "linkedin",
                str(export),
            ]

        def theirs() -> list[str]:
            return [
                sqlite_utils,
                "insert",
                str(fresh(theirs_db)),
                "connections",
                str(plain),
                "--csv",
            ]

        measure(ours())  # warm-up: caches compiled modules and the file
        measure(theirs())
        our_runs, their_runs = [], []
        for _ in range(repeat):
            our_runs.append(measure(ours()))
            their_runs.append(measure(theirs()))
        o, t = best(our_runs), best(their_runs)
    wall_ratio, cpu_ratio = o.wall / t.wall, o.cpu / t.cpu
    print(f"LinkedIn Connections.csv, {ROWS:,} rows, fresh SQLite database (best of {repeat})")
    print(
        f"  nextmove import linkedin   wall {o.wall:6.2f} s   cpu {o.cpu:6.2f} s   peak {o.peak_mb:5.0f} MB"
    )
    print(
        f"  sqlite-utils insert --csv  wall {t.wall:6.2f} s   cpu {t.cpu:6.2f} s   peak {t.peak_mb:5.0f} MB"
    )
    print(
        f"  ratio: wall {wall_ratio:.2f}×, cpu {cpu_ratio:.2f}× (target ≤ {TARGET}×: wall "
        f"{status(wall_ratio, TARGET)}, cpu {status(cpu_ratio, TARGET)})"
    )
    return {"wall_ratio": wall_ratio, "cpu_ratio": cpu_ratio}


if __name__ == "__main__":
    main()
