"""The network map as plain geometry: you at the top, then the people you know directly,
then two and three steps away, the suggested people marked with their rank. Drawn as SVG by
the templates (no JavaScript), narrow enough to read on a phone (rows wrap at four people).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextmove.services.network_map import NetworkMap

ME = -1
WIDTH = 360
PER_ROW = 4
ROW_NAMES = ("You", "You know them directly", "Two steps away", "Three steps away")
UNREACHED = 4
UNREACHED_NAME = "No warm path yet"
CAPTION_H, NODE_H = 20, 84
RADIUS = 15


@dataclass(slots=True)
class MapNode:
    person_id: int
    name: str
    depth: int
    rank: int | None = None  # rank among the suggestions, when suggested
    x: float = 0.0
    y: float = 0.0
    parents: list[int] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.person_id == ME:
            return "me"
        if self.rank is not None:
            return "suggested"
        return "direct" if self.depth == 1 else "between"

    @property
    def lines(self) -> tuple[str, str]:
        first, _, rest = self.name.partition(" ")
        return (first, rest) if rest else (self.name, "")


@dataclass(frozen=True, slots=True)
class MapEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    strength: int
    on_path: bool  # part of a warm path to a suggested person


@dataclass(frozen=True, slots=True)
class MapCaption:
    y: float
    text: str


@dataclass(slots=True)
class MapDrawing:
    width: int
    height: int
    nodes: list[MapNode]
    edges: list[MapEdge]
    captions: list[MapCaption]
    radius: int = 15

    @property
    def suggested(self) -> int:
        return sum(1 for n in self.nodes if n.rank is not None)


def _first_name(label: str) -> str:
    return label.split(" (")[0]


def draw_map(data: NetworkMap, *, top: int = 8, me_label: str = "You") -> MapDrawing:
    """Place every person of the map; edges follow the warm paths and your direct ties."""
    nodes: dict[int, MapNode] = {ME: MapNode(ME, me_label, 0)}
    links: dict[tuple[int, int], tuple[int, bool]] = {}

    def node(pid: int, name: str, depth: int) -> MapNode:
        found = nodes.get(pid)
        if found is None:
            found = nodes[pid] = MapNode(pid, name, depth)
        found.depth = min(found.depth, depth)
        return found

    def link(a: int, b: int, strength: int, on_path: bool) -> None:
        old = links.get((a, b))
        links[(a, b)] = (max(strength, old[0] if old else 0), on_path or bool(old and old[1]))
        if a not in nodes[b].parents:
            nodes[b].parents.append(a)

    shown = data.result.suggestions[:top]
    first_hops = {s.candidate.path.hops[0].person_id for s in shown if s.candidate.path}
    for tie in data.direct:
        if tie.person_id in first_hops:
            continue  # drawn with its path below
        node(tie.person_id, tie.name, 1)
        link(ME, tie.person_id, tie.strength, False)
    for rank, s in enumerate(data.result.suggestions[:top], start=1):
        c = s.candidate
        if c.direct_strength:
            node(c.person_id, c.name, 1).rank = rank
            link(ME, c.person_id, c.direct_strength, True)
        elif c.path is not None:
            previous = ME
            for depth, (hop, label) in enumerate(
                zip(c.path.hops, c.path_names, strict=True), start=1
            ):
                node(hop.person_id, _first_name(label), depth)
                link(previous, hop.person_id, hop.strength, True)
                previous = hop.person_id
            nodes[c.person_id].rank = rank
        else:
            node(c.person_id, c.name, UNREACHED).rank = rank
    return _place(nodes, links)


def _place(nodes: dict[int, MapNode], links: dict[tuple[int, int], tuple[int, bool]]) -> MapDrawing:
    rows: dict[int, list[MapNode]] = {}
    for n in nodes.values():
        rows.setdefault(n.depth, []).append(n)
    # Order each row under its parents (fewer crossings); suggested people by rank.
    reach_rank: dict[int, int] = {}
    for n in nodes.values():
        if n.rank is not None:
            reach_rank[n.person_id] = n.rank
    for (a, b), _ in sorted(links.items(), key=lambda item: -nodes[item[0][1]].depth):
        if b in reach_rank:
            reach_rank[a] = min(reach_rank.get(a, 999), reach_rank[b])
    captions: list[MapCaption] = []
    edges: list[MapEdge] = []
    y = 0.0
    for depth in sorted(rows):
        row = rows[depth]
        if depth == 1 or depth == UNREACHED:
            row.sort(key=lambda n: (reach_rank.get(n.person_id, 999), n.name))
        elif depth > 1:
            row.sort(
                key=lambda n: (
                    sum(nodes[p].x for p in n.parents if p in nodes) / max(1, len(n.parents)),
                    reach_rank.get(n.person_id, 999),
                )
            )
        captions.append(
            MapCaption(y + 13, ROW_NAMES[depth] if depth < len(ROW_NAMES) else UNREACHED_NAME)
        )
        y += CAPTION_H
        for start in range(0, len(row), PER_ROW):
            chunk = row[start : start + PER_ROW]
            for index, n in enumerate(chunk):
                n.x = round(WIDTH * (index + 0.5) / len(chunk), 1)
                n.y = round(y + 22, 1)
            y += NODE_H
    for (a, b), (strength, on_path) in links.items():
        na, nb = nodes[a], nodes[b]
        # From below the parent's name to the top of the child's circle: lines never cross
        # a name.
        below = RADIUS + (37 if na.lines[1] else 21)
        edges.append(MapEdge(na.x, na.y + below, nb.x, nb.y - RADIUS - 2, strength, on_path))
    edges.sort(key=lambda e: e.on_path)  # paths drawn on top
    ordered = sorted(nodes.values(), key=lambda n: (n.depth, n.y, n.x))
    return MapDrawing(WIDTH, int(y + 4), ordered, edges, captions, RADIUS)
