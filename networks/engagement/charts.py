"""The trend by term as a server-side SVG bar chart (no JavaScript, no chart library, nothing
from a CDN), as baselining draws its indicator trends. The geometry is worked out here and drawn
by `engagement/includes/term_chart.html`; the same numbers are in a table beside it."""

import hashlib
from dataclasses import dataclass

from networks.baselining.charts import Tick, nice_ticks

WIDTH, HEIGHT = 560, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 16, 28, 52
BAR_SHARE = 0.6  # of each term's slot


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    centre: float
    label: str
    season: str  # the label on two lines below the bar, so that six terms fit side by side
    year: str
    value: int
    is_current: bool


@dataclass(frozen=True)
class TermChart:
    dom_id: str
    title: str
    description: str
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_bottom: float
    bars: tuple[Bar, ...]
    y_ticks: tuple[Tick, ...]

    @property
    def cache_key(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()


def term_chart(network, counts, *, title: str = "") -> TermChart:
    """`counts`: selectors.TermCount rows, oldest first; `network` None for all networks."""
    plot_left, plot_right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    plot_top, plot_bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM
    ticks = [tick for tick in nice_ticks(0, max(4, *(c.active_people for c in counts)), 5)]
    ticks = [tick for tick in ticks if tick >= 0 and tick == int(tick)]
    top = ticks[-1]
    slot = (plot_right - plot_left) / len(counts)

    def y_of(value) -> float:
        return round(plot_bottom - value / top * (plot_bottom - plot_top), 1)

    bars = []
    for index, count in enumerate(counts):
        left = plot_left + index * slot + slot * (1 - BAR_SHARE) / 2
        y = y_of(count.active_people)
        bars.append(
            Bar(
                x=round(left, 1),
                y=y,
                width=round(slot * BAR_SHARE, 1),
                height=round(plot_bottom - y, 1),
                centre=round(plot_left + (index + 0.5) * slot, 1),
                label=count.term.label,
                season=count.term.name.capitalize(),
                year=f"{count.term.start.year}{' so far' if count.is_current else ''}",
                value=count.active_people,
                is_current=count.is_current,
            )
        )
    return TermChart(
        dom_id=f"engagement-{network.pk if network else 'all'}-terms",
        title=title or f"People active in {network.title}, by school term",
        description=describe(counts),
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_bottom=plot_bottom,
        bars=tuple(bars),
        y_ticks=tuple(Tick(position=y_of(tick), label=str(int(tick))) for tick in ticks),
    )


def describe(counts) -> str:
    parts = [
        f"{count.term.label}{' (so far)' if count.is_current else ''}: {count.active_people}"
        for count in counts
    ]
    return "People active each term. " + "; ".join(parts) + "."
