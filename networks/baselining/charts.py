"""Server-side SVG trend charts for indicators, with the numbers for an accessible table.

The geometry is worked out here in plain Python and drawn by the template
`baselining/includes/trend_chart.html`: no JavaScript, no chart library, nothing from a CDN.
The first point is always the baseline; observations follow in date order.
"""

import hashlib
import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.dateformat import format as format_date

from .models import Direction, format_measure, long_date, plain_number

WIDTH, HEIGHT = 640, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 48, 32, 48
MIN_LABEL_GAP = 88  # pixels between the centres of two date labels, so they never overlap
Y_TICK_TARGET = 5


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    on: date
    value: Decimal
    value_text: str
    date_text: str
    is_baseline: bool


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class TableRow:
    on: date
    date_text: str
    value_text: str
    change_text: str
    note: str
    is_baseline: bool


@dataclass(frozen=True)
class TrendChart:
    dom_id: str
    title: str
    description: str
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    points: tuple[ChartPoint, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    line_points: str
    baseline_y: float
    latest_label_dy: int
    y_axis_label: str

    @property
    def baseline_point(self) -> ChartPoint:
        return self.points[0]

    @property
    def latest_point(self) -> ChartPoint:
        return self.points[-1]

    @property
    def has_line(self) -> bool:
        return len(self.points) > 1

    @property
    def cache_key(self) -> str:
        """Names this exact drawing: a changed number, label or title is a different key, so
        the rendered SVG can be cached without ever being invalidated."""
        return hashlib.sha256(repr(self).encode()).hexdigest()


@dataclass(frozen=True)
class IndicatorTrend:
    """Everything the profile shows about one indicator."""

    indicator: object
    chart: TrendChart
    rows: tuple[TableRow, ...]
    summary: str


def indicator_trend(indicator, observations) -> IndicatorTrend:
    observations = sorted(observations, key=lambda observation: observation.observed_on)
    chart = trend_chart(indicator, observations)
    return IndicatorTrend(
        indicator=indicator,
        chart=chart,
        rows=table_rows(indicator, observations),
        summary=chart.description,
    )


def trend_chart(indicator, observations) -> TrendChart:
    series = [(indicator.baseline_on, indicator.baseline_value, True)] + [
        (observation.observed_on, observation.value, False) for observation in observations
    ]
    plot_left, plot_right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    plot_top, plot_bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    ticks = nice_ticks(*padded_range([value for _, value, _ in series], indicator.unit))
    low, high = ticks[0], ticks[-1]

    def y_of(value) -> float:
        return round(
            plot_bottom - (float(value) - low) / (high - low) * (plot_bottom - plot_top), 1
        )

    first_day, last_day = series[0][0].toordinal(), max(day for day, _, _ in series).toordinal()

    def x_of(day: date) -> float:
        if last_day == first_day:
            return round((plot_left + plot_right) / 2, 1)
        fraction = (day.toordinal() - first_day) / (last_day - first_day)
        return round(plot_left + fraction * (plot_right - plot_left), 1)

    points = tuple(
        ChartPoint(
            x=x_of(day),
            y=y_of(value),
            on=day,
            value=value,
            value_text=indicator.format_value(value),
            date_text=long_date(day),
            is_baseline=is_baseline,
        )
        for day, value, is_baseline in series
    )
    dom_id = f"indicator-{indicator.pk}-chart"
    return TrendChart(
        dom_id=dom_id,
        title=f"{indicator.name}: trend since the baseline",
        description=describe_trend(indicator, points),
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        points=points,
        x_ticks=date_ticks(points),
        y_ticks=tuple(
            Tick(position=y_of(tick), label=format_measure(_decimal(tick), indicator.unit))
            for tick in ticks
        ),
        line_points=" ".join(f"{point.x},{point.y}" for point in points) if len(points) > 1 else "",
        baseline_y=points[0].y,
        latest_label_dy=-12 if points[-1].y - plot_top >= 24 else 22,
        y_axis_label=f"Value ({indicator.unit})" if indicator.unit else "Value",
    )


def padded_range(values, unit: str) -> tuple[float, float]:
    """The values' range with a little room above and below, so no point sits on the frame;
    never below zero for values that cannot be negative, nor above 100 for a percentage."""
    low, high = float(min(values)), float(max(values))
    padding = (high - low) * 0.08
    padded_low, padded_high = low - padding, high + padding
    if low >= 0:
        padded_low = max(0.0, padded_low)
    if unit == "%" and high <= 100:
        padded_high = min(100.0, padded_high)
    return padded_low, padded_high


def nice_ticks(low, high, target: int = Y_TICK_TARGET) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 × a power of ten) spanning low…high."""
    low, high = float(low), float(high)
    if low == high:
        padding = abs(low) * 0.1 or 1.0
        low, high = low - padding, high + padding
    raw_step = (high - low) / (target - 1)
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    count = round((end - start) / step)
    return [round(start + index * step, 10) for index in range(count + 1)]


def date_ticks(points) -> tuple[Tick, ...]:
    """Label the points' dates from left to right, skipping any that would overlap the last
    one labelled; the latest date is always labelled."""
    by_day = {}
    for point in points:
        by_day.setdefault(point.on, point.x)
    days = sorted(by_day)
    kept: list[date] = []
    for day in days:
        if not kept or by_day[day] - by_day[kept[-1]] >= MIN_LABEL_GAP:
            kept.append(day)
    if days[-1] not in kept:
        if len(kept) > 1:
            kept.pop()
        kept.append(days[-1])
    months = {(day.year, day.month) for day in kept}
    pattern = "M Y" if len(months) == len(kept) else "j M Y"
    return tuple(Tick(position=by_day[day], label=format_date(day, pattern)) for day in kept)


def describe_trend(indicator, points) -> str:
    baseline, latest = points[0], points[-1]
    if len(points) == 1:
        return (
            f"Only the baseline so far: {baseline.value_text} on {baseline.date_text}. "
            "The trend will show once the network records observations."
        )
    observations = len(points) - 1
    values = [point.value for point in points]
    return (
        f"Baseline {baseline.value_text} on {baseline.date_text}. "
        f"Latest {latest.value_text} on {latest.date_text}: "
        f"{change_since_baseline(indicator, latest.value)}. "
        f"{observations} observation{'s' if observations != 1 else ''} after the baseline; "
        f"lowest {indicator.format_value(min(values))}, highest {indicator.format_value(max(values))}."
    )


def change_since_baseline(indicator, value) -> str:
    difference = Decimal(value) - indicator.baseline_value
    if difference == 0:
        return "no change since the baseline"
    if indicator.unit == "%":
        size = (
            f"{plain_number(abs(difference))} percentage point{'s' if abs(difference) != 1 else ''}"
        )
    else:
        size = indicator.format_value(abs(difference))
    went_up = difference > 0
    better = went_up == (indicator.direction == Direction.HIGHER)
    direction = "higher" if indicator.direction == Direction.HIGHER else "lower"
    verdict = "an improvement" if better else "a decline"
    return f"{'up' if went_up else 'down'} {size} since the baseline, {verdict} ({direction} is better)"


def table_rows(indicator, observations) -> tuple[TableRow, ...]:
    rows = [
        TableRow(
            on=indicator.baseline_on,
            date_text=long_date(indicator.baseline_on),
            value_text=indicator.format_value(indicator.baseline_value),
            change_text="Baseline",
            note="",
            is_baseline=True,
        )
    ]
    for observation in observations:
        difference = observation.value - indicator.baseline_value
        sign = "+" if difference > 0 else "−" if difference < 0 else "±"
        rows.append(
            TableRow(
                on=observation.observed_on,
                date_text=long_date(observation.observed_on),
                value_text=indicator.format_value(observation.value),
                change_text=f"{sign}{plain_number(abs(difference))}",
                note=observation.note,
                is_baseline=False,
            )
        )
    return tuple(rows)


def _decimal(value: float) -> Decimal:
    return Decimal(repr(round(value, 6)))
