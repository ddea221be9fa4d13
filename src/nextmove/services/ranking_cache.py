"""The ranking of whom to meet, kept between requests.

Ranking reads the workspace's people and the whole directory of its organizations (100,000
members, say): hundreds of milliseconds. The pages that show it (Today, Plans, Suggestions)
are read far more often than either changes, so a ranking is kept, keyed by everything it
depends on:

- the workspace: the database it is in (as opened by this process), its id and when it was
  made (a later workspace given the same id is another workspace);
- the workspace's revision, which every transaction that writes in it moves on
  (store/revision.py) — so a write is seen by the next page, whichever path wrote it;
- the current snapshot of each organization the workspace works with (an import or refresh
  makes a new one; linking an organization changes the list);
- the question: the day (`--as-of`), the plan, the limit, the weights, the cool-down and
  the people left out.

The key is read in the same transaction as the ranking, before it: a write committed in
between can only make a kept answer newer than its key, never older.

The cache lives in the process (each server worker has its own), holds at most `CAPACITY`
answers (least recently used go first), and is never shared between workspaces: the
workspace is part of every key, taken from the `Workspace` the caller works in.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from nextmove.services.workspace import Database, Workspace
from nextmove.store import directory as directory_store
from nextmove.store.revision import revision_of, revisions_of

CAPACITY = 512  # answers kept per process (a ranking of ten to fifty people: a few kB each)

T = TypeVar("T")


class Kept(Generic[T]):
    """A bounded, thread-safe least-recently-used map (each server worker's threads share
    one)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> T | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Hashable, value: T) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


@dataclass(frozen=True, slots=True)
class State:
    """What a workspace's answers depend on besides the question."""

    database: int
    workspace_id: int
    revision: int
    created: object
    snapshots: tuple[tuple[int, int | None], ...]


def state_of(session: Session, workspace: Workspace) -> State | None:
    """The workspace's state as this transaction sees it (None: no such workspace)."""
    found = revision_of(session, workspace.id)
    if found is None:
        return None
    revision, created = found
    snapshots = directory_store.snapshots_of(session, workspace.id)
    return State(workspace.db.key, workspace.id, revision, created, snapshots)


def states_of(session: Session, database: Database, workspace_ids: list[int]) -> dict[int, State]:
    """`state_of` for many workspaces at once (two queries): a coach's clients. The session
    must be one on the shared tables or on every workspace."""
    if not workspace_ids:
        return {}
    revisions = revisions_of(session, workspace_ids)
    snapshots = directory_store.snapshots_of_many(session, workspace_ids)
    return {
        ws: State(database.key, ws, revision, created, snapshots.get(ws, ()))
        for ws, (revision, created) in revisions.items()
    }


RANKINGS: Kept[object] = Kept(CAPACITY)


def kept(session: Session, workspace: Workspace, question: Hashable, work: Callable[[], T]) -> T:
    """The answer to `question` in this workspace as it is now: kept from an earlier request
    when nothing it depends on has changed since, else `work()` (and kept)."""
    return remembered(state_of(session, workspace), question, work)


def remembered(state: State | None, question: Hashable, work: Callable[[], T]) -> T:
    """`work()`, or its answer kept for this workspace state and question."""
    if state is None:
        return work()
    key = (state, question)
    found = RANKINGS.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    answer = work()
    RANKINGS.put(key, answer)
    return answer
