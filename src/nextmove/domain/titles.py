"""Understanding free-text job titles: a level on the ladder and a function, each with a
confidence. Pure: the reference data (O*NET titles, the IPOD gazetteer) is passed in.

Interface used by importers and suggestions:
    TitleGuess(level, function, level_confidence, function_confidence, evidence)
    infer_title(title, reference) -> TitleGuess

How a title is read (docs/titles.md): it is cut into segments ("Engineer | Hiring!"), the
organization after "at"/"@" is kept aside as context, and each segment's words are matched
against a hand-made lexicon (title_lexicon.py): roles carry a level ("director" 7), modifiers
change it ("associate director" 6, "lead engineer" 4, "senior" one step up), function words
vote for a function. The O*NET titles then vote for the function too, by the whole title
and by its words. A title with no role word has no level: unknown, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nextmove.domain.levels import BY_RANK
from nextmove.domain.title_lexicon import (
    ADVISOR,
    ADVISOR_QUALIFIERS,
    BOARD,
    CHIEF_FUNCTIONS,
    EXECUTIVE_SEARCH,
    GRADES,
    LEXICON,
    LONGEST,
    MODIFIER,
    NOISE,
    NUMERALS,
    ORG_FUNCTIONS,
    ORG_PRECEDENCE,
    OUTSIDE_TAGS,
    PAST,
    PRACTICE_WORDS,
    RECRUITING_TAGS,
    ROLE,
    SENIOR,
    TECH_HEADS,
    WORD,
    Word,
)
from nextmove.domain.title_words import LEVEL_ONLY, STOP, core_key, split_title, tokenize

# One step up for "Senior …": never lower, never past the role's own band.
_SENIOR_STEP = {0: 0, 1: 2, 2: 3, 3: 3, 4: 4, 5: 6, 6: 6, 7: 8, 8: 8, 9: 10, 10: 10, 11: 11}
# Below this a function is not worth saying.
MIN_FUNCTION_CONFIDENCE = 0.3
# A function read only from O*NET word statistics, in a title with no word naming a job.
WORDS_ONLY_CONFIDENCE = 0.45
_VOTERS = (WORD, ROLE, MODIFIER)


@dataclass(frozen=True, slots=True)
class TitleGuess:
    level: int | None = None
    function: str | None = None
    level_confidence: float = 0.0
    function_confidence: float = 0.0
    evidence: tuple[str, ...] = field(default=())
    # What kind of role, beyond level and function (title_lexicon.TAGS): "board",
    # "advisor", "investor", "operating-partner", "executive-search", "recruiter",
    # "hr-partner"; "" for an ordinary role.
    tag: str = ""

    @property
    def outside_advisor(self) -> bool:
        """A governance or outside role: board member, non-executive director, chair,
        operating partner, advisor, investor, executive-search partner."""
        return self.tag in OUTSIDE_TAGS

    @property
    def recruiting(self) -> bool:
        """A recruiter, talent-acquisition person, HR business partner or executive-search
        consultant: useful for the hiring process, not for seeing a path."""
        return self.tag in RECRUITING_TAGS


UNKNOWN = TitleGuess()


@dataclass(frozen=True, slots=True)
class TitleReference:
    """Evidence from public data (built by scripts/build-title-data).

    titles: the key of an O*NET title (title_words.core_key) -> (function, job zone, share
            of that title's occupations that have this function);
    tokens: a title word -> (its most likely function, that probability, how many titles);
    role_words: words the IPOD annotators tagged as responsibility (seniority) words.
    """

    titles: Mapping[str, tuple[str, int, float]] = field(default_factory=dict)
    tokens: Mapping[str, tuple[str, float, int]] = field(default_factory=dict)
    role_words: frozenset[str] = frozenset()


EMPTY_REFERENCE = TitleReference()


@dataclass(slots=True)
class _Reading:
    level: int | None = None
    level_confidence: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    noise: bool = False
    role: str = ""
    words_only: bool = False  # the function rests only on O*NET word statistics
    tag: str = ""


def infer_title(
    title: str, reference: TitleReference | None = None, *, department: str = ""
) -> TitleGuess:
    """Guess the level and function of a free-text title; unknown (None) when unsure. The
    department or team the person works in (an org chart's column), when given, is
    evidence of the function where the title says little about it."""
    guess = _infer_title(title, reference)
    return with_department(guess, department) if department else guess


# A department's function counts when the title's is below this.
DEPARTMENT_OVERRIDES_BELOW = 0.6
# A function read from the department alone is never more certain than this.
DEPARTMENT_CONFIDENCE = 0.75


def with_department(
    guess: TitleGuess, department: str, reading: tuple[str | None, float] | None = None
) -> TitleGuess:
    """The guess, with the function the department names where the title gave none or a
    weak one ("Director" in "Clinical Operations" works in operations). `reading` is the
    department's read_department, when the caller keeps them."""
    if not department or guess.function_confidence >= DEPARTMENT_OVERRIDES_BELOW:
        return guess
    function, confidence = reading or read_department(department)
    if function is None or confidence <= guess.function_confidence:
        return guess
    return TitleGuess(
        guess.level,
        function,
        guess.level_confidence,
        confidence,
        (*guess.evidence, f"department {department.strip()[:60]!r} → {function}"),
        guess.tag,
    )


def read_department(department: str) -> tuple[str | None, float]:
    """The function a department or team name names ("Clinical Operations", "Vertrieb",
    "R&D"), by the lexicon's function words; (None, 0) when it names none."""
    if not isinstance(department, str) or not department.strip():
        return None, 0.0
    votes = [
        (word.function, word.weight)
        for _, _, word in _match(tokenize(department[:200]))
        if word is not None and word.function is not None and word.kind in _VOTERS
    ]
    if not votes:
        return None, 0.0
    # A department is a noun phrase: where its words disagree, the last one is what the
    # department does ("Clinical Operations" runs operations), a little less surely.
    function, confidence = votes[-1]
    if any(f != function for f, _ in votes):
        confidence *= 0.8
    if confidence < MIN_FUNCTION_CONFIDENCE:
        return None, 0.0
    return function, round(min(confidence, DEPARTMENT_CONFIDENCE), 3)


def _infer_title(title: str, reference: TitleReference | None) -> TitleGuess:
    if not isinstance(title, str) or not title.strip():
        return UNKNOWN
    ref = reference or EMPTY_REFERENCE
    segments, org = split_title(title)
    level, level_conf, role = None, 0.0, ""
    function, function_conf = None, 0.0
    evidence: list[str] = []
    level_reading = None
    tag = ""
    i = 0  # readable segments so far: a later one counts a little less
    for tokens in segments:
        reading = _read_segment(tokens, ref)
        if reading.noise:
            continue
        tag = tag or reading.tag
        if level is None and reading.level is not None:
            level, level_conf = reading.level, reading.level_confidence * (0.9 if i else 1.0)
            role = reading.role
            level_reading = reading
            evidence.extend(reading.evidence)
        if function is None and reading.scores:
            function, function_conf = _best_function(reading.scores)
            function_conf *= 0.85 if i else 1.0
            if reading.words_only:  # "Wizard of Light Bulb Moments": never confident
                function_conf = min(function_conf, WORDS_ONLY_CONFIDENCE)
            if reading is not level_reading:
                evidence.extend(e for e in reading.evidence if e not in evidence)
        i += 1
        if level is not None and function is not None:
            break
    if not i:
        return UNKNOWN
    # The firm says what kind of partner: "Partner at Smith LLP", "Partner, McKinsey".
    firm_role = role in ("partner", "principal", "associate", "operating partner")
    if function is None or (firm_role and function_conf < 0.7):
        words = org + [t for tokens in segments for t in tokens] if firm_role else org
        hinted = {ORG_FUNCTIONS[t] for t in words if t in ORG_FUNCTIONS}
        if hinted:
            function = next(f for f in ORG_PRECEDENCE if f in hinted)
            function_conf = 0.7 if firm_role else 0.45
            evidence.append(f"organization suggests {function}")
            if firm_role and function == "people" and not tag:
                tag = EXECUTIVE_SEARCH  # a partner or principal of a search firm
    if function is not None and function_conf < MIN_FUNCTION_CONFIDENCE:
        function, function_conf = None, 0.0
    return TitleGuess(
        level,
        function,
        round(min(max(level_conf, 0.0), 1.0), 3),
        round(min(max(function_conf, 0.0), 1.0), 3),
        tuple(evidence),
        tag,
    )


def _best_function(scores: dict[str, float]) -> tuple[str, float]:
    if len(scores) == 1:
        ((best_f, best),) = scores.items()
        return best_f, best if best < 0.95 else 0.95
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best_f, best = ranked[0]
    second = ranked[1][1]
    return best_f, min(0.95, best) * best / (best + second)


def _match(tokens: list[str]) -> list[tuple[int, str, Word | None]]:
    """Greedy longest match of lexicon phrases; unknown words come back with None."""
    out: list[tuple[int, str, Word | None]] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        longest = LONGEST.get(token, 0)
        if longest == 1:  # the common case: a single word
            out.append((i, token, LEXICON[token]))
            i += 1
            continue
        for size in range(longest if longest < n - i else n - i, 0, -1):
            phrase = token if size == 1 else " ".join(tokens[i : i + size])
            word = LEXICON.get(phrase)
            if word is not None:
                out.append((i, phrase, word))
                i += size
                break
        else:
            out.append((i, token, None))
            i += 1
    return out


def _read_segment(tokens: list[str], ref: TitleReference) -> _Reading:
    reading = _Reading()
    matches = _match(tokens)
    for k, (_, _, word) in enumerate(matches):
        if word is not None and word.kind == PAST:
            matches = matches[:k]
            tokens = tokens[: matches[-1][0] + 1] if matches else []
            break
    if not matches:
        reading.noise = True
        return reading
    if any(w is not None and w.kind == NOISE for _, _, w in matches):
        reading.noise = True
        return reading
    search_practice = False
    if any(phrase in PRACTICE_WORDS for _, phrase, _ in matches):
        before = matches
        matches, tokens = _without_practice(matches, tokens)
        reading.evidence.append("a practice's name is the work, not the rank")
        if not matches:
            return reading
        left = {i for i, _, _ in matches}
        search_practice = _serves_executives([m for m in before if m[0] not in left])
    reading.tag = next((w.tag for _, _, w in matches if w is not None and w.tag), "")
    if reading.tag == ADVISOR and _advisor_is_a_job(matches):
        reading.tag = ""
        reading.evidence.append("an advisor to clients, not an outside advisor")
    _read_level(matches, reading)
    if search_practice and not reading.tag and _firm_role(matches):
        # "Partner, CFO Practice", "Principal, Board & CEO Practice": a search firm's
        # practice that places executives. Their rank is their firm's, not a step on the
        # ladder of the people they advise: never confident enough to be kept as one.
        reading.tag = EXECUTIVE_SEARCH
        reading.level_confidence = min(reading.level_confidence, FIRM_RANK_CONFIDENCE)
        reading.evidence.append("a practice that places executives → executive search")
    _read_function(matches, tokens, ref, reading)
    return reading


# A search firm's rank ("Partner" in its CFO practice) is never more certain than this, below
# what is kept as a person's level (merge.CONFIDENT).
FIRM_RANK_CONFIDENCE = 0.45
# The words that make a practice one that serves executives ("Board & CEO Practice",
# "Leadership Practice"), besides a C-level role word ("CFO").
_EXECUTIVE_PRACTICE = frozenset({"board", "leadership", "executive", "c suite", "csuite"})
# The roles a search firm's consultants hold.
_FIRM_ROLES = frozenset({"partner", "principal", "consultant", "managing director", "director"})


def _advisor_is_a_job(matches: list[tuple[int, str, Word | None]]) -> bool:
    """ "Financial Advisor", "Tax Adviser", "Customer Advisor": words before "advisor" that
    are not an outside advisor's ("Senior", "Strategic", "Board") make it a job."""
    k = next((k for k, (_, p, _) in enumerate(matches) if p in ("advisor", "adviser")), None)
    if k is None:
        return False
    return any(p not in ADVISOR_QUALIFIERS and p not in STOP for _, p, _ in matches[:k])


def _serves_executives(dropped: list[tuple[int, str, Word | None]]) -> bool:
    """Whether a practice's name names executives or the board (not "Tax Practice")."""
    return any(
        phrase in _EXECUTIVE_PRACTICE
        or (w is not None and w.kind == ROLE and (w.level or 0) >= 11)
        or (w is not None and w.tag == BOARD)
        for _, phrase, w in dropped
    )


def _firm_role(matches: list[tuple[int, str, Word | None]]) -> bool:
    """Whether what is left of the title is a firm's role: "Partner", "Senior Principal"."""
    heads = [p for _, p, w in matches if w is not None and w.kind in (ROLE, MODIFIER)]
    return bool(heads) and all(p in _FIRM_ROLES for p in heads)


def _without_practice(
    matches: list[tuple[int, str, Word | None]], tokens: list[str]
) -> tuple[list[tuple[int, str, Word | None]], list[str]]:
    """Drop a practice's name ("CFO Practice", "Board & CEO Practice"): the words from the
    last comma (or the start) to "practice" say whom the practice serves."""
    out = list(matches)
    while True:
        k = next((k for k, m in enumerate(out) if m[1] in PRACTICE_WORDS), None)
        if k is None:
            break
        start = k
        while start > 0 and out[start - 1][1] != ",":
            start -= 1
        dropped = {i for i, _, _ in out[start : k + 1]}
        out = out[:start] + out[k + 1 :]
        tokens = [t for i, t in enumerate(tokens) if i not in dropped]
    while out and out[-1][1] == ",":
        out.pop()
    return out, tokens


def _read_level(matches: list[tuple[int, str, Word | None]], reading: _Reading) -> None:
    roles: list[tuple[int, str, Word]] = []
    modifiers: list[tuple[int, str, Word]] = []
    senior = False
    grade: int | None = None
    chief = officer = None
    for k, (_, phrase, w) in enumerate(matches):
        if w is None:
            if grade is None and phrase in GRADES:
                grade = GRADES[phrase]
            continue
        kind = w.kind
        if kind == ROLE:
            if w.level is not None:
                roles.append((k, phrase, w))
                if phrase == "officer" and officer is None:
                    officer = k
        elif kind == MODIFIER:
            modifiers.append((k, phrase, w))
            if w.effect == "chief" and chief is None:
                chief = k
        elif kind == SENIOR:
            senior = True
    last = matches[-1][1]
    numeral = NUMERALS.get(last) if len(matches) > 1 else None

    # "Chief … Officer": c-level, whatever sits in between.
    if chief is not None and officer is not None and officer > chief:
        reading.level, reading.level_confidence, reading.role = 11, 0.9, "chief officer"
        reading.evidence.append("'chief … officer' → c-level")
        for _, phrase, _ in matches[chief + 1 : officer]:
            function = CHIEF_FUNCTIONS.get(phrase)
            if function:
                reading.scores[function] = reading.scores.get(function, 0.0) + 1.0
                break
        return

    if not roles:
        # A modifier alone is a role of its own: "Lead", "Partner", "Intern", "Owner".
        alone = [(k, p, w) for k, p, w in modifiers if w.level is not None]
        if not alone:
            if grade is not None:
                reading.level, reading.level_confidence = grade, 0.55
                reading.evidence.append(f"grade → {_key(grade)}")
            return
        k, phrase, word = max(alone, key=lambda m: (m[2].level_confidence, m[0]))
        level, conf = word.level, word.level_confidence
        assert level is not None
        if word.effect == "partner" and any(
            w is not None and w.kind == WORD for _, _, w in matches[:k]
        ):
            # "Talent Partner", "Finance Partner": a partner to a function, rank unknown.
            reading.role = "function partner"
            return
        reading.role = phrase
        reading.evidence.append(f"'{phrase}' → {_key(level)}")
        if senior:
            # A senior associate (consulting, law) is senior; a senior partner owns the firm.
            level = {"associate": 3, "partner": 11}.get(phrase, _SENIOR_STEP[level])
            reading.evidence.append(f"senior → {_key(level)}")
        reading.level, reading.level_confidence = level, conf
        return

    head_k, head, word = max(roles, key=lambda m: (m[2].level or 0, m[2].level_confidence))
    level, conf = word.level, word.level_confidence
    assert level is not None
    reading.role = head
    reading.evidence.append(f"'{head}' → {_key(level)}")
    if any(w.level != level and w.level_confidence >= 0.5 for _, _, w in roles):
        conf *= 0.85  # two readable roles at different levels: "Founder & Engineer"
    for k, phrase, mod in modifiers:
        before = k < head_k
        new = _modify(mod.effect, level, head, before)
        if new != level:
            level = new
            reading.evidence.append(f"'{phrase}' → {_key(level)}")
    if numeral is not None and level <= 3:
        level = numeral
        reading.evidence.append(f"grade {last} → {_key(level)}")
    if grade is not None and level <= 4:
        level = grade
        reading.evidence.append(f"grade → {_key(level)}")
    if senior and _SENIOR_STEP[level] != level:
        level = _SENIOR_STEP[level]
        reading.evidence.append(f"senior → {_key(level)}")
    if any(mod.effect == "freelance" for _, _, mod in modifiers):
        reading.evidence.append("freelance → no level")
        return
    reading.level, reading.level_confidence = level, conf


def _modify(effect: str, level: int, head: str, before: bool) -> int:
    """How a modifier changes the level of the role it goes with."""
    if effect == "assoc":  # associate/assistant: one below a manager and up, else entry
        if not before:
            return min(level, 1)
        return level - 1 if level >= 5 else min(level, 1)
    if effect == "assistant":  # assistant manager 3, assistant director 6
        if not before:
            return min(level, 1)
        return 3 if level == 5 else level - 1 if level > 5 else min(level, 1)
    if effect == "deputy":
        return level - 1 if level >= 5 else level
    if effect in ("junior", "graduate"):
        return min(level, 1) if level <= 3 else level
    if effect == "lead":
        return max(level, 4) if level <= 3 else level
    if effect == "staff":
        return max(level, 4) if _tech(head) else level
    if effect == "head":
        return max(level, 5)
    if effect == "chief":
        return max(level, 8)
    if effect == "intern":
        return 0 if (not before or level <= 2) else level
    if effect == "distinguished":
        return max(level, 7) if _tech(head) else level
    if effect == "group":
        return max(level, 4) if level <= 3 else level
    return level  # partner, owner, executive, fellow: describe, not rank, the role


def _tech(head: str) -> bool:
    """An engineer, scientist, designer or product manager ("machine learning engineer")."""
    return head in TECH_HEADS or head.rsplit(" ", 1)[-1] in TECH_HEADS


def _read_function(
    matches: list[tuple[int, str, Word | None]],
    tokens: list[str],
    ref: TitleReference,
    reading: _Reading,
) -> None:
    scores = reading.scores
    # "Director of Product, Data Platform": when the words before the first comma name a
    # function, what follows is a qualifier (a product area, a team, a region), not the work.
    comma = next((k for k, (_, phrase, _) in enumerate(matches) if phrase == ","), None)
    if comma is not None and _names_function(matches[:comma]):
        matches = matches[:comma]
        tokens = tokens[: matches[-1][0] + 1] if matches else tokens
        reading.evidence.append("what follows the comma qualifies the role")
    qualifiers = _qualifiers(matches)
    for k, (_, phrase, word) in enumerate(matches):
        if word is not None and word.function is not None and word.kind in _VOTERS:
            weight = word.weight * (QUALIFIER_WEIGHT if k in qualifiers else 1.0)
            scores[word.function] = scores.get(word.function, 0.0) + weight
            if weight >= 0.6:
                reading.evidence.append(f"'{phrase}' → {word.function}")
            elif k in qualifiers:
                reading.evidence.append(f"'{phrase}' qualifies what follows")
    if not ref.titles and not ref.tokens:
        return
    if scores and max(scores.values()) >= 0.9:
        return  # the lexicon is sure, and speaks our functions better than O*NET does
    key = core_key(tokens)
    # A title made only of responsibility words ("Senior Manager", "Analyst") says nothing
    # about the function, whatever occupation O*NET files it under.
    found = None if _only_role_words(key, ref) else ref.titles.get(key)
    if found is not None:
        function, zone, share = found
        scores[function] = scores.get(function, 0.0) + 0.8 * share
        reading.evidence.append(f"O*NET title → {function}")
        if reading.level is None and not reading.role:
            reading.level = 2 if zone >= 3 else 1
            reading.level_confidence = 0.4
            reading.evidence.append(f"O*NET job zone {zone} → {_key(reading.level)}")
        return
    had_words = bool(scores)
    voters = []
    for _, phrase, word in matches:
        if word is None and phrase not in STOP and phrase not in LEVEL_ONLY:
            hit = ref.tokens.get(phrase)
            if hit is not None:
                function, p, n = hit
                scores[function] = scores.get(function, 0.0) + 0.4 * p * min(1.0, n / 8)
                voters.append(f"'{phrase}'")
    if voters:
        reading.evidence.append(f"O*NET titles with {', '.join(voters)} → by their functions")
    # No role we rank, no function word we know, and the last word (where English puts the
    # job: "… Welder", "… Phlebotomist") is neither an IPOD role word nor an O*NET title
    # word: nothing names a job, whatever the other words suggest ("Wizard of Light Bulb
    # Moments").
    if scores and not had_words and not reading.role:
        head = tokens[-1] if tokens else ""
        reading.words_only = head not in ref.role_words and head not in ref.tokens


# A function word that qualifies the next one counts this much of its weight.
QUALIFIER_WEIGHT = 0.5
# Words that say where the work is done, not what it is, when a function word follows.
SETTING_WORDS = frozenset({"clinical", "medical", "hospital", "patient", "health", "healthcare"})
# The business functions such a setting word can qualify.
SET_FUNCTIONS = frozenset({"operations", "sales", "marketing", "finance", "people", "product"})


def _qualifiers(matches: list[tuple[int, str, Word | None]]) -> set[int]:
    """Setting words ("clinical", "medical", "hospital") followed at once by a word naming a
    business function: the noun phrase ends on what the work is ("Clinical Operations" is
    operations in a clinical setting, "Medical Sales" is sales), so the setting word only
    qualifies it. Other pairs stay as they are: "Operations Research", "Finance &
    Strategy" and "IT Support" are not read this way."""
    out: set[int] = set()
    for k in range(len(matches) - 1):
        (i, phrase, _), (j, _, nxt) = matches[k], matches[k + 1]
        if (
            j == i + 1
            and phrase in SETTING_WORDS
            and nxt is not None
            and nxt.kind == WORD
            and nxt.function is not None
            and nxt.function in SET_FUNCTIONS
        ):
            out.add(k)
    return out


def _names_function(matches: list[tuple[int, str, Word | None]]) -> bool:
    """Whether these words name a function by themselves: a function word, a role that says
    its function plainly ("Product Manager", "Accountant"), or a board seat."""
    for _, _, w in matches:
        if w is None or w.function is None:
            continue
        if w.kind == WORD and w.weight >= 0.5:
            return True
        if w.kind in (ROLE, MODIFIER) and (w.weight >= 0.7 or w.tag == BOARD):
            return True
    return False


def _only_role_words(key: str, ref: TitleReference) -> bool:
    return ref.role_words.issuperset(key.split())


def _key(level: int) -> str:
    return BY_RANK[level].key
