"""The moves people actually make: from every employment history the user has, the observed
transitions from one role to the next — from what, to what, when, after how long — and
where the network is silent, O*NET's related occupations as prior knowledge.

Pure: careers and title readings come in, moves go out (docs/moves.md).

A *role like* another is the same job family (the title's words without level words and
qualifiers: "Senior Data Scientist" and "Data Scientist, Growth" are both *data scientist*),
or, for managers and up, whose titles vary in form, the same function at the same level
("Head of Product" and "Director of Product").
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from nextmove.domain.check import Finding
from nextmove.domain.title_words import core_key, split_title
from nextmove.domain.titles import UNKNOWN, TitleGuess

# From this level up (manager), a role is also like another of the same function and level.
MANAGEMENT_FROM = 5
# How close a move must come to yours to be named as the nearest: a role like yours into
# the target's function near its level, or a role in your function into one like the target.
NEAREST_AT_LEAST = 2.5
# How many related occupations O*NET offers for one role.
ONET_RELATED_SHOWN = 6


@dataclass(frozen=True, slots=True)
class Role:
    """One position in a career."""

    title: str
    organization: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Career:
    """A person's positions, oldest first; the last is the current one. `changed_on` is when
    an import saw them move into the current one (their start, when it has none)."""

    person_id: int
    name: str
    roles: tuple[Role, ...]
    changed_on: date | None = None
    industry: str = ""
    ref: str = ""  # "mercy:11" for a member of an org chart who is not one of your people


@dataclass(frozen=True, slots=True)
class Move:
    """One observed transition: a person went from one role to the next."""

    person_id: int
    name: str
    from_title: str
    from_organization: str
    to_title: str
    to_organization: str
    when: date | None = None
    months_in_role: int | None = None  # how long they held the role they left
    industry: str = ""
    ref: str = ""  # "mercy:11" for a member of an org chart (person_id is then negative)

    @property
    def handle(self) -> str:
        """How a command names them: their member reference, else their person id (a
        negative id is read as an option, and is valid for one reading only)."""
        return self.ref or str(self.person_id)

    @property
    def year(self) -> int | None:
        return self.when.year if self.when else None

    @property
    def same_organization(self) -> bool:
        return bool(self.from_organization) and (
            self.from_organization.strip().lower() == self.to_organization.strip().lower()
        )


@dataclass(frozen=True, slots=True)
class RoleRead:
    """What a title says for matching: its job family, level and function."""

    title: str
    family: str
    level: int | None
    function: str | None

    def like(self, other: RoleRead) -> bool:
        """The same job family within a level ("Senior Data Scientist" is like "Data
        Scientist", not like "Director of Data Science"); or, from manager up, the same
        function at the same level ("Head of Product" is like "Director of Product")."""
        if self.family and self.family == other.family:
            return self.level is None or other.level is None or abs(self.level - other.level) <= 1
        return (
            self.level is not None
            and self.level >= MANAGEMENT_FROM
            and self.level == other.level
            and self.function is not None
            and self.function == other.function
        )


@dataclass(slots=True)
class Destination:
    """Where people in a role went next: one kind of role, the people who went there."""

    title: str  # the most common title among them
    level: int | None
    function: str | None
    moves: list[Move] = field(default_factory=list)

    @property
    def people(self) -> int:
        return len({m.person_id for m in self.moves})

    @property
    def typical_months(self) -> int | None:
        """The median time in the role they left, where known."""
        months = [m.months_in_role for m in self.moves if m.months_in_role is not None]
        return round(statistics.median(months)) if months else None

    @property
    def last_year(self) -> int | None:
        years = [m.year for m in self.moves if m.year is not None]
        return max(years) if years else None


@dataclass(frozen=True, slots=True)
class OnetRelated:
    """O*NET's related occupations: occupation titles, each occupation's primary related
    occupations in O*NET's order, and title keys (title_words.core_key) -> occupation."""

    occupations: Mapping[str, str] = field(default_factory=dict)
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RelatedOccupation:
    code: str
    title: str


@dataclass(slots=True)
class MovesReport:
    """Where people in a role went next (or, with a target, exactly who made that move)."""

    origin: RoleRead
    target: RoleRead | None
    destinations: list[Destination] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)  # with a target: exactly who did it
    nearest: list[Move] = field(default_factory=list)  # with a target nobody reached
    onet_occupation: str = ""  # the origin's O*NET occupation, when the network is silent
    onet_related: list[RelatedOccupation] = field(default_factory=list)
    onet_target_related: bool | None = None  # is the target among O*NET's related roles?
    careers: int = 0  # histories looked at
    observed: int = 0  # transitions observed in them

    @property
    def silent(self) -> bool:
        """Nobody in the network made a move from this role (to the target, if any)."""
        return not (self.moves if self.target is not None else self.destinations)


