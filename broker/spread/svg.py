"""The network of networks drawn as SVG on the server: networks round a circle, a line from
each network to the one it learned from (the strongest links only, at national scale). The page
puts a table beside it that says the same, so the picture is never the only way to read it."""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

SIZE = 640
RADIUS = 250
NODE_RADIUS = 7
ARROW = 8  # the arrowhead's size, whatever the line's width
LABELS_UP_TO = 24  # more networks than this: the table names them, the picture shows the shape


def _position(index: int, count: int) -> tuple[float, float]:
    angle = 2 * math.pi * index / max(count, 1) - math.pi / 2
    return SIZE / 2 + RADIUS * math.cos(angle), SIZE / 2 + RADIUS * math.sin(angle)


def _lines(shown: int, in_all: int) -> str:
    if shown < in_all:
        return f"the {shown:,} strongest of {in_all:,} links"
    return f"{shown:,} line{'s' if shown != 1 else ''}"


def network_map_svg(data: dict) -> str:
    """Drawn once, when the figures are computed (broker.services.spread), and stored."""
    nodes = data["nodes"]
    where = {node["id"]: _position(i, len(nodes)) for i, node in enumerate(nodes)}
    # Dots shrink so a national map's 150 do not overlap; arrowheads keep one size, their tips
    # at the dot's edge; the strongest link drawn is the thickest.
    radius = min(NODE_RADIUS, max(2.5, 0.4 * 2 * math.pi * RADIUS / max(len(nodes), 1)))
    strongest = max((link["weight"] for link in data["links"]), default=1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-170 -20 {SIZE + 340} {SIZE + 40}" role="img" '
        'aria-labelledby="network-map-title network-map-desc">',
        '<title id="network-map-title">The network of networks</title>',
        f'<desc id="network-map-desc">{len(nodes)} networks round a circle; '
        f"{_lines(len(data['links']), data['links_in_all'])}, each from a network to one it "
        "learned from. The table below lists the same links.</desc>",
        f'<defs><marker id="arrow" viewBox="0 0 10 10" refX="{10 + (radius + 1) * 10 / ARROW:.1f}" '
        f'refY="5" markerUnits="userSpaceOnUse" markerWidth="{ARROW}" markerHeight="{ARROW}" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#4a5263"/></marker>'
        "</defs>",
    ]
    for link in data["links"]:
        (x1, y1), (x2, y2) = where[link["learner"]], where[link["source"]]
        width = 0.75 + 2.75 * link["weight"] / strongest
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#4a5263" '
            f'stroke-opacity="0.6" stroke-width="{width:.1f}" marker-end="url(#arrow)">'
            f"<title>{escape(link['learner_title'])} learned from "
            f"{escape(link['source_title'])} ({link['weight']})</title></line>"
        )
    for node in nodes:
        x, y = where[node["id"]]
        colour = "#0b5c73" if node["learned_from"] else "#9a3412"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}">'
            f"<title>{escape(node['title'])}</title></circle>"
        )
        if len(nodes) <= LABELS_UP_TO:
            anchor = "start" if x >= SIZE / 2 else "end"
            dx = 11 if x >= SIZE / 2 else -11
            parts.append(
                f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="12" text-anchor="{anchor}" '
                f'fill="#1d2330">{escape(node["title"][:28])}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every name in it is escaped above
