"""A small inline SVG of one article's graph, drawn at build time: no script, no fonts to load.

Three columns: people on the left; the article and its events in the middle;
places and organisations on the right. A line joins two nodes the graph links:
solid for the article's author, subject and location, dashed for a mere
mention, coloured for an event's attendees and place. Each box names the
relations in words too, so nothing depends on colour alone; the <svg> is one
image for assistive technology (role="img"), its <desc> saying every link in a
sentence, and the page lists the same links as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 760
_COL_X = {"left": 10, "middle": 270, "right": 530}
_BOX_W = 220
_BOX_H = 34
_STEP = 42
_TOP = 34
MAX_PER_COLUMN = 12
_FILL = {
    "article": "#ffffff",
    "person": "#e8f0fe",
    "organization": "#fef7e0",
    "place": "#e6f4ea",
    "event": "#fce8e6",
}
_COLUMN = {"person": "left", "place": "right", "organization": "right", "event": "middle"}
_HEADINGS = {"left": "People", "middle": "Article and events", "right": "Places and organisations"}
_STRONG = {"author", "about", "contentLocation", "locationCreated", "publisher"}


@dataclass(frozen=True)
class Node:
    key: str  # the IRI
    label: str
    kind: str  # article | person | organization | place | event
    roles: tuple[str, ...] = ()  # relations to the article, as words
    relations: tuple[str, ...] = ()  # the same, as property names (for sorting)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str  # schema.org property local name


@dataclass
class _Box:
    node: Node
    x: int
    y: int
    indent: int = 0


def diagram(article: Node, nodes: list[Node], edges: list[Edge], title: str) -> str:
    """The <svg> element (a string) for an article and the nodes linked to it."""
    boxes, hidden = _layout(article, nodes)
    rows = max((b.y for b in boxes.values()), default=_TOP)
    height = rows + _BOX_H + 56
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="graph-title graph-desc">',
        f'<title id="graph-title">{escape(title)}</title>',
        f'<desc id="graph-desc">{escape(_sentences(article, nodes, edges))}</desc>',
    ]
    for column, heading in _HEADINGS.items():
        parts.append(f'<text x="{_COL_X[column]}" y="18" class="h">{escape(heading)}</text>')
    parts += [_edge(boxes, e) for e in edges if e.source in boxes and e.target in boxes]
    parts += [_box(b) for b in boxes.values()]
    for column, count in hidden.items():
        if count:
            y = max(b.y for b in boxes.values() if _column_of(b.node) == column) + _STEP + 14
            parts.append(
                f'<text x="{_COL_X[column]}" y="{y}" class="more">'
                f"and {count} more, listed below</text>"
            )
    parts.append(_legend(height - 14))
    parts.append("</svg>")
    return "\n".join(parts)


def _column_of(node: Node) -> str:
    return _COLUMN.get(node.kind, "middle")


def _layout(article: Node, nodes: list[Node]) -> tuple[dict[str, _Box], dict[str, int]]:
    boxes = {article.key: _Box(article, _COL_X["middle"], _TOP)}
    filled = {"left": 0, "middle": 1, "right": 0}
    hidden = {"left": 0, "middle": 0, "right": 0}
    for node in nodes:
        column = _column_of(node)
        if node.key in boxes:
            continue
        if filled[column] >= MAX_PER_COLUMN:
            hidden[column] += 1
            continue
        indent = 30 if column == "middle" else 0
        y = _TOP + filled[column] * _STEP
        boxes[node.key] = _Box(node, _COL_X[column] + indent, y, indent)
        filled[column] += 1
    return boxes, hidden


def _box(b: _Box) -> str:
    width = _BOX_W - b.indent
    room = int(width / 7.3)  # characters of 13px sans-serif that fit in the box
    name = b.node.label if len(b.node.label) <= room else b.node.label[: room - 1] + "…"
    roles = ", ".join(b.node.roles)
    stroke = ' stroke-width="2"' if b.node.kind == "article" else ""
    return (
        f'<g><rect x="{b.x}" y="{b.y}" width="{width}" height="{_BOX_H}" rx="5" '
        f'fill="{_FILL.get(b.node.kind, "#ffffff")}" stroke="#333333"{stroke}/>'
        f'<text x="{b.x + 8}" y="{b.y + 15}" class="n">{escape(name)}</text>'
        f'<text x="{b.x + 8}" y="{b.y + 28}" class="r">{escape(b.node.kind)}'
        f"{' · ' + escape(roles) if roles else ''}</text></g>"
    )


def _anchor(box: _Box, toward: _Box) -> tuple[int, int]:
    mid = box.y + _BOX_H // 2
    if toward.x > box.x + _BOX_W // 2:
        return box.x + _BOX_W - box.indent, mid
    if toward.x + _BOX_W // 2 < box.x:
        return box.x, mid
    return box.x + 12, (box.y + _BOX_H if toward.y > box.y else box.y)


def _edge(boxes: dict[str, _Box], e: Edge) -> str:
    a, b = boxes[e.source], boxes[e.target]
    if a.node.kind == "article" and b.node.kind == "event":
        # article → event in the middle column: down the left side, then across
        x = a.x + 12
        y = b.y + _BOX_H // 2
        path = f"M{x},{a.y + _BOX_H} V{y} H{b.x}"
    else:
        (x1, y1), (x2, y2) = _anchor(a, b), _anchor(b, a)
        path = f"M{x1},{y1} L{x2},{y2}"
    style = "ev" if a.node.kind == "event" else "s" if e.relation in _STRONG else "m"
    return f'<path d="{path}" class="{style}"><title>{escape(e.relation)}</title></path>'


def _legend(y: int) -> str:
    items = [("s", "author, subject, place"), ("m", "mentioned"), ("ev", "event link")]
    out = []
    for n, (style, label) in enumerate(items):
        x = 10 + n * 250
        out.append(
            f'<path d="M{x},{y - 4} h36" class="{style}"/>'
            f'<text x="{x + 44}" y="{y}" class="r">{escape(label)}</text>'
        )
    return "".join(out)


def _sentences(article: Node, nodes: list[Node], edges: list[Edge]) -> str:
    labels = {n.key: n.label for n in [article, *nodes]}
    said = [
        f"{labels.get(e.source, e.source)} — {e.relation} — {labels.get(e.target, e.target)}."
        for e in edges
    ]
    return f"Graph of the article {article.label}: " + " ".join(said)


STYLE = """
svg.graph { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
svg.graph .h { font-size: 13px; font-weight: 600; fill: #1a1a1a; }
svg.graph .n { font-size: 13px; fill: #1a1a1a; }
svg.graph .r, svg.graph .more { font-size: 10.5px; fill: #3d3d3d; }
svg.graph path { fill: none; }
svg.graph .s { stroke: #333333; stroke-width: 1.6; }
svg.graph .m { stroke: #6b6b6b; stroke-width: 1; stroke-dasharray: 4 3; }
svg.graph .ev { stroke: #8a1c7c; stroke-width: 1.6; }
"""
