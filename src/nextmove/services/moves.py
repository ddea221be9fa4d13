"""`nextmove moves`: where people in your role went next, and who made the move you want —
from every employment history in your network, with O*NET's related occupations where the
network is silent (docs/moves.md)."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from importlib import resources

from nextmove.domain.check import Finding
from nextmove.domain.moves import (
    MANAGEMENT_FROM,
    Career,
    Move,
    MovesReport,
    OnetRelated,
    RoleRead,
    add_onet_prior,
    family_of,
    nearest_moves,
    observed_moves,
    read_role,
    role_closeness,
    untrodden_move,
    where_people_went,
    who_made_the_move,
)
from nextmove.domain.vision import Vision
from nextmove.errors import UserError
from nextmove.formats.onet_related import parse_onet_related
from nextmove.services.moves_directory import chart_careers
from nextmove.services.workspace import Workspace
from nextmove.store import moves as repo
from nextmove.store import vision as vision_repo

ONET_FILE = "onet_related.tsv.gz"
MAX_TITLE = 200


@cache
def load_onet_related() -> OnetRelated:
    """The packaged O*NET related occupations, read once per process (only when needed)."""
    data = resources.files("nextmove").joinpath("data", ONET_FILE).read_bytes()
    return parse_onet_related(gzip.decompress(data).decode("utf-8"), source=ONET_FILE)


def find_moves(
    db: Workspace,
    *,
    from_title: str | None = None,
    to_title: str | None = None,
    as_of: date | None = None,
) -> MovesReport:
    """Where people in a role (yours by default) went next; with `to_title`, exactly the
    people who went from that role to that one, or the nearest moves when nobody did.

    Only the histories that hold a role like the origin are read: the distinct past titles
    are matched first (each read once), then the careers of the people who held one."""
    with db.session() as session:
        vision = vision_repo.load_vision(session)
        me = vision.me
        origin_title = _title(from_title, "--from") or me.title
        if not origin_title:
            raise UserError(
                "no role to start from: give one with --from, or set your current title",
                hint="`nextmove moves --from 'Data Scientist'`, or `nextmove me set --title …`.",
            )
        origin = _origin(origin_title, vision if from_title is None else None)
        # Histories recorded for your people, and those the org charts' imports show.
        chart = chart_careers(session)
        chart_titles = {r.title for c in chart for r in c.roles[:-1]}
        held = _like_titles(origin, sorted(set(repo.past_titles(session)) | chart_titles))
        careers = repo.careers(session, repo.people_who_held(session, held)) if held else []
        careers += [c for c in chart if any(r.title in held for r in c.roles[:-1])]
        histories, positions = repo.history_counts(session)
        histories += len(chart)
        positions += sum(len(c.roles) - 1 for c in chart)
        my_id = repo.my_person_id(session)
        target = None
        if to_title is not None:
            target = _target(_title(to_title, "--to"), vision)
        moves = observed_moves(careers, as_of=as_of)
        report = MovesReport(origin, target, careers=histories, observed=positions)
        if target is not None:
            read = _reader(moves, [target.title])
            report.moves = who_made_the_move(origin, target, moves, read, exclude=my_id)
            if not report.moves and positions:
                # Nobody did: the nearest moves may start anywhere near your role.
                # A nearest move starts at a role in your function at least (role_closeness
                # >= 1 on that side, since the other gives at most 2).
                near = _titles_where(
                    origin, sorted(set(repo.past_titles(session)) | chart_titles), at_least=1.0
                )
                ids = repo.people_who_held(session, near) if near else set()
                found = repo.careers(session, ids) if ids else []
                found += [c for c in chart if any(r.title in near for r in c.roles[:-1])]
                every = observed_moves(found, as_of=as_of)
                read = _reader(every, [target.title])
                report.nearest = nearest_moves(origin, target, every, read, exclude=my_id)
        else:
            read = _reader(moves, [])
            report.destinations = where_people_went(origin, moves, read, exclude=my_id)
    if report.silent:
        add_onet_prior(report, load_onet_related())
    return report


def _origin(title: str, vision: Vision | None) -> RoleRead:
    """The role moves start from; yours (with the level and function you set) by default."""
    from nextmove.services.titles import read_title

    origin = read_role(title, read_title(title))
    me = vision.me if vision is not None else None
    if me is not None and (me.level is not None or me.function is not None):
        origin = RoleRead(origin.title, origin.family, me.level, me.function)
    return origin


def _target(title: str, vision: Vision) -> RoleRead:
    from nextmove.services.titles import read_title

    target = read_role(title, read_title(title))
    step = vision.next_step
    if step is not None and _same_title(step.title, title):
        # Your next step's outline knows its level and function better than its title.
        target = RoleRead(
            target.title,
            target.family,
            step.level if step.level is not None else target.level,
            step.function or target.function,
        )
    return target


def _titles_where(origin: RoleRead, titles: list[str], *, at_least: float) -> list[str]:
    """The titles at least this close to `origin` (domain.moves.role_closeness)."""
    from nextmove.services.titles import infer_titles

    guesses = infer_titles(titles)
    return [t for t in titles if role_closeness(origin, read_role(t, guesses.get(t))) >= at_least]


def _like_titles(origin: RoleRead, titles: list[str]) -> list[str]:
    """The past titles that are a role like `origin`. Most are ruled out by their job family
    alone; only managers' roles (alike by function and level too) need every title read."""
    from nextmove.services.titles import infer_titles

    if origin.level is None or origin.level < MANAGEMENT_FROM:
        titles = [t for t in titles if family_of(t) == origin.family]
    guesses = infer_titles(titles)
    return [t for t in titles if origin.like(read_role(t, guesses.get(t)))]


