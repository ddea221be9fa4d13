"""What a backup and a restore cost for a large workspace: the demo workspace plus a
30,000-person LinkedIn export (LinkedIn's maximum), on SQLite, measured side by side in one
run as

- `nextmove backup`: every per-workspace table read in one snapshot and written as JSON Lines
  into a ZIP (backup_workspace);
- the floor: SQLite's own online backup of the whole database file (sqlite3's `backup()`),
  which copies pages without reading a row;
- `nextmove restore`: the archive read twice (ids, then rows), every id renumbered and every
  reference remapped, inserted in one transaction beside the original (restore_workspace).

Each is run three times, alternating; the best of each is printed with the ratios, the
archive's size beside the database file's, and rows per second. `--people N` runs a smaller
(or larger) network.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_linkedin

from nextmove.services import imports as import_service
from nextmove.services.backup import backup_workspace, restore_workspace
from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def write_export(folder: Path, people: int) -> Path:
    """A LinkedIn Connections.csv of `people` rows (bench_linkedin's generator)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(bench_linkedin.HEADER)
    writer.writerows(bench_linkedin.rows(people))
    export = folder / "Connections.csv"
    export.write_text(bench_linkedin.PREAMBLE + buffer.getvalue().rstrip("\n"), encoding="utf-8")
    return export


def main(people: int = 30_000, repeat: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="nextmove-bench-") as tmp:
        folder = Path(tmp)
        export = write_export(folder, people)
        base = folder / "base.db"
        ws = Workspace.open(f"sqlite:///{base}")
        create_demo(ws, today=TODAY, now=NOW)
        import_service.import_file(ws, "linkedin", export, now=NOW, today=TODAY)
        db_size = base.stat().st_size
        times: dict[str, list[float]] = {"backup": [], "floor": [], "restore": []}
        rows = 0
        archive = folder / "b.zip"
        for i in range(repeat):
            start = time.perf_counter()
            summary = backup_workspace(ws, archive, now=NOW)
            times["backup"].append(time.perf_counter() - start)
            rows = summary.rows

            start = time.perf_counter()
            source, target = sqlite3.connect(base), sqlite3.connect(folder / "copy.db")
            source.backup(target)
            source.close()
            target.close()
            times["floor"].append(time.perf_counter() - start)
            (folder / "copy.db").unlink()

            start = time.perf_counter()
            restore_workspace(ws.db, archive, name=f"copy{i}", now=NOW)
            times["restore"].append(time.perf_counter() - start)
        zip_size = archive.stat().st_size
        ws.dispose()
    best = {name: min(values) for name, values in times.items()}
    print(f"workspace: {rows:,} rows ({people:,} people from LinkedIn plus the demo)")
    print(f"backup   {best['backup']:7.2f} s  ({rows / best['backup']:,.0f} rows/s)")
    print(f"floor    {best['floor']:7.2f} s  (SQLite's page copy of the whole file)")
    print(f"restore  {best['restore']:7.2f} s  ({rows / best['restore']:,.0f} rows/s)")
    print(f"ratio backup / floor  {best['backup'] / best['floor']:.1f}×")
    print(f"ratio restore / backup {best['restore'] / best['backup']:.1f}×")
    print(f"archive {zip_size / 1e6:.1f} MB beside a {db_size / 1e6:.1f} MB database file")
    return best


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    main(args.people, args.repeat)
