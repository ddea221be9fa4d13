"""Title inference for the rest of the application: one cached interpreter per process."""

from __future__ import annotations

from collections.abc import Iterable

from nextmove.domain.titles import TitleGuess, infer_title


def infer_titles(titles: Iterable[str]) -> dict[str, TitleGuess]:
    """Guess level and function for many titles at once (each distinct title once)."""
    return {title: infer_title(title) for title in set(titles)}
