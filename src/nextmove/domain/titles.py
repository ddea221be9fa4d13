"""Understanding free-text job titles: a level on the ladder and a function, each with a
confidence. Pure: the reference data (O*NET titles, the IPOD gazetteer) is passed in.

Interface used by importers and suggestions:
    TitleGuess(level, function, level_confidence, function_confidence, evidence)
    infer_title(title, reference) -> TitleGuess

PLACEHOLDER until title inference lands (issue 3, part 4): every title is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TitleGuess:
    level: int | None = None
    function: str | None = None
    level_confidence: float = 0.0
    function_confidence: float = 0.0
    evidence: tuple[str, ...] = field(default=())


UNKNOWN = TitleGuess()


def infer_title(title: str, reference: Any = None) -> TitleGuess:
    return UNKNOWN
