"""Suggestions over the organization directory, on SQLite and PostgreSQL: however few people
are asked for, they are the top of the ranking of every member (members alike are scored once,
and only the best of them are looked at closely), and the ways through the chart found for
many members at once are the ways found one by one."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nextmove.domain.suggest import DEFAULT_COOLDOWN_DAYS, Candidate, rank_candidates
from nextmove.domain.vision import Position, RoleOutline, Vision
from nextmove.services import suggest as suggest_service
from nextmove.services import suggest_directory
from nextmove.services.directory_import import import_directory
from nextmove.services.suggest import suggest_people
from nextmove.services.suggest_directory import chart_paths
from nextmove.services.workspace import Workspace
from nextmove.store import directory as directory_store
from nextmove.store import directory_ranking as ranking
from nextmove.store import directory_reads as reads
from nextmove.store import vision as vision_repo

HEADER = "employee_id,name,title,manager_id,department,city\n"
FIRST = ["Ana", "Ben", "Cy", "Di"]  # few names: many members share one, ties go by id
LAST = ["Ng", "Ot"]
FUNCTIONS = {"Data": "Analyst", "Product": "Product Manager", "Sales": "Account Executive"}


def write_chart(path: Path, *, grown: bool) -> str:
    """A chart of about 300 members in three departments, titles repeated by rank; `grown`:
    a week later, with a new team under the first data manager and one promotion. Returns
    the employee id of a data analyst deep in it."""
    rng = random.Random(13)
    rows = ["E1,Cora Cole,Chief Executive Officer,,Executive,Paris"]
    deep = ""
    n = 2
    for dept, staff in FUNCTIONS.items():
        vp = f"E{n}"
        rows.append(f"{vp},{rng.choice(FIRST)} {rng.choice(LAST)},VP {dept},E1,{dept},Paris")
        n += 1
        for _ in range(3):
            director = f"E{n}"
            rows.append(
                f"{director},{rng.choice(FIRST)} {rng.choice(LAST)},Director of {dept},"
                f"{vp},{dept},Lyon"
            )
            n += 1
            # Twenty data managers per director: the best-placed group, larger than the
            # number looked at closely for a short list.
            for _ in range(20 if dept == "Data" else 3):
                manager = f"E{n}"
                rows.append(
                    f"{manager},{rng.choice(FIRST)} {rng.choice(LAST)},{dept} Manager,"
                    f"{director},{dept},Lyon"
                )
                n += 1
                for k in range(2 if dept == "Data" else 7):
                    title = f"Senior {staff}" if k < 1 else staff
                    if grown and n == 20:
                        title = f"{dept} Manager"  # a promotion: a career to tell
                    rows.append(
                        f"E{n},{rng.choice(FIRST)} {rng.choice(LAST)},{title},{manager},"
                        f"{dept},{rng.choice(['Paris', 'Lyon'])}"
                    )
                    if dept == "Data" and not deep and k == 1:
                        deep = f"E{n}"
                    n += 1
    if grown:
        for k in range(4):
            rows.append(f"N{k},New Hire,Analyst,E6,Data,Paris")
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return deep


def story(db: Workspace, tmp_path: Path, *, link_me: bool) -> None:
    now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    with db.session() as session:
        vision_repo.save_vision(
            session,
            Vision(
                me=Position(
                    name="Me", title="Analyst", organization="Northwind", function="data", level=2
                ),
                steps=[
                    RoleOutline(title="Data Manager", function="data", level=5, scope="A team"),
                    RoleOutline(title="Director of Data", function="data", level=7, scope="A unit"),
                ],
            ),
            now=now,
        )
    first, second = tmp_path / "march.csv", tmp_path / "june.csv"
    deep = write_chart(first, grown=False)
    write_chart(second, grown=True)
    for path, day in ((first, date(2026, 3, 1)), (second, date(2026, 6, 1))):
        import_directory(
            db,
            path,
            organization="Northwind",
            column_map=None,
            me=deep if link_me else None,
            now=now,
            today=day,
        )


def described(limit: int, db: Workspace) -> list[tuple[str, float, list[str]]]:
    found = suggest_people(db, today=date(2026, 11, 22), limit=limit).suggestions
    return [(s.candidate.member_ref, s.score, [r.text for r in s.reasons]) for s in found]


def test_the_few_asked_for_are_the_top_of_every_member(db: Workspace, tmp_path: Path) -> None:
    story(db, tmp_path, link_me=False)
    # Asked for 400, every member of the chart is looked at closely: the ranking of everyone.
    everyone = described(400, db)
    result = suggest_people(db, today=date(2026, 11, 22), limit=1)
    assert len(everyone) == result.considered == result.people > 200
    for limit in (1, 3, 12):
        assert described(limit, db) == everyone[:limit]
    # Ties are many (titles repeat by rank, names repeat): broken by name, then as read.
    scores = [score for _ref, score, _why in everyone[:12]]
    assert len(set(scores)) < len(scores)


@pytest.mark.parametrize("at_once", [False, True], ids=["counted per group", "read at once"])
@pytest.mark.parametrize("by_city", [False, True], ids=["any city", "city counts"])
def test_the_few_asked_for_are_the_top_of_every_member_the_filter_lets_through(
    db: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by_city: bool, at_once: bool
) -> None:
    """As a chart of a million people is ranked: prefiltered in the database, members alike
    counted there (or, when few pass, read at once), and the members the chart knows more of
    (your chain, your team, your predecessor, a team that grew, a career like the one you
    want) read one by one."""
    story(db, tmp_path, link_me=True)
    if by_city:
        with db.session() as session:
            vision = vision_repo.load_vision(session)
            step = vision.steps[0]
            vision.steps[0] = RoleOutline(
                title=step.title, function=step.function, level=step.level, scope=step.scope,
                city="Lyon",
            )  # fmt: skip
            vision_repo.save_vision(session, vision, now=datetime(2026, 11, 22, tzinfo=UTC))
    monkeypatch.setattr(suggest_service, "PREFILTER_ABOVE", 0)
    monkeypatch.setattr(suggest_directory, "READ_AT_ONCE", 20_000 if at_once else 0)

    def ranked(keep: int) -> tuple[list[tuple[str, float, str]], list[Candidate], int, int]:
        """The ranking before warm paths (which only the few at the top are searched for)."""
        with db.session() as session:
            vision = vision_repo.load_vision(session)
            candidates, _me, people, _chart, scored = suggest_service._candidates(
                session, vision, today=date(2026, 11, 22), weights=None, cooldown_days=DEFAULT_COOLDOWN_DAYS,
                keep=keep,
            )  # fmt: skip
        order = rank_candidates(vision, candidates, today=date(2026, 11, 22), explain=False)
        top = [(s.candidate.member_ref, s.score, s.candidate.name) for s in order]
        return top, candidates, people, scored

    everyone, candidates, people, scored = ranked(10_000)
    assert len(everyone) <= scored == len(candidates) < people
    for keep in (1, 5, 41):
        assert ranked(keep)[0][:keep] == everyone[:keep]
    # The members the chart knows more of are among those scored one by one.
    assert any(c.team_growth for c in candidates)
    assert any(c.made_move for c in candidates)
    assert any(c.same_team for c in candidates)
    assert any(c.direct_relation == "your manager" for c in candidates)


def test_ways_through_the_chart_for_many_are_the_ways_one_by_one(
    db: Workspace, tmp_path: Path
) -> None:
    story(db, tmp_path, link_me=True)
    with db.session() as session:
        me = reads.my_person_id(session)
        org_id, my_emp = reads.link_of(session, [me]).get(me)  # type: ignore[misc]
        everyone = directory_store.members(session, org_id)
        at_once = chart_paths(session, me, everyone)
        mine = [my_emp, *(m.employee_id for m in directory_store.chain(session, org_id, my_emp))]
        for target in everyone:
            # One by one, with whole chains: up yours to the first manager you share, down theirs.
            theirs = [target, *directory_store.chain(session, org_id, target.employee_id)]
            at = {m.employee_id: k for k, m in enumerate(theirs)}
            shared = next((k for k, emp in enumerate(mine) if emp in at), None)
            way = (
                [
                    *mine[1 : shared + 1],
                    *(m.employee_id for m in reversed(theirs[: at[mine[shared]]])),
                ]
                if shared is not None
                else []
            )
            found = at_once.get((org_id, target.employee_id))
            if way and len(way) <= 3:
                assert found is not None, target
                names = {m.employee_id: m.name for m in everyone}
                assert found[1] == tuple(names[e] for e in way)
                assert [h.relation for h in found[0].hops][:1] in (
                    ["your manager"],
                    ["direct report"],
                )
            else:
                assert found is None, target
    # Your manager, your skip-level, a peer, your report's… some of them are within reach.
    assert sum(1 for _ in at_once) >= 5


def test_a_group_packed_by_sqlite_unpacks_into_its_members_or_is_read_again() -> None:
    key = (1, "Analyst", 2, "data", "Data", "")
    packed = "E1\x1fAna Ng\x1f\x1fParis\x1f3\x1eE2\x1fBen Ot\x1f=E1\x1fLyon\x1f4"
    rows = ranking.unpack(ranking.RankingGroup(key, 2, 3, packed))
    assert rows is not None
    assert [(r.employee_id, r.name, r.manager_employee_id, r.city, r.depth) for r in rows] == [
        ("E1", "Ana Ng", None, "Paris", 3),
        ("E2", "Ben Ot", "E1", "Lyon", 4),
    ]
    assert rows[0][3:7] == ("Analyst", 2, "data", "Data")
    # A separator inside a name, or a count that does not match: read again, not guessed.
    assert ranking.unpack(ranking.RankingGroup(key, 2, 3, packed.replace("Ana", "A\x1fna"))) is None
    assert ranking.unpack(ranking.RankingGroup(key, 3, 3, packed)) is None
    assert ranking.unpack(ranking.RankingGroup(key, 2, 3, None)) is None
