"""A longer fuzzing campaign over every importer than CI runs: thousands of damaged files per
format (see tests/fuzzing.py for the mutations and the contract each import is held to).
Prints, per format, how many inputs ran, how many imported and how many were refused (with
the most common messages), and every input that broke the contract, saved under
artifacts/fuzz/ to reproduce.

    .venv/bin/python benchmarks/fuzz_imports.py [INPUTS_PER_FORMAT] [SEED] [FORMAT ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzing import Hang, Tally, check_busy, check_import, inputs  # noqa: E402

from nextmove.services.workspace import Workspace  # noqa: E402
from nextmove.store.db import make_engine, migrate  # noqa: E402

FORMATS = ("linkedin", "linkedin-zip", "google", "vcard", "orgchart", "ics", "slots")
SUFFIX = {"linkedin-zip": ".zip", "vcard": ".vcf", "ics": ".ics", "slots": ".ics"}


def attendees_card() -> bytes:
    """People for every address the seed calendars name, so calendar imports write."""
    import re

    from tests.fuzzing import seeds

    found = sorted({m.lower() for s in seeds("ics") for m in re.findall(
        rb"mailto:([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)", s.data)})  # fmt: skip
    cards = [
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Attendee {i}\r\nEMAIL:{a.decode()}\r\nEND:VCARD\r\n"
        for i, a in enumerate(found)
    ]
    return "".join(cards).encode()


def campaign(kind: str, count: int, seed: int, work: Path) -> tuple[Tally, list[str], float]:
    url = f"sqlite:///{work / f'{kind}.db'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    db = Workspace.open(url)
    tally, broken = Tally(), []
    if kind == "ics":
        people = work / "attendees.vcf"
        people.write_bytes(attendees_card())
        check_import(db, "vcard", people, partial=True, tally=Tally(), source="attendees.vcf")
    began = time.monotonic()
    for n, (name, data) in enumerate(inputs(kind, count, seed)):
        path = work / f"input{SUFFIX.get(kind, '.csv')}"
        path.write_bytes(data)
        try:
            if kind == "slots":
                check_busy(data, source=name, tally=tally)
            else:
                check_import(db, kind, path, partial=n % 2 == 1, tally=tally, source=name)
        except (Exception, Hang) as exc:
            saved = ROOT / "artifacts" / "fuzz" / f"{kind}-{seed}-{n}{path.suffix}"
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(data)
            last = traceback.extract_tb(exc.__traceback__)[-1]
            broken.append(
                f"{name}: {type(exc).__name__}: {str(exc)[:160]} "
                f"({Path(last.filename).name}:{last.lineno}) -> {saved.relative_to(ROOT)}"
            )
    db.dispose()
    return tally, broken, time.monotonic() - began


def main() -> None:
    import warnings

    warnings.simplefilter("ignore")  # icalendar's warnings about guessed TZIDs
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    kinds = sys.argv[3:] or FORMATS
    total_broken = 0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            work = Path(tmp) / kind
            work.mkdir()
            tally, broken, seconds = campaign(kind, count, seed, work)
            total_broken += len(broken)
            print(
                f"{kind:13} {count:6} inputs in {seconds:6.1f} s: {tally.imported} imported, "
                f"{tally.refused} refused with a clear error, {len(broken)} broke the contract"
            )
            for message, times in sorted(tally.messages.items(), key=lambda m: -m[1])[:5]:
                print(f"    {times:5} × {message}")
            for line in broken[:30]:
                print(f"  BROKEN {line}")
    sys.exit(1 if total_broken else 0)


if __name__ == "__main__":
    main()
