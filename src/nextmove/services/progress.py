"""How services report progress on long imports without knowing about terminals: the CLI passes
a Progress that draws a Rich bar; everything else gets the silent default. And how a long
read or import keeps the garbage collector out of its way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Progress(Protocol):
    def start(self, label: str, total: int | None) -> None: ...

    def advance(self, amount: int) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    def start(self, label: str, total: int | None) -> None:
        pass

    def advance(self, amount: int) -> None:
        pass

    def finish(self) -> None:
        pass


@contextmanager
def gc_paused() -> Iterator[None]:
    """Imports and large reads (a chart of a million members) hold hundreds of thousands of
    small, acyclic objects at once: the cyclic garbage collector would walk them again and
    again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