_FAMILIES: dict[str, str] = {}
_FAMILIES_KEPT = 100_000


def family_of(title: str) -> str:
    """The job family: the title's words before any qualifier, without level or stop words,
    order-free ("Senior Data Scientist, Growth" -> "data scientist"). Titles repeat in a
    network: each is read once (a bounded memo; the answer depends on the title alone)."""
    family = _FAMILIES.get(title)
    if family is None:
        if len(_FAMILIES) >= _FAMILIES_KEPT:
            _FAMILIES.clear()
        family = _FAMILIES[title] = _family(title)
    return family


def _family(title: str) -> str:
    segments, _ = split_title(title)
    for tokens in segments:
        key = core_key(tokens)
        if "," in tokens:
            # "Data Scientist, Growth" is a data scientist; "VP, Product" is not just a VP.
            head = core_key(tokens[: tokens.index(",")])
            key = head if head.count(" ") >= 1 else key
        if key:
            return key
    return ""


def read_role(title: str, guess: TitleGuess | None) -> RoleRead:
    g = guess or UNKNOWN
    return RoleRead(title, family_of(title), g.level, g.function)


def moves_of(career: Career, *, as_of: date | None = None) -> list[Move]:
    """The transitions in one career, oldest first; none after `as_of`."""
    roles = [r for r in career.roles if r.title.strip()]
    if as_of is not None:
        roles = [r for r in roles if r.start is None or r.start <= as_of]
    out: list[Move] = []
    for k in range(len(roles) - 1):
        a, b = roles[k], roles[k + 1]
        if family_of(a.title) == family_of(b.title) and _org(a) == _org(b):
            continue  # the same role written twice, not a move
        when = b.start or a.end
        if when is None and k + 1 == len(roles) - 1:
            when = career.changed_on
        if as_of is not None and when is not None and when > as_of:
            continue
        end = a.end or when
        months = _months(a.start, end) if a.start and end else None
        out.append(
            Move(
                career.person_id,
                career.name,
                a.title,
                a.organization,
                b.title,
                b.organization,
                when,
                months,
                career.industry,
                career.ref,
            )
        )
    return out


def _org(role: Role) -> str:
    return role.organization.strip().lower()


def _months(start: date, end: date) -> int | None:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months if months >= 0 else None


def observed_moves(careers: Iterable[Career], *, as_of: date | None = None) -> list[Move]:
    return [m for c in careers for m in moves_of(c, as_of=as_of)]


