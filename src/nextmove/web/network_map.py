"""The network map as a layered graph drawing: you at the top, the people you know directly
in the first layer, then two and three steps away; the suggested people carry their rank.

grandalf's Sugiyama layout orders each layer to cut crossings and places every person in a
box as wide as their name, so no two names overlap. Lines leave a box below its name and
enter the next one at the top of its circle; a line that skips a layer passes through the
slot grandalf reserves for it there (a "dummy" vertex), so a line never crosses a person it
does not connect. Layer names sit in a gutter on the left that no line enters. Suggested
people without a warm path share the top row with you, so the best of them is seen first.

Drawn as SVG by the templates at one unit per CSS pixel; on a narrow screen the drawing
scrolls (touch, keyboard) and a small script adds zoom.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from grandalf.graphs import Edge, Graph, Vertex
from grandalf.layouts import SugiyamaLayout

from nextmove.services.network_map import NetworkMap

ME = -1
RADIUS = 15
CHAR_W = 7.0  # a 12 px sans-serif character, generously
LINE_H = 15
LABEL_GAP = 4
PAD_X = 10  # space between two people's boxes, each side
GUTTER = 72  # the layer names
TOP = 22  # room for the "no warm path yet" caption above the first row
MARGIN = 8
LAYER_GAP = 56
LAYER_NAMES = ("You", "Direct", "2 steps", "3 steps", "4 steps", "5 steps")
UNREACHED_NAME = "No warm path yet"
OTHERS_DRAWN = 4  # direct ties drawn besides those on a path


@dataclass(slots=True)
class MapNode:
    person_id: int
    name: str
    depth: int
    rank: int | None = None  # rank among the suggestions, when suggested
    reached: bool = True  # False: a suggestion with no warm path
    x: float = 0.0  # the circle's centre
    y: float = 0.0
    width: float = 0.0  # the box: circle and name

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

    @property
    def height(self) -> float:
        return 2 * RADIUS + LABEL_GAP + LINE_H * (2 if self.lines[1] else 1)

    @property
    def box(self) -> tuple[float, float, float, float]:
        """left, top, right, bottom of the circle and the name under it."""
        top = self.y - RADIUS
        return (self.x - self.width / 2, top, self.x + self.width / 2, top + self.height)


@dataclass(frozen=True, slots=True)
class MapEdge:
    points: tuple[tuple[float, float], ...]  # a polyline, from the parent down to the child
    strength: int
    on_path: bool  # part of a warm path to a suggested person
    ends: tuple[int, int]  # the two person ids it connects

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)


@dataclass(frozen=True, slots=True)
class MapCaption:
    x: float
    y: float
    text: str


@dataclass(slots=True)
class MapDrawing:
    width: int
    height: int
    nodes: list[MapNode]
    edges: list[MapEdge]
    captions: list[MapCaption]
    radius: int = RADIUS
    me_x: float = 0.0
    first_x: float = 0.0  # the best suggestion: a narrow view starts with it and you in sight

    @property
    def suggested(self) -> int:
        return sum(1 for n in self.nodes if n.rank is not None)


@dataclass(slots=True)
class _Graph:
    nodes: dict[int, MapNode] = field(default_factory=dict)
    links: dict[tuple[int, int], tuple[int, bool]] = field(default_factory=dict)

    def node(self, pid: int, name: str, depth: int) -> MapNode:
        found = self.nodes.get(pid)
        if found is None:
            found = self.nodes[pid] = MapNode(pid, name, depth)
        found.depth = min(found.depth, depth)
        return found

    def link(self, a: int, b: int, strength: int, on_path: bool) -> None:
        if (b, a) in self.links or a == b:
            return  # one line per pair, drawn the first way it was met
        old = self.links.get((a, b))
        self.links[(a, b)] = (
            max(strength, old[0] if old else 0),
            on_path or bool(old and old[1]),
        )


def _first_name(label: str) -> str:
    return label.split(" (")[0]


def draw_map(
    data: NetworkMap, *, top: int = 8, others: int = OTHERS_DRAWN, me_label: str = "You"
) -> MapDrawing:
    """Place every person of the map; edges follow the warm paths and your direct ties (the
    `others` strongest besides those on a path; the table lists them all)."""
    g = _Graph()
    g.node(ME, me_label, 0)
    shown = data.result.suggestions[:top]
    first_hops = {s.candidate.path.hops[0].person_id for s in shown if s.candidate.path}
    on_map = first_hops | {s.candidate.person_id for s in shown if s.candidate.direct_strength}
    for tie in data.direct:
        if tie.person_id in first_hops:
            continue  # drawn with its path below
        if tie.person_id not in on_map:
            if others <= 0:
                continue
            others -= 1
        g.node(tie.person_id, tie.name, 1)
        g.link(ME, tie.person_id, tie.strength, False)
    unreached: list[MapNode] = []
    for rank, s in enumerate(shown, start=1):
        c = s.candidate
        if c.direct_strength:
            g.node(c.person_id, c.name, 1).rank = rank
            g.link(ME, c.person_id, c.direct_strength, True)
        elif c.path is not None:
            previous = ME
            for depth, (hop, label) in enumerate(
                zip(c.path.hops, c.path_names, strict=True), start=1
            ):
                g.node(hop.person_id, _first_name(label), depth)
                g.link(previous, hop.person_id, hop.strength, True)
                previous = hop.person_id
            g.nodes[c.person_id].rank = rank
        elif c.person_id not in g.nodes:
            lone = MapNode(c.person_id, c.name, 0, rank, reached=False)
            unreached.append(lone)
    return _place(g, unreached)


def _place(g: _Graph, unreached: list[MapNode]) -> MapDrawing:
    for n in [*g.nodes.values(), *unreached]:
        longest = max(len(line) for line in n.lines)
        n.width = max(2 * RADIUS + 8, longest * CHAR_W) + 2 * PAD_X
    # Insertion order is grandalf's first ordering: in each layer the best ranked in the middle
    # (under you), the next ones alternately right and left, people not suggested outermost.
    order: list[MapNode] = []
    for depth in sorted({n.depth for n in g.nodes.values()}):
        row: deque[MapNode] = deque()
        ranked = sorted(
            (n for n in g.nodes.values() if n.depth == depth), key=lambda n: (n.rank or 999, n.name)
        )
        for i, n in enumerate(ranked):
            if i % 2:
                row.appendleft(n)
            else:
                row.append(n)
        order.extend(row)
    vertices = {n.person_id: Vertex(n.person_id) for n in order}
    for pid, v in vertices.items():
        v.view = _Box(g.nodes[pid].width, g.nodes[pid].height)
    position = {pid: i for i, pid in enumerate(vertices)}
    edges = {
        key: Edge(vertices[key[0]], vertices[key[1]])
        for key in sorted(g.links, key=lambda k: (position[k[0]], position[k[1]]))
    }
    for e in edges.values():
        e.view = _Route()
    graph = Graph(list(vertices.values()), list(edges.values()))
    layout = SugiyamaLayout(graph.C[0])  # one component: everyone is linked to you
    layout.xspace, layout.yspace = 0, LAYER_GAP
    layout.init_all(roots=[vertices[ME]])
    layout.draw(3)
    # grandalf centres each box on its layer; we keep the box, with the circle at its top.
    layers = [list(layer) for layer in layout.layers]
    left = min(v.view.xy[0] - v.view.w / 2 for layer in layers for v in layer)
    dx = GUTTER - left
    tops: list[float] = []
    bottoms: list[float] = []
    for layer in layers:
        half = max(v.view.h for v in layer) / 2
        y = layer[0].view.xy[1] + TOP
        tops.append(y - half)
        bottoms.append(y + half)
    for pid, v in vertices.items():
        n = g.nodes[pid]
        n.x = round(v.view.xy[0] + dx, 1)
        n.y = round(tops[layout.grx[v].rank] + RADIUS, 1)
    me = g.nodes[ME]
    # Suggestions without a warm path: beside you, on the top row.
    x = me.x + me.width / 2
    for n in unreached:
        n.x, n.y = round(x + n.width / 2, 1), me.y
        x += n.width
        bottoms[0] = max(bottoms[0], n.box[3])
    out_edges: list[MapEdge] = []
    for key, e in edges.items():
        a, b = g.nodes[key[0]], g.nodes[key[1]]
        if layout.grx[e.v[0]].rank > layout.grx[e.v[1]].rank:
            a, b = b, a
        # Straight down out of the parent's own column to the bottom of its row, then across
        # the gap between rows (where there is no one), through any reserved slots below.
        points: list[tuple[float, float]] = [(a.x, a.box[3])]
        row_bottom = bottoms[layout.grx[vertices[a.person_id]].rank]
        if row_bottom > a.box[3]:
            points.append((a.x, row_bottom))
        for mid in e.view.points[1:-1]:
            rank = _rank_of(mid[1], layers, layout)
            points += [(mid[0] + dx, tops[rank]), (mid[0] + dx, bottoms[rank])]
        points.append((b.x, b.box[1]))
        strength, on_path = g.links[key]
        out_edges.append(MapEdge(tuple(points), strength, on_path, (a.person_id, b.person_id)))
    out_edges.sort(key=lambda e: e.on_path)  # paths drawn on top
    captions = [
        MapCaption(4, round((tops[i] + bottoms[i]) / 2, 1), LAYER_NAMES[min(i, 5)])
        for i in range(len(layers))
    ]
    if unreached:
        captions.append(MapCaption(me.x + me.width / 2 + 4, 14, UNREACHED_NAME + ":"))
    nodes = sorted([*g.nodes.values(), *unreached], key=lambda n: (n.y, n.x))
    width = max(n.box[2] for n in nodes) + MARGIN
    height = max(n.box[3] for n in nodes) + MARGIN
    best = min((n for n in nodes if n.rank is not None), key=lambda n: n.rank or 0, default=me)
    return MapDrawing(int(width), int(height), nodes, out_edges, captions, RADIUS, me.x, best.x)


def _rank_of(y: float, layers: list[list[Vertex]], layout: SugiyamaLayout) -> int:
    """The layer a dummy point of a long line lies in."""
    return min(range(len(layers)), key=lambda i: abs(layers[i][0].view.xy[1] - y))


class _Box:
    """The view grandalf reads (w, h) and writes (xy) for each person."""

    def __init__(self, w: float, h: float):
        self.w, self.h = w, h
        self.xy = (0.0, 0.0)


class _Route:
    """The view grandalf writes each line's points to."""

    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []

    def setpath(self, points: list[tuple[float, float]]) -> None:
        self.points = list(points)
