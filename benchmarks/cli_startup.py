"""How long the CLI's read commands take to answer, side by side with `sqlite-utils tables` on
the same demo database (a small, well-kept CLI on SQLite: the yardstick). Each command runs
as a fresh process, interleaved with the yardstick, several times; the medians and the ratio
to the yardstick are printed. Bytecode is compiled first, as `make setup` does.

    .venv/bin/python benchmarks/cli_startup.py [--runs 9]

Figures, never assertions: the target is a ratio of at most 1.5 for every command."""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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

# Floors: importing only the libraries every database command needs.
FLOORS: tuple[tuple[str, str], ...] = (
    ("floor: import sqlalchemy.orm", "import sqlalchemy.orm"),
    ("floor: + pydantic_settings, typer", "import sqlalchemy.orm, pydantic_settings, typer"),
)


def _time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command (default 9)")
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
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
        for argv in ([*nextmove, *COMMANDS[0]], yardstick):  # warm the file cache
            _time(argv, env)
        print(f"{'command':<34} {'median s':>9} {'yardstick s':>12} {'ratio':>6}")
        worst = 0.0
        for command in COMMANDS:
            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(args.runs):
                ours.append(_time([*nextmove, *command], env))
                theirs.append(_time(yardstick, env))
            mine, base = statistics.median(ours), statistics.median(theirs)
            ratio = mine / base
            worst = max(worst, ratio)
            label = "nextmove " + " ".join(command)
            print(f"{label:<34} {mine:>9.3f} {base:>12.3f} {ratio:>6.2f}", flush=True)
        # Why the database commands stay above the target: what their libraries alone cost.
        for label, code in FLOORS:
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(_time([sys.executable, "-c", code], env))
                theirs.append(_time(yardstick, env))
            mine, base = statistics.median(ours), statistics.median(theirs)
            print(f"{label:<34} {mine:>9.3f} {base:>12.3f} {mine / base:>6.2f}", flush=True)
        print(f"worst ratio {worst:.2f} (target ≤ {TARGET})")


if __name__ == "__main__":
    main()
