"""What a user of release 0.1 sees of their data, as the CLI's documented JSON shapes show it.

`snapshot(cli)` reads every person's page, every meeting, opportunity, journal entry, board seat
and the vision through the CLI. Internal ids are replaced by what a user recognises (a person's
name), and values computed from today's date are left out, so the snapshot of the database
release 0.1 wrote (tests/fixtures/release-0.1/expected.json, recorded with 0.1 itself) can be
compared with what any later release shows after upgrading it: every value 0.1 showed must
still be shown (later releases may show more).

Run as a script to record the snapshot again — only ever with release 0.1's code:
    python -m tests.store.release_snapshot DB_URL OUT.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

AS_OF = "2026-11-22"
# Keys whose values are internal ids or depend on the day the command runs.
VOLATILE = {
    "id",
    "person_id",
    "import_id",
    "imported_on",
    "status",
    "drafts",
    "nudge_due",
    "nudge_on",
    "thanks_due_on",
    "days_since",
    "agenda",
    "due_on",
    "overdue_on",
    "snoozed",
    "round",
    "meeting_id",
    "opportunity_id",
    "insight_id",
    "task_id",
    # Advice, not data: who would make a good advisor is recomputed by each release's rules
    # (issue 14 changed them on purpose); the seats themselves are compared.
    "candidates",
}

Run = Callable[[list[str]], str]


# Lists the CLI prints in no promised order (0.1 printed ties in storage order, which differs
# between backends): compared sorted.
UNORDERED = {"ties"}


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: sorted(_clean(v), key=lambda x: json.dumps(x, sort_keys=True))
            if k in UNORDERED
            else _clean(v)
            for k, v in value.items()
            if k not in VOLATILE
        }
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def snapshot(run: Run) -> dict[str, Any]:
    def read(*args: str) -> Any:
        return json.loads(run([*args, "--json"]))

    listed = read("people", "list", "--limit", "0")
    people = {}
    for row in listed["people"]:
        # A member of an org chart (after the directory) is shown by their reference.
        page = read("people", "show", row.get("member") or f"#{row['id']}")
        people[page["name"]] = _clean(page)
    meetings = [
        _clean(read("meeting", "show", str(m["id"]))) for m in read("meeting", "list")["meetings"]
    ]
    opportunities = [
        _clean(read("opp", "show", str(o["id"]))) for o in read("opp", "list")["opportunities"]
    ]
    return {
        "people_total": listed["total"],
        "people": people,
        "meetings": meetings,
        "opportunities": opportunities,
        "journal": _clean(read("journal", "list", "--days", "3650", "--as-of", AS_OF)),
        "board": _clean(read("board", "show", "--as-of", AS_OF)),
        "vision": _clean(read("vision", "show")),
    }


def missing(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Every value in `expected` that `actual` does not show (extra keys in actual are fine;
    volatile keys recorded in `expected` are not compared)."""
    if isinstance(expected, dict):
        expected = {k: v for k, v in expected.items() if k not in VOLATILE}
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        found: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                found.append(f"{where}.{key}: missing")
            else:
                found += missing(value, actual[key], f"{where}.{key}")
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: expected {len(expected)} items, got {actual!r:.200}"]
        return [
            p
            for i, (e, a) in enumerate(zip(expected, actual, strict=True))
            for p in missing(e, a, f"{where}[{i}]")
        ]
    return [] if expected == actual else [f"{where}: expected {expected!r}, got {actual!r}"]


def _record(url: str, out: str) -> None:  # pragma: no cover - run by hand with release 0.1
    import io
    from contextlib import redirect_stdout

    from nextmove.cli.app import main

    def run(args: list[str]) -> str:
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            try:
                main(["--db", url, *args])
            except SystemExit as exc:
                if exc.code:
                    raise RuntimeError(f"{args}: exit {exc.code}") from exc
        return buffer.getvalue()

    with open(out, "w", encoding="utf-8") as handle:
        json.dump(snapshot(run), handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":  # pragma: no cover
    _record(sys.argv[1], sys.argv[2])
