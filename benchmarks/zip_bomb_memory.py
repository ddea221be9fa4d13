"""A LinkedIn export ZIP that inflates 1,000 times (199 KB to 200 MB: issue 19) against the
real export, each imported by `nextmove import linkedin` in a process of its own: peak
memory side by side. The bomb must be refused (exit 2) before it is inflated, so its peak
stays that of an ordinary import instead of growing by the 200 MB (1.18 GB on 0.1)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, child_env, fresh, tool

EXPORT = ROOT / "tests" / "formats" / "fixtures" / "linkedin" / "linkedin-export"
INFLATED = 200 * 1024 * 1024


def real_export(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member in sorted(EXPORT.iterdir()):
            zf.write(member, member.name)


def bomb(path: Path) -> None:
    """Connections.csv: a real header and row, then 200 MB of spaces, written in chunks."""
    header = (EXPORT / "Connections.csv").read_bytes()
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("Connections.csv", "w", force_zip64=True) as member,
    ):
        member.write(header)
        block = b" " * (1024 * 1024)
        for _ in range(INFLATED // len(block)):
            member.write(block)
    path.write_bytes(buffer.getvalue())


def run(command: list[str]) -> tuple[int, str, float, float]:
    """Exit code, first line of standard error, peak RSS in MB and wall time of a command
    that may fail (a refused file exits 2)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    first = stderr.strip().splitlines()[0] if stderr.strip() else ""
    return os.waitstatus_to_exitcode(status), first, usage.ru_maxrss / 1024, wall


def main() -> None:
    nextmove = tool("nextmove")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = {"real export": work / "export.zip", "ZIP bomb": work / "bomb.zip"}
        real_export(files["real export"])
        bomb(files["ZIP bomb"])
        peaks = {}
        for label, path in files.items():
            db = fresh(work / "nextmove.db")
            url = f"sqlite:///{db}"
            subprocess.run([nextmove, "--db", url, "init"], env=child_env(), check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            code, message, peak, wall = run(
                [nextmove, "--db", url, "import", "linkedin", str(path)]
            )
            peaks[label] = peak
            size = path.stat().st_size / 1024
            print(
                f"{label:12} {size:6.0f} KB  exit {code}  peak {peak:6.1f} MB  {wall:5.2f} s  "
                f"{message[:100]}"
            )
        ratio = peaks["ZIP bomb"] / peaks["real export"]
        print(f"peak memory, bomb / real export: {ratio:.2f}× (the bomb inflates to 200 MB)")


if __name__ == "__main__":
    main()
