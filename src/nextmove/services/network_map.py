"""The network map's data: you, the people you know directly, and the warm paths to the
people suggested to you next. The picture itself is drawn by the web app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextmove.domain.suggest import DEFAULT_COOLDOWN_DAYS, Weights
from nextmove.services.suggest import SuggestResult, suggest_people
from nextmove.services.suggest_directory import ORG_TIE_STRENGTH, chart_ties
from nextmove.services.workspace import Workspace
from nextmove.store import people as people_repo
from nextmove.store import suggest as repo
from nextmove.store import vision as vision_repo

# Members of your chart who are not among the suggestions: ids apart from the suggestions'.
UNSUGGESTED_OFFSET = 1_000_000
DIRECT_SHOWN = 8  # direct ties drawn besides those on a path


@dataclass(frozen=True, slots=True)
class DirectTie:
    person_id: int
    name: str
    strength: int
    how: str


@dataclass(slots=True)
class NetworkMap:
    me_name: str
    direct: list[DirectTie]  # the ties drawn: those on a path first, then the strongest
    direct_total: int  # everyone you know directly
    result: SuggestResult


def network_map(
    db: Workspace,
    *,
    today: date,
    limit: int = 8,
    weights: Weights | None = None,
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS,
    direct_shown: int = DIRECT_SHOWN,
) -> NetworkMap:
    """The top `limit` suggestions with their paths, and the direct ties worth drawing."""
    result = suggest_people(
        db, today=today, limit=limit, weights=weights, cooldown_days=cooldown_days
    )
    on_paths = {
        s.candidate.path.hops[0].person_id for s in result.suggestions if s.candidate.path
    } | {s.candidate.person_id for s in result.suggestions if s.candidate.direct_strength}
    with db.session() as session:
        me_name = vision_repo.load_vision(session).me.name
        me = repo.load_me(session)
        direct = repo.direct_ties(session, me)
        # Your manager and reports in your organization's chart, under the ids the
        # suggestions gave them (members who are not suggested get ids of their own).
        suggested = {
            s.candidate.member_ref: s.candidate.person_id
            for s in result.suggestions
            if s.candidate.member_ref
        }
        chart_names: dict[int, str] = {}
        for tie in chart_ties(session, me.person_id):
            pid = tie.person_id
            if pid < 0:
                pid = suggested.get(tie.ref, pid - UNSUGGESTED_OFFSET)
                chart_names[pid] = tie.member.name
            direct.setdefault(pid, (ORG_TIE_STRENGTH, tie.relation))
        ordered = sorted(
            direct.items(), key=lambda item: (item[0] not in on_paths, -item[1][0], item[0])
        )
        keep = [pid for pid, _ in ordered if pid in on_paths] + [
            pid for pid, _ in ordered if pid not in on_paths
        ][:direct_shown]
        names = people_repo.names_of(session, [pid for pid in keep if pid > 0]) | chart_names
    return NetworkMap(
        me_name=me_name,
        direct=[DirectTie(pid, names.get(pid, f"#{pid}"), *direct[pid]) for pid in keep],
        direct_total=len(direct),
        result=result,
    )
