"""Use cases for opportunities: add (by hand or from a pasted posting), edit, status, rate,
decide, delete, list with the source mix, evaluate and compare against the person's plan."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from nextmove.domain import limits
from nextmove.domain.edits import OpportunityInput
from nextmove.domain.evaluate import Evaluation, evaluate_opportunity, rank_evaluations
from nextmove.domain.functions import parse_function
from nextmove.domain.journal import JournalSummary, summarize_journal
from nextmove.domain.levels import level_key, parse_level
from nextmove.domain.links import check_link, safe_link
from nextmove.domain.opportunities import (
    CLOSED_STATUSES,
    DECISION_STATUS,
    Decision,
    Opportunity,
    Source,
    SourceMix,
    Status,
    check_rating,
    parse_source,
    parse_status,
    priority_key,
    source_mix,
)
from nextmove.domain.titles import TitleGuess
from nextmove.domain.vision import Vision
from nextmove.errors import NotFound, UserError
from nextmove.formats.posting import Posting, decode_posting, parse_posting
from nextmove.services.workspace import Workspace
from nextmove.store import opportunities as repo
from nextmove.store import vision as vision_repo

EVIDENCE_WINDOW_DAYS = 90  # journal evidence for evaluations: the last 90 days
JOURNAL_LIMIT = 50  # activities and themes per list the evaluation can match against
TEXT_FIELDS = ("title", "organization", "industry", "city", "link", "notes")
FIELDS = (*TEXT_FIELDS, "function", "level", "remote", "source", "brand", "involves")


def _not_found(opp_id: int) -> NotFound:
    return NotFound(f"no opportunity with id {opp_id}", hint="`nextmove opp list` shows ids.")


OPPORTUNITY_LIMITS = {
    "title": limits.TITLE,
    "organization": limits.NAME,
    "industry": limits.SHORT,
    "city": limits.SHORT,
    "link": limits.LINK,
    "notes": limits.NOTES,
    "involves": limits.SHORT,
    "note": limits.NOTES,
    "choice": limits.SHORT,
    "why": limits.NOTES,
}


def _storable(name: str, text: str) -> str:
    """Text the database can keep (PostgreSQL refuses NUL characters), within the field's
    length limit."""
    if "\x00" in text:
        raise UserError(f"{name}: contains a NUL character", hint="Remove it and try again.")
    return limits.check_length(text, OPPORTUNITY_LIMITS.get(name, limits.NOTES), field=name)


def apply_input(opp: Opportunity, given: OpportunityInput) -> None:
    """Validate the fields given and set them on `opp` (None: left as it is)."""
    for name in TEXT_FIELDS:
        value = getattr(given, name)
        if value is None:
            continue
        text = check_link(str(value), "link") if name == "link" else str(value).strip()
        setattr(opp, name, _storable(name, text))
    if given.level is not None:
        opp.level = parse_level(given.level, field="level") if given.level != "" else None
    if given.function is not None:
        opp.function = parse_function(given.function, field="function") if given.function else None
    if given.source is not None:
        opp.source = parse_source(given.source, field="source")
    if given.remote is not None:
        opp.remote = bool(given.remote)
    if given.brand is not None:
        opp.brand = bool(given.brand)
    if given.involves is not None:
        opp.involves = list(
            dict.fromkeys(
                _storable("involves", str(v).strip()) for v in given.involves if str(v).strip()
            )
        )
    if not opp.title:
        raise UserError(
            "title: must not be empty", hint="Give the role's title, e.g. 'Director of Product'."
        )


@dataclass(slots=True)
class FromText:
    """What a pasted posting gave, and how each field was found."""

    fields: OpportunityInput
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def guess_from_title(title: str, department: str = "") -> TitleGuess:
    """Level and function of a title, read by the same reader as people's titles (with the
    department, when there is one, as evidence of the function)."""
    from nextmove.services.titles import read_title  # loads the title reference: only when asked

    return read_title(title, department)


def fill_from_title(given: OpportunityInput) -> tuple[OpportunityInput, list[str]]:
    """Fill a missing level or function from the title; say what was filled and how."""
    title = (given.title or "").strip()
    if not title or (given.level is not None and given.function is not None):
        return given, []
    guess = guess_from_title(title)
    notes = []
    if given.level is None and guess.level is not None:
        given = replace(given, level=guess.level)
        notes.append(f"level {level_key(guess.level)}: " + _evidence(guess, "level"))
    if given.function is None and guess.function is not None:
        given = replace(given, function=guess.function)
        notes.append(f"function {guess.function}: " + _evidence(guess, "function"))
    return given, notes


def _evidence(guess: TitleGuess, part: str) -> str:
    """How the title gave its level or function: the reader's confidence and its words."""
    confidence = guess.level_confidence if part == "level" else guess.function_confidence
    said = "; ".join(guess.evidence[:3])
    return f"{part} from the title ({confidence:.0%}" + (f": {said})" if said else ")")


