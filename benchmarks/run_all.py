"""Run every benchmark in this folder, one after another (`make bench`): figures and ratios,
never pass/fail assertions. Helpers (common.py, floor_*.py, run by the benchmarks themselves)
are skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
HELPERS = {"run_all.py", "common.py"}

if __name__ == "__main__":
    failed = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name in HELPERS or script.name.startswith(("floor_", "_")):
            continue
        print(f"\n== {script.name}", flush=True)
        failed |= subprocess.call([sys.executable, str(script)])
    sys.exit(failed)