def made_the_move(careers: list[Career], vision: Vision) -> dict[int, str]:
    """Person id -> the move you want as they made it ("Data Scientist → Product Manager,
    2021"), for the people in these careers who went from a role like yours to one like
    your next step."""
    step = vision.next_step
    if step is None:
        return {}
    moves = observed_moves(careers)
    read = _reader(moves, [vision.me.title, step.title])
    mine, next_ = read(vision.me.title), read(step.title)
    origin = RoleRead(mine.title, mine.family, vision.me.level, vision.me.function)
    target = RoleRead(next_.title, next_.family, step.level, step.function)
    out = {}
    for m in who_made_the_move(origin, target, moves, read):
        out[m.person_id] = f"{m.from_title} → {m.to_title}" + (f", {m.year}" if m.year else "")
    return out


def untrodden_next_step(
    db: Workspace, *, today: date, vision: Vision | None = None
) -> Finding | None:
    """For `vision check`: a note when nobody in your network made the move from your role
    to your next step, naming who made the nearest move. `vision`: the workspace's, when
    the caller has read it already."""
    if vision is None:
        with db.session() as session:
            vision = vision_repo.load_vision(session)
    step = vision.next_step
    if step is None or not step.title.strip() or not vision.me.title.strip():
        return None
    report = find_moves(db, to_title=step.title, as_of=today)
    return untrodden_move(report)


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _title(value: str | None, option: str) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_TITLE:
        raise UserError(f"{option}: a title of at most {MAX_TITLE} characters, please")
    if value is not None and not text:
        raise UserError(f"{option}: give a job title", hint=f"{option} 'Product Manager'")
    return text


def _reader(moves: list[Move], extra: Iterable[str]) -> Callable[[str], RoleRead]:
    """A RoleRead per distinct title, each read once by the one title reader."""
    from nextmove.services.titles import infer_titles

    titles = {t for m in moves for t in (m.from_title, m.to_title)} | set(extra)
    guesses = infer_titles(titles)
    reads = {t: read_role(t, guesses.get(t)) for t in titles}

    def read(title: str) -> RoleRead:
        found = reads.get(title)
        if found is None:
            found = reads[title] = read_role(title, infer_titles([title]).get(title))
        return found

    return read


__all__ = ["family_of", "find_moves", "load_onet_related"]