def read_posting(raw: bytes, *, source: str, title: str | None = None) -> FromText:
    """A pasted job posting -> opportunity fields. Level and function come from the title
    (yours when given, else the posting's): title inference, then the usual seniority words."""
    text = decode_posting(raw, source)
    posting: Posting = parse_posting(text)
    posting.title = (title or "").strip() or posting.title
    if not posting.title:
        raise UserError(
            f"{source}: found no job title in the posting",
            hint="Give it yourself: `nextmove opp add 'Director of Product' --from-text FILE`.",
        )
    read = OpportunityInput(
        title=posting.title,
        organization=posting.organization,
        city=posting.city,
        remote=posting.remote,
        industry=posting.industry,
        link=safe_link(posting.link) or "",  # a posting's odd link is dropped, not an error
        involves=tuple(posting.duties) if posting.duties else None,
    )
    found = list(posting.found)
    guess = guess_from_title(posting.title, posting.department)
    if guess.level is not None:
        read = replace(read, level=guess.level)
        found.append(_evidence(guess, "level"))
    elif posting.seniority:
        try:
            read = replace(read, level=parse_level(posting.seniority))
            found.append(f"level from the posting's seniority label {posting.seniority!r}")
        except UserError:
            pass
    function = None
    if posting.department:
        try:
            function = parse_function(posting.department)
            found.append(f"function from the posting's department {posting.department!r}")
        except UserError:
            function = None
    if function is None and guess.function is not None:
        function = guess.function
        found.append(_evidence(guess, "function"))
    if function is not None:
        read = replace(read, function=function)
    missing = [
        name
        for name in ("organization", "level", "function", "city")
        if getattr(read, name) in (None, "") and not (name == "city" and read.remote)
    ]
    return FromText(read, found, missing)


@dataclass(slots=True)
class Added:
    """An opportunity just added, and what was read for it: from the posting (`found`, and
    what it lacked, `missing`) or from the title alone (`filled`)."""

    opportunity: Opportunity
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)


def add_from_input(
    db: Workspace,
    given: OpportunityInput,
    *,
    posting: bytes | None = None,
    posting_source: str = "the posting",
    today: date,
    now: datetime,
) -> Added:
    """Add an opportunity the way every edge does: a pasted posting (when given) fills what
    it can, with `source` job-board unless said; the fields the person gave win; without a
    posting a missing level or function is read from the title. One write."""
    fields = OpportunityInput()
    found: list[str] = []
    missing: list[str] = []
    filled: list[str] = []
    if posting is not None:
        title = given.title or None
        parsed = read_posting(posting, source=posting_source, title=title)
        fields = parsed.fields.over(OpportunityInput(source=Source.JOB_BOARD.value))
        found = parsed.found
        missing = [m for m in parsed.missing if getattr(given, m) in (None, "", ())]
    fields = given.over(fields)
    if posting is None:
        fields, filled = fill_from_title(fields)
    opp = add_opportunity(db, fields, today=today, now=now)
    return Added(opp, found, missing, filled)


def add_opportunity(
    db: Workspace, given: OpportunityInput, *, today: date, now: datetime
) -> Opportunity:
    opp = Opportunity(title="", source=Source.JOB_BOARD)
    apply_input(opp, replace(given, source=None))  # every field checked, the title given
    if not given.source:
        raise UserError(
            "required",
            hint="Where did it come from: " + ", ".join(Source) + ".",
            field="source",
        )
    opp.source = parse_source(given.source, field="source")
    with db.session() as session:
        opp_id = repo.add_opportunity(session, opp, today=today, now=now)
        added = repo.get_opportunity(session, opp_id)
    assert added is not None
    return added


def get_opportunity(db: Workspace, opp_id: int) -> Opportunity:
    with db.session() as session:
        opp = repo.get_opportunity(session, opp_id)
    if opp is None:
        raise _not_found(opp_id)
    return opp


def list_opportunities(
    db: Workspace, *, status: str | None = None
) -> tuple[list[Opportunity], SourceMix]:
    """The opportunities (optionally of one status) and the source mix of all of them."""
    wanted = parse_status(status, field="status") if status else None
    with db.session() as session:
        everything = repo.list_opportunities(session)
    shown = [o for o in everything if wanted is None or o.status is wanted]
    return shown, source_mix(everything)


def edit_opportunity(
    db: Workspace, opp_id: int, given: OpportunityInput, *, now: datetime
) -> Opportunity:
    if given.empty:
        raise UserError("nothing to change", hint="Give at least one field, e.g. the level.")
    with db.session() as session:
        opp = repo.get_opportunity(session, opp_id)
        if opp is None:
            raise _not_found(opp_id)
        apply_input(opp, given)
        repo.update_opportunity(session, opp, now=now)
    return opp


def set_status(
    db: Workspace, opp_id: int, status: str, *, day: date, note: str, now: datetime
) -> Opportunity:
    parsed = parse_status(status)
    _storable("note", note)
    with db.session() as session:
        if not repo.set_status(session, opp_id, parsed, day=day, note=note.strip(), now=now):
            raise _not_found(opp_id)
        opp = repo.get_opportunity(session, opp_id)
    assert opp is not None
    return opp


