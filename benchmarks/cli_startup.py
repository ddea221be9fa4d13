"""How long the CLI's read commands take to answer, side by side with `sqlite-utils tables` on
the same demo database (a small, well-kept CLI on SQLite: the yardstick). Each command runs
as a fresh process, interleaved with the yardstick, several times; the medians of wall and
CPU time (user + system) and their ratios to the yardstick's are printed, with the load
average (on a busy machine the CPU ratio is the steadier figure).
Bytecode is compiled first, as `make setup` does.

    .venv/bin/python benchmarks/cli_startup.py [--runs 9] [--baseline DIR]

`--baseline DIR` runs another checkout's code too (DIR/src, e.g. a `git worktree` of main),
interleaved in the same runs, so a change is measured before and after under the same load.

Figures, never assertions: the target is a ratio of at most 1.5 for every command. The floors
printed last are what the libraries alone cost (benchmarks/common.py): `import sqlalchemy`
(Core), Core with an engine and one select of the person table (a design without the ORM),
`import sqlalchemy.orm`, and nextmove's own tables and settings; each command's time above
the last floor is what the command itself adds."""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from common import FLOOR_NOTE, floors

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGET = 1.5

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("vision", "show"),
    ("today", "--as-of", "2026-11-22"),
    ("people", "show", "Tom Becker"),
    ("suggest", "--as-of", "2026-11-22"),
)

# How the console script starts nextmove, for a checkout given by --baseline.
ENTRY = "import sys; from nextmove.cli.app import main; sys.exit(main())"


def _time(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of `argv`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command (default 9)")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="another checkout whose src/ runs side by side (before/after a change)",
    )
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    if args.baseline:
        compileall.compile_dir(str(args.baseline / "src"), quiet=1)
    print(_load(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        env = {**os.environ, "NEXTMOVE_CONFIG": str(Path(tmp) / "none.toml")}
        nextmove = [str(BIN / "nextmove"), "--db", f"sqlite:///{db}"]
        subprocess.run(
            [*nextmove, "demo", "--as-of", "2026-11-22"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yardstick = [str(BIN / "sqlite-utils"), "tables", str(db)]
        base_env = env
        baseline: list[str] = []
        if args.baseline:
            base_env = {**env, "PYTHONPATH": str(args.baseline.resolve() / "src")}
            baseline = [sys.executable, "-c", ENTRY, "--db", f"sqlite:///{db}"]
        for argv in ([*nextmove, *COMMANDS[0]], yardstick):  # warm the file cache
            _time(argv, env)
        head = f"{'command':<38} {'wall s':>7} {'cpu s':>6} {'yard wall':>9} {'yard cpu':>8}"
        head += f" {'ratio':>6} {'cpu ratio':>9} {'÷ floor':>7}"
        print(head + (f" {'before wall':>11} {'cpu':>6} {'ratio':>6}" if baseline else ""))
        # First what the libraries alone cost (the floors), then each command beside the last
        # floor (nextmove's tables and settings): the ratio a command adds on top of it.
        floor = 0.0
        for label, argv in floors(f"sqlite:///{db}"):
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(_time(argv, env))
                theirs.append(_time(yardstick, env))
            (wall, cpu), (base, base_cpu) = _medians(ours), _medians(theirs)
            floor = wall
            line = f"{label:<38} {wall:>7.3f} {cpu:>6.3f} {base:>9.3f} {base_cpu:>8.3f}"
            print(line + f" {wall / base:>6.2f} {cpu / base_cpu:>9.2f}", flush=True)
        worst = 0.0
        for command in COMMANDS:
            ours = []
            theirs = []
            before: list[tuple[float, float]] = []
            for _ in range(args.runs):
                ours.append(_time([*nextmove, *command], env))
                theirs.append(_time(yardstick, env))
                if baseline:
                    before.append(_time([*baseline, *command], base_env))
            (wall, cpu), (base, base_cpu) = _medians(ours), _medians(theirs)
            worst = max(worst, wall / base)
            label = "nextmove " + " ".join(command)
            line = f"{label:<38} {wall:>7.3f} {cpu:>6.3f} {base:>9.3f} {base_cpu:>8.3f}"
            line += f" {wall / base:>6.2f} {cpu / base_cpu:>9.2f} {wall / floor:>7.2f}"
            if baseline:
                then, then_cpu = _medians(before)
                line += f" {then:>11.3f} {then_cpu:>6.3f} {then / base:>6.2f}"
            print(line, flush=True)
        print(f"worst ratio {worst:.2f} (target ≤ {TARGET}); {_load()}")
        print(textwrap.fill(FLOOR_NOTE, width=96))


if __name__ == "__main__":
    main()
