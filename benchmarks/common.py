"""Shared helpers for the benchmarks: deterministic data, running a command as a child process
and measuring its wall time, CPU time and peak memory."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float


# Names for the generated people of the import benchmarks.
FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "David",
    "Emma",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jamal",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoë",
]
LAST = [
    "Okafor",
    "Schmidt",
    "García",
    "Nakamura",
    "Rossi",
    "Dubois",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Nayak",
    "Chen",
    "Müller",
    "O'Brien",
    "Santos",
    "Ivanova",
    "Kim",
    "Mensah",
    "Silva",
    "Novak",
    "Andersen",
]


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEXTMOVE_")}
    # Let Python cache compiled modules like on a normal machine (some sandboxes forbid it);
    # the warm-up run writes the caches, the measured runs use them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NEXTMOVE_CONFIG_DIR"] = str(Path("/nonexistent-nextmove-config"))
    return env


def measure(
    command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """Run a command to completion; its wall time, CPU time (user + system) and peak RSS.
    `env`: variables added to the child's environment."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**child_env(), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024 / scale / 1024)


def best(runs: list[Run]) -> Run:
    """The fastest of several runs: the figure least disturbed by other work on the machine."""
    return Run(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.peak_mb for r in runs))


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        raise SystemExit(f"{name} is not installed; run `make setup`")
    return which


def status(ratio: float, target: float) -> str:
    return "meets the target" if ratio <= target else "MISSES the target"


# Floors: what importing the data layer alone costs, each a fresh interpreter (the same way
# the commands start). Any command that reads the database through SQLAlchemy pays at least
# the first; through the ORM at least the third; nextmove's own tables and settings add the
# fourth. The second is a design without the ORM: Core, an engine and one select of the person
# table, nothing else.
# Each runs with the cycle collector off, as nextmove's own start-up does (cli/app.py), so a
# floor is never above what the same imports cost inside nextmove.
GC_OFF = "import gc; gc.disable(); "
FLOOR_CORE_SELECT = (
    GC_OFF + "import sqlalchemy as sa; "
    "engine = sa.create_engine({url!r}); "
    "connection = engine.connect(); "
    "connection.execute(sa.select(sa.column('name')).select_from(sa.table('person'))"
    ".limit(1)).all()"
)
FLOOR_NOTE = (
    "Floors: fresh interpreters that only import, with the cycle collector off as in "
    "nextmove's start-up (or, for the second, only open the database with SQLAlchemy Core and "
    "read one row). A command that reads the database through "
    "SQLAlchemy cannot be faster than `import sqlalchemy`; through the ORM, than `import "
    "sqlalchemy.orm`; nextmove's tables and settings (pydantic-settings) come on top. A ratio "
    "target below a floor's ratio cannot be met by any command built on that layer."
)


def floors(url: str) -> tuple[tuple[str, list[str]], ...]:
    """The floor commands for a database at `url`: (label, argv)."""
    py = sys.executable
    return (
        ("floor: import sqlalchemy (Core)", [py, "-c", GC_OFF + "import sqlalchemy"]),
        ("floor: Core + engine + one select", [py, "-c", FLOOR_CORE_SELECT.format(url=url)]),
        ("floor: import sqlalchemy.orm", [py, "-c", GC_OFF + "import sqlalchemy.orm"]),
        (
            "floor: + nextmove's tables, settings",
            [
                py,
                "-c",
                GC_OFF + "import nextmove.store.models, nextmove.config, typer, rich.console",
            ],
        ),
    )


_ = resource  # imported for platforms where wait4's rusage needs it