def resolve_priority(vision: Vision, name_or_rank: str) -> str:
    """A priority by its rank (1–3) or its name (case-insensitive) -> its name."""
    names = [p.name for p in vision.priorities]
    hint = (
        "Your priorities: " + ", ".join(f"{i}. {n}" for i, n in enumerate(names, start=1)) + "."
        if names
        else "Set your three priorities in your vision first (`nextmove vision edit`)."
    )
    text = name_or_rank.strip()
    if text.isdigit() and 1 <= int(text) <= len(names):
        return names[int(text) - 1]
    for name in names:
        if priority_key(name) == priority_key(text):
            return name
    raise UserError(f"{text!r} is not one of your priorities", hint=hint)


def rate_opportunity(
    db: Workspace, opp_id: int, priority: str, rating: int | None, *, now: datetime
) -> tuple[str, Opportunity]:
    """Set (or clear, with None) your own 1–5 rating of an opportunity against a priority."""
    if rating is not None:
        check_rating(rating)
    with db.session() as session:
        vision = vision_repo.load_vision(session)
        name = resolve_priority(vision, priority)
        if not repo.set_rating(session, opp_id, name, rating, now=now):
            raise _not_found(opp_id)
        opp = repo.get_opportunity(session, opp_id)
    assert opp is not None
    return name, opp


def rate_many(
    db: Workspace, opp_id: int, ratings: dict[str, int | None], *, now: datetime
) -> tuple[list[str], Opportunity]:
    """Set (or clear, with None) several ratings at once: every rating and priority is
    checked before anything is written, then all are written in one transaction."""
    for rating in ratings.values():
        if rating is not None:
            check_rating(rating)
    with db.session() as session:
        vision = vision_repo.load_vision(session)
        names = {resolve_priority(vision, p): r for p, r in ratings.items()}
        if repo.get_opportunity(session, opp_id) is None:
            raise _not_found(opp_id)
        for name, rating in names.items():
            repo.set_rating(session, opp_id, name, rating, now=now)
        opp = repo.get_opportunity(session, opp_id)
    assert opp is not None
    return list(names), opp


def decide(
    db: Workspace, opp_id: int, *, choice: str, why: str, day: date, now: datetime
) -> tuple[Decision, Status | None]:
    """Record a decision and its reasons; a choice that names a status also sets it."""
    choice, why = choice.strip(), why.strip()
    if not choice:
        raise UserError("must not be empty", hint="e.g. decline", field="choice")
    if not why:
        raise UserError(
            "must not be empty",
            hint="Write down your reasons now; you will reflect on them later.",
            field="why",
        )
    _storable("choice", choice)
    _storable("why", why)
    decision = Decision(day=day, choice=choice, why=why)
    status = DECISION_STATUS.get(choice.lower())
    with db.session() as session:
        decision_id = repo.add_decision(session, opp_id, decision, now=now)
        if decision_id is None:
            raise _not_found(opp_id)
        if status is not None:
            repo.set_status(session, opp_id, status, day=day, note=f"decided: {why}", now=now)
    return replace(decision, id=decision_id), status


def delete_opportunity(db: Workspace, opp_id: int) -> None:
    with db.session() as session:
        if not repo.delete_opportunity(session, opp_id):
            raise _not_found(opp_id)


def _journal(session: Any, today: date) -> JournalSummary | None:
    start, end = today - timedelta(days=EVIDENCE_WINDOW_DAYS - 1), today
    entries = vision_repo.list_journal_entries(session, start=start, end=end)
    if not entries:
        return None
    return summarize_journal(entries, start=start, end=end, limit=JOURNAL_LIMIT)


def evaluate(
    db: Workspace, opp_ids: list[int] | None, *, today: date
) -> tuple[list[Evaluation], SourceMix]:
    """Evaluate the given opportunities (default: every one not yet closed), best first."""
    with db.session() as session:
        vision = vision_repo.load_vision(session)
        from nextmove.services.titles import read_position  # reads your title if need be

        vision.me = read_position(vision.me)
        journal = _journal(session, today)
        everything = repo.list_opportunities(session)
    by_id = {o.id: o for o in everything}
    if opp_ids:
        missing = [i for i in opp_ids if i not in by_id]
        if missing:
            raise _not_found(missing[0])
        chosen = [by_id[i] for i in dict.fromkeys(opp_ids)]
    else:
        chosen = [o for o in everything if o.status not in CLOSED_STATUSES]
    if not vision.priorities and not vision.steps:
        raise UserError(
            "there is no plan to judge against yet",
            hint="Write your vision first (`nextmove vision edit` or `nextmove vision import`).",
        )
    evaluations = [evaluate_opportunity(vision, journal, o) for o in chosen]
    return (rank_evaluations(evaluations) if not opp_ids else evaluations), source_mix(everything)


def compare(db: Workspace, opp_ids: list[int], *, today: date) -> list[Evaluation]:
    """Side by side, best first."""
    if len(set(opp_ids)) < 2:
        raise UserError(
            "compare needs at least two different opportunities",
            hint="e.g. `nextmove opp compare 1 3`; `nextmove opp list` shows ids.",
        )
    evaluations, _mix = evaluate(db, opp_ids, today=today)
    return rank_evaluations(evaluations)
