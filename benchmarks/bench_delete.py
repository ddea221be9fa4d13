"""What "delete means delete" costs: deleting one person from a 30,000-person network (a
LinkedIn export, LinkedIn's maximum), measured side by side in one run as

- the bare deletion: the person's rows and what cascades from them, one transaction;
- `people_service.delete_person`: the same, plus scrubbing their name, e-mails and phones
  from every text that stays (a scan of every free-text column), stripping folders from the
  import history, and checkpointing and truncating SQLite's write-ahead log.

Each is timed on its own copy of the same database, five times alternating; the best of each
is printed with the ratio. Target: a deletion stays well under a second (what a user waits
for after clicking Delete).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_linkedin import write_files

from nextmove.services import imports as import_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from nextmove.store import people as repo

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
TARGET_SECONDS = 1.0


def _bare(db: Workspace, person_id: int) -> None:
    with db.session() as session:
        repo.delete_person(session, person_id)


def _full(db: Workspace, person_id: int) -> None:
    people_service.delete_person(db, str(person_id))


def main(repeat: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="nextmove-bench-") as tmp:
        folder = Path(tmp)
        export, _plain = write_files(folder)
        base = folder / "base.db"
        db = Workspace.open(f"sqlite:///{base}")
        import_service.import_file(db, "linkedin", export, now=NOW, today=TODAY)
        with db.session() as session:
            ids = [line.id for line in repo.iter_people(session)][::997][: 2 * repeat]
        db.dispose()
        times: dict[str, list[float]] = {"bare": [], "full": []}
        for i in range(repeat):
            for name, run in (("bare", _bare), ("full", _full)):
                copy = folder / f"{name}-{i}.db"
                shutil.copy(base, copy)
                target = Workspace.open(f"sqlite:///{copy}")
                start = time.perf_counter()
                run(target, ids[i])
                times[name].append(time.perf_counter() - start)
                target.dispose()
    bare, full = min(times["bare"]), min(times["full"])
    print(f"Deleting one person from 30,000 (SQLite, best of {repeat})")
    print(f"  bare deletion            {bare * 1000:8.1f} ms")
    print(f"  delete means delete      {full * 1000:8.1f} ms   ({full / bare:.1f}× the bare one)")
    verdict = "ok" if full < TARGET_SECONDS else "SLOW"
    print(f"  target: under {TARGET_SECONDS:.0f} s → {verdict}")
    return {"bare_ms": bare * 1000, "full_ms": full * 1000, "ratio": full / bare}


if __name__ == "__main__":
    main()
