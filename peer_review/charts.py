"""Server-side SVG for the report: the self-versus-peer level per criterion, drawn from numbers
worked out here (no JavaScript, nothing from a CDN), with an accessible table beside it."""

from dataclasses import dataclass

ROW_HEIGHT = 56
BAR_HEIGHT = 18
LABEL_WIDTH = 260
PLOT_WIDTH = 360
MARGIN = 16
AXIS_HEIGHT = 40


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    level: int | None
    kind: str  # "self" or "peer"


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: float
    bars: tuple


@dataclass(frozen=True)
class GapChart:
    title: str
    description: str
    width: int
    height: int
    plot_left: int
    rows: tuple
    ticks: tuple  # (x, label)


def _short(text: str, length: int = 38) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def gap_chart(rows, *, max_level: int = 4) -> GapChart:
    """`rows` are selectors.CriterionRow; each gives a self and a peer bar."""
    scale = PLOT_WIDTH / max_level
    chart_rows = []
    for position, row in enumerate(rows):
        top = MARGIN + position * ROW_HEIGHT
        bars = tuple(
            Bar(
                y=top + offset,
                width=round((level or 0) * scale, 1),
                level=level,
                kind=kind,
            )
            for offset, kind, level in (
                (4, "self", row.self_level),
                (4 + BAR_HEIGHT + 2, "peer", row.peer_level),
            )
        )
        chart_rows.append(
            ChartRow(label=_short(row.criterion.title), label_y=top + BAR_HEIGHT + 6, bars=bars)
        )
    gaps = [row.gap for row in rows if row.gap is not None]
    wider = sum(1 for gap in gaps if gap > 0)
    description = (
        f"Self-assessed and peer levels for {len(rows)} criteria, on a scale of 1 to {max_level}. "
        f"The network rated itself higher than the peer team on {wider} of {len(gaps)} "
        "criteria with both levels."
    )
    height = MARGIN + len(rows) * ROW_HEIGHT + AXIS_HEIGHT
    return GapChart(
        title="Self-assessment and peer assessment by criterion",
        description=description,
        width=LABEL_WIDTH + PLOT_WIDTH + MARGIN * 2,
        height=height,
        plot_left=LABEL_WIDTH,
        rows=tuple(chart_rows),
        ticks=tuple(
            (round(LABEL_WIDTH + number * scale, 1), str(number)) for number in range(max_level + 1)
        ),
    )
