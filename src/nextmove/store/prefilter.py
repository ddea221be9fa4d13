"""The ranking's prefilter by level and function, one rule for your people (store/suggest.py)
and the members of your org charts (store/directory_ranking.py): above your level, or at it
in a target function; with no level known, anyone in a target function."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_


def level_conditions(
    level: Any, function: Any, *, min_level: int | None, functions: Sequence[str]
) -> list[Any]:
    """The conditions (any of them admits a row) on the `level` and `function` columns."""
    conditions: list[Any] = []
    if min_level is not None:
        conditions.append(level >= min_level + 1)
        if functions:
            conditions.append(and_(function.in_(functions), level >= min_level))
    elif functions:
        conditions.append(function.in_(functions))
    return conditions