def where_people_went(
    origin: RoleRead,
    moves: Iterable[Move],
    read: Callable[[str], RoleRead],
    *,
    exclude: int | None = None,
) -> list[Destination]:
    """The destinations of everyone who left a role like `origin`, most people first (then
    the most recent); `exclude` is the user's own person id."""
    groups: dict[tuple[str, int | None], Destination] = {}
    titles: dict[tuple[str, int | None], dict[str, int]] = defaultdict(dict)
    for move in moves:
        if move.person_id == exclude or not origin.like(read(move.from_title)):
            continue
        to = read(move.to_title)
        if origin.like(to) and not _above(to, origin):
            continue  # into or around the origin's own role: not a next step from it
        key = (to.family or move.to_title.strip().lower(), to.level)
        dest = groups.get(key)
        if dest is None:
            dest = groups[key] = Destination(move.to_title, to.level, to.function)
        dest.moves.append(move)
        counts = titles[key]
        counts[move.to_title] = counts.get(move.to_title, 0) + 1
    for key, dest in groups.items():
        dest.title = max(titles[key].items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        dest.moves.sort(key=_recent_first)
    return sorted(groups.values(), key=lambda d: (-d.people, -(d.last_year or 0), d.title.lower()))


def who_made_the_move(
    origin: RoleRead,
    target: RoleRead,
    moves: Iterable[Move],
    read: Callable[[str], RoleRead],
    *,
    exclude: int | None = None,
) -> list[Move]:
    """Exactly the moves from a role like `origin` to a role like `target`, most recent
    first; one per person (their latest)."""
    found: dict[int, Move] = {}
    for move in moves:
        if move.person_id == exclude:
            continue
        if origin.like(read(move.from_title)) and target.like(read(move.to_title)):
            have = found.get(move.person_id)
            if have is None or _recent_first(move) < _recent_first(have):
                found[move.person_id] = move
    return sorted(found.values(), key=_recent_first)


def nearest_moves(
    origin: RoleRead,
    target: RoleRead,
    moves: Iterable[Move],
    read: Callable[[str], RoleRead],
    *,
    exclude: int | None = None,
    limit: int = 3,
) -> list[Move]:
    """When nobody made the move: the moves closest to it — from a role like yours into the
    target's function, or into a role like the target from your function — best first."""
    scored: list[tuple[float, Move]] = []
    for move in moves:
        if move.person_id == exclude:
            continue
        a, b = read(move.from_title), read(move.to_title)
        score = role_closeness(origin, a) + role_closeness(target, b)
        if score >= NEAREST_AT_LEAST:
            scored.append((score, move))
    scored.sort(key=lambda sm: (-sm[0], _recent_first(sm[1])))
    out: list[Move] = []
    seen: set[int] = set()
    for _, move in scored:
        if move.person_id not in seen:
            seen.add(move.person_id)
            out.append(move)
        if len(out) == limit:
            break
    return out


def _above(role: RoleRead, origin: RoleRead) -> bool:
    return role.level is not None and origin.level is not None and role.level > origin.level


def role_closeness(want: RoleRead, got: RoleRead) -> float:
    """2 for a role like it; 1 for the same function, plus 0.5 within a level of it."""
    if want.like(got):
        return 2.0
    score = 0.0
    if want.function is not None and want.function == got.function:
        score += 1.0
        if want.level is not None and got.level is not None and abs(want.level - got.level) <= 1:
            score += 0.5
    return score


def _recent_first(move: Move) -> tuple[int, str]:
    return (-(move.when.toordinal() if move.when else 0), move.name.lower())


def onet_occupation(title: str, data: OnetRelated) -> str | None:
    """The O*NET-SOC code of a title, by its job family among O*NET's titles."""
    family = family_of(title)
    return data.titles.get(family) if family else None


def onet_related(code: str | None, data: OnetRelated) -> list[RelatedOccupation]:
    if code is None:
        return []
    return [
        RelatedOccupation(c, data.occupations.get(c, c))
        for c in data.related.get(code, ())[:ONET_RELATED_SHOWN]
    ]


def add_onet_prior(report: MovesReport, data: OnetRelated) -> None:
    """Where the network is silent, what O*NET relates to the origin (and whether the target
    is among it)."""
    code = onet_occupation(report.origin.title, data)
    if code is None:
        return
    report.onet_occupation = data.occupations.get(code, "")
    report.onet_related = onet_related(code, data)
    if report.target is not None:
        target = onet_occupation(report.target.title, data)
        if target is not None:
            report.onet_target_related = target in data.related.get(code, ()) or target == code


def untrodden_move(report: MovesReport) -> Finding | None:
    """A note for `vision check` when nobody made the move to your next step: who made the
    nearest move, or what O*NET relates to your role."""
    if report.target is None or report.moves or not report.observed:
        return None  # made, or no history to tell from
    move = f"{report.origin.title} → {report.target.title}"
    web = ""
    if report.nearest:
        m = report.nearest[0]
        year = f", {m.year}" if m.year else ""
        web = (
            f"The nearest move: {m.name} ({m.from_title} → {m.to_title}{year}). Ask them how it "
            "went in a research meeting; Moves people made, under Suggestions, lists the others."
        )
        advice = (
            f"The nearest move: {m.name} ({m.from_title} → {m.to_title}{year}). Ask them how it "
            f"went in a research meeting: `nextmove meeting add {m.handle}`; "
            f"`nextmove moves --to '{report.target.title}'` lists the others."
        )
    elif report.onet_related:
        related = ", ".join(r.title for r in report.onet_related[:3])
        advice = (
            f"Nobody made a nearby move either. O*NET relates your role to {related}: look for "
            "people two steps out who did it, and ask your board whom they know."
        )
    else:
        advice = (
            "Nobody made a nearby move either: look for people outside your network who did "
            "it, and ask your board whom they know."
        )
    return Finding(
        "untrodden-move",
        "steps[0]",
        f"Nobody in your network is known to have made the move {move}.",
        advice,
        "note",
        web_advice=web,
    )
